namespace ConnectOps.Engine.Reconcilers.Framework;

/// <summary>
/// How to reach AWS, as AWS Tools for PowerShell spells it: Region, profile and endpoint. Anything left
/// null falls back to the config, then the SDK's own chain (AWS_REGION, the profile, AWS_ENDPOINT_URL…).
/// </summary>
public sealed record AwsSettings
{
    public string? Region { get; init; }
    public string? ProfileName { get; init; }

    /// <summary>One endpoint for every service (the emulator serves them all on one port).</summary>
    public string? EndpointUrl { get; init; }

    /// <summary>Per-service endpoints from the config's Endpoints table (Connect, Iam, Logs, SecretsManager, Sts).</summary>
    public IReadOnlyDictionary<string, string> ServiceEndpoints { get; init; } = new Dictionary<string, string>();

    /// <summary>Per-operation rate overrides (operation → rate per second, burst).</summary>
    public IReadOnlyDictionary<string, (double Rate, int Burst)> RateLimits { get; init; } = new Dictionary<string, (double, int)>();
}
