using System.Text.Json.Nodes;
using ConnectOps.Engine.Abstractions;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.Reconcilers;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Engine.State.Operations;

/// <summary>
/// The state workflows that read AWS: import (by id, by name, or every config resource whose name matches a
/// live one), refresh (Sync-ConnectState), the refresh-only view and drift detection. Reads are the bulk reads
/// the planner makes; writes take the state lock and are one conditional write.
/// </summary>
public sealed partial class LiveStateOperations
{
    private readonly IReadOnlyList<Reconciler> _reconcilers;
    private readonly StateOperations _state;

    public LiveStateOperations(ConnectConfig config, IStateStore store, AwsServices aws, IHost host, IReadOnlyList<Reconciler>? reconcilers = null)
    {
        Config = config ?? throw new ArgumentNullException(nameof(config));
        Store = store ?? throw new ArgumentNullException(nameof(store));
        Aws = aws ?? throw new ArgumentNullException(nameof(aws));
        Host = host ?? throw new ArgumentNullException(nameof(host));
        _reconcilers = reconcilers ?? ReconcilerRegistry.All;
        _state = new StateOperations(store, host);
    }

    public ConnectConfig Config { get; }

    public IStateStore Store { get; }

    public AwsServices Aws { get; }

    public IHost Host { get; }

    public TimeSpan LockTimeout { get; init; }

    /// <summary>How long asynchronous AWS operations are polled at (an instance still being created).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    private ReconcileContext NewContext() => new(Aws, Config, new IdIndex(), Host) { PollInterval = PollInterval };

    private StateOperations Locked => _state.LockTimeout == LockTimeout ? _state : new StateOperations(Store, Host) { LockTimeout = LockTimeout };

    private Reconciler ReconcilerFor(Component component) => _reconcilers.FirstOrDefault(r => r.Component == component)
        ?? throw new StateOperationException("ConnectOps.ComponentNotSupported", $"ConnectOps cannot read {component} resources yet, so they cannot be imported or refreshed.");

    /// <summary>The config's desired resource at an address, if the config declares it.</summary>
    private DesiredResource? DesiredAt(ResourceAddress address) =>
        _reconcilers.FirstOrDefault(r => r.Component == address.Component)?.Desired(Config).FirstOrDefault(d => d.Address.Equals(address));

    /// <summary>The state entry for a live resource: its attributes are the live properties in key space.</summary>
    private static ResourceState Entry(Reconciler reconciler, ReconcileContext context, LiveResource live, DesiredResource? desired, ResourceOrigin origin)
    {
        var attributes = Planner.Translate(context, reconciler, live.Properties);
        attributes["Name"] = live.Name;
        IEnumerable<ResourceAddress> dependsOn = desired?.DependsOn ?? (reconciler.InsideInstance ? [ResourceAddress.Instance] : []);
        return new ResourceState(live.Id, live.Arn, origin, attributes, dependsOn.ToValueList());
    }

    private StateDocument With(StateDocument document, ResourceAddress address, ResourceState resource) =>
        address.Component == Component.Instance
            ? document.WithInstance(new InstanceState(resource.Id, resource.Arn ?? "", Aws.Region, Aws.AccountId)).WithResource(address, resource)
            : document.WithResource(address, resource);

    /// <summary>Counts the config properties that differ from the live resource (what the next apply would change).</summary>
    private static int Differences(Reconciler reconciler, DesiredResource? desired, JsonObject translated) =>
        desired is null ? 0 : Planner.Diff(reconciler, desired.Properties, translated).Count;
}
