using System.Text.Json.Nodes;
using ConnectOps.Emulator.Connect.Framework;

namespace ConnectOps.Emulator.Connect.Components;

/// <summary>
/// What a new instance starts with (connect-api-notes §6): Basic Hours, BasicQueue, Basic Routing Profile (default),
/// the four security profiles, the published default flows and the sample inbound flow.
/// </summary>
internal static class InstanceDefaults
{
    public static readonly string[] AgentPermissions = ["BasicAgentAccess", "OutboundCallAccess"];

    public static readonly string[] QualityAnalystPermissions =
    [
        "BasicAgentAccess", "ListenCallRecordings", "ContactSearchView", "MetricsReports.Access", "RealTimeMetrics.View",
        "AgentsMonitor.View", "ContactLensCallRecordings.View",
    ];

    public static readonly string[] CallCenterManagerPermissions =
    [
        "BasicAgentAccess", "OutboundCallAccess", "ListenCallRecordings", "ContactSearchView", "MetricsReports.Access",
        "RealTimeMetrics.View", "AgentsMonitor.View", "Users.View", "Users.Edit", "Queues.View", "Queues.Edit",
        "RoutingPolicies.View", "RoutingPolicies.Edit", "HoursOfOperation.View", "HoursOfOperation.Edit",
        "TransferDestinations.View", "TransferDestinations.Edit", "ContactFlows.View", "AgentStates.View",
    ];

    public static readonly string[] AdminPermissions =
    [
        .. CallCenterManagerPermissions.Except(["Users.Edit"]),
        "Users.Create", "Users.Edit", "Users.Delete", "Users.EditPermission", "SecurityProfiles.View", "SecurityProfiles.Create",
        "SecurityProfiles.Edit", "SecurityProfiles.Delete", "AgentHierarchy.View", "AgentHierarchy.Create", "AgentHierarchy.Edit",
        "AgentHierarchy.Delete", "Queues.Create", "Queues.Delete", "RoutingPolicies.Create", "RoutingPolicies.Delete",
        "HoursOfOperation.Create", "HoursOfOperation.Delete", "TransferDestinations.Create", "TransferDestinations.Delete",
        "ContactFlows.Create", "ContactFlows.Edit", "ContactFlows.Delete", "ContactFlows.Publish", "ContactFlowModules.View",
        "ContactFlowModules.Create", "ContactFlowModules.Edit", "ContactFlowModules.Delete", "PhoneNumbers.View",
        "PhoneNumbers.Claim", "PhoneNumbers.Edit", "PhoneNumbers.Release", "AgentStates.Create", "AgentStates.Edit",
        "Prompts.View", "Prompts.Create", "Prompts.Edit", "Prompts.Delete", "AccessMetrics", "ManagerBargeIn",
        "ManagerListenIn", "RestrictContactsWithoutTags",
    ];

    private static readonly (string Name, string Type, string Description)[] DefaultFlows =
    [
        ("Default agent hold", "AGENT_HOLD", "Audio played for the agent when on hold."),
        ("Default agent transfer", "AGENT_TRANSFER", "Default flow to transfer to an agent."),
        ("Default agent whisper", "AGENT_WHISPER", "Default whisper played to the agent."),
        ("Default customer hold", "CUSTOMER_HOLD", "Default audio the customer hears while on hold."),
        ("Default customer queue", "CUSTOMER_QUEUE", "Default flow played while customers wait in queue."),
        ("Default customer whisper", "CUSTOMER_WHISPER", "Default whisper played to the customer."),
        ("Default outbound", "OUTBOUND_WHISPER", "Default flow played to the customer on outbound calls."),
        ("Default queue transfer", "QUEUE_TRANSFER", "Default flow to transfer to a queue."),
        ("Sample inbound flow (first contact experience)", "CONTACT_FLOW", "First contact experience sample flow."),
    ];

    public static void Seed(ConnectContext ctx)
    {
        var catalog = ctx.Catalog;
        var hours = ctx.Insert(catalog["hours-of-operation"], new JsonObject
        {
            ["Name"] = "Basic Hours",
            ["Description"] = "Basic Hours",
            ["TimeZone"] = "America/New_York",
            ["Config"] = new JsonArray(new[] { "SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY" }
                .Select(day => (JsonNode?)new JsonObject
                {
                    ["Day"] = day,
                    ["StartTime"] = new JsonObject { ["Hours"] = 0, ["Minutes"] = 0 },
                    ["EndTime"] = new JsonObject { ["Hours"] = 0, ["Minutes"] = 0 },
                }).ToArray()),
        });
        var queue = ctx.Insert(catalog["queue"], new JsonObject
        {
            ["Name"] = "BasicQueue",
            ["Description"] = "BasicQueue",
            ["HoursOfOperationId"] = hours.Id,
        });
        ctx.Insert(catalog["routing-profile"], new JsonObject
        {
            ["Name"] = "Basic Routing Profile",
            ["Description"] = "Basic Routing Profile",
            ["DefaultOutboundQueueId"] = queue.Id,
            ["IsDefault"] = true,
            ["MediaConcurrencies"] = new JsonArray(
                new JsonObject { ["Channel"] = "VOICE", ["Concurrency"] = 1 },
                new JsonObject { ["Channel"] = "CHAT", ["Concurrency"] = 2 },
                new JsonObject { ["Channel"] = "TASK", ["Concurrency"] = 1 }),
            ["QueueConfigs"] = new JsonArray(
                QueueConfig(queue.Id, "VOICE"),
                QueueConfig(queue.Id, "CHAT"),
                QueueConfig(queue.Id, "TASK")),
        });
        foreach (var (name, permissions) in new[]
                 {
                     ("Admin", AdminPermissions), ("Agent", AgentPermissions),
                     ("CallCenterManager", CallCenterManagerPermissions), ("QualityAnalyst", QualityAnalystPermissions),
                 })
        {
            ctx.Insert(catalog["security-profile"], new JsonObject
            {
                ["SecurityProfileName"] = name,
                ["Description"] = $"Default {name} security profile",
                ["Permissions"] = new JsonArray(permissions.Distinct().Select(p => (JsonNode?)p).ToArray()),
            });
        }

        foreach (var (name, type, description) in DefaultFlows)
        {
            ctx.Insert(catalog["contact-flow"], new JsonObject
            {
                ["Name"] = name,
                ["Type"] = type,
                ["Description"] = description,
                ["Status"] = "PUBLISHED",
                ["Content"] = MinimalFlow(type),
            });
        }
    }

    /// <summary>A small valid flow: play a prompt, then end (or disconnect, for inbound flows).</summary>
    public static string MinimalFlow(string type)
    {
        var last = type == "CONTACT_FLOW" ? "DisconnectParticipant" : "EndFlowExecution";
        return new JsonObject
        {
            ["Version"] = "2019-10-30",
            ["StartAction"] = "play-prompt",
            ["Metadata"] = new JsonObject(),
            ["Actions"] = new JsonArray(
                new JsonObject
                {
                    ["Identifier"] = "play-prompt",
                    ["Type"] = "MessageParticipant",
                    ["Parameters"] = new JsonObject { ["Text"] = "Thank you for calling." },
                    ["Transitions"] = new JsonObject
                    {
                        ["NextAction"] = "end",
                        ["Errors"] = new JsonArray(new JsonObject { ["ErrorType"] = "NoMatchingError", ["NextAction"] = "end" }),
                    },
                },
                new JsonObject { ["Identifier"] = "end", ["Type"] = last, ["Parameters"] = new JsonObject(), ["Transitions"] = new JsonObject() }),
        }.ToJsonString();
    }

    private static JsonObject QueueConfig(string queueId, string channel) => new()
    {
        ["QueueReference"] = new JsonObject { ["QueueId"] = queueId, ["Channel"] = channel },
        ["Priority"] = 1,
        ["Delay"] = 0,
    };
}
