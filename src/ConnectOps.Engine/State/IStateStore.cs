namespace ConnectOps.Engine.State;

/// <summary>
/// Where state lives (local file, S3). Implementations are safe to call from any thread.
/// </summary>
public interface IStateStore
{
    /// <summary>For messages: a path or s3:// URL.</summary>
    string Location { get; }

    Task<bool> ExistsAsync(CancellationToken cancellationToken = default);

    /// <summary>The current state, or null when none has been written yet.</summary>
    /// <exception cref="StateCorruptException">The stored state is unreadable.</exception>
    /// <exception cref="StateFormatException">The state has a format version this ConnectOps does not know.</exception>
    Task<StateSnapshot?> ReadAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes <paramref name="document"/> with Serial = stored serial + 1 (or document serial + 1 for a first
    /// write) and returns what was written. <paramref name="basedOn"/> is the snapshot the change was made
    /// from (null for the first write): the write is refused when the stored state has moved on.
    /// </summary>
    /// <exception cref="StateLineageMismatchException">The stored state has another lineage.</exception>
    /// <exception cref="StateConflictException">The stored state changed since <paramref name="basedOn"/>.</exception>
    Task<StateSnapshot> WriteAsync(StateDocument document, StateSnapshot? basedOn, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the lock, waiting up to <paramref name="timeout"/> (zero: fail at once) while another holder has it.
    /// </summary>
    /// <exception cref="StateLockedException">Still held by someone else; carries the holder's details.</exception>
    Task<IStateLock> AcquireLockAsync(LockInfo info, TimeSpan timeout = default, CancellationToken cancellationToken = default);

    /// <summary>The current lock holder, or null when unlocked.</summary>
    Task<LockInfo?> GetLockAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes the lock only if its id is <paramref name="lockId"/>.</summary>
    /// <exception cref="StateUnlockException">Not locked, or locked under another id.</exception>
    Task ForceUnlockAsync(string lockId, CancellationToken cancellationToken = default);
}
