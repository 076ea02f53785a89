using System.Diagnostics;
using ConnectOps.Engine.State;

namespace ConnectOps.Engine.Tests.State.S3;

/// <summary>The S3 lock object and the DynamoDB lock table behave the same: each test runs on both.</summary>
public sealed class S3StateLockTests(MotoServer moto) : IClassFixture<MotoServer>, IDisposable
{
    private readonly MotoAdmin _admin = new(moto);

    public void Dispose() => _admin.Dispose();

    private async Task<(S3StateStore A, S3StateStore B)> TwoStoresAsync(bool lockTable)
    {
        var bucket = await _admin.CreateBucketAsync();
        var table = lockTable ? await _admin.CreateLockTableAsync() : null;
        var settings = moto.Settings(bucket, lockTable: table);
        // Independent stores with their own clients, as two machines would have.
        return (new S3StateStore(settings), new S3StateStore(settings));
    }

    [MotoFact]
    public Task ASecondAcquirerFailsAtOnceWithTheHoldersDetails_S3() => SecondAcquirerFails(lockTable: false);

    [MotoFact]
    public Task ASecondAcquirerFailsAtOnceWithTheHoldersDetails_DynamoDb() => SecondAcquirerFails(lockTable: true);

    private async Task SecondAcquirerFails(bool lockTable)
    {
        var (a, b) = await TwoStoresAsync(lockTable);
        using var _ = a;
        using var __ = b;
        var holder = new LockInfo(Guid.NewGuid().ToString(), "alice@laptop", "apply", DateTimeOffset.UtcNow, "0.1.0");
        await using var held = await a.AcquireLockAsync(holder);

        var watch = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<StateLockedException>(() => b.AcquireLockAsync(LockInfo.Create("apply")));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Equal("ConnectOps.StateLocked", e.ErrorId);
        Assert.Equal(holder.Id, e.Holder!.Id);
        Assert.Equal("alice@laptop", e.Holder.Who);
        Assert.Equal("apply", e.Holder.Operation);
        Assert.Contains("alice@laptop", e.Message);
        Assert.Contains($"Unlock-ConnectState -LockId {holder.Id}", e.Message);
        Assert.Equal(holder.Id, (await b.GetLockAsync())!.Id);
    }

    [MotoFact]
    public Task AWaiterGetsTheLockWhenTheHolderReleasesIt_S3() => WaiterGetsLock(lockTable: false);

    [MotoFact]
    public Task AWaiterGetsTheLockWhenTheHolderReleasesIt_DynamoDb() => WaiterGetsLock(lockTable: true);

    private async Task WaiterGetsLock(bool lockTable)
    {
        var (a, b) = await TwoStoresAsync(lockTable);
        using var _ = a;
        using var __ = b;
        var held = await a.AcquireLockAsync(LockInfo.Create("apply"));
        var waiting = b.AcquireLockAsync(LockInfo.Create("apply"), TimeSpan.FromSeconds(30));
        await Task.Delay(500);
        Assert.False(waiting.IsCompleted);

        await held.DisposeAsync();
        await using var got = await waiting;

        Assert.Equal(got.Info.Id, (await a.GetLockAsync())!.Id);
    }

    [MotoFact]
    public async Task AWaiterGivesUpAfterTheTimeoutWithTheHoldersDetails()
    {
        var (a, b) = await TwoStoresAsync(lockTable: false);
        using var _ = a;
        using var __ = b;
        await using var held = await a.AcquireLockAsync(LockInfo.Create("apply"));

        var watch = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<StateLockedException>(() => b.AcquireLockAsync(LockInfo.Create("apply"), TimeSpan.FromSeconds(1)));

        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
        Assert.Equal(held.Info.Id, e.Holder!.Id);
    }

    [MotoFact]
    public Task AStaleLockIsRemovedOnlyWithItsId_S3() => StaleLock(lockTable: false);

    [MotoFact]
    public Task AStaleLockIsRemovedOnlyWithItsId_DynamoDb() => StaleLock(lockTable: true);

    private async Task StaleLock(bool lockTable)
    {
        var (a, b) = await TwoStoresAsync(lockTable);
        using var _ = a;
        using var __ = b;
        // A run that died: its lock is never released.
        var dead = await a.AcquireLockAsync(LockInfo.Create("apply"));

        var wrong = await Assert.ThrowsAsync<StateUnlockException>(() => b.ForceUnlockAsync(Guid.NewGuid().ToString()));
        Assert.Equal("ConnectOps.StateUnlockRefused", wrong.ErrorId);
        Assert.Contains(dead.Info.Id, wrong.Message);
        Assert.NotNull(await b.GetLockAsync());

        await b.ForceUnlockAsync(dead.Info.Id);

        Assert.Null(await b.GetLockAsync());
        await using var mine = await b.AcquireLockAsync(LockInfo.Create("apply"));
        var none = await Assert.ThrowsAsync<StateLockedException>(() => a.AcquireLockAsync(LockInfo.Create("apply")));
        Assert.Equal(mine.Info.Id, none.Holder!.Id);
    }

    [MotoFact]
    public Task ReleasingALockThatWasForceUnlockedAndRetakenLeavesTheNewHoldersLock_S3() => ReleaseOnlyOurs(lockTable: false);

    [MotoFact]
    public Task ReleasingALockThatWasForceUnlockedAndRetakenLeavesTheNewHoldersLock_DynamoDb() => ReleaseOnlyOurs(lockTable: true);

    private async Task ReleaseOnlyOurs(bool lockTable)
    {
        var (a, b) = await TwoStoresAsync(lockTable);
        using var _ = a;
        using var __ = b;
        var slow = await a.AcquireLockAsync(LockInfo.Create("apply"));
        await b.ForceUnlockAsync(slow.Info.Id);
        var taken = await b.AcquireLockAsync(LockInfo.Create("apply"));

        await slow.DisposeAsync();

        Assert.Equal(taken.Info.Id, (await a.GetLockAsync())!.Id);
        await taken.DisposeAsync();
        Assert.Null(await a.GetLockAsync());
    }

    [MotoFact]
    public async Task UnlockingAnUnlockedStateIsRefused()
    {
        var (a, b) = await TwoStoresAsync(lockTable: false);
        using var _ = a;
        using var __ = b;

        var e = await Assert.ThrowsAsync<StateUnlockException>(() => a.ForceUnlockAsync("x"));

        Assert.Contains("not locked", e.Message);
    }

    [MotoFact]
    public async Task TheDynamoDbLockItemHasTerraformsLayout()
    {
        var bucket = await _admin.CreateBucketAsync();
        var table = await _admin.CreateLockTableAsync();
        using var store = new S3StateStore(moto.Settings(bucket, "prod/connect.json", table));
        await using var held = await store.AcquireLockAsync(LockInfo.Create("apply"));

        var item = await _admin.GetLockItemAsync(table, $"{bucket}/prod/connect.json");

        Assert.NotNull(item);
        var info = System.Text.Json.JsonDocument.Parse(item!["Info"].S).RootElement;
        Assert.Equal(held.Info.Id, info.GetProperty("ID").GetString());
        Assert.Equal("apply", info.GetProperty("Operation").GetString());
        Assert.Equal(held.Info.Who, info.GetProperty("Who").GetString());
        Assert.Equal($"{bucket}/prod/connect.json", info.GetProperty("Path").GetString());
        Assert.True(info.TryGetProperty("Created", out _));
        Assert.True(info.TryGetProperty("Version", out _));
        // No S3 lock object when the table locks.
        Assert.Null(await _admin.GetTextAsync(bucket, "prod/connect.json.lock"));
    }

    [MotoFact]
    public async Task AMissingLockTableIsAClearError()
    {
        var bucket = await _admin.CreateBucketAsync();
        using var store = new S3StateStore(moto.Settings(bucket, lockTable: "no-such-table"));

        var e = await Assert.ThrowsAsync<StateBackendException>(() => store.AcquireLockAsync(LockInfo.Create("apply")));

        Assert.Equal("ConnectOps.StateLockTableNotFound", e.ErrorId);
        Assert.Contains("no-such-table", e.Message);
        Assert.Contains("LockID", e.Message);
    }

    [MotoFact]
    public async Task TheS3LockObjectHoldsTheLockRecordAndGoesAwayOnRelease()
    {
        var bucket = await _admin.CreateBucketAsync();
        using var store = new S3StateStore(moto.Settings(bucket));
        var held = await store.AcquireLockAsync(LockInfo.Create("state rm"));

        var text = await _admin.GetTextAsync(bucket, store.Settings.LockKey);
        Assert.Contains(held.Info.Id, text);
        Assert.Contains("state rm", text);

        await held.DisposeAsync();
        Assert.Null(await _admin.GetTextAsync(bucket, store.Settings.LockKey));
    }
}
