using System.Text.Json.Nodes;
using ConnectOps.Emulator.Models;
using ConnectOps.Emulator.Protocols;

namespace ConnectOps.Emulator.Hosting;

/// <summary>A token-bucket setting: sustained requests per second and burst size.</summary>
internal readonly record struct RateLimit(double Rate, double Burst);

/// <summary>
/// The switches that can change while the emulator runs (admin endpoint <c>/_connectops/config</c>).
/// Reads take a consistent snapshot; writes replace it.
/// </summary>
internal sealed class RuntimeConfig
{
    private readonly object gate = new();
    private Settings current;

    public RuntimeConfig(EmulatorOptions options)
    {
        current = new Settings
        {
            RateLimitsOn = options.RateLimits == "aws-default",
            ResourceQuotasOn = options.ResourceQuotas != "off",
            LatencyMs = options.LatencyMs,
            Fault500Rate = options.Fault500Rate,
            FaultTimeoutRate = options.FaultTimeoutRate,
            FaultDropRate = options.FaultDropRate,
            FaultTimeoutMs = options.FaultTimeoutMs,
            AsyncPolls = options.AsyncPolls,
        };
    }

    public event Action? RateLimitsChanged;

    public Settings Current
    {
        get
        {
            lock (gate)
            {
                return current;
            }
        }
    }

    /// <summary>Returns the failure reason set for the next phone-number claim, and clears it.</summary>
    public string? TakeClaimFailureReason() => TakeOnce(s => s.ClaimFailureReason, s => s with { ClaimFailureReason = null });

    /// <summary>Returns the failure reason set for the next instance creation, and clears it.</summary>
    public string? TakeInstanceFailureReason() => TakeOnce(s => s.InstanceFailureReason, s => s with { InstanceFailureReason = null });

    private string? TakeOnce(Func<Settings, string?> read, Func<Settings, Settings> clear)
    {
        lock (gate)
        {
            var reason = read(current);
            if (reason is not null)
            {
                current = clear(current);
            }

            return reason;
        }
    }

    /// <summary>Applies the members present in an admin request body; unknown members or bad values are refused.</summary>
    public void Apply(JsonObject body)
    {
        lock (gate)
        {
            var next = current;
            foreach (var (key, value) in body)
            {
                next = key switch
                {
                    "RateLimits" => next with { RateLimitsOn = Choice(key, value, "off", "aws-default") == "aws-default" },
                    "ResourceQuotas" => next with { ResourceQuotasOn = Choice(key, value, "off", "aws-default") == "aws-default" },
                    "LatencyMs" => next with { LatencyMs = (int)Number(key, value, 0, 600_000) },
                    "Fault500Rate" => next with { Fault500Rate = Number(key, value, 0, 1) },
                    "FaultTimeoutRate" => next with { FaultTimeoutRate = Number(key, value, 0, 1) },
                    "FaultDropRate" => next with { FaultDropRate = Number(key, value, 0, 1) },
                    "FaultTimeoutMs" => next with { FaultTimeoutMs = (int)Number(key, value, 0, 600_000) },
                    "AsyncPolls" => next with { AsyncPolls = (int)Number(key, value, 0, 100) },
                    "FaultOperations" => next with { FaultOperations = Strings(key, value) },
                    "ClaimFailureReason" => next with { ClaimFailureReason = value is null ? null : value.ToString() },
                    "InstanceFailureReason" => next with { InstanceFailureReason = value is null ? null : value.ToString() },
                    "RateLimitOverrides" => next with { RateLimitOverrides = Overrides(value) },
                    _ => throw new ApiException("InvalidRequestException", $"Unknown config member {key}.", status: 400),
                };
            }

            var limitsChanged = next.RateLimitsOn != current.RateLimitsOn || !ReferenceEquals(next.RateLimitOverrides, current.RateLimitOverrides);
            current = next;
            if (limitsChanged)
            {
                RateLimitsChanged?.Invoke();
            }
        }
    }

    public JsonObject ToJson()
    {
        var s = Current;
        var overrides = new JsonObject();
        foreach (var (op, limit) in s.RateLimitOverrides)
        {
            overrides[op] = new JsonObject { ["Rate"] = limit.Rate, ["Burst"] = limit.Burst };
        }

        return new JsonObject
        {
            ["RateLimits"] = s.RateLimitsOn ? "aws-default" : "off",
            ["RateLimitOverrides"] = overrides,
            ["ResourceQuotas"] = s.ResourceQuotasOn ? "aws-default" : "off",
            ["LatencyMs"] = s.LatencyMs,
            ["Fault500Rate"] = s.Fault500Rate,
            ["FaultTimeoutRate"] = s.FaultTimeoutRate,
            ["FaultDropRate"] = s.FaultDropRate,
            ["FaultTimeoutMs"] = s.FaultTimeoutMs,
            ["FaultOperations"] = s.FaultOperations is null ? null : new JsonArray(s.FaultOperations.Select(o => (JsonNode?)JsonValue.Create(o)).ToArray()),
            ["ClaimFailureReason"] = s.ClaimFailureReason,
            ["InstanceFailureReason"] = s.InstanceFailureReason,
            ["AsyncPolls"] = s.AsyncPolls,
        };
    }

    private static string Choice(string key, JsonNode? value, params string[] choices)
    {
        var text = value?.ToString();
        return text is not null && choices.Contains(text, StringComparer.OrdinalIgnoreCase)
            ? text.ToLowerInvariant()
            : throw Bad(key, $"one of {string.Join(", ", choices)}");
    }

    private static double Number(string key, JsonNode? value, double min, double max) =>
        JsonNumbers.Double(value) is { } d && d >= min && d <= max ? d : throw Bad(key, $"a number from {min} to {max}");

    private static IReadOnlyList<string>? Strings(string key, JsonNode? value) => value switch
    {
        null => null,
        JsonArray array => array.Select(a => a?.ToString() ?? throw Bad(key, "a list of operation names")).ToList(),
        _ => throw Bad(key, "a list of operation names"),
    };

    private static IReadOnlyDictionary<string, RateLimit> Overrides(JsonNode? value)
    {
        var result = new Dictionary<string, RateLimit>(StringComparer.Ordinal);
        if (value is null)
        {
            return result;
        }

        if (value is not JsonObject obj)
        {
            throw Bad("RateLimitOverrides", "an object of {Operation: {Rate, Burst}}");
        }

        foreach (var (op, limit) in obj)
        {
            var rate = Number($"RateLimitOverrides.{op}.Rate", limit?["Rate"], 0, 100_000);
            var burst = limit?["Burst"] is null ? Math.Max(1, rate) : Number($"RateLimitOverrides.{op}.Burst", limit["Burst"], 0, 100_000);
            result[op] = new RateLimit(rate, burst);
        }

        return result;
    }

    private static ApiException Bad(string key, string expected) =>
        new("InvalidRequestException", $"{key} must be {expected}.", status: 400);

    internal sealed record Settings
    {
        public bool RateLimitsOn { get; init; }

        public IReadOnlyDictionary<string, RateLimit> RateLimitOverrides { get; init; } = new Dictionary<string, RateLimit>();

        public bool ResourceQuotasOn { get; init; } = true;

        public int LatencyMs { get; init; }

        public double Fault500Rate { get; init; }

        public double FaultTimeoutRate { get; init; }

        public double FaultDropRate { get; init; }

        public int FaultTimeoutMs { get; init; } = 10_000;

        public IReadOnlyList<string>? FaultOperations { get; init; }

        public string? ClaimFailureReason { get; init; }

        public string? InstanceFailureReason { get; init; }

        public int AsyncPolls { get; init; } = 2;
    }
}
