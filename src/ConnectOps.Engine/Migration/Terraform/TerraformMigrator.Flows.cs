using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectOps.Engine.Addressing;

namespace ConnectOps.Engine.Migration.Terraform;

public static partial class TerraformMigrator
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>
    /// Each flow's content goes to flows/&lt;name&gt;.json and its entry names the file. String values that are the ARN of
    /// a migrated resource (or of the instance) become <c>${Component/key}</c> placeholders, so the flow follows its
    /// resources by key; other ARNs stay literal (the planner compares them as the instance's own).
    /// </summary>
    private static Dictionary<string, string> WriteFlows(JsonObject config, List<Item> items, Context ctx)
    {
        var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (config["ContactFlows"] is not JsonArray flows) return files;
        var placeholders = new Dictionary<string, string>(StringComparer.Ordinal) { [ctx.InstanceArn] = "${Instance}" };
        foreach (var item in items.Where(i => i.Arn is not null && i.Address.Key is { } k && !k.Contains('}') && !k.Contains('#')
                                             && i.Map.Component is not (Component.HierarchyStructure or Component.LexBots or Component.Instance)))
        {
            placeholders.TryAdd(item.Arn!, $"${{{item.Address}}}");
        }
        foreach (var entry in flows.OfType<JsonObject>())
        {
            var name = Text(entry["Name"]) ?? "flow";
            var content = Text(entry["Path"]) ?? "{}";
            var file = UniqueFile(files, Slug(name));
            string text;
            try
            {
                var node = JsonNode.Parse(content);
                text = Replace(node, placeholders)?.ToJsonString(Indented) ?? content;
            }
            catch (JsonException)
            {
                ctx.Warnings.Add($"ContactFlows/{name}: the content in the Terraform state is not valid JSON; it was written to {file} as it is.");
                text = content;
            }
            files[file] = text.ReplaceLineEndings("\n") + "\n";
            entry["Path"] = "./" + file;
        }
        return files;
    }

    private static JsonNode? Replace(JsonNode? node, Dictionary<string, string> placeholders)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o.ToList()) o[k] = Replace(v?.DeepClone(), placeholders);
                return o;
            case JsonArray a:
                return new JsonArray(a.Select(x => Replace(x?.DeepClone(), placeholders)).ToArray());
            case JsonValue v when Text(v) is { } s && placeholders.TryGetValue(s, out var p):
                return JsonValue.Create(p);
            default:
                return node;
        }
    }

    private static string UniqueFile(Dictionary<string, string> taken, string slug)
    {
        var file = $"flows/{slug}.json";
        for (var n = 2; taken.ContainsKey(file); n++) file = $"flows/{slug}-{n}.json";
        return file;
    }

    /// <summary>A file name from a flow name: lower case letters and digits, other runs as one '-'.</summary>
    private static string Slug(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? "flow" : slug;
    }
}
