using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Reconcilers;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Engine.Planning.Graph;

/// <summary>
/// Builds the dependency graph from the edges the planner and the executor use (never from a second reading of
/// the config): for a config, the settled <see cref="DesiredResources"/>; for a plan, each change's recorded
/// <see cref="ResourceChange.DependsOn"/> and <see cref="ResourceChange.DeferredDependsOn"/>. A scope marks its
/// targets and what they pull in with <see cref="PlanScope.Select"/>, the planner's own targeting.
/// </summary>
public static class ResourceGraphBuilder
{
    private sealed record Entry(ResourceAddress Address, ChangeAction? Action, IReadOnlyList<ResourceAddress> DependsOn,
        IReadOnlyList<ResourceAddress> Deferred, bool Unmanaged);

    /// <summary>
    /// The graph of a config, offline: no node has an action. Nothing is known to exist, so a target pulls in
    /// everything it (transitively) depends on: the most a targeted plan from an empty instance would include.
    /// </summary>
    public static ResourceGraph FromConfig(ConnectConfig config, PlanScope? scope = null, IReadOnlyList<Reconciler>? reconcilers = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var entries = DesiredResources.Of(reconcilers ?? ReconcilerRegistry.All, config).Values.SelectMany(x => x)
            .Select(d => new Entry(d.Address, null, d.DependsOn, d.DeferredDependsOn, false)).ToList();
        return Build(entries, scope ?? new PlanScope(), _ => true, fromPlan: false);
    }

    /// <summary>
    /// The graph of a plan: nodes coloured by action, deletes included. A target pulls in the dependencies the plan
    /// creates or replaces, as the planner's own -Target does.
    /// </summary>
    public static ResourceGraph FromPlan(Plan plan, PlanScope? scope = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var entries = plan.Changes.Select(c => new Entry(c.Address, c.Action, c.DependsOn, c.DeferredDependsOn, c.Unmanaged)).ToList();
        var actions = entries.GroupBy(e => e.Address).ToDictionary(g => g.Key, g => g.First().Action);
        return Build(entries, scope ?? new PlanScope(),
            a => actions.TryGetValue(a, out var action) && action is ChangeAction.Create or ChangeAction.Replace, fromPlan: true);
    }

    private static ResourceGraph Build(List<Entry> entries, PlanScope scope, Func<ResourceAddress, bool> mustCreate, bool fromPlan)
    {
        var byAddress = entries.GroupBy(e => e.Address).ToDictionary(g => g.Key, g => g.First());
        var covered = scope.Select(byAddress.Keys, a => byAddress.TryGetValue(a, out var e) ? e.DependsOn : [], mustCreate);
        GraphScopeRole Role(ResourceAddress a) =>
            scope.IsEverything ? GraphScopeRole.Unscoped
            : scope.IsSelected(a) ? GraphScopeRole.Target
            : covered.Contains(a) ? GraphScopeRole.PulledIn
            : GraphScopeRole.Outside;

        var edges = byAddress.Values.SelectMany(e =>
            e.DependsOn.Select(d => new GraphEdge(e.Address, d, Deferred: false))
                .Concat(e.Deferred.Select(d => new GraphEdge(e.Address, d, Deferred: true)))).ToList();
        var nodes = byAddress.Values.Select(e => new GraphNode(e.Address, e.Action, Role(e.Address), Declared: true, e.Unmanaged)).ToList();
        // An edge may end at an address that is not a node: outside a targeted plan, or referenced but not declared.
        nodes.AddRange(edges.Select(e => e.To).Where(a => !byAddress.ContainsKey(a)).Distinct()
            .Select(a => new GraphNode(a, null, scope.IsEverything ? GraphScopeRole.Unscoped : GraphScopeRole.Outside, Declared: false)));
        return new ResourceGraph(nodes, edges, fromPlan);
    }
}
