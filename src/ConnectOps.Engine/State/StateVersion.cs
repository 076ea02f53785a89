namespace ConnectOps.Engine.State;

/// <summary>
/// One stored version of the state: its id (the S3 version id; the serial for the local store), the serial
/// it holds, when and by whom it was written and by which operation. <see cref="IsDeleteMarker"/> marks the
/// point where the state object was deleted (S3); <see cref="IsLatest"/> the version reads return now.
/// </summary>
public sealed record StateVersion(
    string VersionId,
    long? Serial,
    DateTimeOffset Time,
    string? Who,
    string? Operation,
    bool IsLatest,
    bool IsDeleteMarker,
    long Size)
{
    public override string ToString() => IsDeleteMarker
        ? $"{Time.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z deleted ({VersionId})"
        : $"serial {Serial?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} {Time.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z {Who} {Operation} ({VersionId})";
}

/// <summary>The stored bytes of the current state, unparsed (so a damaged state can still be replaced), and its tag.</summary>
public sealed record RawState(byte[] Content, string ETag);

/// <summary>Who wrote a version and why: recorded with each write (S3 object metadata, the local history index).</summary>
public sealed record StateWriteInfo(string Who, string Operation, string? LockId)
{
    /// <summary>The current user and machine doing <paramref name="operation"/> without a lock.</summary>
    public static StateWriteInfo Current(string operation) => new($"{Environment.UserName}@{Environment.MachineName}", operation, null);

    public static StateWriteInfo From(LockInfo info) => new(info.Who, info.Operation, info.Id);
}
