using System.Security.Cryptography;
using System.Text.Json;

namespace ConnectOps.Engine.State;

/// <summary>
/// State in a local file, by default <c>.connectops/state.json</c> beside the config.
/// <list type="bullet">
/// <item>Writes are atomic: a temp file in the same folder is written and flushed to disk, the previous state
/// is copied to <c>state.json.backup</c>, then the temp file is renamed over the state.</item>
/// <item>The lock is <c>state.lock</c>, created exclusively (FileMode.CreateNew) and holding the LockInfo JSON.</item>
/// <item>The ETag is a hash of the file's bytes, so a write based on a stale read is refused.</item>
/// <item>History: every write also keeps a numbered copy, <c>state.history/state.&lt;serial&gt;.json</c> with a
/// <c>.meta.json</c> beside it (who, operation, time); the newest <see cref="HistoryDepth"/> are kept.
/// Get-ConnectStateHistory lists them and Restore-ConnectState writes one back as a new serial.</item>
/// </list>
/// </summary>
public sealed partial class LocalStateStore : IVersionedStateStore
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly JsonSerializerOptions LockJson = new() { WriteIndented = true };
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private LockInfo? _held;

    public LocalStateStore(string statePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(statePath);
        StatePath = Path.GetFullPath(statePath);
        LockPath = Path.ChangeExtension(StatePath, ".lock");
        BackupPath = StatePath + ".backup";
        HistoryPath = Path.Combine(Path.GetDirectoryName(StatePath)!, Path.GetFileNameWithoutExtension(StatePath) + ".history");
    }

    /// <summary>The store for a config file when its State settings give no Path.</summary>
    public static LocalStateStore ForConfig(string configPath) =>
        new(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configPath))!, ".connectops", "state.json"));

    public string StatePath { get; }

    public string LockPath { get; }

    public string BackupPath { get; }

    /// <summary>The folder of numbered earlier versions.</summary>
    public string HistoryPath { get; }

    /// <summary>How many versions the history keeps (0: none).</summary>
    public int HistoryDepth { get; init; } = 20;

    public string Location => StatePath;

    public Task<bool> ExistsAsync(CancellationToken cancellationToken = default) => Task.FromResult(File.Exists(StatePath));

    public async Task<StateSnapshot?> ReadAsync(CancellationToken cancellationToken = default)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(StatePath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        var document = StateSerializer.Deserialize(bytes, StatePath, RecoveryStep());
        return new StateSnapshot(document, ETagOf(bytes));
    }

    public async Task<StateSnapshot> WriteAsync(StateDocument document, StateSnapshot? basedOn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = await ReadCurrentForWriteAsync(cancellationToken).ConfigureAwait(false);
            if (current is not null && current.Document.Lineage != document.Lineage)
            {
                throw new StateLineageMismatchException(
                    $"Refusing to write state with lineage {document.Lineage} over {StatePath}, which has lineage {current.Document.Lineage}: " +
                    "they belong to different contact centres (or the state was re-created). Check the config's State settings point at the right state.");
            }
            if (current is not null && (basedOn is null || basedOn.ETag != current.ETag))
            {
                throw new StateConflictException(
                    $"The state at {StatePath} changed since it was read (now serial {current.Document.Serial}). Another command wrote it; run the command again to work from the current state.");
            }
            if (current is null && basedOn is not null)
            {
                throw new StateConflictException($"The state at {StatePath} was removed since it was read. Run the command again.");
            }
            var written = document with { Serial = (current?.Document.Serial ?? document.Serial) + 1, FormatVersion = StateDocument.CurrentFormatVersion };
            var bytes = StateSerializer.Serialize(written);
            await WriteFileAsync(bytes, current is not null, cancellationToken).ConfigureAwait(false);
            RecordHistory(written.Serial, bytes);
            return new StateSnapshot(written, ETagOf(bytes));
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task<IStateLock> AcquireLockAsync(LockInfo info, TimeSpan timeout = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(info);
        var deadline = DateTime.UtcNow + (timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout);
        Directory.CreateDirectory(Path.GetDirectoryName(LockPath)!);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(info, LockJson);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await using (var stream = new FileStream(LockPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read))
                {
                    await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                    stream.Flush(flushToDisk: true);
                }
                _held = info;
                return new LocalLock(this, info);
            }
            catch (IOException) when (File.Exists(LockPath))
            {
                if (DateTime.UtcNow >= deadline)
                {
                    var holder = await GetLockAsync(cancellationToken).ConfigureAwait(false);
                    if (holder is null && !File.Exists(LockPath)) continue; // released just now: try again
                    throw StateLockedException.For(StatePath, holder, LockPath);
                }
                var remaining = deadline - DateTime.UtcNow;
                await Task.Delay(remaining < PollInterval ? remaining : PollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<LockInfo?> GetLockAsync(CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                var bytes = await File.ReadAllBytesAsync(LockPath, cancellationToken).ConfigureAwait(false);
                if (bytes.Length > 0) return JsonSerializer.Deserialize<LockInfo>(bytes);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                return null;
            }
            catch (Exception e) when (e is JsonException or IOException)
            {
                // being written right now, or damaged: look again shortly
            }
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
        return null;
    }

    public async Task ForceUnlockAsync(string lockId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(lockId);
        if (!File.Exists(LockPath)) throw new StateUnlockException($"The state at {StatePath} is not locked; nothing to unlock.");
        var holder = await GetLockAsync(cancellationToken).ConfigureAwait(false);
        if (holder is null)
        {
            throw new StateUnlockException(
                $"The lock file '{LockPath}' cannot be read, so its id cannot be checked. If no ConnectOps command is using this state, delete the file.");
        }
        if (!string.Equals(holder.Id, lockId, StringComparison.OrdinalIgnoreCase))
        {
            throw new StateUnlockException(
                $"The state at {StatePath} is locked with id {holder.Id} (by {holder.Who}, operation '{holder.Operation}'), not {lockId}. Nothing was unlocked; check the id.");
        }
        File.Delete(LockPath);
    }

    private async Task<StateSnapshot?> ReadCurrentForWriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (StateCorruptException e)
        {
            throw new StateCorruptException(StatePath, $"{e.Message} The write was not made, so the damaged file is kept for inspection.", e);
        }
    }

    private string RecoveryStep()
    {
        var hasHistory = Directory.Exists(HistoryPath) && Directory.EnumerateFiles(HistoryPath, "state.*.json").Any(f => !f.EndsWith(".meta.json", StringComparison.Ordinal));
        var hasBackup = File.Exists(BackupPath);
        if (hasHistory)
        {
            return $"To recover: Get-ConnectStateHistory lists the earlier versions kept in '{HistoryPath}'; Restore-ConnectState -Version <serial> writes the last good one back as a new serial" +
                   (hasBackup ? $" (or copy the previous version '{BackupPath}' over '{StatePath}')" : "") +
                   ". Then run Invoke-ConnectPlan -RefreshOnly to see what differs from AWS.";
        }
        return hasBackup
            ? $"To recover, copy the previous version '{BackupPath}' over '{StatePath}', then run Invoke-ConnectPlan -RefreshOnly to see what differs from AWS."
            : $"To recover: there is no backup ('{BackupPath}' is missing), so move the damaged file aside and adopt the live resources again with Import-ConnectResource -All.";
    }

    private static string ETagOf(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..32];

    private sealed class LocalLock(LocalStateStore store, LockInfo info) : IStateLock
    {
        private int _released;

        public LockInfo Info { get; } = info;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return;
            if (ReferenceEquals(store._held, Info)) store._held = null;
            var holder = await store.GetLockAsync().ConfigureAwait(false);
            // Only remove our own lock: someone may have force-unlocked and taken it since.
            if (holder is not null && holder.Id == Info.Id) File.Delete(store.LockPath);
        }
    }
}
