namespace ConnectOps.Engine.Model;

/// <summary>
/// Resources every new Connect instance has. Config may reference them by name without declaring them
/// (a declaration with the same name manages the existing one instead).
/// </summary>
public static class BuiltInResources
{
    public static readonly IReadOnlyList<string> HoursOfOperation = ["Basic Hours"];

    public static readonly IReadOnlyList<string> Queues = ["BasicQueue"];

    public static readonly IReadOnlyList<string> RoutingProfiles = ["Basic Routing Profile"];

    public static readonly IReadOnlyList<string> SecurityProfiles = ["Admin", "Agent", "CallCenterManager", "QualityAnalyst"];

    /// <summary>The default flows, and the sample flow a new instance is created with (exports leave it out, compares do not count it).</summary>
    public static readonly IReadOnlyList<string> ContactFlows =
    [
        "Default agent hold", "Default agent transfer", "Default agent whisper", "Default customer hold",
        "Default customer queue", "Default customer whisper", "Default outbound", "Default queue transfer",
        "Sample inbound flow (first contact experience)",
    ];

    public const string DefaultQueueTransferFlow = "Default queue transfer";

    public const string DefaultAgentTransferFlow = "Default agent transfer";

    public const string AdminSecurityProfile = "Admin";

    public const string BasicRoutingProfile = "Basic Routing Profile";
}
