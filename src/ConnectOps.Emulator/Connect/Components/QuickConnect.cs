using System.Text.Json.Nodes;
using ConnectOps.Emulator.Connect.Framework;
using ConnectOps.Emulator.Protocols;
using ConnectOps.Emulator.State;

namespace ConnectOps.Emulator.Connect.Components;

/// <summary>
/// Quick connects (ARN segment transfer-destination, output member QuickConnectARN): USER, QUEUE, PHONE_NUMBER or
/// FLOW config. Deleting one removes it from the queues it was associated with.
/// </summary>
internal sealed class QuickConnectKind : ResourceKind
{
    private static readonly Dictionary<string, string> ConfigMemberByType = new(StringComparer.Ordinal)
    {
        ["USER"] = "UserConfig", ["QUEUE"] = "QueueConfig", ["PHONE_NUMBER"] = "PhoneConfig", ["FLOW"] = "FlowConfig",
    };

    public QuickConnectKind()
    {
        Name = "quick-connect";
        ArnSegment = "transfer-destination";
        Noun = "Quick connect";
        ResourceType = "QUICK_CONNECT";
        CreateOperation = "CreateQuickConnect";
        DescribeOperation = "DescribeQuickConnect";
        DescribeMember = "QuickConnect";
        ListOperation = "ListQuickConnects";
        ListMember = "QuickConnectSummaryList";
        SearchOperation = "SearchQuickConnects";
        SearchMember = "QuickConnects";
        DeleteOperation = "DeleteQuickConnect";
        IdAliases = ["QuickConnectId"];
        ArnAliases = ["QuickConnectARN"];
        Updates = new Dictionary<string, UpdateFacet>
        {
            ["UpdateQuickConnectName"] = UpdateFacet.Of("Name", "Description"),
            ["UpdateQuickConnectConfig"] = UpdateFacet.Of("QuickConnectConfig"),
        };
        References =
        [
            new Reference("QuickConnectConfig.QueueConfig.QueueId", "queue"),
            new Reference("QuickConnectConfig.UserConfig.UserId", "user", BlocksDelete: false),
            new Reference("QuickConnectConfig.QueueConfig.ContactFlowId", "contact-flow", BlocksDelete: false),
            new Reference("QuickConnectConfig.UserConfig.ContactFlowId", "contact-flow", BlocksDelete: false),
            new Reference("QuickConnectConfig.FlowConfig.ContactFlowId", "contact-flow", BlocksDelete: false),
        ];
        Quota = 100;
        ListFilters = new Dictionary<string, string> { ["QuickConnectTypes"] = "QuickConnectType" };
        SearchFields = new Dictionary<string, string> { ["name"] = "Name", ["description"] = "Description", ["resourceid"] = "Id" };
    }

    public override void OnCreate(ConnectContext ctx, Resource resource) => ApplyConfig(ctx, resource.Data);

    public override void OnUpdate(ConnectContext ctx, Resource resource, JsonObject draft, string operation) => ApplyConfig(ctx, draft);

    public override void OnDelete(ConnectContext ctx, Resource resource)
    {
        foreach (var queue in ctx.All("queue"))
        {
            if (queue.Data["QuickConnectIds"] is JsonArray ids && ids.Any(i => RecordPath.Text(i) == resource.Id))
            {
                queue.Data["QuickConnectIds"] = new JsonArray(ids.Where(i => RecordPath.Text(i) != resource.Id).Select(i => i!.DeepClone()).ToArray());
            }
        }
    }

    /// <summary>The config must carry the sub-config its type names (QUEUE → QueueConfig …); the summary repeats the type.</summary>
    private static void ApplyConfig(ConnectContext ctx, JsonObject data)
    {
        var config = data["QuickConnectConfig"] as JsonObject;
        var type = RecordPath.Text(config?["QuickConnectType"]) ?? string.Empty;
        if (ConfigMemberByType.TryGetValue(type, out var member) && config![member] is null)
        {
            throw ApiException.Validation(ctx.Call.Operation, $"QuickConnectConfig.{member} is required when QuickConnectType is {type}.");
        }

        data["QuickConnectType"] = type;
    }
}
