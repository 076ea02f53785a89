using ConnectOps.Engine.Abstractions;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.State.Operations;

/// <summary>
/// The state workflows that need no AWS call besides the state backend's (Terraform's <c>state list/show/mv/rm</c>,
/// <c>pull/push</c>, history and rollback, migration). Every write takes the lock (failing at once with the holder,
/// or waiting up to <see cref="LockTimeout"/>), asks the host's ShouldProcess with what it would do, and writes
/// once, conditionally on the state it read.
/// </summary>
public sealed partial class StateOperations
{
    public StateOperations(IStateStore store, IHost host)
    {
        Store = store ?? throw new ArgumentNullException(nameof(store));
        Host = host ?? throw new ArgumentNullException(nameof(host));
    }

    public IStateStore Store { get; }

    public IHost Host { get; }

    /// <summary>How long to wait for a held lock (zero: fail at once with the holder's details).</summary>
    public TimeSpan LockTimeout { get; init; }

    /// <summary>Entries matching any of <paramref name="patterns"/> (all when none), of the given components and origins (any when empty).</summary>
    public static IEnumerable<StateEntry> Select(StateDocument document, IReadOnlyList<AddressPattern> patterns, IReadOnlyCollection<Component> components, IReadOnlyCollection<ResourceOrigin> origins) =>
        document.Resources
            .Where(p => patterns.Count == 0 || patterns.Any(t => t.Matches(p.Key)))
            .Where(p => components.Count == 0 || components.Contains(p.Key.Component))
            .Where(p => origins.Count == 0 || origins.Contains(p.Value.Origin))
            .Select(p => new StateEntry(p.Key, p.Value));

    /// <summary>Runs <paramref name="work"/> under the state lock with the state as it is now.</summary>
    internal async Task<T> UnderLockAsync<T>(string operation, Func<StateSnapshot?, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var held = await Store.AcquireLockAsync(LockInfo.Create(operation), LockTimeout, cancellationToken).ConfigureAwait(false);
        var snapshot = await Store.ReadAsync(cancellationToken).ConfigureAwait(false);
        return await work(snapshot).ConfigureAwait(false);
    }

    private StateSnapshot RequireState(StateSnapshot? snapshot) => snapshot ?? throw new StateOperationException("ConnectOps.StateEmpty",
        $"There is no state at {Store.Location} yet: nothing has been applied or imported. Run Invoke-ConnectApply, or Import-ConnectResource to adopt what exists.");

    /// <summary>Renames an address (terraform state mv): the entry and every DependsOn that names it. Nothing changes in AWS.</summary>
    public Task<StateEditResult?> MoveAsync(ResourceAddress from, ResourceAddress to, CancellationToken cancellationToken) =>
        UnderLockAsync<StateEditResult?>("state mv", async snapshot =>
        {
            var state = RequireState(snapshot);
            var doc = state.Document;
            if (!doc.Resources.TryGetValue(from, out var resource))
            {
                throw new StateOperationException("ConnectOps.AddressNotInState", $"{from} is not in state at {Store.Location}; nothing was moved. Get-ConnectState lists what is.");
            }
            if (from.Component != to.Component)
            {
                throw new StateOperationException("ConnectOps.StateMoveAcrossComponents",
                    $"{from} cannot move to {to}: an address keeps its component (a {from.Component} resource is not a {to.Component} resource). Choose a {from.Component}/<key> destination.");
            }
            if (from.Equals(to) && from.Key == to.Key)
            {
                throw new StateOperationException("ConnectOps.StateMoveSameAddress", $"{from} and {to} are the same address; nothing to move.");
            }
            if (!from.Equals(to) && doc.Resources.TryGetValue(to, out var existing))
            {
                throw new StateOperationException("ConnectOps.AddressInState",
                    $"{to} is already in state (id {existing.Id}); nothing was moved. Remove it first with Remove-ConnectStateResource {to}, or choose another destination.");
            }
            if (!Host.ShouldProcess(from.ToString(), "Move", $"Move {from} (id {resource.Id}) to {to} in the state at {Store.Location}. Nothing changes in AWS."))
            {
                return null;
            }
            var next = doc.WithoutResource(from).WithResource(to, resource);
            foreach (var (address, r) in next.Resources.Where(p => p.Value.DependsOn.Contains(from)).ToList())
            {
                next = next.WithResource(address, r with { DependsOn = r.DependsOn.Select(d => d.Equals(from) ? to : d).ToValueList() });
            }
            var written = await Store.WriteAsync(next, state, cancellationToken).ConfigureAwait(false);
            return new StateEditResult(written.Document.Serial, Store.Location, [new StateEntry(to, written.Document.Resources[to])]);
        }, cancellationToken);

    /// <summary>
    /// Forgets resources (terraform state rm): their entries leave state; the resources stay in AWS. A literal
    /// address that is not in state is an error (nothing is written); each entry is confirmed on its own.
    /// </summary>
    public Task<StateEditResult?> RemoveAsync(IReadOnlyList<AddressPattern> patterns, CancellationToken cancellationToken) =>
        UnderLockAsync<StateEditResult?>("state rm", async snapshot =>
        {
            var state = RequireState(snapshot);
            var doc = state.Document;
            var missing = patterns.Where(p => p.IsLiteral && !doc.Resources.Keys.Any(p.Matches)).Select(p => p.Text).ToList();
            if (missing.Count > 0)
            {
                throw new StateOperationException("ConnectOps.AddressNotInState",
                    $"{string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} not in state at {Store.Location}; nothing was removed. Get-ConnectState lists what is.");
            }
            var removed = new List<StateEntry>();
            var next = doc;
            foreach (var entry in Select(doc, patterns, [], []))
            {
                var what = $"Remove {entry.Address} (id {entry.Resource.Id}) from the state at {Store.Location}. The resource stays in AWS, no longer managed; " +
                           $"Import-ConnectResource -Address '{entry.Address}' -Id '{entry.Resource.Id}' brings it back.";
                if (!Host.ShouldProcess(entry.Address.ToString(), "Remove from state", what)) continue;
                next = next.WithoutResource(entry.Address);
                if (entry.Address.Component == Component.Instance) next = next.WithInstance(null);
                removed.Add(entry);
            }
            if (removed.Count == 0) return null;
            if (removed.Any(r => r.Address.Component == Component.Instance) && next.Resources.Count > 0)
            {
                Host.WriteWarning("The instance left state while resources inside it are still there: the next plan finds the instance again by its alias (or Instance.Id) and adopts it.");
            }
            var written = await Store.WriteAsync(next, state, cancellationToken).ConfigureAwait(false);
            return new StateEditResult(written.Document.Serial, Store.Location, removed);
        }, cancellationToken);
}
