using System.Text;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.State;

namespace ConnectOps.Engine.Tests.State;

public sealed class LocalStateStoreTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly LocalStateStore _store;

    public LocalStateStoreTests() => _store = new LocalStateStore(_dir.File(".connectops", "state.json"));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void DefaultsToDotConnectopsBesideTheConfig()
    {
        var store = LocalStateStore.ForConfig(_dir.File("connectops.psd1"));

        Assert.Equal(_dir.File(".connectops", "state.json"), store.StatePath);
        Assert.Equal(_dir.File(".connectops", "state.lock"), store.LockPath);
    }

    [Fact]
    public async Task ReadsNothingBeforeTheFirstWrite()
    {
        Assert.False(await _store.ExistsAsync());
        Assert.Null(await _store.ReadAsync());
    }

    [Fact]
    public async Task EachWriteIncrementsTheSerialAndReadsBack()
    {
        var first = await _store.WriteAsync(StateSerializerTests.Sample(), null);
        var second = await _store.WriteAsync(first.Document.WithOutput("x", "y"), first);

        Assert.Equal(1, first.Document.Serial);
        Assert.Equal(2, second.Document.Serial);
        var read = await _store.ReadAsync();
        Assert.Equal(second.Document, read!.Document);
        Assert.Equal(second.ETag, read.ETag);
    }

    [Fact]
    public async Task WritesAtomicallyLeavingNoTempFilesAndABackupOfThePreviousSerial()
    {
        var first = await _store.WriteAsync(StateSerializerTests.Sample(), null);
        await _store.WriteAsync(first.Document, first);

        var files = Directory.GetFiles(_dir.File(".connectops")).Select(Path.GetFileName).Order();
        Assert.Equal(["state.json", "state.json.backup"], files);
        var backup = StateSerializer.Deserialize(await File.ReadAllBytesAsync(_store.BackupPath), "b", "");
        Assert.Equal(1, backup.Serial);
    }

    [Fact]
    public async Task RefusesAWriteFromAnotherLineage()
    {
        await _store.WriteAsync(StateSerializerTests.Sample(), null);
        var current = await _store.ReadAsync();

        var e = await Assert.ThrowsAsync<StateLineageMismatchException>(() => _store.WriteAsync(StateSerializerTests.Sample(), current));

        Assert.Contains("lineage", e.Message);
        Assert.Equal(1, (await _store.ReadAsync())!.Document.Serial);
    }

    [Fact]
    public async Task RefusesAWriteBasedOnAStaleRead()
    {
        var first = await _store.WriteAsync(StateSerializerTests.Sample(), null);
        await _store.WriteAsync(first.Document, first);

        await Assert.ThrowsAsync<StateConflictException>(() => _store.WriteAsync(first.Document, first));
        await Assert.ThrowsAsync<StateConflictException>(() => _store.WriteAsync(first.Document, null));
    }

    [Fact]
    public async Task ASecondAcquirerFailsAtOnceWithTheHoldersDetails()
    {
        var holder = LockInfo.Create("apply");
        await using var held = await _store.AcquireLockAsync(holder);

        var e = await Assert.ThrowsAsync<StateLockedException>(() => _store.AcquireLockAsync(LockInfo.Create("plan")));

        Assert.Equal(holder, e.Holder);
        Assert.Equal("ConnectOps.StateLocked", e.ErrorId);
        Assert.Contains(holder.Who, e.Message);
        Assert.Contains("'apply'", e.Message);
        Assert.Contains($"Unlock-ConnectState -LockId {holder.Id}", e.Message);
    }

    [Fact]
    public async Task ReleasingTheLockLetsTheNextAcquirerIn()
    {
        var held = await _store.AcquireLockAsync(LockInfo.Create("apply"));
        await held.DisposeAsync();

        await using var next = await _store.AcquireLockAsync(LockInfo.Create("plan"));
        Assert.Equal("plan", (await _store.GetLockAsync())!.Operation);
    }

    [Fact]
    public async Task AnAcquirerThatWaitsGetsTheLockOnceReleased()
    {
        var held = await _store.AcquireLockAsync(LockInfo.Create("apply"));
        var waiting = _store.AcquireLockAsync(LockInfo.Create("plan"), TimeSpan.FromSeconds(30));
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);

        await held.DisposeAsync();

        await using var got = await waiting;
        Assert.Equal("plan", got.Info.Operation);
    }

    [Fact]
    public async Task AWaitThatTimesOutReportsTheHolder()
    {
        await using var held = await _store.AcquireLockAsync(LockInfo.Create("apply"));

        var e = await Assert.ThrowsAsync<StateLockedException>(() => _store.AcquireLockAsync(LockInfo.Create("plan"), TimeSpan.FromMilliseconds(300)));

        Assert.Equal("apply", e.Holder!.Operation);
    }

    [Fact]
    public async Task ForceUnlockWithTheWrongIdIsRefusedAndKeepsTheLock()
    {
        var holder = LockInfo.Create("apply");
        await _store.AcquireLockAsync(holder);

        var e = await Assert.ThrowsAsync<StateUnlockException>(() => _store.ForceUnlockAsync(Guid.NewGuid().ToString()));

        Assert.Contains(holder.Id, e.Message);
        Assert.Equal(holder.Id, (await _store.GetLockAsync())!.Id);
    }

    [Fact]
    public async Task ForceUnlockWithTheHoldersIdRemovesTheLock()
    {
        var holder = LockInfo.Create("apply");
        await _store.AcquireLockAsync(holder);

        await _store.ForceUnlockAsync(holder.Id);

        Assert.Null(await _store.GetLockAsync());
        await Assert.ThrowsAsync<StateUnlockException>(() => _store.ForceUnlockAsync(holder.Id));
    }

    [Fact]
    public async Task DisposingAStaleHandleDoesNotRemoveSomeoneElsesLock()
    {
        var old = await _store.AcquireLockAsync(LockInfo.Create("apply"));
        await _store.ForceUnlockAsync(old.Info.Id);
        var fresh = LockInfo.Create("plan");
        await _store.AcquireLockAsync(fresh);

        await old.DisposeAsync();

        Assert.Equal(fresh.Id, (await _store.GetLockAsync())!.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"FormatVersion\": 1, \"Lineage\": \"")]
    [InlineData("not json")]
    [InlineData("{\"FormatVersion\": 1}")]
    public async Task ACorruptStateFileIsAClearErrorNamingThePathAndTheRecovery(string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_store.StatePath)!);
        await File.WriteAllTextAsync(_store.StatePath, content);

        var e = await Assert.ThrowsAsync<StateCorruptException>(() => _store.ReadAsync());

        Assert.Contains(_store.StatePath, e.Message);
        Assert.Contains("To recover", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("ConnectOps.StateCorrupt", e.ErrorId);
    }

    [Fact]
    public async Task ATruncatedStateFilePointsAtTheBackup()
    {
        var first = await _store.WriteAsync(StateSerializerTests.Sample(), null);
        await _store.WriteAsync(first.Document, first);
        var bytes = await File.ReadAllBytesAsync(_store.StatePath);
        await File.WriteAllBytesAsync(_store.StatePath, bytes[..(bytes.Length / 2)]);

        var e = await Assert.ThrowsAsync<StateCorruptException>(() => _store.ReadAsync());

        Assert.Contains(_store.BackupPath, e.Message);
        await Assert.ThrowsAsync<StateCorruptException>(() => _store.WriteAsync(first.Document, first));
        Assert.Equal(bytes.Length / 2, (await File.ReadAllBytesAsync(_store.StatePath)).Length);
    }

    [Fact]
    public async Task StateJsonIsIndentedAndHasNoPasswordField()
    {
        await _store.WriteAsync(StateSerializerTests.Sample(), null);

        var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(_store.StatePath));
        Assert.StartsWith("{\n  \"FormatVersion\": 1,", text.Replace("\r\n", "\n"));
        Assert.Contains(ResourceAddress.Parse("Queues/CustomerService").ToString(), text);
    }
}
