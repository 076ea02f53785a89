using System.Text.Json.Nodes;
using ConnectOps.Emulator.Connect.Framework;
using ConnectOps.Emulator.Hosting;
using ConnectOps.Emulator.Models;
using ConnectOps.Emulator.Protocols;
using ConnectOps.Emulator.State;

namespace ConnectOps.Emulator.Connect.Components;

/// <summary>
/// Instance lifecycle: CreateInstance is asynchronous (CREATION_IN_PROGRESS for a few DescribeInstance polls, then
/// ACTIVE, or CREATION_FAILED when the admin endpoint set an InstanceFailureReason), seeds the default resources,
/// keeps the attributes; at most 2 instances per account and Region.
/// </summary>
internal static class InstanceOperations
{
    public const int InstancesPerRegion = 2;

    private static readonly string[] AttributeTypes =
    [
        "INBOUND_CALLS", "OUTBOUND_CALLS", "CONTACTFLOW_LOGS", "CONTACT_LENS", "AUTO_RESOLVE_BEST_VOICES",
        "USE_CUSTOM_TTS_VOICES", "EARLY_MEDIA", "MULTI_PARTY_CONFERENCE", "HIGH_VOLUME_OUTBOUND",
        "ENHANCED_CONTACT_MONITORING", "ENHANCED_CHAT_MONITORING", "MULTI_PARTY_CHAT_CONFERENCE", "MESSAGE_STREAMING",
    ];

    public static void Register(HandlerRegistry registry, ResourceCatalog catalog)
    {
        var model = ServiceModels.Connect;
        registry.Add(model, "CreateInstance", call => Create(new ConnectContext(call, catalog)));
        registry.Add(model, "DescribeInstance", call => Describe(new ConnectContext(call, catalog)));
        registry.Add(model, "ListInstances", call => List(new ConnectContext(call, catalog)));
        registry.Add(model, "DeleteInstance", call => Delete(new ConnectContext(call, catalog)));
        registry.Add(model, "DescribeInstanceAttribute", call => DescribeAttribute(new ConnectContext(call, catalog)));
        registry.Add(model, "UpdateInstanceAttribute", call => UpdateAttribute(new ConnectContext(call, catalog)));
        registry.Add(model, "ListInstanceAttributes", call => ListAttributes(new ConnectContext(call, catalog)));
    }

    private static JsonObject Create(ConnectContext ctx)
    {
        var call = ctx.Call;
        var identity = call.RequireString("IdentityManagementType");
        var alias = call.GetString("InstanceAlias");
        if (identity == "EXISTING_DIRECTORY" && call.GetString("DirectoryId") is null)
        {
            throw ApiException.InvalidRequest("DirectoryId is required when IdentityManagementType is EXISTING_DIRECTORY.");
        }

        if (identity != "EXISTING_DIRECTORY" && alias is null)
        {
            throw ApiException.InvalidRequest($"InstanceAlias is required when IdentityManagementType is {identity}.");
        }

        if (alias is not null && ctx.Region.Instances.Values.Any(i => string.Equals(RecordPath.Text(i.Record.Data["InstanceAlias"]), alias, StringComparison.OrdinalIgnoreCase)))
        {
            throw ApiException.Duplicate($"An instance with alias '{alias}' already exists.");
        }

        if (call.Config.Current.ResourceQuotasOn && ctx.Region.Instances.Count >= InstancesPerRegion)
        {
            throw ApiException.QuotaExceeded($"The quota of {InstancesPerRegion} Amazon Connect instances per account in {call.Region} has been reached.");
        }

        var id = Guid.NewGuid().ToString();
        var arn = ctx.InstanceArn(id);
        var suffix = id.Replace("-", string.Empty, StringComparison.Ordinal)[..12];
        var record = new JsonObject
        {
            ["Id"] = id,
            ["Arn"] = arn,
            ["IdentityManagementType"] = identity,
            ["InstanceAlias"] = alias,
            ["CreatedTime"] = ctx.Now,
            ["ServiceRole"] = $"arn:aws:iam::{call.Account}:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect_{suffix}",
            ["InstanceStatus"] = "CREATION_IN_PROGRESS",
            ["InboundCallsEnabled"] = call.GetBool("InboundCallsEnabled") ?? false,
            ["OutboundCallsEnabled"] = call.GetBool("OutboundCallsEnabled") ?? false,
            ["InstanceAccessUrl"] = $"https://{alias ?? id}.my.connect.aws",
            ["Tags"] = call.GetObject("Tags")?.DeepClone(),
            ["FailureReason"] = call.Config.TakeInstanceFailureReason(),
        };
        var instance = new InstanceState
        {
            Record = new Resource { Id = id, Arn = arn, Seq = call.State.NextSequence(), Data = record },
            PendingPolls = call.Config.Current.AsyncPolls,
        };
        foreach (var type in AttributeTypes)
        {
            instance.Attributes[type] = "false";
        }

        instance.Attributes["INBOUND_CALLS"] = Bool(call.GetBool("InboundCallsEnabled"));
        instance.Attributes["OUTBOUND_CALLS"] = Bool(call.GetBool("OutboundCallsEnabled"));
        instance.Attributes["AUTO_RESOLVE_BEST_VOICES"] = "true";
        instance.Attributes["EARLY_MEDIA"] = "true";
        ctx.Region.Instances[id] = instance;
        InstanceDefaults.Seed(new ConnectContext(CallFor(call, id), ctx.Catalog));
        return new JsonObject { ["Id"] = id, ["Arn"] = arn };
    }

    private static JsonObject Describe(ConnectContext ctx)
    {
        var instance = ctx.Instance;
        if (instance.PendingPolls > 0)
        {
            instance.PendingPolls--;
        }
        else if (RecordPath.Text(instance.Record.Data["InstanceStatus"]) == "CREATION_IN_PROGRESS")
        {
            var failure = RecordPath.Text(instance.Record.Data["FailureReason"]);
            instance.Record.Data["InstanceStatus"] = failure is null ? "ACTIVE" : "CREATION_FAILED";
            instance.Record.Data["StatusReason"] = failure is null ? null : new JsonObject { ["Message"] = failure };
        }

        return new JsonObject { ["Instance"] = View(instance) };
    }

    private static JsonObject List(ConnectContext ctx)
    {
        var instances = ctx.Region.Instances.Values.OrderBy(i => i.Record.Seq).ToList();
        var (page, next) = Paging.Page(ctx.Call, instances);
        return new JsonObject
        {
            ["InstanceSummaryList"] = new JsonArray(page.Select(i => (JsonNode?)View(i)).ToArray()),
            ["NextToken"] = next,
        };
    }

    private static JsonObject Delete(ConnectContext ctx)
    {
        var instance = ctx.Instance;
        ctx.Region.Instances.Remove(instance.Record.Id);
        foreach (var number in ctx.Region.PhoneNumbers.Values.Where(p => RecordPath.Text(p.Data["InstanceId"]) == instance.Record.Id).ToList())
        {
            ctx.Region.PhoneNumbers.Remove(number.Id);
        }

        return new JsonObject();
    }

    private static JsonObject DescribeAttribute(ConnectContext ctx)
    {
        var type = ctx.Call.RequireString("AttributeType");
        var value = ctx.Instance.Attributes.GetValueOrDefault(type, "false");
        return new JsonObject { ["Attribute"] = new JsonObject { ["AttributeType"] = type, ["Value"] = value } };
    }

    private static JsonObject UpdateAttribute(ConnectContext ctx)
    {
        var instance = ctx.Instance;
        var type = ctx.Call.RequireString("AttributeType");
        var value = ctx.Call.RequireString("Value");
        instance.Attributes[type] = value;
        if (type is "INBOUND_CALLS" or "OUTBOUND_CALLS")
        {
            instance.Record.Data[type == "INBOUND_CALLS" ? "InboundCallsEnabled" : "OutboundCallsEnabled"] = string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
        }

        return new JsonObject();
    }

    private static JsonObject ListAttributes(ConnectContext ctx)
    {
        var attributes = ctx.Instance.Attributes.OrderBy(a => Array.IndexOf(AttributeTypes, a.Key)).ToList();
        var (page, next) = Paging.Page(ctx.Call, attributes);
        return new JsonObject
        {
            ["Attributes"] = new JsonArray(page.Select(a => (JsonNode?)new JsonObject { ["AttributeType"] = a.Key, ["Value"] = a.Value }).ToArray()),
            ["NextToken"] = next,
        };
    }

    private static JsonObject View(InstanceState instance) => (JsonObject)instance.Record.Data.DeepClone();

    private static string Bool(bool? value) => value == true ? "true" : "false";

    /// <summary>The same call, addressed to the new instance, so the defaults go through the ordinary insert path.</summary>
    private static ApiCall CallFor(ApiCall call, string instanceId) => new()
    {
        Operation = call.Operation,
        Input = new JsonObject { ["InstanceId"] = instanceId },
        Region = call.Region,
        Account = call.Account,
        RequestId = call.RequestId,
        State = call.State,
        Config = call.Config,
        Now = call.Now,
    };
}
