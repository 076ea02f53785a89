using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.State;

namespace ConnectOps.Engine.Reconcilers.Framework;

/// <summary>
/// The one way ConnectOps reads AWS: the components outside the instance first (the instance's existence decides
/// what can be read inside it), then the wanted inside-instance components at once, one bulk read each (different
/// operations have separate quotas). Used by the planner, the state operations and the imperative cmdlets.
/// </summary>
public static class LiveReader
{
    /// <summary>
    /// Reads <paramref name="only"/> (null: every component). Outside-instance components (instance, IAM role, log
    /// group) are read unless <paramref name="includeOutsideInstance"/> is false (state already knows the instance).
    /// Every read runs at once (different operations have separate quotas): when state already knows the instance, the
    /// inside-instance reads do not wait for the instance's own; if it turns out to be gone, their results (and their
    /// not-found errors) are dropped. Fills nothing in the id index: see <see cref="IndexState"/> and <see cref="IndexNames"/>.
    /// </summary>
    public static async Task<Dictionary<Component, IReadOnlyList<LiveResource>>> ReadAsync(
        ReconcileContext context, IReadOnlyList<Reconciler> reconcilers, ISet<Component>? only, bool includeOutsideInstance, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Component, IReadOnlyList<LiveResource>>();
        var inside = reconcilers.Where(r => r.InsideInstance && (only is null || only.Contains(r.Component))).ToList();
        var known = context.InstanceId;
        var early = known is not null && inside.Count > 0 ? ReadAllAsync(context, inside, cancellationToken) : null;
        if (includeOutsideInstance)
        {
            foreach (var (component, items) in await ReadAllAsync(context, reconcilers.Where(r => !r.InsideInstance).ToList(), cancellationToken).ConfigureAwait(false))
                result[component] = items;
        }
        if (context.InstanceId is null || context.InstanceId != known)
        {
            // The instance is gone, or the read found it by alias: what was read early belongs to no instance.
            if (early is not null)
            {
                try { await early.ConfigureAwait(false); }
                catch (Exception) when (!cancellationToken.IsCancellationRequested) { /* reads of an instance that is not there */ }
            }
            if (context.InstanceId is null) return result;
            early = null;
        }
        foreach (var (component, items) in await (early ?? ReadAllAsync(context, inside, cancellationToken)).ConfigureAwait(false)) result[component] = items;
        return result;
    }

    private static Task<(Component Component, IReadOnlyList<LiveResource> Items)[]> ReadAllAsync(ReconcileContext context, List<Reconciler> reconcilers, CancellationToken cancellationToken) =>
        Task.WhenAll(reconcilers.Select(async r => (r.Component, Items: await r.ReadAsync(context, cancellationToken).ConfigureAwait(false))));

    /// <summary>State's ids and the instance into the context: what ConnectOps already knows.</summary>
    public static void IndexState(ReconcileContext context, StateDocument state)
    {
        foreach (var (address, resource) in state.Resources)
        {
            if (resource.Id is { Length: > 0 } id) context.Ids.Set(address.Component, address.Key ?? "", id, resource.Arn);
        }
        context.InstanceId ??= state.Instance?.Id;
        context.InstanceArn ??= state.Instance?.Arn;
    }

    /// <summary>Live names into the index where the key is still free, so references to built-ins resolve.</summary>
    public static void IndexNames(ReconcileContext context, IReadOnlyDictionary<Component, IReadOnlyList<LiveResource>> live)
    {
        foreach (var (component, items) in live)
        {
            foreach (var r in items) context.Ids.TryAdd(component, r.Name, r.Id, r.Arn);
        }
    }

    /// <summary>Index state, read (with references), index names: what a state operation needs.</summary>
    public static async Task<Dictionary<Component, IReadOnlyList<LiveResource>>> ReadAsync(
        ReconcileContext context, IReadOnlyList<Reconciler> reconcilers, StateDocument state, ISet<Component>? only, CancellationToken cancellationToken)
    {
        IndexState(context, state);
        var result = await ReadAsync(context, reconcilers, only, includeOutsideInstance: true, cancellationToken).ConfigureAwait(false);
        IndexNames(context, result);
        return result;
    }

    /// <summary>
    /// The components whose reads <paramref name="components"/> need: themselves, every component their properties
    /// reference (to turn ids into keys and to know which names exist); a contact flow's content may name anything,
    /// so flows need every component; hierarchy groups sit on the instance's levels.
    /// </summary>
    public static HashSet<Component> ReadSet(IReadOnlyList<Reconciler> reconcilers, IEnumerable<Component> components)
    {
        var requested = components.ToHashSet();
        var set = requested.ToHashSet();
        foreach (var r in reconcilers.Where(r => set.Contains(r.Component)).ToList())
        {
            foreach (var p in r.Properties)
            {
                if (p.References is { } referenced) set.Add(referenced);
            }
        }
        if (requested.Contains(Component.ContactFlows)) set.UnionWith(reconcilers.Where(r => r.InsideInstance).Select(r => r.Component));
        if (requested.Contains(Component.HierarchyGroups)) set.Add(Component.HierarchyStructure);
        return set;
    }
}
