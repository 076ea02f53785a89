using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Config;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Engine.Imperative;

/// <summary>
/// The config side of an imperative edit: where a component's entries sit in the config tree (a list of hashtables
/// named by a key, or a map of keyed hashtables), an entry as a tree, a resource's properties as an entry, and the
/// config tree with entries added or replaced, so the binder validates a cmdlet's resource as it validates the config.
/// </summary>
internal static class ConfigEntries
{
    /// <summary>
    /// The components below Region, State, Instance and Tags, top to bottom, in the order the examples use (each one's
    /// top-level key is its name): how exported and migrated configs lay them out.
    /// </summary>
    public static readonly IReadOnlyList<Component> ComponentOrder =
    [
        Component.HoursOfOperation, Component.Queues, Component.RoutingProfiles, Component.SecurityProfiles, Component.QuickConnects,
        Component.PhoneNumbers, Component.ContactFlows, Component.HierarchyStructure, Component.HierarchyGroups, Component.Users,
        Component.LambdaFunctions, Component.LexBots,
    ];

    /// <summary>How a component is written in the config: its top-level key, and the entry key that names a resource (null: a keyed map).</summary>
    public static (string TopKey, string? NameKey) Shape(Component component) => component switch
    {
        Component.HoursOfOperation => ("HoursOfOperation", "Name"),
        Component.Queues => ("Queues", "Name"),
        Component.RoutingProfiles => ("RoutingProfiles", "Name"),
        Component.SecurityProfiles => ("SecurityProfiles", "Name"),
        Component.ContactFlows => ("ContactFlows", "Name"),
        Component.HierarchyGroups => ("HierarchyGroups", "Name"),
        Component.Users => ("Users", "Username"),
        Component.LexBots => ("LexBots", "Name"),
        Component.QuickConnects => ("QuickConnects", null),
        Component.PhoneNumbers => ("PhoneNumbers", null),
        Component.LambdaFunctions => ("LambdaFunctions", null),
        _ => throw new NotSupportedException($"{component} has no imperative cmdlets: change it in the config and run Invoke-ConnectApply."),
    };

    /// <summary>A JSON value as a config tree, every node at <paramref name="position"/> (so errors name the edit).</summary>
    public static ConfigNode ToNode(JsonNode? value, SourcePosition position) => value switch
    {
        null => ConfigScalar.Null(position),
        JsonObject o => new ConfigMap(position, o.Select(p => new ConfigMapEntry(p.Key, position, ToNode(p.Value, position)))),
        JsonArray a => new ConfigList(position, a.Select(i => ToNode(i, position))),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => ConfigScalar.String(position, v.GetValue<string>()),
            JsonValueKind.True => ConfigScalar.Boolean(position, true),
            JsonValueKind.False => ConfigScalar.Boolean(position, false),
            JsonValueKind.Number when JsonValues.AsLong(v) is { } l && (double)l == JsonValues.AsDouble(v) => ConfigScalar.Integer(position, l),
            JsonValueKind.Number => ConfigScalar.Double(position, JsonValues.AsDouble(v)),
            _ => ConfigScalar.Null(position),
        },
        _ => ConfigScalar.Null(position),
    };

    /// <summary>
    /// A resource's properties (key space, as state and the planner hold them) written back as a config entry: the
    /// properties the reconciler manages, without empty values (absent and empty mean the same in the config).
    /// </summary>
    public static JsonObject FromProperties(Reconciler reconciler, string key, JsonObject properties)
    {
        if (reconciler.Component == Component.LexBots) return LexBotEntry(key, properties);
        var (_, nameKey) = Shape(reconciler.Component);
        var entry = new JsonObject();
        if (nameKey is not null) entry[nameKey] = key;
        foreach (var spec in reconciler.Properties)
        {
            if (!properties.TryGetPropertyValue(spec.Name, out var value) || IsEmpty(value)) continue;
            if (spec.Name == nameKey || NotInConfig(reconciler.Component, spec.Name)) continue;
            // A flow's content is a JSON object in the model and a JSON string in the config.
            entry[spec.Name] = reconciler.Component == Component.ContactFlows && spec.Name == "Content" ? value!.ToJsonString() : value!.DeepClone();
        }
        return entry;
    }

    /// <summary>A Lex bot's association as the config writes it: V1 by bot name and Region, V2 by alias ARN (named by the key).</summary>
    private static JsonObject LexBotEntry(string key, JsonObject properties)
    {
        if (JsonValues.AsString(properties["LexVersion"]) == "V2")
        {
            var aliasArn = JsonValues.AsString(properties["AliasArn"]) ?? "";
            var v2 = new JsonObject();
            if (!string.Equals(key, aliasArn, StringComparison.Ordinal)) v2["Name"] = key;
            v2["AliasArn"] = aliasArn;
            return v2;
        }
        return new JsonObject { ["Name"] = JsonValues.AsString(properties["BotName"]) ?? key, ["LexRegion"] = JsonValues.AsString(properties["LexRegion"]) };
    }

    /// <summary>Properties the model has that the config does not write (a flow's State is always ACTIVE).</summary>
    private static bool NotInConfig(Component component, string property) =>
        (component, property) is (Component.ContactFlows, "State") or (Component.LexBots, _) or (Component.LambdaFunctions, _) and not (Component.LambdaFunctions, "FunctionArn");

    /// <summary>Keys of which an entry has one: a Set that gives one drops the others from the resource's starting point.</summary>
    private static readonly string[][] Exclusive = [["Path", "Content"], ["Queue", "User", "PhoneNumber"]];

    /// <summary>Lays <paramref name="values"/> over <paramref name="entry"/>: a JSON null removes a key, one of an exclusive set replaces the others.</summary>
    public static void Overlay(JsonObject entry, JsonObject values)
    {
        foreach (var (key, value) in values)
        {
            foreach (var group in Exclusive.Where(g => g.Contains(key, StringComparer.OrdinalIgnoreCase)))
            {
                foreach (var other in group.Where(o => !o.Equals(key, StringComparison.OrdinalIgnoreCase))) entry.Remove(other);
            }
            if (value is null) entry.Remove(key);
            else entry[key] = value.DeepClone();
        }
    }

    public static bool IsEmpty(JsonNode? value) => value switch
    {
        null => true,
        JsonValue v => JsonValues.AsString(v) is "",
        JsonArray a => a.Count == 0,
        JsonObject o => o.Count == 0,
        _ => false,
    };

    /// <summary>The config tree with <paramref name="entries"/> in the component's list or map, replacing any entry of the same key.</summary>
    public static ConfigMap With(ConfigMap root, Component component, IReadOnlyList<(string Key, ConfigMap Entry)> entries, SourcePosition position)
    {
        var (topKey, nameKey) = Shape(component);
        var keys = entries.Select(e => e.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var rootEntries = new List<ConfigMapEntry>();
        var found = false;
        foreach (var entry in root.Entries)
        {
            // The AdminUser is a user too: a cmdlet's change to it replaces the AdminUser entry.
            if (component == Component.Users && entry.Key.Equals("AdminUser", StringComparison.OrdinalIgnoreCase)
                && entry.Value is ConfigMap admin && NameOf(admin, nameKey!) is { } adminName && keys.Contains(adminName))
            {
                continue;
            }
            if (!entry.Key.Equals(topKey, StringComparison.OrdinalIgnoreCase))
            {
                rootEntries.Add(entry);
                continue;
            }
            found = true;
            rootEntries.Add(entry with { Value = Merge(entry.Value, nameKey, keys, entries, position) });
        }
        if (!found) rootEntries.Add(new ConfigMapEntry(topKey, position, Merge(null, nameKey, keys, entries, position)));
        return new ConfigMap(root.Position, rootEntries);
    }

    private static ConfigNode Merge(ConfigNode? existing, string? nameKey, HashSet<string> keys, IReadOnlyList<(string Key, ConfigMap Entry)> entries, SourcePosition position)
    {
        if (nameKey is null)
        {
            var kept = existing is ConfigMap map ? map.Entries.Where(e => !keys.Contains(e.Key)) : [];
            return new ConfigMap(existing?.Position ?? position, kept.Concat(entries.Select(e => new ConfigMapEntry(e.Key, e.Entry.Position, e.Entry))));
        }
        var items = existing is ConfigList list
            ? list.Items.Where(i => !(i is ConfigMap m && NameOf(m, nameKey) is { } n && keys.Contains(n)))
            : existing is ConfigMap single && !(NameOf(single, nameKey) is { } sn && keys.Contains(sn)) ? [single] : [];
        return new ConfigList(existing?.Position ?? position, items.Concat(entries.Select(e => (ConfigNode)e.Entry)));
    }

    /// <summary>The name an entry declares (a Lex V2 bot without Name is named by its AliasArn).</summary>
    private static string? NameOf(ConfigMap entry, string nameKey) =>
        (entry[nameKey] as ConfigScalar)?.Value as string ?? (nameKey == "Name" ? (entry["AliasArn"] as ConfigScalar)?.Value as string : null);
}
