using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Config;
using ConnectOps.Engine.Export;
using ConnectOps.Engine.Reconcilers.ContactFlows;

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
        var fileNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (config["ContactFlows"] is not JsonArray flows) return files;
        var placeholders = new Dictionary<string, string>(StringComparer.Ordinal) { [ctx.InstanceArn] = FlowPlaceholders.Format(ResourceAddress.Instance) };
        foreach (var item in items.Where(i => i.Arn is not null && i.Address.Key is { } k && !k.Contains('}') && !k.Contains('#')
                                             && i.Map.Component is not (Component.HierarchyStructure or Component.LexBots or Component.Instance)))
        {
            placeholders.TryAdd(item.Arn!, FlowPlaceholders.Format(item.Address));
        }
        foreach (var entry in flows.OfType<JsonObject>())
        {
            var name = Text(entry["Name"]) ?? "flow";
            var content = Text(entry["Path"]) ?? "{}";
            var file = "flows/" + ExportKeys.FlowFile(name, fileNames);
            string text;
            try
            {
                var node = JsonNode.Parse(content);
                text = FlowContent.MapStrings(node, v => placeholders.TryGetValue(v, out var placeholder) ? placeholder : v)?.ToJsonString(Indented) ?? content;
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
}
