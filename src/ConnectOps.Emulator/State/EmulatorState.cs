using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ConnectOps.Emulator.State;

/// <summary>
/// The whole emulated account: every Region's Connect instances, phone numbers, log groups and secrets, plus the
/// account-global IAM roles. Handlers run under <see cref="Sync"/>, one at a time; the state file is this object as JSON.
/// </summary>
internal sealed class EmulatorState
{
    public const string AccountId = "123456789012";

    [JsonIgnore]
    public object Sync { get; } = new();

    public long Sequence { get; set; }

    public Dictionary<string, RegionState> Regions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>IAM is global: role name (case-insensitive, as IAM treats it) to the stored Role.</summary>
    public Dictionary<string, JsonObject> IamRoles { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Idempotency tokens seen: "service|region|operation|token" to the request hash and the response sent.</summary>
    public Dictionary<string, IdempotentResult> Idempotency { get; set; } = new(StringComparer.Ordinal);

    public RegionState Region(string name)
    {
        if (!Regions.TryGetValue(name, out var region))
        {
            region = new RegionState();
            Regions[name] = region;
        }

        return region;
    }

    public long NextSequence() => ++Sequence;
}

internal sealed class RegionState
{
    public Dictionary<string, InstanceState> Instances { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Claimed phone numbers live at the Region level (their ARNs carry no instance).</summary>
    public Dictionary<string, Resource> PhoneNumbers { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, JsonObject> LogGroups { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, JsonObject> Secrets { get; set; } = new(StringComparer.Ordinal);
}

internal sealed class InstanceState
{
    public required Resource Record { get; set; }

    /// <summary>Resource kind name (queue, user, …) to its resources by id.</summary>
    public Dictionary<string, Dictionary<string, Resource>> Resources { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Attributes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Hierarchy levels by ordinal name (One … Five).</summary>
    public Dictionary<string, JsonObject> HierarchyLevels { get; set; } = new(StringComparer.Ordinal);

    /// <summary>DescribeInstance calls still to answer CREATION_IN_PROGRESS.</summary>
    public int PendingPolls { get; set; }

    public Dictionary<string, Resource> Of(string kind)
    {
        if (!Resources.TryGetValue(kind, out var map))
        {
            map = new Dictionary<string, Resource>(StringComparer.Ordinal);
            Resources[kind] = map;
        }

        return map;
    }
}

/// <summary>A stored resource: its identity plus its members, by the model's member names.</summary>
internal sealed class Resource
{
    public required string Id { get; set; }

    public required string Arn { get; set; }

    /// <summary>Creation order; lists and searches return resources in this order.</summary>
    public long Seq { get; set; }

    public JsonObject Data { get; set; } = new();
}

internal sealed class IdempotentResult
{
    public required string RequestHash { get; set; }

    public JsonObject? Output { get; set; }
}
