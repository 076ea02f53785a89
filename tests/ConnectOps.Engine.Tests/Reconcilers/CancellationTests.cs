using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Engine.Tests.Reconcilers;

/// <summary>Ctrl+C during an apply: in-flight calls finish and are saved, nothing new starts, the next run converges.</summary>
public sealed class CancellationTests : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private readonly EmulatorFixture _emulator;

    public CancellationTests(EmulatorFixture emulator) => _emulator = emulator;

    public Task InitializeAsync() => _emulator.ResetAccountAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Cancelling_after_the_first_change_saves_what_finished_and_starts_nothing_new()
    {
        using var h = new Harness(_emulator, Harness.BasicConfig("cancel"));
        using var cts = new CancellationTokenSource();
        using var ws = await h.OpenAsync();
        // The instance is the first change and everything waits for it: cancel as soon as it is done.
        var options = new ApplyOptions { Progress = p => { if (p.Component == Component.Instance) cts.Cancel(); } };

        var result = await ws.ApplyAsync(null, new PlanScope(), options, cts.Token);

        var instance = Assert.Single(result.Outcomes, o => o.Address == ResourceAddress.Instance);
        Assert.Equal(ChangeStatus.Succeeded, instance.Status);
        Assert.Contains(result.Outcomes, o => o.Status == ChangeStatus.Skipped);
        var state = await h.StateAsync();
        Assert.NotNull(state.Instance);
        // Whatever finished is in state; whatever was skipped is not.
        foreach (var o in result.Outcomes)
            Assert.Equal(o.Status == ChangeStatus.Succeeded, state.Resources.ContainsKey(o.Address));

        var again = await h.ApplyAsync();
        Assert.Equal(0, again.Failed);
        Assert.True((await h.PlanAsync()).IsEmpty);
        Assert.Null(await h.Store.GetLockAsync());
    }
}
