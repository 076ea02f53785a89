using System.Globalization;
using System.Text.Json;

namespace ConnectOps.Engine.State;

public sealed partial class LocalStateStore
{
    private static readonly JsonSerializerOptions MetaJson = new() { WriteIndented = true };

    private sealed record HistoryMeta(long Serial, DateTimeOffset Time, string Who, string Operation, string? LockId);

    /// <summary>Atomic write: temp file flushed to disk, previous state copied to .backup, temp renamed over the state.</summary>
    private async Task WriteFileAsync(byte[] bytes, bool hasPrevious, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StatePath)!);
        var temp = $"{StatePath}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }
            if (hasPrevious && File.Exists(StatePath)) File.Copy(StatePath, BackupPath, overwrite: true);
            File.Move(temp, StatePath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Keeps a numbered copy of what was just written, with who wrote it; prunes beyond <see cref="HistoryDepth"/>.</summary>
    private void RecordHistory(long serial, byte[] bytes)
    {
        if (HistoryDepth <= 0) return;
        try
        {
            Directory.CreateDirectory(HistoryPath);
            var id = serial.ToString(CultureInfo.InvariantCulture);
            for (var n = 2; File.Exists(VersionFile(id)); n++) id = $"{serial}-{n}";
            File.WriteAllBytes(VersionFile(id), bytes);
            var who = _held is { } held ? StateWriteInfo.From(held) : StateWriteInfo.Current("write");
            File.WriteAllBytes(MetaFile(id), JsonSerializer.SerializeToUtf8Bytes(new HistoryMeta(serial, DateTimeOffset.UtcNow, who.Who, who.Operation, who.LockId), MetaJson));
            foreach (var old in ListVersionFiles().Skip(HistoryDepth))
            {
                File.Delete(old.Path);
                File.Delete(MetaFile(old.Id));
            }
        }
        catch (IOException)
        {
            // History is a convenience: the state itself was written. The next write tries again.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private string VersionFile(string id) => Path.Combine(HistoryPath, $"state.{id}.json");

    private string MetaFile(string id) => Path.Combine(HistoryPath, $"state.{id}.meta.json");

    /// <summary>History files newest first (by write time, then serial).</summary>
    private List<(string Id, string Path, DateTime Written)> ListVersionFiles()
    {
        if (!Directory.Exists(HistoryPath)) return [];
        return Directory.EnumerateFiles(HistoryPath, "state.*.json")
            .Where(f => !f.EndsWith(".meta.json", StringComparison.Ordinal))
            .Select(f => (Id: Path.GetFileName(f)["state.".Length..^".json".Length], Path: f, Written: File.GetLastWriteTimeUtc(f)))
            .OrderByDescending(f => f.Written)
            .ThenByDescending(f => SerialOf(f.Id))
            .ToList();
    }

    private static long SerialOf(string id) => long.TryParse(id.Split('-')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : -1;

    public Task<IReadOnlyList<StateVersion>> GetHistoryAsync(int max, CancellationToken cancellationToken = default)
    {
        var files = ListVersionFiles();
        var currentTag = File.Exists(StatePath) ? ETagOf(File.ReadAllBytes(StatePath)) : null;
        var result = new List<StateVersion>();
        foreach (var (id, path, written) in files.Take(Math.Max(0, max)))
        {
            HistoryMeta? meta = null;
            try { meta = JsonSerializer.Deserialize<HistoryMeta>(File.ReadAllBytes(MetaFile(id))); }
            catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException) { }
            var bytes = File.ReadAllBytes(path);
            var isLatest = result.Count == 0 && currentTag == ETagOf(bytes);
            result.Add(new StateVersion(id, meta?.Serial ?? SerialOf(id), meta?.Time ?? new DateTimeOffset(written), meta?.Who, meta?.Operation, isLatest, false, bytes.Length));
        }
        return Task.FromResult<IReadOnlyList<StateVersion>>(result);
    }

    public async Task<byte[]> ReadVersionAsync(string versionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(versionId);
        if (versionId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || versionId.Contains("..", StringComparison.Ordinal) || !File.Exists(VersionFile(versionId)))
        {
            throw new StateVersionNotFoundException($"There is no version '{versionId}' of {StatePath} in '{HistoryPath}'. Get-ConnectStateHistory lists the versions there are.");
        }
        return await File.ReadAllBytesAsync(VersionFile(versionId), cancellationToken).ConfigureAwait(false);
    }

    public async Task<RawState?> ReadRawAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var bytes = await File.ReadAllBytesAsync(StatePath, cancellationToken).ConfigureAwait(false);
            return new RawState(bytes, ETagOf(bytes));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public async Task<StateSnapshot> ReplaceAsync(StateDocument document, string? expectedETag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = await ReadRawAsync(cancellationToken).ConfigureAwait(false);
            if (current?.ETag != expectedETag)
            {
                throw new StateConflictException(current is null
                    ? $"The state at {StatePath} was removed since it was read. Run the command again."
                    : $"The state at {StatePath} changed since it was read. Another command wrote it; run the command again to work from the current state.");
            }
            var written = document with { FormatVersion = StateDocument.CurrentFormatVersion };
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

    public Task<string?> CheckAsync(CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);
}
