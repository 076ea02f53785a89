using System.Text.Json.Nodes;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.Reconcilers.Framework;

/// <summary>
/// What a config wants, per component, with the dependencies the planner and the executor act on: the one
/// place that turns the reconcilers' <see cref="Reconciler.Desired"/> into the settled graph, so the plan, the
/// apply and the dependency picture (Get-ConnectGraph) never disagree about an edge.
/// </summary>
public static class DesiredResources
{
    /// <summary>
    /// Every reconciler's desired resources, soft dependencies settled by <see cref="CycleBreaker"/>, and each one's
    /// <see cref="DesiredResource.DeferredDependsOn"/> listed: the soft dependencies the cycle breaker dropped plus
    /// the keys named by the reconciler's deferred reference properties (built-in resources left out, as
    /// <see cref="Dependencies.Of(ConnectConfig, IEnumerable{ResourceAddress?})"/> leaves them out).
    /// </summary>
    public static Dictionary<Component, List<DesiredResource>> Of(IReadOnlyList<Reconciler> reconcilers, ConnectConfig config)
    {
        ArgumentNullException.ThrowIfNull(reconcilers);
        ArgumentNullException.ThrowIfNull(config);
        var settled = CycleBreaker.Apply(reconcilers.ToDictionary(r => r.Component, r => r.Desired(config).ToList()));
        return reconcilers.ToDictionary(r => r.Component, r => settled[r.Component].Select(d => WithDeferred(r, d, config)).ToList());
    }

    private static DesiredResource WithDeferred(Reconciler reconciler, DesiredResource desired, ConnectConfig config)
    {
        var deferred = new List<ResourceAddress>();
        void Add(ResourceAddress address)
        {
            if (!desired.DependsOn.Contains(address) && !deferred.Contains(address) && !Dependencies.IsBuiltIn(config, address)) deferred.Add(address);
        }
        foreach (var cut in desired.SoftDependsOn) Add(cut);
        foreach (var spec in reconciler.Properties.Where(p => p.Deferred && p.References is not null))
        {
            foreach (var key in Keys(desired.Properties[spec.Name], spec.ReferenceMember)) Add(new ResourceAddress(spec.References!.Value, key));
        }
        return deferred.Count == 0 ? desired : desired.WithDeferredDependsOn(deferred);
    }

    /// <summary>The keys a reference property's value names: one key, a list of keys, or a member of each listed object.</summary>
    private static IEnumerable<string> Keys(JsonNode? value, string? member) => value switch
    {
        JsonArray list => list.SelectMany(item => Keys(item, member)),
        JsonObject item when member is not null => Keys(item[member], null),
        JsonValue v when JsonValues.AsString(v) is { Length: > 0 } key => [key],
        _ => [],
    };
}
