using ConnectOps.Engine.Addressing;

namespace ConnectOps.Engine.Planning.Graph;

/// <summary>Where a node stands relative to a -Component/-Target scope.</summary>
public enum GraphScopeRole
{
    /// <summary>No scope was given: every node counts.</summary>
    Unscoped,

    /// <summary>Named by -Component or -Target.</summary>
    Target,

    /// <summary>Not named, but pulled in: a target depends on it and it does not exist yet.</summary>
    PulledIn,

    /// <summary>Outside the scope: drawn faded.</summary>
    Outside,
}

/// <summary>
/// One resource in the picture. <see cref="Action"/> is null when the graph was drawn from a config (nothing
/// known about AWS). <see cref="Declared"/> is false for an address that only appears as the end of an edge
/// (a resource outside a targeted plan, or one the config references but does not declare).
/// </summary>
public sealed record GraphNode(ResourceAddress Address, ChangeAction? Action, GraphScopeRole Role, bool Declared = true, bool Unmanaged = false);

/// <summary>
/// "<see cref="From"/> needs <see cref="To"/>". <see cref="Deferred"/>: the reference is completed after the graph
/// walk (a queue's quick connects, a flow cycle), so it does not order the apply; drawn dashed.
/// </summary>
public sealed record GraphEdge(ResourceAddress From, ResourceAddress To, bool Deferred);

/// <summary>The dependency graph of a config or a plan: nodes and edges, both in a stable (sorted) order.</summary>
public sealed class ResourceGraph
{
    /// <param name="fromPlan">Drawn from a plan (nodes carry actions) rather than from a config.</param>
    public ResourceGraph(IEnumerable<GraphNode> nodes, IEnumerable<GraphEdge> edges, bool fromPlan)
    {
        FromPlan = fromPlan;
        Nodes = nodes.OrderBy(n => n.Address).ThenBy(n => n.Address.ToString(), StringComparer.Ordinal).ToList();
        Edges = edges.Distinct()
            .OrderBy(e => e.From).ThenBy(e => e.From.ToString(), StringComparer.Ordinal)
            .ThenBy(e => e.To).ThenBy(e => e.To.ToString(), StringComparer.Ordinal)
            .ThenBy(e => e.Deferred)
            .ToList();
    }

    public IReadOnlyList<GraphNode> Nodes { get; }

    public IReadOnlyList<GraphEdge> Edges { get; }

    /// <summary>True when drawn from a plan (nodes coloured by action), false for a config drawn offline.</summary>
    public bool FromPlan { get; }

    /// <summary>The nodes grouped by component, in component order.</summary>
    public IEnumerable<IGrouping<Component, GraphNode>> ByComponent() => Nodes.GroupBy(n => n.Address.Component).OrderBy(g => g.Key);
}
