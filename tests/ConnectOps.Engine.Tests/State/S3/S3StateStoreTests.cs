using System.Text;
using Amazon.S3;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.State;

namespace ConnectOps.Engine.Tests.State.S3;

public sealed class S3StateStoreTests(MotoServer moto) : IClassFixture<MotoServer>, IDisposable
{
    private readonly MotoAdmin _admin = new(moto);

    public void Dispose() => _admin.Dispose();

    private async Task<S3StateStore> NewStoreAsync(bool versioned = true)
    {
        var bucket = await _admin.CreateBucketAsync(versioned);
        return new S3StateStore(moto.Settings(bucket));
    }

    [MotoFact]
    public async Task ReadsNothingBeforeTheFirstWriteThenEachWriteIncrementsTheSerial()
    {
        using var store = await NewStoreAsync();
        Assert.False(await store.ExistsAsync());
        Assert.Null(await store.ReadAsync());

        var first = await store.WriteAsync(StateSerializerTests.Sample(), null);
        var second = await store.WriteAsync(first.Document.WithOutput("x", "y"), first);

        Assert.Equal(1, first.Document.Serial);
        Assert.Equal(2, second.Document.Serial);
        var read = await store.ReadAsync();
        Assert.Equal(second.Document, read!.Document);
        Assert.Equal(second.ETag, read.ETag);
        Assert.True(await store.ExistsAsync());
    }

    [MotoFact]
    public async Task AWriteRacingAnotherIsRefusedAndNothingIsLost()
    {
        using var store = await NewStoreAsync();
        using var other = new S3StateStore(store.Settings);
        var first = await store.WriteAsync(StateSerializerTests.Sample(), null);
        var mine = await store.ReadAsync();
        var theirs = await other.ReadAsync();

        var won = await other.WriteAsync(theirs!.Document.WithOutput("theirs", "1"), theirs);
        var e = await Assert.ThrowsAsync<StateConflictException>(() => store.WriteAsync(mine!.Document.WithOutput("mine", "1"), mine));

        Assert.Equal("ConnectOps.StateConflict", e.ErrorId);
        Assert.Contains("serial 2", e.Message);
        Assert.Contains("run this command again", e.Message);
        var now = (await store.ReadAsync())!.Document;
        Assert.Equal(won.Document, now);
        Assert.Equal("1", now.Outputs["theirs"]);
        Assert.False(now.Outputs.ContainsKey("mine"));
        Assert.Equal(first.Document.Lineage, now.Lineage);
    }

    [MotoFact]
    public async Task AFirstWriteOverExistingStateIsRefusedByLineageOrAsAConflict()
    {
        using var store = await NewStoreAsync();
        var first = await store.WriteAsync(StateSerializerTests.Sample(), null);

        var lineage = await Assert.ThrowsAsync<StateLineageMismatchException>(() => store.WriteAsync(StateSerializerTests.Sample(), null));
        Assert.Contains("lineage", lineage.Message);
        await Assert.ThrowsAsync<StateConflictException>(() => store.WriteAsync(first.Document, null));
        await Assert.ThrowsAsync<StateLineageMismatchException>(() => store.WriteAsync(StateSerializerTests.Sample(), first));
        Assert.Equal(1, (await store.ReadAsync())!.Document.Serial);
    }

    [MotoFact]
    public async Task EveryWriteRecordsWhoAndWhichOperationAsMetadataAndEncrypts()
    {
        using var store = await NewStoreAsync();
        var info = LockInfo.Create("apply");
        await using (await store.AcquireLockAsync(info))
        {
            await store.WriteAsync(StateSerializerTests.Sample(), null);
        }

        var head = await _admin.HeadAsync(store.Settings.Bucket, store.Settings.Key);
        Assert.Equal("1", head.Metadata["connectops-serial"]);
        Assert.Equal("apply", head.Metadata["connectops-operation"]);
        Assert.Equal(info.Who, Uri.UnescapeDataString(head.Metadata["connectops-who"]));
        Assert.Equal(info.Id, head.Metadata["connectops-lock-id"]);
        Assert.Equal(ServerSideEncryptionMethod.AES256, head.ServerSideEncryptionMethod);
    }

    [MotoFact]
    public async Task SseKmsIsUsedWhenAKeyIsGiven()
    {
        var bucket = await _admin.CreateBucketAsync();
        using var store = new S3StateStore(moto.Settings(bucket) with { KmsKeyId = "alias/connectops-state" });
        await store.WriteAsync(StateSerializerTests.Sample(), null);

        var head = await _admin.HeadAsync(bucket, store.Settings.Key);
        Assert.Equal(ServerSideEncryptionMethod.AWSKMS, head.ServerSideEncryptionMethod);
        Assert.Equal("alias/connectops-state", head.ServerSideEncryptionKeyManagementServiceKeyId);
    }

    [MotoFact]
    public async Task AMissingBucketIsAClearErrorWithItsName()
    {
        using var store = new S3StateStore(moto.Settings("no-such-bucket-" + Guid.NewGuid().ToString("N")[..8]));

        var read = await Assert.ThrowsAsync<StateBackendException>(() => store.ReadAsync());
        var check = await Assert.ThrowsAsync<StateBackendException>(() => store.CheckAsync());

        Assert.Equal("ConnectOps.StateBucketNotFound", read.ErrorId);
        Assert.Equal(StateBackendFailure.NotFound, read.Failure);
        Assert.Contains(store.Settings.Bucket, read.Message);
        Assert.Contains("versioning", read.Message);
        Assert.Equal("ConnectOps.StateBucketNotFound", check.ErrorId);
    }

    [MotoFact]
    public async Task WarnsWhenVersioningIsOffAndNotWhenItIsOn()
    {
        using var off = await NewStoreAsync(versioned: false);
        using var on = await NewStoreAsync(versioned: true);

        var warning = await off.CheckAsync();

        Assert.NotNull(warning);
        Assert.Contains("Versioning is off", warning);
        Assert.Contains("put-bucket-versioning", warning);
        Assert.Null(await on.CheckAsync());
    }

    [MotoFact]
    public async Task ACorruptedStateObjectIsAClearErrorThatNamesTheRecovery()
    {
        using var store = await NewStoreAsync();
        var first = await store.WriteAsync(StateSerializerTests.Sample(), null);
        var json = StateSerializer.ToJson(first.Document);
        await _admin.PutTextAsync(store.Settings.Bucket, store.Settings.Key, json[..(json.Length / 2)]);

        var e = await Assert.ThrowsAsync<StateCorruptException>(() => store.ReadAsync());

        Assert.Equal("ConnectOps.StateCorrupt", e.ErrorId);
        Assert.Contains(store.Location, e.Message);
        Assert.Contains("Restore-ConnectState", e.Message);
        Assert.Contains("Get-ConnectStateHistory", e.Message);
    }

    [MotoFact]
    public async Task HistoryListsEveryVersionNewestFirstWithSerialWhoAndOperation()
    {
        using var store = await NewStoreAsync();
        var s = await store.WriteAsync(StateSerializerTests.Sample(), null);
        await using (await store.AcquireLockAsync(LockInfo.Create("state mv")))
        {
            s = await store.WriteAsync(s.Document.WithOutput("a", "1"), s);
        }
        s = await store.WriteAsync(s.Document.WithOutput("b", "2"), s);
        await (await store.AcquireLockAsync(LockInfo.Create("noise"))).DisposeAsync(); // lock object versions must not show

        var history = await store.GetHistoryAsync(10);

        Assert.Equal([3L, 2L, 1L], history.Select(v => v.Serial!.Value));
        Assert.True(history[0].IsLatest);
        Assert.Equal("state mv", history[1].Operation);
        Assert.Equal("write", history[2].Operation);
        Assert.All(history, v => Assert.False(string.IsNullOrEmpty(v.Who)));
        var second = StateSerializer.Deserialize(await store.ReadVersionAsync(history[1].VersionId), "v", "");
        Assert.Equal(2, second.Serial);
        Assert.Equal(2, (await store.GetHistoryAsync(2)).Count);
        await Assert.ThrowsAsync<StateVersionNotFoundException>(() => store.ReadVersionAsync("no-such-version"));
    }

    [MotoFact]
    public async Task ADeletedStateObjectShowsAsADeleteMarkerAndItsVersionsStayReadable()
    {
        using var store = await NewStoreAsync();
        var s = await store.WriteAsync(StateSerializerTests.Sample(), null);
        s = await store.WriteAsync(s.Document.WithOutput("a", "1"), s);
        await _admin.DeleteAsync(store.Settings.Bucket, store.Settings.Key);

        Assert.Null(await store.ReadAsync());
        var history = await store.GetHistoryAsync(10);

        Assert.True(history[0].IsDeleteMarker);
        Assert.Equal(2, history[1].Serial);
        var restored = await store.ReplaceAsync(s.Document with { Serial = 3 }, null);
        Assert.Equal(3, (await store.ReadAsync())!.Document.Serial);
        Assert.Equal(restored.ETag, (await store.ReadAsync())!.ETag);
    }

    [MotoFact]
    public async Task ReplaceRefusesWhenTheStateIsNotTheOneExpected()
    {
        using var store = await NewStoreAsync();
        var s = await store.WriteAsync(StateSerializerTests.Sample(), null);
        await store.WriteAsync(s.Document, s);

        await Assert.ThrowsAsync<StateConflictException>(() => store.ReplaceAsync(s.Document with { Serial = 9 }, s.ETag));
        await Assert.ThrowsAsync<StateConflictException>(() => store.ReplaceAsync(s.Document with { Serial = 9 }, null));
        Assert.Equal(2, (await store.ReadAsync())!.Document.Serial);
    }

    [MotoFact]
    public async Task RequestsAreCountedPerOperation()
    {
        using var store = await NewStoreAsync();
        await store.ReadAsync();
        var s = await store.WriteAsync(StateSerializerTests.Sample(), null);
        await store.WriteAsync(s.Document, s);

        var counts = store.Requests.Snapshot();
        Assert.Equal(1, counts["S3.GetObject"]);
        Assert.Equal(2, counts["S3.PutObject"]);
    }

    [MotoFact]
    public async Task A409ConditionalRequestConflictIsRetriedWhileTheStateIsUnchanged()
    {
        var bucket = await _admin.CreateBucketAsync();
        using var proxy = new FaultProxy(moto.Endpoint);
        using var store = new S3StateStore(moto.Settings(bucket) with { S3Endpoint = proxy.Endpoint });
        var first = await store.WriteAsync(StateSerializerTests.Sample(), null);
        var conflicts = 0;
        proxy.Fault = r => r.HttpMethod == "PUT" && r.Headers["If-Match"] is not null && Interlocked.Increment(ref conflicts) <= 2
            ? (409, "ConditionalRequestConflict")
            : null;

        var second = await store.WriteAsync(first.Document.WithOutput("x", "1"), first);

        Assert.Equal(2, second.Document.Serial);
        Assert.Equal(3, conflicts); // two refused, the third landed
        Assert.Equal(second.Document, (await store.ReadAsync())!.Document);
    }

    [MotoFact]
    public async Task A409WhenTheStateMovedOnIsAConflictNotARetry()
    {
        var bucket = await _admin.CreateBucketAsync();
        using var proxy = new FaultProxy(moto.Endpoint);
        using var store = new S3StateStore(moto.Settings(bucket) with { S3Endpoint = proxy.Endpoint });
        using var other = new S3StateStore(moto.Settings(bucket));
        var first = await store.WriteAsync(StateSerializerTests.Sample(), null);
        await other.WriteAsync(first.Document.WithOutput("other", "1"), first);
        proxy.Fault = r => r.HttpMethod == "PUT" && r.Headers["If-Match"] is not null ? (409, "ConditionalRequestConflict") : null;

        await Assert.ThrowsAsync<StateConflictException>(() => store.WriteAsync(first.Document.WithOutput("mine", "1"), first));

        Assert.Single(proxy.Seen, s => s.StartsWith("PUT", StringComparison.Ordinal) && s.Contains('"'));
        Assert.Equal("1", (await store.ReadAsync())!.Document.Outputs["other"]);
    }
}
