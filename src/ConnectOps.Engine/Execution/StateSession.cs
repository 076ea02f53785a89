using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.State;

namespace ConnectOps.Engine.Execution;

/// <summary>
/// The state of one run: changes from any worker are applied in memory and written through the store at
/// once, one write at a time, each based on the snapshot the previous write returned (so a concurrent
/// writer elsewhere is detected, never overwritten).
/// </summary>
public sealed class StateSession
{
    private readonly IStateStore _store;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly object _sync = new();
    private StateSnapshot? _snapshot;
    private StateDocument _document;

    public StateSession(IStateStore store, StateSnapshot? snapshot)
    {
        _store = store;
        _snapshot = snapshot;
        _document = snapshot?.Document ?? StateDocument.New();
    }

    public IStateStore Store => _store;

    /// <summary>The state as it is now (including writes made in this run).</summary>
    public StateDocument Snapshot()
    {
        lock (_sync) return _document;
    }

    public Task SetAsync(ResourceAddress address, ResourceState resource, CancellationToken cancellationToken) =>
        MutateAsync(d => d.WithResource(address, resource), cancellationToken);

    public Task RemoveAsync(ResourceAddress address, CancellationToken cancellationToken) =>
        MutateAsync(d => d.Resources.ContainsKey(address) ? d.WithoutResource(address) : d, cancellationToken);

    public Task SetInstanceAsync(InstanceState? instance, CancellationToken cancellationToken) =>
        MutateAsync(d => d.WithInstance(instance), cancellationToken);

    public async Task MutateAsync(Func<StateDocument, StateDocument> change, CancellationToken cancellationToken)
    {
        // Saving is not cancellable: a change that happened in AWS must reach state.
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            var next = change(_document);
            if (ReferenceEquals(next, _document) && _snapshot is not null) return;
            var written = await _store.WriteAsync(next, _snapshot, CancellationToken.None).ConfigureAwait(false);
            _snapshot = written;
            lock (_sync) _document = written.Document;
        }
        finally
        {
            _gate.Release();
        }
    }
}
