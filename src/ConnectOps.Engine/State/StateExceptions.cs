namespace ConnectOps.Engine.State;

/// <summary>Base of state failures; <see cref="ErrorId"/> is the stable id hosts put on the ErrorRecord.</summary>
public abstract class StateException(string errorId, string message, Exception? inner = null) : Exception(message, inner)
{
    public string ErrorId { get; } = errorId;
}

/// <summary>Someone else holds the lock. <see cref="Holder"/> says who (null when the lock file is unreadable).</summary>
public sealed class StateLockedException(string location, LockInfo? holder, string message)
    : StateException("ConnectOps.StateLocked", message)
{
    public string Location { get; } = location;

    public LockInfo? Holder { get; } = holder;

    public static StateLockedException For(string location, LockInfo? holder, string lockPath) => new(location, holder, holder is null
        ? $"The state at {location} is locked, but the lock file '{lockPath}' cannot be read (a crash while it was written?). " +
          $"If no ConnectOps command is using this state, delete '{lockPath}' and run the command again."
        : $"The state at {location} is locked by {holder.Who} (operation '{holder.Operation}', since {holder.Created.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, " +
          $"ConnectOps {holder.Version}, lock id {holder.Id}). Wait for that command to finish; if it is gone (crashed or killed), run: " +
          $"Unlock-ConnectState -LockId {holder.Id}");
}

/// <summary>ForceUnlock was refused: no lock, or a lock with another id.</summary>
public sealed class StateUnlockException(string message) : StateException("ConnectOps.StateUnlockRefused", message);

/// <summary>A write came from a different lineage (another contact centre's state, or a re-created one).</summary>
public sealed class StateLineageMismatchException(string message) : StateException("ConnectOps.StateLineageMismatch", message);

/// <summary>The state changed since it was read (another writer got there first).</summary>
public sealed class StateConflictException(string message) : StateException("ConnectOps.StateConflict", message);

/// <summary>The state file is not valid state (truncated, hand-edited, not JSON).</summary>
public sealed class StateCorruptException(string location, string message, Exception? inner = null)
    : StateException("ConnectOps.StateCorrupt", message, inner)
{
    public string Location { get; } = location;
}

/// <summary>The state was written by a newer ConnectOps (an unknown format version).</summary>
public sealed class StateFormatException(string message) : StateException("ConnectOps.StateFormatUnsupported", message);

/// <summary>What kind of backend failure a <see cref="StateBackendException"/> is (hosts map it to an error category).</summary>
public enum StateBackendFailure { NotFound, AccessDenied, Misconfigured, Unavailable }

/// <summary>
/// The state backend itself failed: the bucket or lock table is missing, access is denied, the backend is
/// set up wrongly, or it did not answer. The message names the resource and says what to do.
/// </summary>
public sealed class StateBackendException(string errorId, StateBackendFailure failure, string message, Exception? inner = null)
    : StateException(errorId, message, inner)
{
    public StateBackendFailure Failure { get; } = failure;
}

/// <summary>A state version asked for (by version id or serial) is not in the history.</summary>
public sealed class StateVersionNotFoundException(string message) : StateException("ConnectOps.StateVersionNotFound", message);

/// <summary>A state operation (mv, rm, import, push …) was refused; the message says why and what to do.</summary>
public sealed class StateOperationException(string errorId, string message) : StateException(errorId, message);
