using System.Text.Json.Nodes;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Engine.Imperative;

/// <summary>
/// A reconciler whose desired resources at some addresses manage only some properties: a Set changes what it was
/// given and what ConnectOps knows of the resource, never a property it could not read (a user's email when the
/// user is in neither state nor config) — the planner leaves a null property alone. Everything else is the inner
/// reconciler's, so the plan, the calls and the state are exactly those of Invoke-ConnectApply.
/// </summary>
internal sealed class MaskedReconciler(Reconciler inner, IReadOnlyDictionary<ResourceAddress, HashSet<string>> managed) : Reconciler
{
    public override Component Component => inner.Component;

    public override IReadOnlyList<PropertySpec> Properties => inner.Properties;

    public override ComponentCalls Calls => inner.Calls;

    public override IEnumerable<AwsOperation> CallsNotNeeded(ConnectConfig config, IReadOnlyCollection<string> stateIds) => inner.CallsNotNeeded(config, stateIds);

    public override bool InsideInstance => inner.InsideInstance;

    public override bool ReplaceNeedsAllowDestroy => inner.ReplaceNeedsAllowDestroy;

    public override IReadOnlyList<string> KeepInState => inner.KeepInState;

    public override IEnumerable<DesiredResource> Desired(ConnectConfig config) =>
        inner.Desired(config).Select(d => managed.TryGetValue(d.Address, out var keys) ? Mask(d, keys) : d);

    private static DesiredResource Mask(DesiredResource d, HashSet<string> keys)
    {
        var properties = new JsonObject();
        foreach (var (name, value) in d.Properties) properties[name] = keys.Contains(name) ? value?.DeepClone() : null;
        return new DesiredResource
        {
            Address = d.Address,
            Name = d.Name,
            Properties = properties,
            DependsOn = d.DependsOn,
            SoftDependsOn = d.SoftDependsOn,
            DeferWhenCyclic = d.DeferWhenCyclic,
            DeferredProperties = d.DeferredProperties,
            Spec = d.Spec,
        };
    }

    public override Task<IReadOnlyList<LiveResource>> ReadAsync(ReconcileContext context, CancellationToken cancellationToken) => inner.ReadAsync(context, cancellationToken);

    public override Task<LiveResource> CreateAsync(ReconcileContext context, DesiredResource desired, CancellationToken cancellationToken) => inner.CreateAsync(context, desired, cancellationToken);

    public override Task UpdateAsync(ReconcileContext context, string facet, DesiredResource desired, string id, string? arn, JsonObject? live, CancellationToken cancellationToken) =>
        inner.UpdateAsync(context, facet, desired, id, arn, live, cancellationToken);

    public override Task DeleteAsync(ReconcileContext context, string id, string? arn, CancellationToken cancellationToken) => inner.DeleteAsync(context, id, arn, cancellationToken);

    public override Task<LiveResource?> FindByNameAsync(ReconcileContext context, string name, CancellationToken cancellationToken) => inner.FindByNameAsync(context, name, cancellationToken);

    public override string? RenameIdentity(JsonObject properties) => inner.RenameIdentity(properties);

    public override JsonObject Comparable(ReconcileContext context, JsonObject properties) => inner.Comparable(context, properties);
}
