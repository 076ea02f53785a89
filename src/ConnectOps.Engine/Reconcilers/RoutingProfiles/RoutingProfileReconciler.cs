using System.Text.Json.Nodes;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Engine.Reconcilers.RoutingProfiles;

/// <summary>
/// Routing profiles. Facets and their calls: name + description (UpdateRoutingProfileName), media concurrencies
/// with each channel's cross-channel behaviour (UpdateRoutingProfileConcurrency), default outbound queue,
/// agent availability timer, and the queue configs: queues that leave or join go through
/// Disassociate/AssociateRoutingProfileQueues, priority or delay changes of queues that stay through
/// UpdateRoutingProfileQueues, each at most 10 per call. A create carries the first 10 queue configs and
/// associates the rest. Read: SearchRoutingProfiles (500 full profiles a page) plus one
/// ListRoutingProfileQueues per profile the config declares, or per profile for an export (Search has no priority or delay).
/// <para>The built-in 'Basic Routing Profile' is referable without being declared; declaring it manages its
/// queue configs only when the declaration lists some.</para>
/// </summary>
public sealed class RoutingProfileReconciler : Reconciler
{
    private const string NameFacet = "Name";
    private const string ConcurrencyFacet = "Concurrency";
    private const string DefaultQueueFacet = "DefaultOutboundQueue";
    private const string TimerFacet = "AgentAvailabilityTimer";
    private const string QueuesFacet = "QueueConfigs";

    /// <summary>Queue configs per associate / disassociate / update call (the API's list limit).</summary>
    public const int QueuesPerCall = 10;

    private const string DefaultCrossChannel = BehaviorType.ROUTE_CURRENT_CHANNEL_ONLY;

    private static readonly IReadOnlyList<PropertySpec> Specs =
    [
        new("Description") { Facet = NameFacet },
        new("MediaConcurrencies") { Facet = ConcurrencyFacet, Unordered = true },
        new("DefaultOutboundQueue") { Facet = DefaultQueueFacet, References = Component.Queues },
        new("AgentAvailabilityTimer") { Facet = TimerFacet },
        new("QueueConfigs") { Facet = QueuesFacet, References = Component.Queues, ReferenceMember = "Queue", Unordered = true },
        ConnectTags.Property,
    ];

    public override Component Component => Component.RoutingProfiles;

    public override IReadOnlyList<PropertySpec> Properties => Specs;

    private static readonly ComponentCalls CallTable = new()
    {
        Read = ComponentCalls.Connect("SearchRoutingProfiles ListRoutingProfileQueues"),
        Write = [.. ComponentCalls.Connect("CreateRoutingProfile UpdateRoutingProfileName UpdateRoutingProfileConcurrency UpdateRoutingProfileDefaultOutboundQueue UpdateRoutingProfileQueues UpdateRoutingProfileAgentAvailabilityTimer AssociateRoutingProfileQueues DisassociateRoutingProfileQueues"), .. ConnectTags.Calls],
        Delete = ComponentCalls.Connect("DeleteRoutingProfile"),
    };

    public override ComponentCalls Calls => CallTable;

    public override string? RenameFacet => NameFacet;

    private static bool IsBuiltIn(string name) => BuiltInResources.RoutingProfiles.Contains(name, StringComparer.OrdinalIgnoreCase);

    public override IEnumerable<DesiredResource> Desired(ConnectConfig config) =>
        config.RoutingProfiles.Select(r => new DesiredResource
        {
            Address = r.Address,
            Name = r.Name,
            Spec = r,
            DependsOn = Dependencies.Of(config,
                r.QueueConfigs.Select(q => Dependencies.Ref(Component.Queues, q.Queue)).Prepend(Dependencies.Ref(Component.Queues, r.DefaultOutboundQueue))),
            Properties = new JsonObject
            {
                ["Description"] = r.Description,
                ["MediaConcurrencies"] = new JsonArray(r.MediaConcurrencies.Select(m => (JsonNode)Concurrency(
                    EnumWire.ToWire(m.Channel), m.Concurrency, m.CrossChannelBehavior is { } b ? EnumWire.ToWire(b) : DefaultCrossChannel)).ToArray()),
                ["DefaultOutboundQueue"] = r.DefaultOutboundQueue,
                ["AgentAvailabilityTimer"] = r.AgentAvailabilityTimer is { } t ? EnumWire.ToWire(t) : null,
                ["QueueConfigs"] = IsBuiltIn(r.Name) && r.QueueConfigs.Count == 0 ? null
                    : new JsonArray(r.QueueConfigs.Select(q => (JsonNode)QueueConfig(q.Queue, EnumWire.ToWire(q.Channel), q.Priority, q.Delay)).ToArray()),
                ["Tags"] = TagsNode(config, r.Tags),
            },
        });

    private static JsonObject Concurrency(string channel, int concurrency, string crossChannel) => new()
    {
        ["Channel"] = channel,
        ["Concurrency"] = concurrency,
        ["CrossChannelBehavior"] = crossChannel,
    };

    private static JsonObject QueueConfig(string queue, string channel, int priority, int delay) => new()
    {
        ["Queue"] = queue,
        ["Channel"] = channel,
        ["Priority"] = priority,
        ["Delay"] = delay,
    };

    public override async Task<IReadOnlyList<LiveResource>> ReadAsync(ReconcileContext context, CancellationToken cancellationToken)
    {
        var instanceId = context.RequireInstanceId();
        var profiles = new List<RoutingProfile>();
        var search = new SearchRoutingProfilesRequest { InstanceId = instanceId, MaxResults = 500 };
        await foreach (var p in context.Aws.Connect.Paginators.SearchRoutingProfiles(search).RoutingProfiles.WithCancellation(cancellationToken).ConfigureAwait(false)) profiles.Add(p);

        // Priority and delay are only in the per-profile queue list: read it for the profiles the config declares.
        var declared = context.Config.RoutingProfiles.Select(r => r.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var queues = await AssociationList.ReadPerParentAsync(
            profiles.Where(p => context.WantsAssociations(declared, p.Name)).Select(p => p.RoutingProfileId!),
            id => context.Aws.Connect.Paginators.ListRoutingProfileQueues(new ListRoutingProfileQueuesRequest
            {
                InstanceId = instanceId, RoutingProfileId = id, MaxResults = 100,
            }).RoutingProfileQueueConfigSummaryList,
            cancellationToken).ConfigureAwait(false);

        return profiles.Select(p =>
        {
            var properties = new JsonObject
            {
                ["Description"] = p.Description ?? "",
                ["MediaConcurrencies"] = new JsonArray((p.MediaConcurrencies ?? []).Where(m => m.Concurrency is > 0)
                    .Select(m => (JsonNode)Concurrency(m.Channel ?? "", m.Concurrency ?? 0, m.CrossChannelBehavior?.BehaviorType ?? DefaultCrossChannel)).ToArray()),
                ["DefaultOutboundQueue"] = p.DefaultOutboundQueueId,
                ["AgentAvailabilityTimer"] = p.AgentAvailabilityTimer,
                ["Tags"] = ConnectTags.ToNode(p.Tags),
            };
            if (queues.TryGetValue(p.RoutingProfileId!, out var list))
                properties["QueueConfigs"] = new JsonArray(list.Select(q => (JsonNode)QueueConfig(q.QueueId ?? "", q.Channel ?? "", q.Priority ?? 0, q.Delay ?? 0)).ToArray());
            return new LiveResource
            {
                Id = p.RoutingProfileId!,
                Arn = p.RoutingProfileArn,
                Name = p.Name ?? "",
                IsDefault = p.IsDefault == true || IsBuiltIn(p.Name ?? ""),
                Properties = properties,
            };
        }).ToList();
    }

    private static List<MediaConcurrency> ConcurrenciesOf(JsonObject p) =>
        (p["MediaConcurrencies"] as JsonArray ?? []).OfType<JsonObject>().Select(m => new MediaConcurrency
        {
            Channel = Str(m, "Channel"),
            Concurrency = (int?)Long(m, "Concurrency"),
            CrossChannelBehavior = new Aws.Connect.Model.CrossChannelBehavior { BehaviorType = Str(m, "CrossChannelBehavior") ?? DefaultCrossChannel },
        }).ToList();

    /// <summary>Queue configs with queue ids: config keys resolved; live values that matched no key are ids already.</summary>
    private static List<RoutingProfileQueueConfig> QueueConfigsOf(ReconcileContext context, JsonNode? node, bool desired) =>
        (node as JsonArray ?? []).OfType<JsonObject>().Select(q =>
        {
            var queue = Str(q, "Queue") ?? "";
            var id = desired ? context.IdOf(Component.Queues, queue) : context.Ids.TryGetId(Component.Queues, queue, out var known) ? known : queue;
            return new RoutingProfileQueueConfig
            {
                QueueReference = new RoutingProfileQueueReference { QueueId = id, Channel = Str(q, "Channel") },
                Priority = (int?)Long(q, "Priority"),
                Delay = (int?)Long(q, "Delay"),
            };
        }).OrderBy(Key, StringComparer.Ordinal).ToList();

    private static string Key(RoutingProfileQueueConfig q) => $"{q.QueueReference!.QueueId}/{q.QueueReference.Channel}";

    public override async Task<LiveResource> CreateAsync(ReconcileContext context, DesiredResource desired, CancellationToken cancellationToken)
    {
        var p = desired.Properties;
        var instanceId = context.RequireInstanceId();
        var queueConfigs = QueueConfigsOf(context, p["QueueConfigs"], desired: true);
        var response = await context.Aws.Connect.CreateRoutingProfileAsync(new CreateRoutingProfileRequest
        {
            InstanceId = instanceId,
            Name = desired.Name,
            Description = Str(p, "Description"),
            DefaultOutboundQueueId = context.IdOf(Component.Queues, Str(p, "DefaultOutboundQueue")!),
            MediaConcurrencies = ConcurrenciesOf(p),
            AgentAvailabilityTimer = Str(p, "AgentAvailabilityTimer"),
            QueueConfigs = queueConfigs.Count > 0 ? queueConfigs.Take(QueuesPerCall).ToList() : null,
            Tags = ConnectTags.ToRequest(p),
        }, cancellationToken).ConfigureAwait(false);
        // CreateRoutingProfile takes 10 queue configs; the rest are associated 10 at a time.
        await AssociationList.ChunkedAsync(queueConfigs.Skip(QueuesPerCall), QueuesPerCall, chunk => Associate(context, instanceId, response.RoutingProfileId!, chunk, cancellationToken)).ConfigureAwait(false);
        return new LiveResource { Id = response.RoutingProfileId!, Arn = response.RoutingProfileArn, Name = desired.Name, Properties = (JsonObject)p.DeepClone() };
    }

    private static Task Associate(ReconcileContext context, string instanceId, string id, IReadOnlyList<RoutingProfileQueueConfig> chunk, CancellationToken cancellationToken) =>
        context.Aws.Connect.AssociateRoutingProfileQueuesAsync(new AssociateRoutingProfileQueuesRequest { InstanceId = instanceId, RoutingProfileId = id, QueueConfigs = [.. chunk] }, cancellationToken);

    public override Task UpdateAsync(ReconcileContext context, string facet, DesiredResource desired, string id, string? arn, JsonObject? live, CancellationToken cancellationToken)
    {
        var p = desired.Properties;
        var instanceId = context.RequireInstanceId();
        var connect = context.Aws.Connect;
        return facet switch
        {
            NameFacet => connect.UpdateRoutingProfileNameAsync(new UpdateRoutingProfileNameRequest
            {
                InstanceId = instanceId, RoutingProfileId = id, Name = desired.Name, Description = Str(p, "Description"),
            }, cancellationToken),
            ConcurrencyFacet => connect.UpdateRoutingProfileConcurrencyAsync(new UpdateRoutingProfileConcurrencyRequest
            {
                InstanceId = instanceId, RoutingProfileId = id, MediaConcurrencies = ConcurrenciesOf(p),
            }, cancellationToken),
            DefaultQueueFacet => connect.UpdateRoutingProfileDefaultOutboundQueueAsync(new UpdateRoutingProfileDefaultOutboundQueueRequest
            {
                InstanceId = instanceId, RoutingProfileId = id, DefaultOutboundQueueId = context.IdOf(Component.Queues, Str(p, "DefaultOutboundQueue")!),
            }, cancellationToken),
            TimerFacet => connect.UpdateRoutingProfileAgentAvailabilityTimerAsync(new UpdateRoutingProfileAgentAvailabilityTimerRequest
            {
                InstanceId = instanceId, RoutingProfileId = id, AgentAvailabilityTimer = Str(p, "AgentAvailabilityTimer"),
            }, cancellationToken),
            QueuesFacet => SyncQueuesAsync(context, instanceId, id, p, live, cancellationToken),
            ConnectTags.Facet => ConnectTags.UpdateAsync(context, arn, p, live, cancellationToken),
            _ => throw new InvalidOperationException($"RoutingProfiles has no facet '{facet}'."),
        };
    }

    /// <summary>Queues that left, queues whose priority or delay changed, queues that joined: ≤10 per call each.</summary>
    private static Task SyncQueuesAsync(ReconcileContext context, string instanceId, string id, JsonObject desired, JsonObject? live, CancellationToken cancellationToken) =>
        AssociationList.SyncAsync(
            QueueConfigsOf(context, live?["QueueConfigs"], desired: false),
            QueueConfigsOf(context, desired["QueueConfigs"], desired: true),
            Key,
            (a, b) => a.Priority == b.Priority && a.Delay == b.Delay,
            QueuesPerCall,
            remove: chunk => context.Aws.Connect.DisassociateRoutingProfileQueuesAsync(new DisassociateRoutingProfileQueuesRequest
            {
                InstanceId = instanceId, RoutingProfileId = id, QueueReferences = chunk.Select(q => q.QueueReference!).ToList(),
            }, cancellationToken),
            change: chunk => context.Aws.Connect.UpdateRoutingProfileQueuesAsync(new UpdateRoutingProfileQueuesRequest
            {
                InstanceId = instanceId, RoutingProfileId = id, QueueConfigs = [.. chunk],
            }, cancellationToken),
            add: chunk => Associate(context, instanceId, id, chunk, cancellationToken));

    public override Task DeleteAsync(ReconcileContext context, string id, string? arn, CancellationToken cancellationToken) =>
        context.Aws.Connect.DeleteRoutingProfileAsync(new DeleteRoutingProfileRequest { InstanceId = context.RequireInstanceId(), RoutingProfileId = id }, cancellationToken);
}
