using System.Globalization;

namespace ConnectOps.Engine.State.Operations;

public sealed partial class StateOperations
{
    private IVersionedStateStore Versioned => Store as IVersionedStateStore ?? throw new NotSupportedException($"The state store at {Store.Location} keeps no history.");

    /// <summary>Versions of the state, newest first (S3 object versions; the local store's numbered copies).</summary>
    public Task<IReadOnlyList<StateVersion>> HistoryAsync(int max, CancellationToken cancellationToken) => Versioned.GetHistoryAsync(max, cancellationToken);

    /// <summary>
    /// Rolls back to an earlier version by writing its content as a NEW version (serial = the highest known + 1,
    /// the lineage kept), never by deleting history. Works when the current state is damaged or was deleted.
    /// <paramref name="version"/> is a version id or a serial. A version of another lineage needs <paramref name="force"/>.
    /// </summary>
    public Task<RestoreResult?> RestoreAsync(string version, bool force, CancellationToken cancellationToken) =>
        UnderRawLockAsync<RestoreResult?>("state restore", async () =>
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(version);
            var store = Versioned;
            var history = await store.GetHistoryAsync(1000, cancellationToken).ConfigureAwait(false);
            var chosen = Resolve(history, version.Trim());
            var bytes = await store.ReadVersionAsync(chosen.VersionId, cancellationToken).ConfigureAwait(false);
            var old = StateSerializer.Deserialize(bytes, $"{Store.Location} version {chosen.VersionId}",
                "That version is damaged too: pick an earlier one from Get-ConnectStateHistory.");

            var raw = await store.ReadRawAsync(cancellationToken).ConfigureAwait(false);
            StateDocument? current = null;
            var currentText = "there is no current state (it was deleted)";
            if (raw is not null)
            {
                try
                {
                    current = StateSerializer.Deserialize(raw.Content, Store.Location, "");
                    currentText = $"the current state is serial {current.Serial} with {current.Resources.Count} resources";
                }
                catch (StateException)
                {
                    currentText = "the current state is damaged (it stays in the history)";
                }
            }
            if (current is not null && current.Lineage != old.Lineage)
            {
                if (!force)
                {
                    throw new StateLineageMismatchException(
                        $"Version {chosen.VersionId} has lineage {old.Lineage}, but the state at {Store.Location} has lineage {current.Lineage}: it is another contact centre's state " +
                        "(or one from before the state was re-created). Nothing was restored; pass -Force to restore it anyway.");
                }
                Host.WriteWarning($"Restoring version {chosen.VersionId} of lineage {old.Lineage} over state of lineage {current.Lineage} (-Force).");
            }
            var highest = Math.Max(current?.Serial ?? 0, history.Where(v => v.Serial is not null).Select(v => v.Serial!.Value).DefaultIfEmpty(0).Max());
            var serial = highest + 1;
            var what = $"Write version {chosen.VersionId} (serial {old.Serial}, {old.Resources.Count} resources) back to {Store.Location} as serial {serial}; {currentText}. " +
                       "Nothing is deleted: every version stays in the history.";
            if (!Host.ShouldProcess(Store.Location, "Restore", what)) return null;
            var written = await store.ReplaceAsync(old with { Serial = serial }, raw?.ETag, cancellationToken).ConfigureAwait(false);
            Host.WriteVerbose($"Restored version {chosen.VersionId} as serial {serial}. Run Invoke-ConnectPlan -RefreshOnly to see what changed in AWS since.");
            return new RestoreResult(chosen.VersionId, old.Serial, written.Document.Serial, Store.Location, old.Resources.Count);
        }, cancellationToken);

    private StateVersion Resolve(IReadOnlyList<StateVersion> history, string version)
    {
        var byId = history.FirstOrDefault(v => v.VersionId == version && !v.IsDeleteMarker);
        if (byId is not null) return byId;
        if (long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var serial))
        {
            var bySerial = history.FirstOrDefault(v => v.Serial == serial && !v.IsDeleteMarker);
            if (bySerial is not null) return bySerial;
        }
        if (history.Any(v => v.VersionId == version))
        {
            throw new StateVersionNotFoundException($"Version {version} of {Store.Location} is a delete marker (where the state was deleted): it has no content. Pick a version before it.");
        }
        var known = string.Join(", ", history.Where(v => !v.IsDeleteMarker).Take(5).Select(v => $"serial {v.Serial} ({v.VersionId})"));
        throw new StateVersionNotFoundException(
            $"{Store.Location} has no version or serial '{version}' in its history{(known.Length > 0 ? $" (newest: {known})" : "")}" +
            (history.Count(v => !v.IsDeleteMarker) <= 1 ? "; only the current version exists: is bucket versioning on? (without it S3 keeps no history)" : "") + ". " +
            "Get-ConnectStateHistory lists them all.");
    }

    /// <summary>Like <see cref="UnderLockAsync{T}"/>, without reading (and so parsing) the state first.</summary>
    private async Task<T> UnderRawLockAsync<T>(string operation, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await using var held = await Store.AcquireLockAsync(LockInfo.Create(operation), LockTimeout, cancellationToken).ConfigureAwait(false);
        return await work().ConfigureAwait(false);
    }
}
