using ConnectOps.Engine.Addressing;

namespace ConnectOps.Engine.Reconcilers.Framework;

/// <summary>
/// Turns soft dependencies (<see cref="DesiredResource.SoftDependsOn"/>) into ordinary ones, except where they
/// close a cycle among the desired resources: those edges are dropped and the resource's
/// <see cref="DesiredResource.DeferWhenCyclic"/> properties become deferred, so the resource is created first
/// (with a stand-in) and completed after the graph walk. Flows that transfer to each other (or to themselves),
/// or a flow that names the phone number whose inbound flow it is, apply from scratch in one run this way.
/// </summary>
public static class CycleBreaker
{
    public static Dictionary<Component, List<DesiredResource>> Apply(Dictionary<Component, List<DesiredResource>> byComponent)
    {
        var all = byComponent.Values.SelectMany(x => x).ToList();
        if (all.All(d => d.SoftDependsOn.Count == 0)) return byComponent;
        var component = StronglyConnected(all);
        return byComponent.ToDictionary(p => p.Key, p => p.Value.Select(d => Settle(d, component)).ToList());
    }

    private static DesiredResource Settle(DesiredResource desired, Dictionary<ResourceAddress, int> component)
    {
        if (desired.SoftDependsOn.Count == 0) return desired;
        var own = component[desired.Address];
        var kept = new List<ResourceAddress>(desired.DependsOn);
        var cut = false;
        foreach (var dependency in desired.SoftDependsOn)
        {
            // An edge to itself, or to anything that (transitively) depends back on it, closes a cycle.
            if (dependency.Equals(desired.Address) || (component.TryGetValue(dependency, out var other) && other == own)) cut = true;
            else if (!kept.Contains(dependency)) kept.Add(dependency);
        }
        var deferred = cut ? new HashSet<string>(desired.DeferWhenCyclic, StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal);
        return desired.WithDependencies(kept, deferred);
    }

    /// <summary>Tarjan's algorithm over DependsOn ∪ SoftDependsOn (edges to undeclared addresses ignored): address → component number.</summary>
    private static Dictionary<ResourceAddress, int> StronglyConnected(List<DesiredResource> all)
    {
        var edges = all.GroupBy(d => d.Address).ToDictionary(g => g.Key, g => g.SelectMany(d => d.DependsOn.Concat(d.SoftDependsOn)).Distinct().ToList());
        var index = new Dictionary<ResourceAddress, int>();
        var low = new Dictionary<ResourceAddress, int>();
        var onStack = new HashSet<ResourceAddress>();
        var stack = new Stack<ResourceAddress>();
        var result = new Dictionary<ResourceAddress, int>();
        var next = 0;
        var components = 0;

        // Iterative, so a long chain of dependencies cannot overflow the call stack.
        foreach (var root in edges.Keys)
        {
            if (index.ContainsKey(root)) continue;
            var work = new Stack<(ResourceAddress Node, int Edge)>();
            work.Push((root, 0));
            index[root] = low[root] = next++;
            stack.Push(root);
            onStack.Add(root);
            while (work.Count > 0)
            {
                var (node, edge) = work.Pop();
                var targets = edges[node];
                if (edge < targets.Count)
                {
                    work.Push((node, edge + 1));
                    var target = targets[edge];
                    if (!edges.ContainsKey(target)) continue;
                    if (!index.ContainsKey(target))
                    {
                        index[target] = low[target] = next++;
                        stack.Push(target);
                        onStack.Add(target);
                        work.Push((target, 0));
                    }
                    else if (onStack.Contains(target))
                    {
                        low[node] = Math.Min(low[node], index[target]);
                    }
                    continue;
                }
                if (low[node] == index[node])
                {
                    ResourceAddress member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        result[member] = components;
                    }
                    while (!member.Equals(node));
                    components++;
                }
                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }
            }
        }
        return result;
    }
}
