using System.Text.Json.Nodes;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.State;

namespace ConnectOps.Engine.Tests.Reconcilers;

/// <summary>
/// What the per-component tests share: a fresh emulator account per test, applies that must succeed,
/// the write calls the emulator served since the last reset, and the "next plan is empty" check.
/// </summary>
public abstract class ComponentTestBase : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    protected ComponentTestBase(EmulatorFixture emulator) => Emulator = emulator;

    internal EmulatorFixture Emulator { get; }

    public async Task InitializeAsync()
    {
        await Emulator.ResetAccountAsync();
        await Emulator.ResetCallsAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Applies and fails the test with every failed outcome's message when anything failed.</summary>
    internal static async Task<ApplyResult> ApplyOkAsync(Harness h, ApplyOptions? options = null)
    {
        var result = await h.ApplyAsync(options: options);
        Assert.True(result.Failed == 0 && result.Skipped == 0, string.Join("\n", result.Outcomes.Where(o => o.Status != ChangeStatus.Succeeded).Select(o => $"{o.Address} {o.Status} {o.Message}")));
        return result;
    }

    /// <summary>Writes the config, resets the call counts, applies (must succeed) and returns the write calls served.</summary>
    internal async Task<Dictionary<string, int>> ApplyChangeAsync(Harness h, JsonObject config)
    {
        h.Write(config);
        await Emulator.ResetCallsAsync();
        await ApplyOkAsync(h);
        return await WritesAsync();
    }

    /// <summary>Calls other than reads (Describe/List/Search/Get) served since the last reset.</summary>
    internal async Task<Dictionary<string, int>> WritesAsync() =>
        (await Emulator.CallsAsync()).Where(c => !IsRead(c.Key)).ToDictionary(c => c.Key, c => c.Value);

    internal static async Task AssertPlanEmptyAsync(Harness h)
    {
        var plan = await h.PlanAsync();
        Assert.True(plan.IsEmpty, PlanRenderer.Render(plan));
    }

    internal static ResourceChange Single(Plan plan, string address) =>
        Assert.Single(plan.Changes, c => c.Address.ToString() == address);

    internal static async Task<ResourceState> ResourceAsync(Harness h, string address) =>
        (await h.StateAsync()).Resources[ResourceAddress.Parse(address)];

    internal static Dictionary<string, int> Calls(params (string Operation, int Count)[] calls) =>
        calls.ToDictionary(c => "Connect." + c.Operation, c => c.Count);

    internal static bool IsRead(string op) =>
        op.Split('.')[1] is var name && (name.StartsWith("Describe", StringComparison.Ordinal) || name.StartsWith("List", StringComparison.Ordinal)
            || name.StartsWith("Search", StringComparison.Ordinal) || name.StartsWith("Get", StringComparison.Ordinal));

    internal static JsonNode Json(string text) => JsonNode.Parse(text)!;
}
