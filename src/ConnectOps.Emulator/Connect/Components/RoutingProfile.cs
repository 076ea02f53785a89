using System.Text.Json.Nodes;
using ConnectOps.Emulator.Connect.Framework;
using ConnectOps.Emulator.State;

namespace ConnectOps.Emulator.Connect.Components;

/// <summary>
/// Routing profiles: concurrency per channel, default outbound queue, agent availability timer, and queue configs
/// (queue + channel with priority and delay) associated ≤10 per call, up to 50 queue/channel pairs.
/// </summary>
internal sealed class RoutingProfileKind : ResourceKind
{
    public const int QueuePairsPerProfile = 50;

    public RoutingProfileKind()
    {
        Name = "routing-profile";
        ArnSegment = "routing-profile";
        Noun = "Routing profile";
        ResourceType = "ROUTING_PROFILE";
        CreateOperation = "CreateRoutingProfile";
        DescribeOperation = "DescribeRoutingProfile";
        DescribeMember = "RoutingProfile";
        ListOperation = "ListRoutingProfiles";
        ListMember = "RoutingProfileSummaryList";
        SearchOperation = "SearchRoutingProfiles";
        SearchMember = "RoutingProfiles";
        DeleteOperation = "DeleteRoutingProfile";
        IdAliases = ["RoutingProfileId"];
        ArnAliases = ["RoutingProfileArn"];
        Updates = new Dictionary<string, UpdateFacet>
        {
            ["UpdateRoutingProfileName"] = UpdateFacet.Of("Name", "Description"),
            ["UpdateRoutingProfileConcurrency"] = UpdateFacet.Of("MediaConcurrencies"),
            ["UpdateRoutingProfileDefaultOutboundQueue"] = UpdateFacet.Of("DefaultOutboundQueueId"),
            ["UpdateRoutingProfileAgentAvailabilityTimer"] = UpdateFacet.Of("AgentAvailabilityTimer"),
        };
        References =
        [
            new Reference("DefaultOutboundQueueId", "queue"),
            new Reference("QueueConfigs[].QueueReference.QueueId", "queue"),
        ];
        Quota = 100;
        SearchFields = new Dictionary<string, string>
        {
            ["name"] = "Name", ["description"] = "Description", ["resourceid"] = "Id", ["associatedqueueids"] = "AssociatedQueueIds[]",
        };
        var owner = Associations.OwnerOfKind(Name);
        AssociationOperations =
        [
            new AssociationSpec("AssociateRoutingProfileQueues", AssociationMode.Add, owner, "QueueConfigs", AssociationSpec.ListMember("QueueConfigs"), ConfigKey)
            {
                ItemReference = new Reference("QueueReference.QueueId", "queue"),
                Capacity = (QueuePairsPerProfile, "queue/channel pairs per routing profile"),
            },
            new AssociationSpec("DisassociateRoutingProfileQueues", AssociationMode.Remove, owner, "QueueConfigs", AssociationSpec.ListMember("QueueReferences"), ConfigKey),
            new AssociationSpec("UpdateRoutingProfileQueues", AssociationMode.Update, owner, "QueueConfigs", AssociationSpec.ListMember("QueueConfigs"), ConfigKey)
            {
                MissingError = "InvalidParameterException",
            },
        ];
        CollectionLists =
        [
            new CollectionListSpec("ListRoutingProfileQueues", owner, "QueueConfigs", "RoutingProfileQueueConfigSummaryList", Summary),
        ];
    }

    public override void OnCreate(ConnectContext ctx, Resource resource)
    {
        resource.Data["IsDefault"] ??= false;
        resource.Data["QueueConfigs"] ??= new JsonArray();
    }

    public override JsonObject View(ConnectContext ctx, Resource resource)
    {
        var view = (JsonObject)resource.Data.DeepClone();
        var queueIds = RecordPath.Strings(resource.Data, "QueueConfigs[].QueueReference.QueueId").Distinct(StringComparer.Ordinal).ToList();
        view["InstanceId"] = ctx.Instance.Record.Id;
        view["AssociatedQueueIds"] = new JsonArray(queueIds.Select(q => (JsonNode?)q).ToArray());
        view["NumberOfAssociatedQueues"] = queueIds.Count;
        view["NumberOfAssociatedUsers"] = ctx.All("user").Count(u => RecordPath.Text(u.Data["RoutingProfileId"]) == resource.Id);
        return view;
    }

    /// <summary>Identifies a queue config or a bare queue reference by queue id and channel.</summary>
    private static string ConfigKey(JsonNode item)
    {
        var reference = item["QueueReference"] ?? item;
        return $"{RecordPath.IdOf(RecordPath.Text(reference["QueueId"]) ?? string.Empty)}/{RecordPath.Text(reference["Channel"])}";
    }

    private static JsonNode? Summary(ConnectContext ctx, JsonNode item)
    {
        var queueId = RecordPath.Text(item["QueueReference"]?["QueueId"]) ?? string.Empty;
        var queue = ctx.Find(ctx.Catalog["queue"], queueId);
        return queue is null
            ? null
            : new JsonObject
            {
                ["QueueId"] = queue.Id,
                ["QueueArn"] = queue.Arn,
                ["QueueName"] = queue.Data["Name"]?.DeepClone(),
                ["Priority"] = item["Priority"]?.DeepClone(),
                ["Delay"] = item["Delay"]?.DeepClone(),
                ["Channel"] = item["QueueReference"]?["Channel"]?.DeepClone(),
            };
    }
}
