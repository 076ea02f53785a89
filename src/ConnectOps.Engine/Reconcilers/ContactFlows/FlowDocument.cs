using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectOps.Engine.Reconcilers.ContactFlows;

/// <summary>
/// A flow file as people have them: the bare flow language (<c>{ "Version", "StartAction", "Actions" }</c>), the
/// AWS CLI's <c>describe-contact-flow</c> output (<c>{ "ContactFlow": { "Name", "Type", "Content": "..." } }</c>),
/// or an export/IaC wrapper <c>{ "Name", "Type", "Content" }</c>. In both wrappers Content may be the flow as a
/// JSON string (what the API returns) or as an object. <see cref="Read"/> finds the flow inside.
/// </summary>
public sealed class FlowDocument
{
    /// <summary>The flow language object (null when the text is not JSON or holds no object).</summary>
    public JsonObject? Flow { get; private init; }

    /// <summary>The wrapper's Type, when a wrapper says one (compared with the config's).</summary>
    public string? DeclaredType { get; private init; }

    /// <summary>Where the flow sits in the file: "" (bare), "Content" or "ContactFlow.Content".</summary>
    public string Prefix { get; private init; } = "";

    /// <summary>True when Content is a JSON string: positions inside it are those of the string in the file.</summary>
    public bool Embedded { get; private init; }

    /// <summary>Why there is no flow (not JSON, Content that is not a flow …).</summary>
    public string? Error { get; private init; }

    public JsonPositions Positions { get; private init; } = JsonPositions.Empty;

    /// <summary>The file position of a path inside the flow (<c>Actions[2].Identifier</c>).</summary>
    public (int Line, int Column)? PositionOf(string flowPath)
    {
        if (Embedded) return Positions.Find(Prefix);
        var full = Prefix.Length == 0 ? flowPath : flowPath.Length == 0 ? Prefix : $"{Prefix}.{flowPath}";
        return Positions.Find(full);
    }

    public static FlowDocument Read(string text)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            return new FlowDocument { Error = $"The flow content is not valid JSON: {e.Message}" };
        }
        if (root is not JsonObject obj) return new FlowDocument { Error = "Flow content must be a JSON object." };
        var positions = JsonPositions.Index(text);

        if (obj["ContactFlow"] is JsonObject describe && !IsFlowLanguage(obj))
            return Unwrap(describe, "ContactFlow", positions);
        if (obj.ContainsKey("Content") && !IsFlowLanguage(obj))
            return Unwrap(obj, "", positions);
        return new FlowDocument { Flow = obj, Positions = positions };
    }

    /// <summary>The bare flow of <paramref name="text"/> (for callers that already validated it).</summary>
    public static JsonObject? FlowOf(string text) => Read(text).Flow;

    private static bool IsFlowLanguage(JsonObject obj) => obj.ContainsKey("Actions") || obj.ContainsKey("StartAction") || obj.ContainsKey("Version");

    private static FlowDocument Unwrap(JsonObject wrapper, string path, JsonPositions positions)
    {
        var type = wrapper["Type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : null;
        var prefix = path.Length == 0 ? "Content" : $"{path}.Content";
        switch (wrapper["Content"])
        {
            case JsonObject inner:
                return new FlowDocument { Flow = inner, DeclaredType = type, Prefix = prefix, Positions = positions };
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                try
                {
                    if (JsonNode.Parse(value.GetValue<string>()) is JsonObject parsed)
                        return new FlowDocument { Flow = parsed, DeclaredType = type, Prefix = prefix, Embedded = true, Positions = positions };
                    return new FlowDocument { Error = $"{prefix} must hold a flow (a JSON object), not another JSON value.", Prefix = prefix, Embedded = true, Positions = positions };
                }
                catch (JsonException e)
                {
                    return new FlowDocument { Error = $"{prefix} is a string that is not valid flow JSON: {e.Message}", Prefix = prefix, Embedded = true, Positions = positions };
                }
            default:
                return new FlowDocument { Error = $"{prefix} must be the flow: a JSON object, or a JSON string holding one.", Prefix = prefix, Positions = positions };
        }
    }
}
