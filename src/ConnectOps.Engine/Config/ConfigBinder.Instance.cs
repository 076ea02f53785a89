using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.Config;

// Instance = @{ ... }
public sealed partial class ConfigBinder
{
    private InstanceSpec? BindInstance(MapReader top)
    {
        if (top.SubMap("Instance", required: true, example: "@{ Alias = 'my-contact-center'; IdentityManagementType = 'CONNECT_MANAGED'; InboundCallsEnabled = $true; OutboundCallsEnabled = $true }") is not { } map)
        {
            return null;
        }
        var r = new MapReader(_ctx, map, "Instance");
        var id = r.Pattern("Id", ConfigPatterns.InstanceId(), "an instance id (a GUID) or an instance ARN");
        var creating = !r.Has("Id");
        var alias = r.Pattern("Alias", ConfigPatterns.InstanceAlias(),
            "letters, digits and single hyphens, not starting with 'd-', at most 45 characters", required: creating, max: 45, example: "'my-contact-center'");
        var identity = r.Enum<IdentityManagementType>("IdentityManagementType", required: creating);
        var directoryId = r.Pattern("DirectoryId", ConfigPatterns.DirectoryId(), "a directory id such as 'd-1234567890'");
        if (identity == IdentityManagementType.ExistingDirectory && directoryId is null && !r.Has("DirectoryId") && creating)
        {
            r.Missing("DirectoryId", "'d-1234567890' (required with IdentityManagementType = 'EXISTING_DIRECTORY')");
        }
        var inbound = r.Bool("InboundCallsEnabled", required: creating);
        var outbound = r.Bool("OutboundCallsEnabled", required: creating);
        var flowLogs = r.Bool("ContactFlowLogsEnabled");
        var lens = r.Bool("ContactLensEnabled");
        var voices = r.Bool("AutoResolveBestVoicesEnabled");
        var earlyMedia = r.Bool("EarlyMediaEnabled");
        var conference = r.Bool("MultiPartyConferenceEnabled");
        var retention = r.Int("LogRetentionDays", 1, 3653, example: "7");
        if (retention is { } days && !InstanceSpec.ValidLogRetentionDays.Contains(days))
        {
            _ctx.Error(ConfigErrorCodes.InvalidValue,
                $"LogRetentionDays {days} is not a retention CloudWatch Logs accepts. Use one of {string.Join(", ", InstanceSpec.ValidLogRetentionDays)}.",
                r.PositionOf("LogRetentionDays"), r.KeyPath("LogRetentionDays"));
            retention = null;
        }
        var policy = r.Pattern("IamPolicyArn", ConfigPatterns.IamPolicyArn(), "an IAM policy ARN such as 'arn:aws:iam::aws:policy/AmazonConnect_FullAccess'");
        var tags = r.Tags();
        r.Finish();
        return new InstanceSpec(id, alias, identity, directoryId, inbound, outbound, flowLogs, lens, voices, earlyMedia, conference,
            retention, policy, tags, map.Position);
    }
}
