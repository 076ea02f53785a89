using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectOps.Engine.Migration.Terraform;

/// <summary>One instance of a resource or data source in a Terraform state (format version 4).</summary>
/// <param name="Mode">"managed" (a resource) or "data" (a data source).</param>
/// <param name="Module">The module path (<c>module.connect</c>, <c>module.a.module.b</c>), or null at the root.</param>
/// <param name="IndexKey">A for_each key (string), a count index (number), or null.</param>
/// <param name="Sensitive">Top-level attribute names Terraform recorded as sensitive.</param>
public sealed record TerraformInstance(
    string Mode,
    string Type,
    string Name,
    string? Module,
    JsonNode? IndexKey,
    JsonObject Attributes,
    IReadOnlySet<string> Sensitive)
{
    public bool IsData => Mode == "data";

    /// <summary>The address Terraform prints: <c>module.connect.aws_connect_queue.queues["support"]</c>.</summary>
    public string Address
    {
        get
        {
            var sb = new StringBuilder();
            if (Module is not null) sb.Append(Module).Append('.');
            if (IsData) sb.Append("data.");
            sb.Append(Type).Append('.').Append(Name);
            if (IndexKey is JsonValue v && v.GetValueKind() == JsonValueKind.String) sb.Append("[\"").Append(v.GetValue<string>()).Append("\"]");
            else if (IndexKey is not null) sb.Append('[').Append(IndexKey.ToJsonString()).Append(']');
            return sb.ToString();
        }
    }

    /// <summary>
    /// The key this instance keeps in ConnectOps: the for_each key, the resource name with the count index
    /// (<c>numbers_0</c>), or the resource name.
    /// </summary>
    public string Key => IndexKey switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => $"{Name}_{v.ToJsonString()}",
        _ => Name,
    };
}

/// <summary>
/// Reads a terraform.tfstate (format version 4): <c>version</c>, <c>terraform_version</c>, <c>serial</c>,
/// <c>lineage</c>, <c>outputs</c> and <c>resources[]</c>, each with <c>mode</c>, <c>type</c>, <c>name</c>, optional
/// <c>module</c>, <c>provider</c> and <c>instances[]</c> (<c>index_key</c>, <c>schema_version</c>, <c>attributes</c>,
/// <c>sensitive_attributes</c>). Anything else is a <see cref="TerraformMigrationException"/> naming the file.
/// </summary>
public static class TerraformStateReader
{
    public const int SupportedVersion = 4;

    public static IReadOnlyList<TerraformInstance> Parse(byte[] content, string source)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(content, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException ex)
        {
            throw new TerraformMigrationException("ConnectOps.Terraform.NotJson",
                $"{source} is not a Terraform state: it is not valid JSON ({ex.Message}). Give the terraform.tfstate file itself, or pull it with 'terraform state pull > terraform.tfstate'. Nothing was written.",
                source, ex);
        }
        if (root is not JsonObject doc)
        {
            throw new TerraformMigrationException("ConnectOps.Terraform.NotJson",
                $"{source} is not a Terraform state: the JSON is not an object. Give the terraform.tfstate file itself. Nothing was written.", source);
        }
        var version = doc["version"] is JsonValue vv && vv.TryGetValue<int>(out var n) ? n : (int?)null;
        if (version != SupportedVersion)
        {
            var found = version is null ? "no 'version'" : $"format version {version.Value.ToString(CultureInfo.InvariantCulture)}";
            throw new TerraformMigrationException("ConnectOps.Terraform.UnsupportedVersion",
                $"{source} has {found}; only Terraform state format version {SupportedVersion} (Terraform 0.12 and later) can be migrated. " +
                "Upgrade it first: run 'terraform init' and 'terraform apply -refresh-only' with Terraform 0.12 or later, then 'terraform state pull'. Nothing was written.", source);
        }
        if (doc["resources"] is not JsonArray resources)
        {
            if (doc["resources"] is null) return [];
            throw new TerraformMigrationException("ConnectOps.Terraform.Malformed",
                $"{source}: 'resources' is not a list. The file is damaged; pull a fresh copy with 'terraform state pull'. Nothing was written.", source);
        }
        var result = new List<TerraformInstance>();
        for (var i = 0; i < resources.Count; i++)
        {
            if (resources[i] is not JsonObject r) throw Malformed(source, $"resources[{i}] is not an object");
            var mode = Text(r, "mode") ?? throw Malformed(source, $"resources[{i}] has no 'mode'");
            var type = Text(r, "type") ?? throw Malformed(source, $"resources[{i}] has no 'type'");
            var name = Text(r, "name") ?? throw Malformed(source, $"resources[{i}] has no 'name'");
            var module = Text(r, "module");
            if (r["instances"] is not JsonArray instances) continue;
            foreach (var node in instances)
            {
                if (node is not JsonObject inst) throw Malformed(source, $"an instance of {type}.{name} is not an object");
                var attributes = inst["attributes"] as JsonObject ?? new JsonObject();
                result.Add(new TerraformInstance(mode, type, name, module, inst["index_key"]?.DeepClone(), (JsonObject)attributes.DeepClone(), SensitiveNames(inst["sensitive_attributes"])));
            }
        }
        return result;
    }

    private static TerraformMigrationException Malformed(string source, string what) =>
        new("ConnectOps.Terraform.Malformed", $"{source}: {what}. The file is damaged; pull a fresh copy with 'terraform state pull'. Nothing was written.", source);

    private static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>
    /// The first step of each sensitive path: <c>[[{"type":"get_attr","value":"password"}]]</c> (Terraform 0.15 to
    /// 1.9) or <c>[{"type":"get_attr","value":"password"}]</c> lists.
    /// </summary>
    private static HashSet<string> SensitiveNames(JsonNode? node)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (node is not JsonArray paths) return names;
        foreach (var path in paths)
        {
            var first = path is JsonArray steps && steps.Count > 0 ? steps[0] : path;
            if (first is JsonObject step && step["value"] is JsonValue v && v.GetValueKind() == JsonValueKind.String) names.Add(v.GetValue<string>());
        }
        return names;
    }
}
