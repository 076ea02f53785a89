using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Engine.State.Operations;

/// <summary>
/// Reads what AWS has, component by component, the way the planner does (the instance first, then every
/// other component at once, one bulk read each), and fills the key ↔ id index from state and live names so
/// references translate to keys.
/// </summary>
internal static class LiveReader
{
    public static async Task<Dictionary<Component, IReadOnlyList<LiveResource>>> ReadAsync(
        ReconcileContext context, IReadOnlyList<Reconciler> reconcilers, StateDocument state, ISet<Component>? only, CancellationToken cancellationToken)
    {
        foreach (var (address, resource) in state.Resources)
        {
            if (resource.Id is { Length: > 0 } id) context.Ids.Set(address.Component, address.Key ?? "", id, resource.Arn);
        }
        context.InstanceId ??= state.Instance?.Id;
        context.InstanceArn ??= state.Instance?.Arn;

        var result = new Dictionary<Component, IReadOnlyList<LiveResource>>();
        // The instance is always read: whether it exists decides what can be read inside it.
        foreach (var r in reconcilers.Where(r => !r.InsideInstance))
        {
            result[r.Component] = await r.ReadAsync(context, cancellationToken).ConfigureAwait(false);
        }
        if (context.InstanceId is not null)
        {
            var reads = reconcilers.Where(r => r.InsideInstance && (only is null || only.Contains(r.Component)))
                .Select(async r => (r.Component, Items: await r.ReadAsync(context, cancellationToken).ConfigureAwait(false)))
                .ToList();
            foreach (var (component, items) in await Task.WhenAll(reads).ConfigureAwait(false)) result[component] = items;
        }
        foreach (var (component, items) in result)
        {
            foreach (var r in items) context.Ids.TryAdd(component, r.Name, r.Id, r.Arn);
        }
        return result;
    }

    /// <summary>The components whose reads <paramref name="components"/> need to translate their references.</summary>
    public static HashSet<Component> WithReferences(IEnumerable<Component> components, IReadOnlyList<Reconciler> reconcilers)
    {
        var set = components.ToHashSet();
        foreach (var r in reconcilers.Where(r => set.Contains(r.Component)).ToList())
        {
            foreach (var p in r.Properties)
            {
                if (p.References is { } referenced) set.Add(referenced);
            }
        }
        return set;
    }
}
