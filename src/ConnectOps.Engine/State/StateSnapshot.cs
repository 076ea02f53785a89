namespace ConnectOps.Engine.State;

/// <summary>
/// A state document as read from (or written to) a store, with the store's version tag: a content hash for
/// the local store, the object ETag for S3. Pass it back to WriteAsync as the version the write is based on.
/// </summary>
public sealed record StateSnapshot(StateDocument Document, string ETag);
