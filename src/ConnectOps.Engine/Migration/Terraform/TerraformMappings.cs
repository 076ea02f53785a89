using ConnectOps.Engine.Addressing;

namespace ConnectOps.Engine.Migration.Terraform;

/// <summary>
/// The Terraform resource types ConnectOps adopts, one table each (attribute names as terraform-provider-aws records
/// them), and the types it deliberately leaves alone.
/// </summary>
internal static class TerraformMappings
{
    private static readonly Rule[] HoursConfig =
    [
        new ValueRule("Day", "day"),
        new ValueRule("Start", "start_time", ValueKind.Time),
        new ValueRule("End", "end_time", ValueKind.Time),
    ];

    public static IReadOnlyList<TerraformMapping> All { get; } =
    [
        new("aws_connect_instance", Component.Instance, Placement.Instance,
        [
            new ValueRule("Alias", "instance_alias"),
            new ValueRule("IdentityManagementType", "identity_management_type"),
            new ValueRule("DirectoryId", "directory_id"),
            new ValueRule("InboundCallsEnabled", "inbound_calls_enabled", ValueKind.Flag),
            new ValueRule("OutboundCallsEnabled", "outbound_calls_enabled", ValueKind.Flag),
            new ValueRule("ContactFlowLogsEnabled", "contact_flow_logs_enabled", ValueKind.Flag),
            new ValueRule("ContactLensEnabled", "contact_lens_enabled", ValueKind.Flag),
            new ValueRule("AutoResolveBestVoicesEnabled", "auto_resolve_best_voices_enabled", ValueKind.Flag),
            new ValueRule("EarlyMediaEnabled", "early_media_enabled", ValueKind.Flag),
            new ValueRule("MultiPartyConferenceEnabled", "multi_party_conference_enabled", ValueKind.Flag),
        ]) { IdPath = "id", NamePath = "instance_alias", NameKey = null },

        new("aws_iam_role", Component.Iam, Placement.Instance, [new ValueRule("IamPolicyArn", "managed_policy_arns")])
        {
            IdPath = "name", NameKey = null, Taggable = false, FixedKey = "ConnectRole",
            Match = new("assume_role_policy", "not the instance's service role (its trust policy does not name connect.amazonaws.com): ConnectOps leaves it to Terraform")
                { Contains = "connect.amazonaws.com" },
        },

        new("aws_iam_role_policy_attachment", Component.Iam, Placement.Instance, [new ValueRule("IamPolicyArn", "policy_arn")])
        {
            IdPath = "id", NamePath = "role", NameKey = null, Taggable = false, FoldedInto = "folded into Iam/ConnectRole as Instance.IamPolicyArn",
            Match = new("role", "attached to a role that is not the instance's service role: ConnectOps leaves it to Terraform") { AdoptedIn = Component.Iam },
        },

        new("aws_cloudwatch_log_group", Component.Logging, Placement.Instance, [new ValueRule("LogRetentionDays", "retention_in_days", ValueKind.Number)])
        {
            IdPath = "name", NameKey = null, Taggable = false, FixedKey = "ContactFlowLogs",
            Match = new("name", "not the instance's contact-flow log group (/aws/connect/<alias>): ConnectOps leaves it to Terraform") { Contains = "/aws/connect/" },
        },

        new("aws_connect_hours_of_operation", Component.HoursOfOperation, Placement.NamedList,
        [
            new ValueRule("Description", "description"),
            new ValueRule("TimeZone", "time_zone"),
            new BlocksRule("Config", "config", HoursConfig),
        ]) { IdPath = "hours_of_operation_id" },

        new("aws_connect_queue", Component.Queues, Placement.NamedList,
        [
            new ValueRule("Description", "description"),
            new ReferenceRule("HoursOfOperation", "hours_of_operation_id", Component.HoursOfOperation),
            new ValueRule("MaxContacts", "max_contacts", ValueKind.Number),
            new ValueRule("OutboundCallerIdName", "outbound_caller_config.outbound_caller_id_name"),
            new ReferenceRule("OutboundCallerIdNumber", "outbound_caller_config.outbound_caller_id_number_id", Component.PhoneNumbers),
            new ReferenceRule("OutboundFlow", "outbound_caller_config.outbound_flow_id", Component.ContactFlows),
            new ValueRule("Status", "status"),
            new ReferenceRule("QuickConnects", "quick_connect_ids", Component.QuickConnects, Many: true),
        ]) { IdPath = "queue_id" },

        new("aws_connect_routing_profile", Component.RoutingProfiles, Placement.NamedList,
        [
            new ValueRule("Description", "description"),
            new ReferenceRule("DefaultOutboundQueue", "default_outbound_queue_id", Component.Queues),
            new BlocksRule("MediaConcurrencies", "media_concurrencies",
            [
                new ValueRule("Channel", "channel"),
                new ValueRule("Concurrency", "concurrency", ValueKind.Number),
                new ValueRule("CrossChannelBehavior", "cross_channel_behavior.behavior_type"),
            ]),
            new BlocksRule("QueueConfigs", "queue_configs",
            [
                new ReferenceRule("Queue", "queue_id", Component.Queues),
                new ValueRule("Channel", "channel"),
                new ValueRule("Priority", "priority", ValueKind.Number),
                new ValueRule("Delay", "delay", ValueKind.Number),
            ]),
            new ValueRule("AgentAvailabilityTimer", "agent_availability_timer"),
        ]) { IdPath = "routing_profile_id" },

        new("aws_connect_security_profile", Component.SecurityProfiles, Placement.NamedList,
        [
            new ValueRule("Description", "description"),
            new ValueRule("Permissions", "permissions", ValueKind.Texts),
        ]) { IdPath = "security_profile_id" },

        new("aws_connect_quick_connect", Component.QuickConnects, Placement.KeyedMap,
        [
            new ValueRule("Name", "name"),
            new ValueRule("Description", "description"),
            new ValueRule("Type", "quick_connect_config.quick_connect_type"),
            new ReferenceRule("Queue", "quick_connect_config.queue_config.queue_id", Component.Queues),
            new ReferenceRule("User", "quick_connect_config.user_config.user_id", Component.Users),
            new ValueRule("PhoneNumber", "quick_connect_config.phone_config.phone_number"),
            new ReferenceRule("ContactFlow", "quick_connect_config.queue_config.contact_flow_id", Component.ContactFlows),
            new ReferenceRule("ContactFlow", "quick_connect_config.user_config.contact_flow_id", Component.ContactFlows),
        ]) { IdPath = "quick_connect_id", NameKey = null },

        new("aws_connect_phone_number", Component.PhoneNumbers, Placement.KeyedMap,
        [
            new ValueRule("CountryCode", "country_code"),
            new ValueRule("Type", "type"),
            new ValueRule("Prefix", "prefix"),
            new ValueRule("PhoneNumber", "phone_number"),
            new ValueRule("Description", "description"),
        ]) { IdPath = "id", NamePath = "phone_number", NameKey = null },

        new("aws_connect_phone_number_contact_flow_association", Component.PhoneNumbers, Placement.KeyedMap,
        [
            new ReferenceRule("ContactFlow", "contact_flow_id", Component.ContactFlows),
        ]) { IdPath = "id", NameKey = null, Taggable = false, FoldTargetPath = "phone_number_id", FoldedInto = "folded into its phone number as ContactFlow" },

        new("aws_connect_contact_flow", Component.ContactFlows, Placement.NamedList,
        [
            new ValueRule("Type", "type"),
            new ValueRule("Path", "content", ValueKind.FlowContent),
            new ValueRule("Description", "description"),
        ]) { IdPath = "contact_flow_id" },

        new("aws_connect_user_hierarchy_structure", Component.HierarchyStructure, Placement.TopLevel,
        [
            new CollectRule("HierarchyStructure",
            [
                "hierarchy_structure.level_one.name", "hierarchy_structure.level_two.name", "hierarchy_structure.level_three.name",
                "hierarchy_structure.level_four.name", "hierarchy_structure.level_five.name",
            ]),
        ]) { IdPath = "instance_id", ArnPath = null, ArnFormat = "{instance_arn}", NamePath = "instance_id", NameKey = null, Taggable = false },

        new("aws_connect_user_hierarchy_group", Component.HierarchyGroups, Placement.NamedList,
        [
            new ReferenceRule("Parent", "parent_group_id", Component.HierarchyGroups),
        ]) { IdPath = "hierarchy_group_id" },

        new("aws_connect_user", Component.Users, Placement.NamedList,
        [
            new ValueRule("Email", "identity_info.email"),
            new ValueRule("SecondaryEmail", "identity_info.secondary_email"),
            new ValueRule("FirstName", "identity_info.first_name"),
            new ValueRule("LastName", "identity_info.last_name"),
            new ValueRule("PhoneType", "phone_config.phone_type"),
            new ValueRule("DeskPhoneNumber", "phone_config.desk_phone_number"),
            new ValueRule("AutoAccept", "phone_config.auto_accept", ValueKind.Flag),
            new ValueRule("AfterContactWorkTimeLimit", "phone_config.after_contact_work_time_limit", ValueKind.Number),
            new ReferenceRule("RoutingProfile", "routing_profile_id", Component.RoutingProfiles),
            new ReferenceRule("SecurityProfiles", "security_profile_ids", Component.SecurityProfiles, Many: true),
            new ReferenceRule("HierarchyGroup", "hierarchy_group_id", Component.HierarchyGroups),
            new ValueRule("DirectoryUserId", "directory_user_id"),
        ])
        {
            IdPath = "user_id", NameKey = "Username", Secrets = ["password"],
            SecretAdvice = "put the initial password in a Secrets Manager secret and name it in the user's PasswordSecret",
        },

        new("aws_connect_lambda_function_association", Component.LambdaFunctions, Placement.KeyedMap,
        [
            new ValueRule("FunctionArn", "function_arn"),
        ]) { IdPath = "function_arn", ArnPath = "function_arn", NamePath = "function_arn", NameKey = null, Taggable = false },

        new("aws_connect_bot_association", Component.LexBots, Placement.NamedList,
        [
            new ValueRule("LexRegion", "lex_bot.lex_region"),
        ])
        {
            IdFormat = "arn:aws:lex:{lex_bot.lex_region}:{account}:bot:{lex_bot.name}", ArnPath = null,
            ArnFormat = "arn:aws:lex:{lex_bot.lex_region}:{account}:bot:{lex_bot.name}", NamePath = "lex_bot.name", Taggable = false,
        },
    ];

    /// <summary>Types that look like ours but are left to Terraform (or the console), with the reason listed.</summary>
    public static IReadOnlyDictionary<string, string> Skipped { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["aws_connect_instance_storage_config"] = "instance storage configs (recordings, transcripts, streams) are not managed by ConnectOps: keep them in Terraform or set them in the console",
        ["aws_connect_vocabulary"] = "vocabularies are not managed by ConnectOps",
        ["aws_connect_routing_profile_queue_association"] = "not migrated: list the queues in the routing profile's QueueConfigs",
    };
}
