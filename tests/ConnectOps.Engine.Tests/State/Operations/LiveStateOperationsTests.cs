using ConnectOps.Aws.Connect.Model;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.Reconcilers.Framework;
using ConnectOps.Engine.State;
using ConnectOps.Engine.State.Operations;
using ConnectOps.Engine.Tests.Reconcilers;

namespace ConnectOps.Engine.Tests.State.Operations;

/// <summary>import, refresh, refresh-only and drift against the emulator, on local state.</summary>
public sealed class LiveStateOperationsTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private static readonly ResourceAddress Billing = ResourceAddress.Parse("Queues/Billing");
    private static readonly ResourceAddress CustomerService = ResourceAddress.Parse("Queues/CustomerService");

    public async Task InitializeAsync() => await emulator.ResetAccountAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<(Workspace Ws, LiveStateOperations Ops)> OpenAsync(Harness h)
    {
        var ws = await h.OpenAsync();
        return (ws, new LiveStateOperations(ws.Config, ws.Store, ws.Aws, h.Host) { PollInterval = TimeSpan.FromMilliseconds(5) });
    }

    private static async Task<Harness> AppliedAsync(EmulatorFixture emulator, string alias)
    {
        var h = new Harness(emulator, Harness.BasicConfig(alias));
        var result = await h.ApplyAsync();
        Assert.True(result.Failed == 0, string.Join("\n", result.Outcomes.Select(o => $"{o.Address} {o.Status} {o.Message}")));
        return h;
    }

    [Fact]
    public async Task ImportByIdAndByNameAdoptWithOriginImportAndTheNextPlanIsEmpty()
    {
        using var h = await AppliedAsync(emulator, "import-one");
        var id = (await h.StateAsync()).Get(Billing)!.Id;
        var state = new StateOperations(h.Store, h.Host);
        await state.RemoveAsync([AddressPattern.Parse("Queues/Billing")], CancellationToken.None);
        var (ws, ops) = await OpenAsync(h);
        using var _ = ws;

        var byId = await ops.ImportAsync(Billing, id, null, CancellationToken.None);

        var entry = (await h.StateAsync()).Get(Billing)!;
        Assert.Equal(id, Assert.Single(byId!.Imported).Id);
        Assert.Equal(ResourceOrigin.Import, entry.Origin);
        Assert.Equal(5, JsonValues.AsLong(entry.Attributes["MaxContacts"]));
        Assert.Equal("Basic Hours", entry.Attributes["HoursOfOperation"]!.GetValue<string>()); // ids translate to keys
        Assert.Contains(ResourceAddress.Instance, entry.DependsOn);
        Assert.True((await h.PlanAsync()).IsEmpty);

        await state.RemoveAsync([AddressPattern.Parse("Queues/Billing")], CancellationToken.None);
        var byName = await ops.ImportAsync(Billing, null, "billing", CancellationToken.None);
        Assert.Equal(id, Assert.Single(byName!.Imported).Id);
        Assert.Equal(ResourceOrigin.Import, (await h.StateAsync()).Get(Billing)!.Origin);
    }

    [Fact]
    public async Task ImportRefusesWhatIsNotThereAndWhatIsAlreadyManaged()
    {
        using var h = await AppliedAsync(emulator, "import-refusals");
        var (ws, ops) = await OpenAsync(h);
        using var _ = ws;
        var serial = (await h.StateAsync()).Serial;
        var billingId = (await h.StateAsync()).Get(Billing)!.Id;

        var inState = await Assert.ThrowsAsync<StateOperationException>(() => ops.ImportAsync(Billing, "whatever", null, CancellationToken.None));
        var missing = await Assert.ThrowsAsync<StateOperationException>(() => ops.ImportAsync(ResourceAddress.Parse("Queues/Other"), "no-such-id", null, CancellationToken.None));
        var twice = await Assert.ThrowsAsync<StateOperationException>(() => ops.ImportAsync(ResourceAddress.Parse("Queues/Other"), billingId, null, CancellationToken.None));

        Assert.Equal("ConnectOps.AddressInState", inState.ErrorId);
        Assert.Equal("ConnectOps.ImportNotFound", missing.ErrorId);
        Assert.Equal("ConnectOps.ImportAlreadyManaged", twice.ErrorId);
        Assert.Contains("Move-ConnectStateResource", twice.Message);
        Assert.Equal(serial, (await h.StateAsync()).Serial);
    }

    [Fact]
    public async Task ImportAllAdoptsEveryConfigResourceAfterTheStateWasLost()
    {
        using var h = await AppliedAsync(emulator, "import-all");
        var before = await h.StateAsync();
        File.Delete(h.Store.StatePath);
        var (ws, ops) = await OpenAsync(h);
        using var _ = ws;

        var result = await ops.ImportAllAsync(CancellationToken.None);

        var after = await h.StateAsync();
        Assert.Equal(before.Resources.Keys.Order(), after.Resources.Keys.Order());
        Assert.All(after.Resources, p => Assert.Equal(before.Resources[p.Key].Id, p.Value.Id));
        Assert.All(after.Resources.Values, r => Assert.Equal(ResourceOrigin.Import, r.Origin));
        Assert.Equal(before.Instance!.Id, after.Instance!.Id);
        Assert.Equal(before.Resources.Count, result!.Imported.Count);
        var plan = await h.PlanAsync();
        Assert.True(plan.IsEmpty, PlanRenderer.Render(plan));
        Assert.Null(await ops.ImportAllAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ChangesOutsideShowInRefreshOnlyAndDriftAndSyncTakesThemInDroppingWhatIsGone()
    {
        using var h = await AppliedAsync(emulator, "refresh");
        var applied = await h.StateAsync();
        var (ws, ops) = await OpenAsync(h);
        using var _ = ws;
        Assert.False((await ops.DetectDriftAsync(new PlanScope(), CancellationToken.None)).HasDrift);
        var instance = applied.Instance!.Id;
        await ws.Aws.Connect.UpdateQueueMaxContactsAsync(new UpdateQueueMaxContactsRequest { InstanceId = instance, QueueId = applied.Get(CustomerService)!.Id, MaxContacts = 42 });
        await ws.Aws.Connect.DeleteQueueAsync(new DeleteQueueRequest { InstanceId = instance, QueueId = applied.Get(Billing)!.Id });

        var outside = await ops.RefreshOnlyAsync([], CancellationToken.None);
        var drift = await ops.DetectDriftAsync(new PlanScope(), CancellationToken.None);

        var changed = Assert.Single(outside.OutsideChanges, r => r.Status == RefreshStatus.Changed);
        Assert.Equal(CustomerService, changed.Address);
        var diff = Assert.Single(changed.Diffs);
        Assert.Equal(("MaxContacts", 100L, 42L), (diff.Path, JsonValues.AsLong(diff.Before)!.Value, JsonValues.AsLong(diff.After)!.Value));
        Assert.Equal(Billing, Assert.Single(outside.OutsideChanges, r => r.Status == RefreshStatus.Gone).Address);
        Assert.Contains("Objects have changed outside of ConnectOps", outside.Render(), StringComparison.Ordinal);
        Assert.Contains("~ MaxContacts: 100 -> 42", outside.Render(), StringComparison.Ordinal);
        Assert.Equal(applied.Serial, (await h.StateAsync()).Serial); // refresh-only writes nothing
        Assert.True(drift.HasDrift);
        Assert.Contains(drift.ConfigChanges, c => c.Address == CustomerService && c.Action == ChangeAction.Update);
        Assert.Contains(drift.ConfigChanges, c => c.Address == Billing && c.Action == ChangeAction.Create);

        var sync = await ops.SyncAsync([], CancellationToken.None);

        var synced = await h.StateAsync();
        Assert.Equal(applied.Serial + 1, sync!.Serial);
        Assert.Equal(42, JsonValues.AsLong(synced.Get(CustomerService)!.Attributes["MaxContacts"]));
        Assert.Null(synced.Get(Billing));
        Assert.Contains(h.Host.Warnings, w => w.Contains("Queues/Billing", StringComparison.Ordinal) && w.Contains("no longer exists", StringComparison.Ordinal));
        Assert.DoesNotContain((await ops.RefreshOnlyAsync([], CancellationToken.None)).OutsideChanges, r => r.Status != RefreshStatus.Unchanged);
        Assert.Null(await h.Store.GetLockAsync());
    }

    [Fact]
    public async Task ATargetedSyncTouchesOnlyItsTargets()
    {
        using var h = await AppliedAsync(emulator, "refresh-target");
        var applied = await h.StateAsync();
        var (ws, ops) = await OpenAsync(h);
        using var _ = ws;
        await ws.Aws.Connect.DeleteQueueAsync(new DeleteQueueRequest { InstanceId = applied.Instance!.Id, QueueId = applied.Get(Billing)!.Id });

        var result = await ops.SyncAsync([AddressPattern.Parse("Queues/CustomerService")], CancellationToken.None);

        Assert.Equal(RefreshStatus.Unchanged, Assert.Single(result!.Resources).Status);
        Assert.NotNull((await h.StateAsync()).Get(Billing));
    }

    [Fact]
    public async Task AResourceOutsideTheConfigIsImportedLeftAloneByPlansAndWatchedForDrift()
    {
        using var h = await AppliedAsync(emulator, "import-unmanaged");
        var applied = await h.StateAsync();
        var (ws, ops) = await OpenAsync(h);
        using var _ = ws;
        var hours = applied.Get(ResourceAddress.Parse("HoursOfOperation/UK Business Hours"))!.Id;
        var created = await ws.Aws.Connect.CreateQueueAsync(new CreateQueueRequest { InstanceId = applied.Instance!.Id, Name = "Adhoc", HoursOfOperationId = hours, MaxContacts = 3 });
        var adhoc = ResourceAddress.Parse("Queues/Adhoc");

        await ops.ImportAsync(adhoc, created.QueueArn, null, CancellationToken.None);

        Assert.Equal(created.QueueId, (await h.StateAsync()).Get(adhoc)!.Id);
        Assert.Contains(h.Host.Warnings, w => w.Contains("not in the config", StringComparison.Ordinal));
        var plan = await h.PlanAsync();
        Assert.True(plan.IsEmpty, PlanRenderer.Render(plan));
        Assert.Contains(plan.Changes, c => c.Address == adhoc && c.Unmanaged);

        await ws.Aws.Connect.UpdateQueueMaxContactsAsync(new UpdateQueueMaxContactsRequest { InstanceId = applied.Instance.Id, QueueId = created.QueueId, MaxContacts = 9 });
        var drift = await ops.DetectDriftAsync(new PlanScope(), CancellationToken.None);

        Assert.True(drift.HasDrift);
        Assert.Empty(drift.ConfigChanges);
        Assert.Equal(adhoc, Assert.Single(drift.OutsideChanges, r => r.Status == RefreshStatus.Changed).Address);
    }

    [Fact]
    public async Task AnApplyFailsAtOnceOnAHeldLockOrWaitsUpToItsLockTimeout()
    {
        using var h = await AppliedAsync(emulator, "apply-lock-timeout");
        var config = Harness.BasicConfig("apply-lock-timeout");
        config["Queues"]![0]!["MaxContacts"] = 77;
        h.Write(config);
        var held = await h.Store.AcquireLockAsync(new LockInfo("other-run", "ops@laptop", "state mv", DateTimeOffset.UtcNow, "0.1.0"));

        using (var ws = await h.OpenAsync())
        {
            var e = await Assert.ThrowsAsync<StateLockedException>(() => ws.ApplyAsync(null, new PlanScope(), new ApplyOptions(), CancellationToken.None));
            Assert.Equal("other-run", e.Holder!.Id);
        }

        using var waiting = await h.OpenAsync();
        var patient = new Workspace(waiting.Config, waiting.Store, waiting.Aws, h.Host) { PollInterval = TimeSpan.FromMilliseconds(5), LockTimeout = TimeSpan.FromSeconds(30) };
        var apply = patient.ApplyAsync(null, new PlanScope(), new ApplyOptions(), CancellationToken.None);
        await Task.Delay(600);
        Assert.False(apply.IsCompleted);
        await held.DisposeAsync();

        Assert.Equal(1, (await apply).Succeeded);
        Assert.Equal(77, JsonValues.AsLong((await h.StateAsync()).Get(CustomerService)!.Attributes["MaxContacts"]));
    }
}
