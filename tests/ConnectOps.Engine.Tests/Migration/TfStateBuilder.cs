using System.Text.Json.Nodes;

namespace ConnectOps.Engine.Tests.Migration;

/// <summary>Writes a Terraform state (format version 4) the way Terraform lays one out: resources grouped by type and name, one instance per key.</summary>
internal sealed class TfStateBuilder
{
    private readonly JsonArray _resources = [];

    public TfStateBuilder Add(string type, string name, JsonObject attributes, JsonNode? key = null, string mode = "managed", string? module = null, params string[] sensitive)
    {
        var resource = _resources.OfType<JsonObject>().FirstOrDefault(r =>
            r["type"]!.GetValue<string>() == type && r["name"]!.GetValue<string>() == name && r["mode"]!.GetValue<string>() == mode && r["module"]?.GetValue<string>() == module);
        if (resource is null)
        {
            resource = new JsonObject();
            if (module is not null) resource["module"] = module;
            resource["mode"] = mode;
            resource["type"] = type;
            resource["name"] = name;
            resource["provider"] = "provider[\"registry.terraform.io/hashicorp/aws\"]";
            resource["instances"] = new JsonArray();
            _resources.Add(resource);
        }
        var instance = new JsonObject();
        if (key is not null) instance["index_key"] = key.DeepClone();
        instance["schema_version"] = 0;
        instance["attributes"] = attributes;
        instance["sensitive_attributes"] = new JsonArray(sensitive.Select(s => (JsonNode)new JsonArray(new JsonObject { ["type"] = "get_attr", ["value"] = s })).ToArray());
        resource["instances"]!.AsArray().Add(instance);
        return this;
    }

    public byte[] Bytes() => System.Text.Encoding.UTF8.GetBytes(new JsonObject
    {
        ["version"] = 4,
        ["terraform_version"] = "1.9.8",
        ["serial"] = 12,
        ["lineage"] = Guid.NewGuid().ToString(),
        ["outputs"] = new JsonObject(),
        ["resources"] = _resources.DeepClone(),
    }.ToJsonString());
}
