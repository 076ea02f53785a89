namespace ConnectOps.Engine.State;

/// <summary>
/// A store that keeps earlier versions of the state (S3 object versions; numbered copies for the local store)
/// and can replace the current state outright. Used by the state operations for history, rollback, push and
/// migration; the normal write path stays <see cref="IStateStore.WriteAsync"/>.
/// </summary>
public interface IVersionedStateStore : IStateStore
{
    /// <summary>Versions newest first, at most <paramref name="max"/>; empty when the store keeps no history.</summary>
    Task<IReadOnlyList<StateVersion>> GetHistoryAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>The bytes of one version.</summary>
    /// <exception cref="StateVersionNotFoundException">No such version.</exception>
    Task<byte[]> ReadVersionAsync(string versionId, CancellationToken cancellationToken = default);

    /// <summary>The current state's bytes and tag, unparsed; null when there is no current state.</summary>
    Task<RawState?> ReadRawAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes <paramref name="document"/> exactly as given (lineage and serial are not changed or checked) as
    /// the new current version, only if the current state still has tag <paramref name="expectedETag"/>
    /// (null: only if there is no current state).
    /// </summary>
    /// <exception cref="StateConflictException">The current state is not the one expected.</exception>
    Task<StateSnapshot> ReplaceAsync(StateDocument document, string? expectedETag, CancellationToken cancellationToken = default);

    /// <summary>A warning about the backend's set-up (e.g. S3 versioning off), or null when all is well.</summary>
    Task<string?> CheckAsync(CancellationToken cancellationToken = default);
}
