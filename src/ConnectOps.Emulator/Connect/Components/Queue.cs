using System.Text.Json.Nodes;
using ConnectOps.Emulator.Connect.Framework;
using ConnectOps.Emulator.Protocols;
using ConnectOps.Emulator.State;

namespace ConnectOps.Emulator.Connect.Components;

/// <summary>
/// Queues: STANDARD queues (quota 50 per instance) and the AGENT queue each user gets. ListQueues without a
/// queueTypes filter returns both. Quick connects are associated ≤50 per call, up to 700 per queue.
/// </summary>
internal sealed class QueueKind : ResourceKind
{
    public QueueKind()
    {
        Name = "queue";
        ArnSegment = "queue";
        Noun = "Queue";
        ResourceType = "QUEUE";
        CreateOperation = "CreateQueue";
        DescribeOperation = "DescribeQueue";
        DescribeMember = "Queue";
        ListOperation = "ListQueues";
        ListMember = "QueueSummaryList";
        SearchOperation = "SearchQueues";
        SearchMember = "Queues";
        DeleteOperation = "DeleteQueue";
        IdAliases = ["QueueId"];
        ArnAliases = ["QueueArn"];
        Updates = new Dictionary<string, UpdateFacet>
        {
            ["UpdateQueueName"] = UpdateFacet.Of("Name", "Description"),
            ["UpdateQueueHoursOfOperation"] = UpdateFacet.Of("HoursOfOperationId"),
            ["UpdateQueueMaxContacts"] = UpdateFacet.Replacing("MaxContacts"),
            ["UpdateQueueOutboundCallerConfig"] = UpdateFacet.Of("OutboundCallerConfig"),
            ["UpdateQueueStatus"] = UpdateFacet.Of("Status"),
        };
        References =
        [
            new Reference("HoursOfOperationId", "hours-of-operation"),
            new Reference("QuickConnectIds[]", "quick-connect", BlocksDelete: false),
            new Reference("OutboundCallerConfig.OutboundFlowId", "contact-flow", BlocksDelete: false),
            new Reference("OutboundCallerConfig.OutboundCallerIdNumberId", PhoneNumberIds.Kind, BlocksDelete: false),
        ];
        Quota = 50;
        ListFilters = new Dictionary<string, string> { ["QueueTypes"] = "QueueType" };
        SearchFields = new Dictionary<string, string> { ["name"] = "Name", ["description"] = "Description", ["resourceid"] = "Id" };
        SearchConditions = new Dictionary<string, string> { ["QueueTypeCondition"] = "QueueType" };
        AssociationOperations =
        [
            new AssociationSpec("AssociateQueueQuickConnects", AssociationMode.Add, Associations.OwnerOfKind(Name), "QuickConnectIds", AssociationSpec.ListMember("QuickConnectIds"), item => RecordPath.Text(item)!)
            {
                ItemReference = new Reference(string.Empty, "quick-connect"),
                Capacity = (700, "quick connects per queue"),
            },
            new AssociationSpec("DisassociateQueueQuickConnects", AssociationMode.Remove, Associations.OwnerOfKind(Name), "QuickConnectIds", AssociationSpec.ListMember("QuickConnectIds"), item => RecordPath.Text(item)!),
        ];
        CollectionLists =
        [
            new CollectionListSpec("ListQueueQuickConnects", Associations.OwnerOfKind(Name), "QuickConnectIds", "QuickConnectSummaryList", (ctx, item) =>
                ctx.Find(ctx.Catalog["quick-connect"], RecordPath.Text(item)!) is { } qc ? ctx.Catalog["quick-connect"].View(ctx, qc).DeepClone() : null),
        ];
    }

    public override bool CountsTowardQuota(Resource resource) => RecordPath.Text(resource.Data["QueueType"]) != "AGENT";

    public override void OnCreate(ConnectContext ctx, Resource resource)
    {
        var data = resource.Data;
        data["QueueType"] ??= "STANDARD";
        data["Status"] ??= "ENABLED";
    }

    public override void OnDelete(ConnectContext ctx, Resource resource)
    {
        if (RecordPath.Text(resource.Data["QueueType"]) == "AGENT" && ctx.Call.Operation.Name == "DeleteQueue")
        {
            throw ApiException.InvalidRequest($"Queue {resource.Id} is an agent queue; it is deleted with its user.");
        }
    }
}
