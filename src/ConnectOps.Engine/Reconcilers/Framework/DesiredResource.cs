using System.Text.Json.Nodes;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.Reconcilers.Framework;

/// <summary>A resource as the config wants it: properties in key space (references are keys, not ids).</summary>
public sealed class DesiredResource
{
    public required ResourceAddress Address { get; init; }

    /// <summary>The name AWS knows the resource by (used to adopt an existing one instead of making a twin).</summary>
    public required string Name { get; init; }

    public required JsonObject Properties { get; init; }

    /// <summary>What must exist before this resource can be created (references, the instance).</summary>
    public IReadOnlyList<ResourceAddress> DependsOn { get; init; } = [];

    /// <summary>
    /// Dependencies that hold unless they close a reference cycle (flows that name each other, a flow naming
    /// the phone number that routes to it): the planner keeps them as <see cref="DependsOn"/> edges, except the
    /// ones inside a cycle, which it drops while deferring <see cref="DeferWhenCyclic"/> (see CycleBreaker).
    /// </summary>
    public IReadOnlyList<ResourceAddress> SoftDependsOn { get; init; } = [];

    /// <summary>The properties applied after the graph walk when a soft dependency had to be dropped.</summary>
    public IReadOnlyList<string> DeferWhenCyclic { get; init; } = [];

    /// <summary>
    /// Properties of this resource (besides those whose <see cref="PropertySpec.Deferred"/> is set) applied after
    /// the graph walk; set by the planner when it breaks a cycle. The create leaves them out (the reconciler
    /// writes a stand-in) and the executor applies them as updates once everything exists.
    /// </summary>
    public IReadOnlySet<string> DeferredProperties { get; init; } = EmptySet;

    private static readonly IReadOnlySet<string> EmptySet = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="spec"/> is applied after the graph walk for this resource.</summary>
    public bool IsDeferred(PropertySpec spec) => spec.Deferred || DeferredProperties.Contains(spec.Name);

    /// <summary>
    /// References that do not order the walk, set by <see cref="DesiredResources.Of"/>: soft dependencies the
    /// cycle breaker dropped and the keys named by deferred properties (a queue's quick connects). They are
    /// applied after the graph walk; the dependency graph draws them dashed.
    /// </summary>
    public IReadOnlyList<ResourceAddress> DeferredDependsOn { get; init; } = [];

    /// <summary>A copy with the dependencies and deferrals the planner settled on (the soft dependencies kept for the record).</summary>
    public DesiredResource WithDependencies(IReadOnlyList<ResourceAddress> dependsOn, IReadOnlySet<string> deferred) =>
        Copy(dependsOn, deferred, DeferredDependsOn);

    /// <summary>A copy that lists <paramref name="deferredDependsOn"/> as its deferred references.</summary>
    public DesiredResource WithDeferredDependsOn(IReadOnlyList<ResourceAddress> deferredDependsOn) =>
        Copy(DependsOn, DeferredProperties, deferredDependsOn);

    private DesiredResource Copy(IReadOnlyList<ResourceAddress> dependsOn, IReadOnlySet<string> deferred, IReadOnlyList<ResourceAddress> deferredDependsOn) => new()
    {
        Address = Address,
        Name = Name,
        Properties = Properties,
        Spec = Spec,
        DependsOn = dependsOn,
        SoftDependsOn = SoftDependsOn,
        DeferWhenCyclic = DeferWhenCyclic,
        DeferredProperties = deferred,
        DeferredDependsOn = deferredDependsOn,
    };

    public IResourceSpec? Spec { get; init; }
}
