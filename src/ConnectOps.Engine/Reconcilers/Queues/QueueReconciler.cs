using System.Text.Json.Nodes;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Engine.Reconcilers.Queues;

/// <summary>
/// Standard queues. Each facet has its own update call (name/description, hours, max contacts, outbound
/// caller config, status); quick connects are associated after both sides exist (the queue ↔ quick
/// connect cycle). Read with SearchQueues (500 full queues a page) plus one quick-connect list per queue
/// whose config names quick connects (every queue for an export: ReconcileContext.ReadAllAssociations).
/// </summary>
public sealed class QueueReconciler : Reconciler
{
    private const string NameFacet = "Name";
    private const string HoursFacet = "HoursOfOperation";
    private const string MaxContactsFacet = "MaxContacts";
    private const string OutboundFacet = "OutboundCallerConfig";
    private const string StatusFacet = "Status";
    private const string QuickConnectsFacet = "QuickConnects";
    private const int QuickConnectsPerCall = 50;

    private static readonly IReadOnlyList<PropertySpec> Specs =
    [
        new("Description") { Facet = NameFacet },
        new("HoursOfOperation") { Facet = HoursFacet, References = Component.HoursOfOperation },
        new("MaxContacts") { Facet = MaxContactsFacet },
        new("OutboundCallerIdName") { Facet = OutboundFacet },
        new("OutboundCallerIdNumber") { Facet = OutboundFacet, References = Component.PhoneNumbers },
        new("OutboundFlow") { Facet = OutboundFacet, References = Component.ContactFlows },
        new("Status") { Facet = StatusFacet },
        new("QuickConnects") { Facet = QuickConnectsFacet, References = Component.QuickConnects, Unordered = true, Deferred = true },
        ConnectTags.Property,
    ];

    public override Component Component => Component.Queues;

    public override IReadOnlyList<PropertySpec> Properties => Specs;

    private static readonly ComponentCalls CallTable = new()
    {
        Read = ComponentCalls.Connect("SearchQueues ListQueueQuickConnects"),
        Write = [.. ComponentCalls.Connect("CreateQueue UpdateQueueName UpdateQueueHoursOfOperation UpdateQueueMaxContacts UpdateQueueOutboundCallerConfig UpdateQueueStatus AssociateQueueQuickConnects DisassociateQueueQuickConnects"), .. ConnectTags.Calls],
        Delete = ComponentCalls.Connect("DeleteQueue"),
    };

    public override ComponentCalls Calls => CallTable;

    public override string? RenameFacet => NameFacet;

    public override IEnumerable<DesiredResource> Desired(ConnectConfig config) =>
        config.Queues.Select(q =>
        {
            // Quick connects are deferred: the queue does not wait for them, its association step (after the walk) does.
            return new DesiredResource
            {
                Address = q.Address,
                Name = q.Name,
                Spec = q,
                DependsOn = Dependencies.Of(config,
                    Dependencies.Ref(Component.HoursOfOperation, q.HoursOfOperation),
                    Dependencies.Ref(Component.PhoneNumbers, q.OutboundCallerIdNumber),
                    Dependencies.Ref(Component.ContactFlows, q.OutboundFlow)),
                Properties = new JsonObject
                {
                    ["Description"] = q.Description ?? "",
                    ["HoursOfOperation"] = q.HoursOfOperation,
                    ["MaxContacts"] = q.MaxContacts ?? 0,
                    ["OutboundCallerIdName"] = q.OutboundCallerIdName ?? "",
                    ["OutboundCallerIdNumber"] = q.OutboundCallerIdNumber ?? "",
                    ["OutboundFlow"] = q.OutboundFlow ?? "",
                    ["Status"] = EnumWire.ToWire(q.Status),
                    ["QuickConnects"] = q.QuickConnects.Count > 0 ? new JsonArray(q.QuickConnects.Select(k => (JsonNode)JsonValue.Create(k)!).ToArray()) : null,
                    ["Tags"] = TagsNode(config, q.Tags),
                },
            };
        });

    public override async Task<IReadOnlyList<LiveResource>> ReadAsync(ReconcileContext context, CancellationToken cancellationToken)
    {
        var instanceId = context.RequireInstanceId();
        var queues = new List<Queue>();
        var request = new SearchQueuesRequest
        {
            InstanceId = instanceId,
            MaxResults = 500,
            SearchCriteria = new QueueSearchCriteria { QueueTypeCondition = "STANDARD" },
        };
        await foreach (var q in context.Aws.Connect.Paginators.SearchQueues(request).Queues.WithCancellation(cancellationToken).ConfigureAwait(false)) queues.Add(q);

        // Association lists only where the config manages them (an export reads all): one list call per such queue.
        var withQuickConnects = context.Config.Queues.Where(q => q.QuickConnects.Count > 0).Select(q => q.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var quickConnects = await AssociationList.ReadPerParentAsync(
            queues.Where(q => context.WantsAssociations(withQuickConnects, q.Name)).Select(q => q.QueueId!),
            id => context.Aws.Connect.Paginators.ListQueueQuickConnects(new ListQueueQuickConnectsRequest { InstanceId = instanceId, QueueId = id, MaxResults = 100 }).QuickConnectSummaryList,
            cancellationToken).ConfigureAwait(false);

        return queues.Select(q => new LiveResource
        {
            Id = q.QueueId!,
            Arn = q.QueueArn,
            Name = q.Name ?? "",
            IsDefault = BuiltInResources.Queues.Contains(q.Name ?? ""),
            Properties = new JsonObject
            {
                ["Description"] = q.Description ?? "",
                ["HoursOfOperation"] = q.HoursOfOperationId,
                ["MaxContacts"] = q.MaxContacts ?? 0,
                ["OutboundCallerIdName"] = q.OutboundCallerConfig?.OutboundCallerIdName ?? "",
                ["OutboundCallerIdNumber"] = q.OutboundCallerConfig?.OutboundCallerIdNumberId ?? "",
                ["OutboundFlow"] = q.OutboundCallerConfig?.OutboundFlowId ?? "",
                ["Status"] = q.Status,
                ["QuickConnects"] = new JsonArray((quickConnects.GetValueOrDefault(q.QueueId!) ?? []).Select(s => (JsonNode)JsonValue.Create(s.Id)!).ToArray()),
                ["Tags"] = ConnectTags.ToNode(q.Tags),
            },
        }).ToList();
    }

    private static OutboundCallerConfig? OutboundOf(ReconcileContext context, JsonObject p)
    {
        var name = Str(p, "OutboundCallerIdName");
        var number = Str(p, "OutboundCallerIdNumber");
        var flow = Str(p, "OutboundFlow");
        if (string.IsNullOrEmpty(name) && string.IsNullOrEmpty(number) && string.IsNullOrEmpty(flow)) return null;
        return new OutboundCallerConfig
        {
            OutboundCallerIdName = string.IsNullOrEmpty(name) ? null : name,
            OutboundCallerIdNumberId = string.IsNullOrEmpty(number) ? null : context.IdOf(Component.PhoneNumbers, number),
            OutboundFlowId = string.IsNullOrEmpty(flow) ? null : context.IdOf(Component.ContactFlows, flow),
        };
    }

    public override async Task<LiveResource> CreateAsync(ReconcileContext context, DesiredResource desired, CancellationToken cancellationToken)
    {
        var p = desired.Properties;
        var response = await context.Aws.Connect.CreateQueueAsync(new CreateQueueRequest
        {
            InstanceId = context.RequireInstanceId(),
            Name = desired.Name,
            Description = string.IsNullOrEmpty(Str(p, "Description")) ? null : Str(p, "Description"),
            HoursOfOperationId = context.IdOf(Component.HoursOfOperation, Str(p, "HoursOfOperation")!),
            MaxContacts = (int?)Long(p, "MaxContacts") is { } max and > 0 ? max : null,
            OutboundCallerConfig = OutboundOf(context, p),
            Tags = ConnectTags.ToRequest(p),
        }, cancellationToken).ConfigureAwait(false);
        if (Str(p, "Status") == "DISABLED")
        {
            await context.Aws.Connect.UpdateQueueStatusAsync(new UpdateQueueStatusRequest { InstanceId = context.RequireInstanceId(), QueueId = response.QueueId, Status = "DISABLED" }, cancellationToken).ConfigureAwait(false);
        }
        var live = (JsonObject)p.DeepClone();
        live["QuickConnects"] = new JsonArray();
        return new LiveResource { Id = response.QueueId!, Arn = response.QueueArn, Name = desired.Name, Properties = live };
    }

    public override async Task UpdateAsync(ReconcileContext context, string facet, DesiredResource desired, string id, string? arn, JsonObject? live, CancellationToken cancellationToken)
    {
        var p = desired.Properties;
        var instanceId = context.RequireInstanceId();
        var connect = context.Aws.Connect;
        switch (facet)
        {
            case NameFacet:
                await connect.UpdateQueueNameAsync(new UpdateQueueNameRequest { InstanceId = instanceId, QueueId = id, Name = desired.Name, Description = Str(p, "Description") }, cancellationToken).ConfigureAwait(false);
                break;
            case HoursFacet:
                await connect.UpdateQueueHoursOfOperationAsync(new UpdateQueueHoursOfOperationRequest { InstanceId = instanceId, QueueId = id, HoursOfOperationId = context.IdOf(Component.HoursOfOperation, Str(p, "HoursOfOperation")!) }, cancellationToken).ConfigureAwait(false);
                break;
            case MaxContactsFacet:
                await connect.UpdateQueueMaxContactsAsync(new UpdateQueueMaxContactsRequest { InstanceId = instanceId, QueueId = id, MaxContacts = (int?)Long(p, "MaxContacts") }, cancellationToken).ConfigureAwait(false);
                break;
            case OutboundFacet:
                await connect.UpdateQueueOutboundCallerConfigAsync(new UpdateQueueOutboundCallerConfigRequest { InstanceId = instanceId, QueueId = id, OutboundCallerConfig = OutboundOf(context, p) ?? new OutboundCallerConfig() }, cancellationToken).ConfigureAwait(false);
                break;
            case StatusFacet:
                await connect.UpdateQueueStatusAsync(new UpdateQueueStatusRequest { InstanceId = instanceId, QueueId = id, Status = Str(p, "Status") }, cancellationToken).ConfigureAwait(false);
                break;
            case QuickConnectsFacet:
                await UpdateQuickConnectsAsync(context, instanceId, id, p, live, cancellationToken).ConfigureAwait(false);
                break;
            case ConnectTags.Facet:
                await ConnectTags.UpdateAsync(context, arn, p, live, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"Queues has no facet '{facet}'.");
        }
    }

    private static async Task UpdateQuickConnectsAsync(ReconcileContext context, string instanceId, string queueId, JsonObject desired, JsonObject? live, CancellationToken cancellationToken)
    {
        var want = (desired["QuickConnects"] as JsonArray ?? []).Select(k => context.IdOf(Component.QuickConnects, JsonValues.AsString(k)!)).ToHashSet(StringComparer.Ordinal);
        // Live values are keys after translation; ids that matched no key stay ids.
        var have = (live?["QuickConnects"] as JsonArray ?? []).Select(k => JsonValues.AsString(k)!)
            .Select(k => context.Ids.TryGetId(Component.QuickConnects, k, out var id) ? id : k).ToHashSet(StringComparer.Ordinal);
        await AssociationList.SyncAsync(have, want, id => id, (a, b) => a == b, QuickConnectsPerCall,
            remove: chunk => context.Aws.Connect.DisassociateQueueQuickConnectsAsync(new DisassociateQueueQuickConnectsRequest { InstanceId = instanceId, QueueId = queueId, QuickConnectIds = [.. chunk] }, cancellationToken),
            change: null,
            add: chunk => context.Aws.Connect.AssociateQueueQuickConnectsAsync(new AssociateQueueQuickConnectsRequest { InstanceId = instanceId, QueueId = queueId, QuickConnectIds = [.. chunk] }, cancellationToken)).ConfigureAwait(false);
    }

    public override Task DeleteAsync(ReconcileContext context, string id, string? arn, CancellationToken cancellationToken) =>
        context.Aws.Connect.DeleteQueueAsync(new DeleteQueueRequest { InstanceId = context.RequireInstanceId(), QueueId = id }, cancellationToken);
}
