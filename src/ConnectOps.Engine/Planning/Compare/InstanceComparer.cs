using System.Text.Json.Nodes;
using ConnectOps.Engine.Abstractions;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Export;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Reconcilers;
using ConnectOps.Engine.Reconcilers.Framework;
using ConnectOps.Engine.State;

namespace ConnectOps.Engine.Planning.Compare;

/// <summary>
/// Compares a config with an instance as if nothing were managed yet: no state is read, the instance is pinned by
/// id, and every other resource is matched by name, as the planner adopts existing resources on a first plan.
/// Takes a loaded <see cref="ConnectConfig"/>, so comparing two instances is: export the reference instance to a
/// config in memory, then compare that config with the other instance.
/// </summary>
public sealed class InstanceComparer
{
    public const string InstanceNotFoundId = "ConnectOps.InstanceNotFound";

    private readonly AwsServices _aws;
    private readonly IHost _host;
    private readonly IReadOnlyList<Reconciler> _reconcilers;

    public InstanceComparer(AwsServices aws, IHost host, IReadOnlyList<Reconciler>? reconcilers = null)
    {
        _aws = aws;
        _host = host;
        _reconcilers = reconcilers ?? ReconcilerRegistry.All;
    }

    public async Task<InstanceComparison> CompareAsync(ConnectConfig config, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        var before = _aws.CallCounts();
        var context = new ReconcileContext(_aws, config, new IdIndex(), _host) { InstanceId = instanceId };
        // Only the instance is "in state", so it is matched by id whatever its alias; the rest is adopted by name.
        var state = StateDocument.New().WithResource(ResourceAddress.Instance, new ResourceState(instanceId, null, ResourceOrigin.Import));
        var live = await LiveReader.ReadAsync(context, _reconcilers, only: null, includeOutsideInstance: true, cancellationToken).ConfigureAwait(false);
        if (context.InstanceId is null || !live.TryGetValue(Component.Instance, out var instances) || instances.Count == 0)
        {
            throw new ImperativeException(InstanceNotFoundId, EngineErrorKind.ObjectNotFound,
                $"There is no Amazon Connect instance '{instanceId}' in {_aws.Region} for this account. Check -InstanceId, -Region and the credentials (or -EndpointUrl).");
        }
        var changes = await new Planner(_reconcilers).PlanAsync(context, state, new PlanScope(), cancellationToken, live).ConfigureAwait(false);

        var deltas = changes.Select(ToDelta).ToList();
        var matched = changes.Where(c => c.Id is not null).Select(c => (c.Address.Component, c.Id!)).ToHashSet();
        foreach (var reconciler in _reconcilers.Where(r => r.InsideInstance))
        {
            foreach (var resource in live.GetValueOrDefault(reconciler.Component) ?? [])
            {
                if (resource.IsDefault || matched.Contains((reconciler.Component, resource.Id)) || !TryAddress(reconciler.Component, resource.Name, out var address)) continue;
                deltas.Add(new ResourceDelta(address, DeltaKind.OnlyInInstance, ChangeAction.Delete, resource.Id, ValueList<PropertyDiff>.Empty,
                    new ValueList<string>(["in the instance, not in the config"])));
            }
        }
        deltas = deltas.OrderBy(d => d.Address).ThenBy(d => d.Address.ToString(), StringComparer.Ordinal).ToList();

        var byAddress = changes.ToDictionary(c => c.Address);
        var plan = new Plan
        {
            ConfigPath = config.ConfigPath,
            ConfigHash = config.ConfigHash,
            Changes = deltas.Select(d => byAddress.TryGetValue(d.Address, out var c)
                ? c.ToResourceChange() with { Action = d.Action }
                : new ResourceChange(d.Address, d.Action, d.Id, d.Diffs, d.Reasons)).ToValueList(),
        };
        return new InstanceComparison
        {
            ConfigPath = config.ConfigPath,
            InstanceId = context.InstanceId,
            InstanceArn = context.InstanceArn ?? instances[0].Arn,
            Deltas = deltas.ToValueList(),
            Plan = plan,
            Statistics = PlanStatistics.Between(before, _aws.CallCounts()),
        };
    }

    /// <summary>
    /// Two instances: the reference is exported in memory (the same bulk read as Export-ConnectConfig, instance pinned
    /// by id, numbers by their number) and that config is compared with <paramref name="instanceId"/>. The deltas say
    /// what an apply of the reference's export would change in the other instance.
    /// </summary>
    public async Task<InstanceComparison> CompareInstancesAsync(string referenceInstanceId, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(referenceInstanceId);
        var before = _aws.CallCounts();
        var export = await ConfigExporter.ExportAsync(_aws, _host, new ExportOptions { InstanceId = referenceInstanceId }, cancellationToken, _reconcilers).ConfigureAwait(false);
        var comparison = await CompareAsync(export.BoundConfig, instanceId, cancellationToken).ConfigureAwait(false);
        return comparison with
        {
            ConfigPath = $"instance {export.InstanceAlias} ({export.InstanceId})",
            Statistics = PlanStatistics.Between(before, _aws.CallCounts()),
        };
    }

    private static ResourceDelta ToDelta(PlannedChange change)
    {
        var diffs = change.ToResourceChange().Diffs;
        var (kind, action) = change.Action switch
        {
            ChangeAction.Create => (DeltaKind.OnlyInConfig, ChangeAction.Create),
            _ when change.Deltas.Count == 0 => (DeltaKind.Same, ChangeAction.NoOp),
            _ when change.Deltas.Any(d => d.Spec.ForcesReplacement) => (DeltaKind.Different, ChangeAction.Replace),
            _ => (DeltaKind.Different, ChangeAction.Update),
        };
        // The planner's adoption note ("adopted instead of creating a twin") says nothing about a comparison.
        var reasons = change.Action == ChangeAction.Import ? ValueList<string>.Empty : change.Reasons.ToValueList();
        return new ResourceDelta(change.Address, kind, action, change.Id, diffs, reasons);
    }

    private static bool TryAddress(Component component, string name, out ResourceAddress address)
    {
        address = null!;
        if (ResourceAddress.IsSingleton(component) || string.IsNullOrEmpty(name)) return false;
        address = new ResourceAddress(component, name);
        return true;
    }
}
