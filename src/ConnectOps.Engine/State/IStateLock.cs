namespace ConnectOps.Engine.State;

/// <summary>A held state lock; disposing releases it (only if it is still ours).</summary>
public interface IStateLock : IAsyncDisposable
{
    LockInfo Info { get; }
}
