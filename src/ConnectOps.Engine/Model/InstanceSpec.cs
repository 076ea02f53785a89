using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Config;

namespace ConnectOps.Engine.Model;

/// <summary>
/// Config <c>Instance = @{ ... }</c>. With <see cref="Id"/> set, ConnectOps manages an existing instance and
/// never creates or deletes it; the telephony flags are then optional (null = leave as is). Without Id,
/// <see cref="Alias"/>, IdentityManagementType and the two call flags are required. Other flags are null
/// when the config does not say (left as they are).
/// </summary>
public sealed record InstanceSpec(
    string? Id,
    string? Alias,
    IdentityManagementType? IdentityManagementType,
    string? DirectoryId,
    bool? InboundCallsEnabled,
    bool? OutboundCallsEnabled,
    bool? ContactFlowLogsEnabled,
    bool? ContactLensEnabled,
    bool? AutoResolveBestVoicesEnabled,
    bool? EarlyMediaEnabled,
    bool? MultiPartyConferenceEnabled,
    int? LogRetentionDays,
    string? IamPolicyArn,
    TagSet Tags,
    SourcePosition Position) : IResourceSpec
{
    /// <summary>The retention values CloudWatch Logs accepts (PutRetentionPolicy).</summary>
    public static readonly IReadOnlyList<int> ValidLogRetentionDays =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    public ResourceAddress Address => ResourceAddress.Instance;
}
