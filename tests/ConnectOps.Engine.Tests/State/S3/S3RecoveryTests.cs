using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.State;
using ConnectOps.Engine.State.Operations;
using ConnectOps.Engine.Tests.Reconcilers;

namespace ConnectOps.Engine.Tests.State.S3;

/// <summary>The disaster-recovery paths of docs/STATE_MANAGEMENT.md, each run against moto.</summary>
public sealed class S3RecoveryTests(MotoServer moto) : IClassFixture<MotoServer>, IDisposable
{
    private readonly MotoAdmin _admin = new(moto);
    private readonly RecordingHost _host = new();

    public void Dispose() => _admin.Dispose();

    private async Task<(S3StateStore Store, StateOperations Ops, StateSnapshot Second)> TwoVersionsAsync()
    {
        var bucket = await _admin.CreateBucketAsync();
        var store = new S3StateStore(moto.Settings(bucket));
        var ops = new StateOperations(store, _host);
        var first = await store.WriteAsync(StateSerializerTests.Sample(), null);
        var second = await store.WriteAsync(first.Document.WithOutput("good", "yes"), first);
        return (store, ops, second);
    }

    [MotoFact]
    public async Task ATruncatedStateObjectIsRestoredFromItsHistoryAsANewVersion()
    {
        var (store, ops, good) = await TwoVersionsAsync();
        using var _ = store;
        var json = StateSerializer.ToJson(good.Document);
        await _admin.PutTextAsync(store.Settings.Bucket, store.Settings.Key, json[..(json.Length / 2)]);
        await Assert.ThrowsAsync<StateCorruptException>(() => store.ReadAsync());

        var history = await ops.HistoryAsync(10, CancellationToken.None);
        Assert.Null(history[0].Serial); // the damaged version was not written by ConnectOps
        var result = await ops.RestoreAsync("2", force: false, CancellationToken.None);

        var now = (await store.ReadAsync())!.Document;
        Assert.Equal(good.Document with { Serial = 3 }, now);
        Assert.Equal(3, result!.Serial);
        var after = await ops.HistoryAsync(10, CancellationToken.None);
        Assert.Equal(4, after.Count); // 1, 2, the damaged one, and the restore: nothing deleted
        Assert.Equal("state restore", after[0].Operation);
    }

    [MotoFact]
    public async Task ADeletedStateObjectIsRestoredFromItsHistory()
    {
        var (store, ops, good) = await TwoVersionsAsync();
        using var _ = store;
        await _admin.DeleteAsync(store.Settings.Bucket, store.Settings.Key);
        Assert.Null(await store.ReadAsync());

        var history = await ops.HistoryAsync(10, CancellationToken.None);
        Assert.True(history[0].IsDeleteMarker);
        await Assert.ThrowsAsync<StateVersionNotFoundException>(() => ops.RestoreAsync(history[0].VersionId, false, CancellationToken.None));
        await ops.RestoreAsync(history[1].VersionId, force: false, CancellationToken.None);

        Assert.Equal(good.Document with { Serial = 3 }, (await store.ReadAsync())!.Document);
    }

    [MotoFact]
    public async Task RestoreOfAnotherLineageNeedsForce()
    {
        var (store, ops, _) = await TwoVersionsAsync();
        using var __ = store;
        var current = (await store.ReadAsync())!;
        await store.ReplaceAsync(StateSerializerTests.Sample() with { Serial = 3 }, current.ETag);

        await Assert.ThrowsAsync<StateLineageMismatchException>(() => ops.RestoreAsync("2", false, CancellationToken.None));
        await ops.RestoreAsync("2", true, CancellationToken.None);

        Assert.Equal(current.Document.Lineage, (await store.ReadAsync())!.Document.Lineage);
        Assert.Contains(_host.Warnings, w => w.Contains("-Force", StringComparison.Ordinal));
    }

    [MotoFact]
    public async Task WithoutVersioningThereIsNoHistoryToRestoreAndTheErrorSaysWhy()
    {
        var bucket = await _admin.CreateBucketAsync(versioned: false);
        using var store = new S3StateStore(moto.Settings(bucket));
        var s = await store.WriteAsync(StateSerializerTests.Sample(), null);
        await store.WriteAsync(s.Document, s);
        var ops = new StateOperations(store, _host);

        var e = await Assert.ThrowsAsync<StateVersionNotFoundException>(() => ops.RestoreAsync("1", false, CancellationToken.None));

        Assert.Contains("versioning", e.Message);
    }

    [MotoFact]
    public async Task LocalStateMigratesIntoS3UnderBothLocksKeepingLineageAndSerial()
    {
        using var dir = new TempFolder();
        var local = new LocalStateStore(dir.File("state.json"));
        var s = await local.WriteAsync(StateSerializerTests.Sample(), null);
        s = await local.WriteAsync(s.Document.WithOutput("a", "b"), s);
        var bucket = await _admin.CreateBucketAsync();
        using var s3 = new S3StateStore(moto.Settings(bucket, "prod/state.json"));

        var result = await new StateOperations(local, _host).MigrateAsync(s3, false, CancellationToken.None);

        var there = (await s3.ReadAsync())!.Document;
        Assert.Equal(s.Document, there);
        Assert.Equal(2, result!.Serial);
        Assert.Null(await s3.GetLockAsync());
        Assert.Null(await local.GetLockAsync());
        Assert.Equal("state migrate", (await s3.GetHistoryAsync(1))[0].Operation);
        // The migrated state is the team's now: the next write continues the serial.
        var next = await s3.WriteAsync(there.WithoutResource(ResourceAddress.Parse("Users/john.smith")), await s3.ReadAsync());
        Assert.Equal(3, next.Document.Serial);
    }

    [MotoFact]
    public async Task MigrationRefusesWhileTheDestinationIsLocked()
    {
        using var dir = new TempFolder();
        var local = new LocalStateStore(dir.File("state.json"));
        await local.WriteAsync(StateSerializerTests.Sample(), null);
        var bucket = await _admin.CreateBucketAsync();
        using var s3 = new S3StateStore(moto.Settings(bucket));
        await using var held = await s3.AcquireLockAsync(new LockInfo("ci-lock", "ci@runner", "apply", DateTimeOffset.UtcNow, "0.1.0"));

        var e = await Assert.ThrowsAsync<StateLockedException>(() => new StateOperations(local, _host).MigrateAsync(s3, false, CancellationToken.None));

        Assert.Equal("ci-lock", e.Holder!.Id);
        Assert.Null(await s3.ReadAsync());
        Assert.Null(await local.GetLockAsync());
    }
}
