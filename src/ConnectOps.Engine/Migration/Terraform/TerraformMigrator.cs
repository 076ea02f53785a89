using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Imperative;
using ConnectOps.Engine.Reconcilers.Framework;
using ConnectOps.Engine.State;

namespace ConnectOps.Engine.Migration.Terraform;

/// <summary>
/// Turns the instances of a Terraform state into a ConnectOps config and the ids to adopt, using the per-type tables
/// in <see cref="TerraformMappings"/>: one mechanism for every type. References between resources (AWS ids in the
/// Terraform state) become the keys of the migrated resources, or the names data sources give built-ins; a reference
/// that resolves to neither is an error, so the config never carries a raw id.
/// </summary>
public static partial class TerraformMigrator
{
    private sealed record Item(TerraformInstance Tf, TerraformMapping Map, ResourceAddress Address, string Id, string? Arn);

    private sealed class Context(string source, string instanceArn)
    {
        public string Source { get; } = source;
        public string InstanceArn { get; } = instanceArn;
        public string Account { get; } = instanceArn.Split(':') is { Length: > 4 } p ? p[4] : "";

        /// <summary>(component, AWS id / ARN / provider id) → config key.</summary>
        public Dictionary<(Component, string), string> Keys { get; } = [];

        public List<string> Unresolved { get; } = [];
        public List<string> Warnings { get; } = [];
    }

    public static TerraformMigration Build(IReadOnlyList<TerraformInstance> instances, string source)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var skipped = new List<SkippedResource>();
        var managed = new List<(TerraformInstance Tf, TerraformMapping Map)>();
        static TerraformMapping? MapOf(TerraformInstance tf) => TerraformMappings.All.FirstOrDefault(m => m.Type == tf.Type);
        // Resources that must belong to a migrated one (a policy attachment to the service role) come last.
        foreach (var tf in instances.Where(i => !i.IsData).OrderBy(i => MapOf(i)?.Match?.AdoptedIn is null ? 0 : 1))
        {
            var map = MapOf(tf);
            if (map is null) skipped.Add(new SkippedResource(tf.Address, tf.Type, SkipReason(tf.Type)));
            else if (map.Match is { } match && !Matches(tf, match, managed)) skipped.Add(new SkippedResource(tf.Address, tf.Type, match.Reason));
            else if (map.FoldedInto is not null) { managed.Add((tf, map)); skipped.Add(new SkippedResource(tf.Address, tf.Type, map.FoldedInto)); }
            else managed.Add((tf, map));
        }

        var (instanceId, instanceArn) = FindInstance(instances, source);
        var ctx = new Context(source, instanceArn);
        CheckOneInstance(managed.Select(m => m.Tf), instanceId, source);

        // Addresses, ids and the reference index.
        var items = new List<Item>();
        var byAddress = new Dictionary<ResourceAddress, Item>();
        foreach (var (tf, map) in managed.Where(m => m.Map.FoldedInto is null))
        {
            var address = AddressOf(tf, map, ctx);
            var id = IdOf(tf, map, ctx) ?? throw new TerraformMigrationException("ConnectOps.Terraform.Malformed",
                $"{source}: {tf.Address} has no id ({map.IdPath ?? "id"}). The state is incomplete; run 'terraform apply -refresh-only' and pull it again. Nothing was written.", tf.Address);
            var arn = map.ArnFormat is not null ? Format(map.ArnFormat, tf, ctx) : map.ArnPath is not null ? Text(Navigate(tf.Attributes, map.ArnPath)) : null;
            var item = new Item(tf, map, address, id, arn);
            if (byAddress.TryGetValue(address, out var other))
            {
                throw new TerraformMigrationException("ConnectOps.Terraform.DuplicateAddress",
                    $"{source}: {other.Tf.Address} and {tf.Address} both become {address} in ConnectOps (the config names {address.Component} by " +
                    $"{(map.Placement == Placement.NamedList ? "their name" : "their Terraform key")}). Rename one in Terraform (terraform state mv, or change its name and apply), then migrate again. Nothing was written.",
                    tf.Address);
            }
            byAddress[address] = item;
            items.Add(item);
            Register(ctx, map.Component, address.Key ?? "", id, arn, Text(tf.Attributes["id"]));
        }
        // Data sources name built-ins (and resources made elsewhere) by id: references to them use the name.
        foreach (var tf in instances.Where(i => i.IsData))
        {
            var map = TerraformMappings.All.FirstOrDefault(m => m.Type == tf.Type && m.FoldedInto is null);
            if (map is not { Placement: Placement.NamedList }) continue;
            if (Text(Navigate(tf.Attributes, map.NamePath)) is not { } name || IdOf(tf, map, ctx) is not { } id) continue;
            Register(ctx, map.Component, name, id, Text(Navigate(tf.Attributes, "arn")), Text(tf.Attributes["id"]), overwrite: false);
        }

        var addressOf = new Dictionary<TerraformInstance, ResourceAddress>(ReferenceEqualityComparer.Instance);
        foreach (var item in items) addressOf[item.Tf] = item.Address;
        var globalTags = SharedTags(items);
        var config = new JsonObject
        {
            ["Region"] = RegionOf(instanceArn),
            ["State"] = new JsonObject { ["Backend"] = "Local" },
        };
        var instance = new JsonObject();
        config["Instance"] = instance;
        if (globalTags.Count > 0) config["Tags"] = Tags(globalTags);

        // The instance's own keys first, then every resource's entry; the IAM role and log group fold theirs into the
        // instance, and associations (policy attachments, a number's flow) into the entry they belong to, last.
        var entries = new Dictionary<ResourceAddress, JsonObject>();
        foreach (var (tf, map) in managed.OrderBy(m => m.Map.Component == Component.Instance ? 0 : m.Map.FoldTargetPath is null ? 1 : 2))
        {
            var entry = Entry(tf, map, ctx);
            if (map.FoldedInto is null && map.Taggable && TagsOf(tf, globalTags) is { Count: > 0 } own) entry["Tags"] = Tags(own);
            if (map.FoldTargetPath is not null)
            {
                var targetId = Text(Navigate(tf.Attributes, map.FoldTargetPath)) ?? "";
                if (ctx.Keys.TryGetValue((map.Component, targetId), out var key) && entries.TryGetValue(new ResourceAddress(map.Component, key), out var target))
                    Fold(target, $"{map.Component}/{key}", entry, tf, ctx);
                else ctx.Unresolved.Add($"{tf.Address}: {map.FoldTargetPath} = '{targetId}' ({map.Component})");
                continue;
            }
            if (map.FoldedInto is not null || map.Placement == Placement.Instance)
            {
                Fold(instance, "Instance", entry, tf, ctx);
                continue;
            }
            Place(config, map, addressOf[tf], entry);
            entries[addressOf[tf]] = entry;
        }
        if (!instance.ContainsKey("Alias")) instance.Insert(0, "Id", instanceId);

        if (ctx.Unresolved.Count > 0)
        {
            throw new TerraformMigrationException("ConnectOps.Terraform.UnresolvedReference",
                $"{source}: {ctx.Unresolved.Count} reference(s) name AWS ids that no migrated resource and no data source has, so the config cannot name them by key:" +
                Environment.NewLine + string.Join(Environment.NewLine, ctx.Unresolved.Select(u => "  " + u)) + Environment.NewLine +
                "Add a data source for each (for a built-in such as 'Basic Hours': data \"aws_connect_hours_of_operation\" with its name), run 'terraform apply -refresh-only', and migrate the new state. Nothing was written.",
                source);
        }

        var flows = WriteFlows(config, items, ctx);
        return new TerraformMigration
        {
            Source = source,
            Config = Ordered(config),
            FlowFiles = flows,
            Instance = new InstanceState(instanceId, instanceArn, RegionOf(instanceArn), ctx.Account),
            Adopted = items.Select(i => new AdoptedResource(i.Tf.Address, i.Tf.Type, i.Address, i.Id)).ToList(),
            Skipped = skipped,
            Warnings = ctx.Warnings,
            Identities = items.ToDictionary(i => i.Address, i => (i.Id, i.Arn)),
        };
    }

    private static bool Matches(TerraformInstance tf, MatchRule match, List<(TerraformInstance Tf, TerraformMapping Map)> managed)
    {
        var value = Text(Navigate(tf.Attributes, match.Path)) ?? "";
        if (match.Contains is not null && !value.Contains(match.Contains, StringComparison.OrdinalIgnoreCase)) return false;
        return match.AdoptedIn is not { } component || managed.Any(m =>
            m.Map.Component == component && m.Map.FoldedInto is null && Text(Navigate(m.Tf.Attributes, m.Map.IdPath ?? "id")) == value);
    }

    private static string SkipReason(string type) =>
        TerraformMappings.Skipped.TryGetValue(type, out var reason) ? reason
        : type.StartsWith("aws_connect_", StringComparison.Ordinal) ? $"{type} is not managed by ConnectOps: it stays as it is in AWS"
        : $"not an Amazon Connect resource: ConnectOps leaves {type} to Terraform";

    /// <summary>The instance: the managed aws_connect_instance, else a data source, else the instance_id every resource carries.</summary>
    private static (string Id, string Arn) FindInstance(IReadOnlyList<TerraformInstance> instances, string source)
    {
        var managed = instances.Where(i => !i.IsData && i.Type == "aws_connect_instance").ToList();
        if (managed.Count > 1)
        {
            throw new TerraformMigrationException("ConnectOps.Terraform.SeveralInstances",
                $"{source} holds {managed.Count} Connect instances ({string.Join(", ", managed.Select(m => m.Address))}); one ConnectOps config manages one instance. " +
                "Split the state first (terraform state mv into one state per instance) and migrate each. Nothing was written.", source);
        }
        var candidates = managed.Concat(instances.Where(i => i.IsData && i.Type == "aws_connect_instance"));
        foreach (var i in candidates)
        {
            if (Text(i.Attributes["id"]) is { } id && Text(i.Attributes["arn"]) is { } arn) return (id, arn);
        }
        // Resources of an instance made elsewhere: the id from instance_id, the ARN from any resource ARN under it.
        var instanceId = instances.Select(i => Text(i.Attributes["instance_id"])).FirstOrDefault(s => s is not null);
        var arnUnder = instances.Select(i => Text(i.Attributes["arn"])).FirstOrDefault(a => instanceId is not null && a is not null && a.Contains($":instance/{instanceId}", StringComparison.Ordinal));
        if (instanceId is not null && arnUnder is not null) return (instanceId, arnUnder[..(arnUnder.IndexOf($":instance/{instanceId}", StringComparison.Ordinal) + $":instance/{instanceId}".Length)]);
        throw new TerraformMigrationException("ConnectOps.Terraform.NoInstance",
            $"{source} holds no Amazon Connect instance (no aws_connect_instance resource or data source, and no resource that names one), so there is nothing to migrate. " +
            "Check that this is the state of the Connect module. Nothing was written.", source);
    }

    private static void CheckOneInstance(IEnumerable<TerraformInstance> managed, string instanceId, string source)
    {
        var stray = managed.FirstOrDefault(m => Text(m.Attributes["instance_id"]) is { } other && other != instanceId);
        if (stray is not null)
        {
            throw new TerraformMigrationException("ConnectOps.Terraform.SeveralInstances",
                $"{source}: {stray.Address} belongs to instance {Text(stray.Attributes["instance_id"])}, not {instanceId}; one ConnectOps config manages one instance. " +
                "Split the state per instance (terraform state mv) and migrate each. Nothing was written.", stray.Address);
        }
    }

    private static ResourceAddress AddressOf(TerraformInstance tf, TerraformMapping map, Context ctx)
    {
        if (ResourceAddress.IsSingleton(map.Component)) return new ResourceAddress(map.Component, null);
        if (map.FixedKey is not null) return new ResourceAddress(map.Component, map.FixedKey);
        if (map.Placement == Placement.KeyedMap) return new ResourceAddress(map.Component, tf.Key);
        var name = Text(Navigate(tf.Attributes, map.NamePath)) ?? throw new TerraformMigrationException("ConnectOps.Terraform.Malformed",
            $"{ctx.Source}: {tf.Address} has no {map.NamePath}. The state is incomplete; run 'terraform apply -refresh-only' and pull it again. Nothing was written.", tf.Address);
        return new ResourceAddress(map.Component, name);
    }

    private static string? IdOf(TerraformInstance tf, TerraformMapping map, Context ctx)
    {
        if (map.IdFormat is not null) return Format(map.IdFormat, tf, ctx);
        if (map.IdPath is not null) return Text(Navigate(tf.Attributes, map.IdPath));
        return Text(tf.Attributes["id"]) is { } composite ? composite[(composite.LastIndexOf(':') + 1)..] : null;
    }

    private static string? Format(string template, TerraformInstance tf, Context ctx)
    {
        var missing = false;
        var result = Placeholder().Replace(template, m => m.Groups[1].Value switch
        {
            "account" => ctx.Account,
            "instance_arn" => ctx.InstanceArn,
            var path => Text(Navigate(tf.Attributes, path)) ?? Missing(ref missing),
        });
        return missing ? null : result;
    }

    private static string Missing(ref bool missing)
    {
        missing = true;
        return "";
    }

    private static void Register(Context ctx, Component component, string key, string id, string? arn, string? providerId, bool overwrite = true)
    {
        foreach (var value in new[] { id, arn, providerId })
        {
            if (string.IsNullOrEmpty(value)) continue;
            if (overwrite) ctx.Keys[(component, value)] = key;
            else ctx.Keys.TryAdd((component, value), key);
        }
    }

    /// <summary>One resource's config keys, from its mapping's rules.</summary>
    private static JsonObject Entry(TerraformInstance tf, TerraformMapping map, Context ctx)
    {
        var entry = new JsonObject();
        if (map.NameKey is not null) entry[map.NameKey] = Text(Navigate(tf.Attributes, map.NamePath));
        Apply(map.Rules, tf.Attributes, entry, tf, ctx, "");
        foreach (var secret in map.Secrets.Concat(tf.Sensitive).Distinct(StringComparer.Ordinal))
        {
            if (tf.Attributes[secret] is { } value && !ConfigEntries.IsEmpty(value))
                ctx.Warnings.Add($"{tf.Address}: the sensitive attribute '{secret}' was dropped, never copied{(map.SecretAdvice is null ? "." : $": {map.SecretAdvice}.")}");
        }
        return entry;
    }

    private static void Apply(IReadOnlyList<Rule> rules, JsonObject source, JsonObject entry, TerraformInstance tf, Context ctx, string prefix)
    {
        foreach (var rule in rules)
        {
            if (entry.ContainsKey(rule.Key)) continue;
            var value = rule switch
            {
                ValueRule v when tf.Sensitive.Contains(v.Path.Split('.')[0]) => null,
                ValueRule v => Convert(Navigate(source, v.Path), v.Kind),
                ReferenceRule r => Reference(r, Navigate(source, r.Path), tf, ctx, prefix),
                BlocksRule b => Blocks(b, source, tf, ctx, prefix),
                CollectRule c => Collect(c, source),
                _ => null,
            };
            if (value is not null) entry[rule.Key] = value;
        }
    }

    private static JsonNode? Convert(JsonNode? node, ValueKind kind) => kind switch
    {
        // A block (a list of one) or a one-value list (managed_policy_arns) gives its first value.
        not ValueKind.Texts when node is JsonArray { Count: > 0 } list => Convert(list[0], kind),
        ValueKind.Text or ValueKind.FlowContent => Text(node) is { Length: > 0 } s ? JsonValue.Create(s) : null,
        ValueKind.Number => Number(node) is { } n and not 0 ? JsonValue.Create(n) : null,
        ValueKind.Flag => node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? JsonValue.Create(v.GetValueKind() == JsonValueKind.True) : null,
        ValueKind.Time => node is JsonObject t && Number(t["hours"]) is { } h && Number(t["minutes"]) is { } m
            ? JsonValue.Create(string.Create(CultureInfo.InvariantCulture, $"{h:00}:{m:00}")) : null,
        ValueKind.Texts => node is JsonArray a && a.Count > 0 ? new JsonArray(a.Select(x => (JsonNode?)JsonValue.Create(Text(x))).ToArray()) : null,
        _ => null,
    };

    private static JsonNode? Reference(ReferenceRule rule, JsonNode? node, TerraformInstance tf, Context ctx, string prefix)
    {
        string? KeyOf(string? id)
        {
            if (string.IsNullOrEmpty(id)) return null;
            if (ctx.Keys.TryGetValue((rule.Target, id), out var key)) return key;
            ctx.Unresolved.Add($"{tf.Address}: {prefix}{rule.Path} = '{id}' ({rule.Target})");
            return null;
        }
        if (rule.Many)
        {
            var ids = node is JsonArray a ? a.Select(Text).ToList() : [Text(node)];
            var keys = ids.Select(KeyOf).OfType<string>().OrderBy(k => k, StringComparer.Ordinal).ToList();
            return keys.Count > 0 ? new JsonArray(keys.Select(k => (JsonNode?)JsonValue.Create(k)).ToArray()) : null;
        }
        return KeyOf(Text(node)) is { } single ? JsonValue.Create(single) : null;
    }

    private static JsonArray? Blocks(BlocksRule rule, JsonObject source, TerraformInstance tf, Context ctx, string prefix)
    {
        if (source[rule.Path] is not JsonArray blocks || blocks.Count == 0) return null;
        var result = new JsonArray();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not JsonObject block) continue;
            var item = new JsonObject();
            Apply(rule.Rules, block, item, tf, ctx, $"{prefix}{rule.Path}[{i}].");
            result.Add(item);
        }
        return result;
    }

    private static JsonArray? Collect(CollectRule rule, JsonObject source)
    {
        var values = rule.Paths.Select(p => Text(Navigate(source, p))).OfType<string>().ToList();
        return values.Count > 0 ? new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()) : null;
    }

    /// <summary>Adds an entry's keys to another's (<paramref name="label"/> names it in warnings); a key set to another value stays.</summary>
    private static void Fold(JsonObject target, string label, JsonObject entry, TerraformInstance tf, Context ctx)
    {
        foreach (var (key, value) in entry.ToList())
        {
            if (value is null) continue;
            if (target[key] is { } existing && !JsonNode.DeepEquals(existing, value))
            {
                ctx.Warnings.Add($"{tf.Address}: {label}.{key} is already '{JsonValues.Display(existing)}'; ConnectOps takes one value, so '{JsonValues.Display(value)}' was not used.");
                continue;
            }
            entry.Remove(key);
            target[key] = value;
        }
    }

    private static void Place(JsonObject config, TerraformMapping map, ResourceAddress address, JsonObject entry)
    {
        var top = TopKey(map.Component);
        switch (map.Placement)
        {
            case Placement.NamedList:
                if (config[top] is not JsonArray list) config[top] = list = [];
                list.Add(entry);
                break;
            case Placement.KeyedMap:
                if (config[top] is not JsonObject keyed) config[top] = keyed = [];
                keyed[address.Key!] = entry;
                break;
            case Placement.TopLevel:
                foreach (var (key, value) in entry.ToList())
                {
                    entry.Remove(key);
                    config[key] = value;
                }
                break;
        }
    }

    private static string TopKey(Component component) => component.ToString();

    /// <summary>Top-level keys in the order the examples use; entries sorted by key so the file diffs well.</summary>
    private static JsonObject Ordered(JsonObject config)
    {
        string[] order = ["Region", "State", "Instance", "Tags", .. ConfigEntries.ComponentOrder.Select(TopKey)];
        // The instance's tags last, after the keys the IAM role and log group folded in.
        if (config["Instance"] is JsonObject instance && instance["Tags"] is { } tags)
        {
            instance.Remove("Tags");
            instance["Tags"] = tags;
        }
        var result = new JsonObject();
        foreach (var key in order.Where(config.ContainsKey))
        {
            var value = config[key];
            config.Remove(key);
            result[key] = value switch
            {
                JsonArray list when key != "HierarchyStructure" => SortList(list),
                JsonObject map when key is "QuickConnects" or "PhoneNumbers" or "LambdaFunctions" => SortMap(map),
                _ => value,
            };
        }
        return result;
    }

    private static JsonArray SortList(JsonArray list)
    {
        var items = list.ToList();
        list.Clear();
        return new JsonArray(items.OrderBy(i => Text(i?["Name"] ?? i?["Username"]), StringComparer.Ordinal).ToArray());
    }

    private static JsonObject SortMap(JsonObject map)
    {
        var items = map.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        map.Clear();
        var result = new JsonObject();
        foreach (var (k, v) in items) result[k] = v;
        return result;
    }

    /// <summary>Tags every taggable resource has with the same value (provider default_tags): the config's top-level Tags.</summary>
    private static Dictionary<string, string> SharedTags(List<Item> items)
    {
        var tagged = items.Where(i => i.Map.Taggable).Select(i => AllTags(i.Tf)).ToList();
        if (tagged.Count < 2) return [];
        var shared = new Dictionary<string, string>(tagged[0], StringComparer.Ordinal);
        foreach (var tags in tagged.Skip(1))
        {
            foreach (var key in shared.Keys.ToList())
            {
                if (!tags.TryGetValue(key, out var v) || v != shared[key]) shared.Remove(key);
            }
        }
        return shared;
    }

    private static Dictionary<string, string> TagsOf(TerraformInstance tf, Dictionary<string, string> shared) =>
        AllTags(tf).Where(p => !(shared.TryGetValue(p.Key, out var v) && v == p.Value)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    private static Dictionary<string, string> AllTags(TerraformInstance tf)
    {
        var node = tf.Attributes["tags_all"] as JsonObject ?? tf.Attributes["tags"] as JsonObject;
        return node?.Where(p => Text(p.Value) is not null).ToDictionary(p => p.Key, p => Text(p.Value)!, StringComparer.Ordinal) ?? [];
    }

    private static JsonObject Tags(Dictionary<string, string> tags)
    {
        var node = new JsonObject();
        foreach (var (k, v) in tags.OrderBy(p => p.Key, StringComparer.Ordinal)) node[k] = v;
        return node;
    }

    /// <summary>Follows a dotted path; a list on the way (a Terraform block) is entered at its first element.</summary>
    internal static JsonNode? Navigate(JsonNode? node, string path)
    {
        foreach (var step in path.Split('.'))
        {
            while (node is JsonArray a) node = a.Count > 0 ? a[0] : null;
            node = node is JsonObject o ? o[step] : null;
        }
        return node;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static long? Number(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? JsonValues.AsLong(v) : null;

    private static string RegionOf(string arn) => arn.Split(':') is { Length: > 3 } p ? p[3] : "";

    [GeneratedRegex(@"\{([a-z_.]+)\}")]
    private static partial Regex Placeholder();
}
