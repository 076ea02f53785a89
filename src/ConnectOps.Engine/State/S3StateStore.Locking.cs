using ConnectOps.Engine.State.S3;

namespace ConnectOps.Engine.State;

public sealed partial class S3StateStore
{
    public async Task<IStateLock> AcquireLockAsync(LockInfo info, TimeSpan timeout = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(info);
        var deadline = DateTime.UtcNow + (timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout);
        var vanished = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (token, current) = await _lock.TryCreateAsync(info, cancellationToken).ConfigureAwait(false);
            if (token is not null)
            {
                _held = info;
                return new HeldLock(this, info, token);
            }
            // Released between our attempt and our look: try again at once (a few times).
            if (!current.Exists && vanished++ < 5) continue;
            if (DateTime.UtcNow >= deadline) throw StateLockedException.For(Location, current.Holder, _lock.Location);
            var remaining = deadline - DateTime.UtcNow;
            await Task.Delay(remaining < Settings.LockPollInterval ? remaining : Settings.LockPollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<LockInfo?> GetLockAsync(CancellationToken cancellationToken = default) =>
        (await _lock.ReadAsync(cancellationToken).ConfigureAwait(false)).Holder;

    public async Task ForceUnlockAsync(string lockId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(lockId);
        var current = await _lock.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (!current.Exists) throw new StateUnlockException($"The state at {Location} is not locked; nothing to unlock.");
        if (current.Holder is null)
        {
            throw new StateUnlockException(
                $"The lock {_lock.Location} cannot be read, so its id cannot be checked. If no ConnectOps command is using this state, remove it " +
                (Settings.LockTable is null ? $"with: aws s3 rm {_lock.Location}" : $"from the table (item LockID = '{Settings.LockId}')."));
        }
        if (!string.Equals(current.Holder.Id, lockId, StringComparison.OrdinalIgnoreCase))
        {
            throw new StateUnlockException(
                $"The state at {Location} is locked with id {current.Holder.Id} (by {current.Holder.Who}, operation '{current.Holder.Operation}'), not {lockId}. Nothing was unlocked; check the id.");
        }
        if (!await _lock.RemoveAsync(current.Token!, cancellationToken).ConfigureAwait(false))
        {
            throw new StateUnlockException($"The lock on {Location} changed while it was being removed (another command took or released it). Nothing was unlocked; look again with Get-ConnectState -Lock.");
        }
    }

    private sealed class HeldLock(S3StateStore store, LockInfo info, string token) : IStateLock
    {
        private int _released;

        public LockInfo Info { get; } = info;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return;
            if (ReferenceEquals(store._held, Info)) store._held = null;
            // Removed only while it is still ours: If-Match on our ETag / a condition on our exact record.
            // Releasing must happen even when the run was cancelled.
            await store._lock.RemoveAsync(token, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
