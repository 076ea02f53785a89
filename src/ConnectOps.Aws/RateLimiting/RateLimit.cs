namespace ConnectOps.Aws.RateLimiting;

/// <summary>A token bucket's shape: tokens added per second and the most it holds (the burst).</summary>
public readonly record struct RateLimit(double RatePerSecond, int Burst)
{
    public void Validate(string name)
    {
        if (!(RatePerSecond > 0) || double.IsInfinity(RatePerSecond))
            throw new ArgumentOutOfRangeException(name, RatePerSecond, "A rate limit's rate must be a positive number of requests per second.");
        if (Burst < 1)
            throw new ArgumentOutOfRangeException(name, Burst, "A rate limit's burst must be at least 1.");
    }

    public override string ToString() => $"{RatePerSecond} rps, burst {Burst}";
}

/// <summary>The key of one token bucket: quotas are per operation, per account (or credentials) and Region.</summary>
public readonly record struct RateLimitKey(string Service, string Operation, string Region, string Identity);

/// <summary>
/// Which rate limit applies to each operation. Defaults follow the documented quotas
/// (reference/connect-api-notes.md §5); <see cref="Overrides"/> replaces them per operation, keyed
/// "service:Operation" (e.g. "connect:SearchUsers", "logs:TagResource") or just "Operation"
/// (any service); the key "Default" applies to every operation without an override of its own (an account
/// whose quotas were raised, or a quota shared with another tool). <see cref="Enabled"/> = false turns
/// client-side limiting off.
/// </summary>
public sealed class RateLimitSettings
{
    /// <summary>
    /// The default <see cref="Headroom"/>: longer than the spread of request latencies seen on a loaded machine and on
    /// AWS's endpoints, short next to the seconds an association read or a bulk create takes at 2 rps.
    /// </summary>
    public static readonly TimeSpan DefaultHeadroom = TimeSpan.FromMilliseconds(150);

    /// <summary>The override key that applies to every operation without one of its own.</summary>
    public const string DefaultKey = "Default";

    public bool Enabled { get; init; } = true;

    /// <summary>
    /// How much earlier than the quota allows no call starts once a bucket's burst is used. The service counts a call
    /// when it arrives, the client when it sends it: if an early call (a new connection) travels slower than a later
    /// one, the service sees the two closer together than they were sent and throttles the later one. Keeping this
    /// much time's worth of tokens in reserve absorbs that spread, at a cost of this much once per operation.
    /// </summary>
    public TimeSpan Headroom { get; init; } = DefaultHeadroom;

    public IReadOnlyDictionary<string, RateLimit> Overrides { get; init; } = new Dictionary<string, RateLimit>();

    public static RateLimitSettings Default { get; } = new();

    public static RateLimitSettings Disabled { get; } = new() { Enabled = false };

    /// <summary>The limit for an operation, or null when limiting is off.</summary>
    /// <param name="service">The service key: connect, iam, logs, secretsmanager (case-insensitive).</param>
    public RateLimit? Resolve(string service, string operation)
    {
        if (!Enabled)
            return null;
        var key = RateLimitDefaults.ServiceKey(service);
        if (FindOverride(key + ":" + operation) is { } specific)
            return specific;
        if (FindOverride(operation) is { } general)
            return general;
        if (FindOverride(DefaultKey) is { } everything)
            return everything;
        return RateLimitDefaults.For(key, operation);
    }

    private RateLimit? FindOverride(string key)
    {
        foreach (var (k, v) in Overrides)
            if (string.Equals(k, key, StringComparison.OrdinalIgnoreCase))
                return v;
        return null;
    }
}

/// <summary>
/// Default quotas. Connect: 2 rps burst 5 for everything (the documented baseline), 10 rps for the
/// Describe/List reads whose Service Quotas default is 10 (burst 10: no burst was documented, and a
/// bucket of one second's worth never exceeds the rate), and 0.1 rps burst 1 for
/// CreateInstance/DeleteInstance. IAM: 5 rps burst 10 (IAM's control-plane limits are
/// account-wide and undocumented per call; this stays well below observed throttling). CloudWatch
/// Logs: its documented per-operation TPS (DescribeLogGroups 10, the writes 5). Secrets Manager
/// GetSecretValue: 100 rps burst 100 (the documented quota is far higher).
/// </summary>
public static class RateLimitDefaults
{
    public static readonly RateLimit ConnectDefault = new(2, 5);
    public static readonly RateLimit ConnectReads = new(10, 10);
    public static readonly RateLimit ConnectInstanceLifecycle = new(0.1, 1);
    public static readonly RateLimit IamDefault = new(5, 10);
    public static readonly RateLimit LogsWrites = new(5, 5);
    public static readonly RateLimit LogsReads = new(10, 10);
    public static readonly RateLimit SecretsManagerDefault = new(100, 100);

    /// <summary>The Connect reads whose default quota is 10 rps.</summary>
    public static IReadOnlySet<string> ConnectTenRpsOperations { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "DescribeUser", "ListUsers", "DescribeQueue", "ListQueues", "DescribeRoutingProfile", "ListRoutingProfiles",
        "ListRoutingProfileQueues", "DescribeHoursOfOperation", "ListHoursOfOperations", "DescribeQuickConnect",
        "ListQuickConnects", "ListQueueQuickConnects", "DescribeUserHierarchyGroup", "ListUserHierarchyGroups",
        "DescribeUserHierarchyStructure",
    };

    public static RateLimit For(string service, string operation) => ServiceKey(service) switch
    {
        "connect" when operation is "CreateInstance" or "DeleteInstance" => ConnectInstanceLifecycle,
        "connect" when ConnectTenRpsOperations.Contains(operation) => ConnectReads,
        "connect" => ConnectDefault,
        "iam" => IamDefault,
        "logs" when operation is "DescribeLogGroups" or "ListTagsForResource" => LogsReads,
        "logs" => LogsWrites,
        "secretsmanager" => SecretsManagerDefault,
        _ => ConnectDefault,
    };

    /// <summary>Maps a service id ("Connect", "IAM", "CloudWatch Logs", "Secrets Manager") or key to its key.</summary>
    public static string ServiceKey(string service) => service.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant() switch
    {
        "cloudwatchlogs" => "logs",
        var s => s,
    };
}
