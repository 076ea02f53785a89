using System.Text;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.State;
using ConnectOps.Engine.State.Operations;
using ConnectOps.Engine.Tests.Reconcilers;

namespace ConnectOps.Engine.Tests.State.Operations;

/// <summary>state mv / rm / pull / push / history / rollback on the local backend (the S3 ones run in S3RecoveryTests).</summary>
public sealed class StateOperationsTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly LocalStateStore _store;
    private readonly RecordingHost _host = new();
    private readonly StateOperations _ops;

    public StateOperationsTests()
    {
        _store = new LocalStateStore(_dir.File(".connectops", "state.json"));
        _ops = new StateOperations(_store, _host);
    }

    public void Dispose() => _dir.Dispose();

    private static readonly ResourceAddress Queue = ResourceAddress.Parse("Queues/CustomerService");

    private async Task<StateSnapshot> SeedAsync()
    {
        var doc = StateSerializerTests.Sample()
            .WithResource(ResourceAddress.Parse("RoutingProfiles/Agent"), new ResourceState("rp-1", "arn:rp-1", ResourceOrigin.Config,
                new System.Text.Json.Nodes.JsonObject(), new ConnectOps.Engine.Model.ValueList<ResourceAddress>([Queue])));
        return await _store.WriteAsync(doc, null);
    }

    [Fact]
    public async Task MoveRenamesTheAddressAndEveryDependsOnThatNamesIt()
    {
        var before = await SeedAsync();
        var to = ResourceAddress.Parse("Queues/Support");

        var result = await _ops.MoveAsync(Queue, to, CancellationToken.None);

        var after = (await _store.ReadAsync())!.Document;
        Assert.Equal(before.Document.Serial + 1, after.Serial);
        Assert.Null(after.Get(Queue));
        Assert.Equal("q-1", after.Get(to)!.Id);
        Assert.Equal(ResourceOrigin.Config, after.Get(to)!.Origin);
        Assert.Equal([to], after.Get(ResourceAddress.Parse("RoutingProfiles/Agent"))!.DependsOn);
        Assert.Equal(to, Assert.Single(result!.Entries).Address);
        Assert.Null(await _store.GetLockAsync());
    }

    [Fact]
    public async Task MoveRefusesAMissingSourceAnExistingDestinationAndAnotherComponentWritingNothing()
    {
        var before = await SeedAsync();

        var missing = await Assert.ThrowsAsync<StateOperationException>(() => _ops.MoveAsync(ResourceAddress.Parse("Queues/Nope"), ResourceAddress.Parse("Queues/X"), CancellationToken.None));
        var exists = await Assert.ThrowsAsync<StateOperationException>(() => _ops.MoveAsync(Queue, ResourceAddress.Parse("Users/john.smith"), CancellationToken.None));
        var same = await Assert.ThrowsAsync<StateOperationException>(() => _ops.MoveAsync(ResourceAddress.Parse("Users/john.smith"), ResourceAddress.Parse("Users/john.smith"), CancellationToken.None));

        Assert.Equal("ConnectOps.AddressNotInState", missing.ErrorId);
        Assert.Equal("ConnectOps.StateMoveAcrossComponents", exists.ErrorId);
        Assert.Equal("ConnectOps.StateMoveSameAddress", same.ErrorId);
        Assert.Equal(before.Document.Serial, (await _store.ReadAsync())!.Document.Serial);
        Assert.Null(await _store.GetLockAsync());
    }

    [Fact]
    public async Task MoveToAnExistingDestinationIsRefused()
    {
        var seeded = await SeedAsync();
        await _store.WriteAsync(seeded.Document.WithResource(ResourceAddress.Parse("Queues/Support"), new ResourceState("q-2", null, ResourceOrigin.Config)), seeded);

        var e = await Assert.ThrowsAsync<StateOperationException>(() => _ops.MoveAsync(Queue, ResourceAddress.Parse("Queues/Support"), CancellationToken.None));

        Assert.Equal("ConnectOps.AddressInState", e.ErrorId);
        Assert.Contains("Remove-ConnectStateResource", e.Message);
    }

    [Fact]
    public async Task WhatIfMovesNothing()
    {
        var before = await SeedAsync();
        _host.Answer = (_, _) => false;

        Assert.Null(await _ops.MoveAsync(Queue, ResourceAddress.Parse("Queues/Support"), CancellationToken.None));

        Assert.Equal(before.Document, (await _store.ReadAsync())!.Document);
        Assert.Equal(("Queues/CustomerService", "Move"), Assert.Single(_host.Asked));
    }

    [Fact]
    public async Task RemoveForgetsMatchingEntriesEachConfirmedAndRefusesUnknownLiteralAddresses()
    {
        await SeedAsync();
        _host.Answer = (target, _) => target != "Users/john.smith";

        var result = await _ops.RemoveAsync([AddressPattern.Parse("Queues/*"), AddressPattern.Parse("Users/*")], CancellationToken.None);

        Assert.Equal([Queue], result!.Entries.Select(e => e.Address));
        var after = (await _store.ReadAsync())!.Document;
        Assert.Null(after.Get(Queue));
        Assert.NotNull(after.Get(ResourceAddress.Parse("Users/john.smith")));

        var e = await Assert.ThrowsAsync<StateOperationException>(() => _ops.RemoveAsync([AddressPattern.Parse("Users/john.smith"), AddressPattern.Parse("Queues/Gone")], CancellationToken.None));
        Assert.Equal("ConnectOps.AddressNotInState", e.ErrorId);
        Assert.Contains("Queues/Gone", e.Message);
        Assert.NotNull((await _store.ReadAsync())!.Document.Get(ResourceAddress.Parse("Users/john.smith")));
    }

    [Fact]
    public async Task EveryWriteWaitsForOrFailsOnAHeldLock()
    {
        await SeedAsync();
        await using var held = await _store.AcquireLockAsync(new LockInfo("held-id", "bob@ci", "apply", DateTimeOffset.UtcNow, "0.1.0"));

        var e = await Assert.ThrowsAsync<StateLockedException>(() => _ops.MoveAsync(Queue, ResourceAddress.Parse("Queues/Support"), CancellationToken.None));
        Assert.Contains("bob@ci", e.Message);

        var waiting = new StateOperations(_store, _host) { LockTimeout = TimeSpan.FromSeconds(20) }.RemoveAsync([AddressPattern.Parse("Queues/*")], CancellationToken.None);
        await Task.Delay(400);
        Assert.False(waiting.IsCompleted);
        await held.DisposeAsync();
        Assert.Single((await waiting)!.Entries);
    }

    [Fact]
    public async Task HistoryListsNumberedVersionsWithWhoAndOperation()
    {
        var s = await SeedAsync();
        await _ops.MoveAsync(Queue, ResourceAddress.Parse("Queues/Support"), CancellationToken.None);

        var history = await _ops.HistoryAsync(10, CancellationToken.None);

        Assert.Equal([2L, 1L], history.Select(v => v.Serial!.Value));
        Assert.Equal("state mv", history[0].Operation);
        Assert.True(history[0].IsLatest);
        Assert.Equal("write", history[1].Operation);
        Assert.Equal(s.Document, StateSerializer.Deserialize(await _store.ReadVersionAsync(history[1].VersionId), "v", ""));
    }

    [Fact]
    public async Task RestoreWritesTheOldContentAsANewSerialAndKeepsHistory()
    {
        var first = await SeedAsync();
        await _ops.MoveAsync(Queue, ResourceAddress.Parse("Queues/Support"), CancellationToken.None);
        await _ops.RemoveAsync([AddressPattern.Parse("Users/*")], CancellationToken.None);

        var result = await _ops.RestoreAsync("1", force: false, CancellationToken.None);

        var now = (await _store.ReadAsync())!.Document;
        Assert.Equal(4, now.Serial);
        Assert.Equal(4, result!.Serial);
        Assert.Equal(first.Document with { Serial = 4 }, now);
        Assert.Equal([4L, 3L, 2L, 1L], (await _ops.HistoryAsync(10, CancellationToken.None)).Select(v => v.Serial!.Value));
    }

    [Fact]
    public async Task RestoreRecoversADamagedStateFile()
    {
        var first = await SeedAsync();
        var second = await _store.WriteAsync(first.Document.WithOutput("x", "1"), first);
        var bytes = await File.ReadAllBytesAsync(_store.StatePath);
        await File.WriteAllBytesAsync(_store.StatePath, bytes[..(bytes.Length / 3)]);
        var damaged = await Assert.ThrowsAsync<StateCorruptException>(() => _store.ReadAsync());
        Assert.Contains("Restore-ConnectState", damaged.Message);

        await _ops.RestoreAsync("2", force: false, CancellationToken.None);

        Assert.Equal(second.Document with { Serial = 3 }, (await _store.ReadAsync())!.Document);
    }

    [Fact]
    public async Task RestoreOfAnUnknownVersionSaysWhatThereIs()
    {
        await SeedAsync();

        var e = await Assert.ThrowsAsync<StateVersionNotFoundException>(() => _ops.RestoreAsync("42", false, CancellationToken.None));

        Assert.Contains("serial 1", e.Message);
        Assert.Contains("Get-ConnectStateHistory", e.Message);
    }

    [Fact]
    public async Task PushChecksLineageAndSerialAndForceOverridesWithAWarning()
    {
        var s = await SeedAsync();
        s = await _store.WriteAsync(s.Document, s);
        var older = Encoding.UTF8.GetBytes(StateSerializer.ToJson(s.Document with { Serial = 1 }));
        var otherLineage = Encoding.UTF8.GetBytes(StateSerializer.ToJson(StateSerializerTests.Sample() with { Serial = 9 }));
        var sameSerialOtherContent = Encoding.UTF8.GetBytes(StateSerializer.ToJson(s.Document.WithOutput("x", "y")));
        var newer = Encoding.UTF8.GetBytes(StateSerializer.ToJson(s.Document.WithOutput("x", "y") with { Serial = 5 }));

        Assert.Equal("ConnectOps.StateSerialBehind", (await Assert.ThrowsAsync<StateOperationException>(() => _ops.PushAsync(older, "old.json", false, CancellationToken.None))).ErrorId);
        Assert.Equal("ConnectOps.StateSerialConflict", (await Assert.ThrowsAsync<StateOperationException>(() => _ops.PushAsync(sameSerialOtherContent, "s.json", false, CancellationToken.None))).ErrorId);
        await Assert.ThrowsAsync<StateLineageMismatchException>(() => _ops.PushAsync(otherLineage, "other.json", false, CancellationToken.None));
        Assert.Equal(2, (await _store.ReadAsync())!.Document.Serial);
        Assert.Empty(_host.Warnings);

        var pushed = await _ops.PushAsync(newer, "new.json", false, CancellationToken.None);
        Assert.Equal(6, pushed!.Document.Serial);
        Assert.Equal("y", (await _store.ReadAsync())!.Document.Outputs["x"]);

        var forced = await _ops.PushAsync(otherLineage, "other.json", true, CancellationToken.None);
        Assert.Equal(10, forced!.Document.Serial);
        Assert.Contains(_host.Warnings, w => w.Contains("-Force", StringComparison.Ordinal) && w.Contains("lineage", StringComparison.Ordinal));
        Assert.Equal(StateSerializerTests.Sample().Resources.Count, (await _store.ReadAsync())!.Document.Resources.Count);
    }

    [Fact]
    public async Task ExportReturnsTheStoredBytesAndPushOfTheSameContentWritesNothing()
    {
        var s = await SeedAsync();

        var raw = await _ops.ExportAsync(CancellationToken.None);

        Assert.Equal(await File.ReadAllBytesAsync(_store.StatePath), raw.Content);
        Assert.Null(await _ops.PushAsync(raw.Content, "same.json", false, CancellationToken.None));
        Assert.Equal(s.Document.Serial, (await _store.ReadAsync())!.Document.Serial);
    }

    [Fact]
    public async Task MigrationToAnotherLocalFileKeepsLineageAndSerialAndRefusesAFullDestination()
    {
        var s = await SeedAsync();
        var destination = new LocalStateStore(_dir.File("elsewhere", "state.json"));

        var result = await _ops.MigrateAsync(destination, false, CancellationToken.None);

        Assert.Equal(s.Document, (await destination.ReadAsync())!.Document);
        Assert.Equal(s.Document.Serial, result!.Serial);
        Assert.Null(await destination.GetLockAsync());
        Assert.NotNull(await _store.ReadAsync());

        await _store.WriteAsync(s.Document.WithOutput("later", "1"), s);
        var e = await Assert.ThrowsAsync<StateOperationException>(() => _ops.MigrateAsync(destination, false, CancellationToken.None));
        Assert.Equal("ConnectOps.StateDestinationNotEmpty", e.ErrorId);
        await _ops.MigrateAsync(destination, true, CancellationToken.None);
        Assert.Equal("1", (await destination.ReadAsync())!.Document.Outputs["later"]);
    }
}
