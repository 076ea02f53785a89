using System.Collections.Concurrent;
using System.Diagnostics;

namespace ConnectOps.Emulator.Hosting;

/// <summary>
/// Connect's API throttling: one token bucket per operation per account+Region (connect-api-notes §5).
/// Defaults: 2 rps burst 5; 10 rps for the listed Describe/List reads; 0.1 rps for CreateInstance/DeleteInstance.
/// Other services are not throttled.
/// </summary>
internal sealed class RateLimiter
{
    private static readonly HashSet<string> FastReads = new(StringComparer.Ordinal)
    {
        "DescribeUser", "ListUsers", "DescribeQueue", "ListQueues", "DescribeRoutingProfile", "ListRoutingProfiles",
        "ListRoutingProfileQueues", "DescribeHoursOfOperation", "ListHoursOfOperations", "DescribeQuickConnect",
        "ListQuickConnects", "ListQueueQuickConnects", "DescribeUserHierarchyGroup", "ListUserHierarchyGroups",
        "DescribeUserHierarchyStructure",
    };

    private readonly ConcurrentDictionary<string, Bucket> buckets = new(StringComparer.Ordinal);
    private readonly RuntimeConfig config;

    public RateLimiter(RuntimeConfig config)
    {
        this.config = config;
        config.RateLimitsChanged += buckets.Clear;
    }

    public static RateLimit DefaultFor(string operation) => operation switch
    {
        "CreateInstance" or "DeleteInstance" => new RateLimit(0.1, 1),
        _ when FastReads.Contains(operation) => new RateLimit(10, 10),
        _ => new RateLimit(2, 5),
    };

    /// <summary>True when the call may proceed; false when it must be answered with ThrottlingException.</summary>
    public bool TryAcquire(string service, string account, string region, string operation)
    {
        var settings = config.Current;
        if (!settings.RateLimitsOn || service != "Connect")
        {
            return true;
        }

        var limit = settings.RateLimitOverrides.TryGetValue(operation, out var o) ? o
            : settings.RateLimitOverrides.TryGetValue($"{service}.{operation}", out var qualified) ? qualified
            : DefaultFor(operation);
        var bucket = buckets.GetOrAdd($"{account}|{region}|{operation}", _ => new Bucket(limit));
        return bucket.TryTake(limit);
    }

    public void Reset() => buckets.Clear();

    private sealed class Bucket(RateLimit initial)
    {
        private readonly object gate = new();
        private double tokens = initial.Burst;
        private long lastTicks = Stopwatch.GetTimestamp();

        public bool TryTake(RateLimit limit)
        {
            lock (gate)
            {
                var now = Stopwatch.GetTimestamp();
                var elapsed = (now - lastTicks) / (double)Stopwatch.Frequency;
                lastTicks = now;
                tokens = Math.Min(limit.Burst, tokens + (elapsed * limit.Rate));
                if (tokens >= 1)
                {
                    tokens -= 1;
                    return true;
                }

                return false;
            }
        }
    }
}
