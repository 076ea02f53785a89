namespace ConnectOps.Engine.State.S3;

/// <summary>What a remote lock holds now: whether it exists, its holder (null when unreadable) and its version tag.</summary>
internal sealed record LockProbe(bool Exists, LockInfo? Holder, string? Token)
{
    public static LockProbe None { get; } = new(false, null, null);
}

/// <summary>One remote lock (an S3 lock object, or a DynamoDB item): create-if-absent, read, remove-if-unchanged.</summary>
internal interface IRemoteLock
{
    /// <summary>For messages: where the lock lives.</summary>
    string Location { get; }

    /// <summary>Creates the lock only if none exists: the token to release it with, or null and the current holder.</summary>
    Task<(string? Token, LockProbe Current)> TryCreateAsync(LockInfo info, CancellationToken cancellationToken);

    Task<LockProbe> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Removes the lock only if it is still the one <paramref name="token"/> names; false when it was not.</summary>
    Task<bool> RemoveAsync(string token, CancellationToken cancellationToken);
}
