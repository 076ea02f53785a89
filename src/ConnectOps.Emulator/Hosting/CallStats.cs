using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace ConnectOps.Emulator.Hosting;

/// <summary>
/// Counts calls per "Service.Operation": every call received, those throttled, and those given a fault. Also keeps
/// the latest <see cref="LogCapacity"/> served calls in order with the members that name what they act on (ids,
/// ARNs, names of roles, log groups and secrets; never values such as passwords or flow content), so a test can
/// derive the resource ARN of each call (GET /_connectops/calls/log), e.g. to check an IAM policy against them.
/// </summary>
internal sealed class CallStats
{
    public const int LogCapacity = 20_000;

    private static readonly HashSet<string> IdentifyingNames = new(StringComparer.Ordinal)
    {
        "RoleName", "PolicyArn", "logGroupName", "logGroupNamePrefix", "resourceArn", "SecretId", "BotName", "LexRegion",
    };

    private readonly ConcurrentQueue<JsonObject> log = new();
    private readonly ConcurrentDictionary<string, long> calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> throttled = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> faults = new(StringComparer.Ordinal);

    public void Called(string key) => calls.AddOrUpdate(key, 1, (_, n) => n + 1);

    /// <summary>Logs a call that passed validation: its operation, Region and identifying members.</summary>
    public void Served(string key, string region, JsonObject input)
    {
        var identifiers = new JsonObject();
        foreach (var (name, value) in input)
        {
            if (value is JsonValue v && v.TryGetValue<string>(out var text) && IsIdentifying(name)) identifiers[name] = text;
        }
        if (input["LexV2Bot"]?["AliasArn"] is JsonValue alias && alias.TryGetValue<string>(out var aliasArn)) identifiers["LexV2Bot.AliasArn"] = aliasArn;
        if (input["LexBot"] is JsonObject lexBot)
        {
            if (lexBot["Name"] is JsonValue n && n.TryGetValue<string>(out var botName)) identifiers["LexBot.Name"] = botName;
            if (lexBot["LexRegion"] is JsonValue r && r.TryGetValue<string>(out var lexRegion)) identifiers["LexBot.LexRegion"] = lexRegion;
        }
        log.Enqueue(new JsonObject { ["Operation"] = key, ["Region"] = region, ["Identifiers"] = identifiers });
        while (log.Count > LogCapacity && log.TryDequeue(out _))
        {
        }
    }

    private static bool IsIdentifying(string member) =>
        member.EndsWith("Id", StringComparison.Ordinal) || member.EndsWith("Arn", StringComparison.Ordinal) || member.EndsWith("ARN", StringComparison.Ordinal)
        || IdentifyingNames.Contains(member);

    public JsonObject LogJson() => new() { ["Calls"] = new JsonArray(log.Select(e => (JsonNode)e.DeepClone()).ToArray()) };

    public void Throttled(string key) => throttled.AddOrUpdate(key, 1, (_, n) => n + 1);

    public void Faulted(string key) => faults.AddOrUpdate(key, 1, (_, n) => n + 1);

    public void Reset()
    {
        calls.Clear();
        throttled.Clear();
        faults.Clear();
        log.Clear();
    }

    public JsonObject ToJson() => new()
    {
        ["Calls"] = ToObject(calls),
        ["Throttled"] = ToObject(throttled),
        ["Faults"] = ToObject(faults),
    };

    private static JsonObject ToObject(ConcurrentDictionary<string, long> counts)
    {
        var result = new JsonObject();
        foreach (var (key, count) in counts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            result[key] = count;
        }

        return result;
    }
}
