using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectOps.Engine.Reconcilers.Framework;

/// <summary>Normalisation and comparison of property values.</summary>
public static class JsonValues
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static bool DeepEquals(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(Normalize(a), Normalize(b));

    /// <summary>Objects with sorted keys and nulls dropped; numbers in one canonical form.</summary>
    public static JsonNode? Normalize(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (k, v) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    var nv = Normalize(v);
                    if (nv is not null) result[k] = nv;
                }
                return result;
            case JsonArray arr:
                return new JsonArray(arr.Select(Normalize).ToArray());
            case JsonValue val:
                if (val.GetValueKind() == JsonValueKind.Number)
                {
                    var d = AsDouble(val);
                    return d == Math.Floor(d) && Math.Abs(d) < 1e15 ? JsonValue.Create((long)d) : JsonValue.Create(d);
                }
                return val.DeepClone();
            default:
                return node.DeepClone();
        }
    }

    /// <summary>A list compared as a set: elements sorted by their canonical text.</summary>
    public static JsonNode? SortSet(JsonNode? node)
    {
        if (node is not JsonArray arr) return node;
        return new JsonArray(arr.Select(Normalize).OrderBy(n => ToText(n), StringComparer.Ordinal).ToArray());
    }

    /// <summary>A JSON number as a double, whatever CLR type backs the node.</summary>
    public static double AsDouble(JsonNode node) =>
        double.Parse(node.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

    public static long? AsLong(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? (long)AsDouble(v) : null;

    public static string? AsString(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static bool? AsBool(JsonNode? node) =>
        node is JsonValue v ? v.GetValueKind() switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null } : null;

    /// <summary>A JSON array of strings.</summary>
    public static JsonArray StringArray(IEnumerable<string> items) => new(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());

    /// <summary>The strings of a JSON array (non-strings skipped); empty for anything else.</summary>
    public static List<string> Strings(JsonNode? node) =>
        node is JsonArray arr ? arr.Select(AsString).Where(s => s is not null).Select(s => s!).ToList() : [];

    public static string ToText(JsonNode? node) => node is null ? "null" : node.ToJsonString(Compact);

    /// <summary>How a value reads in a plan: strings bare, everything else as compact JSON.</summary>
    public static string? Display(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => ToText(node),
    };
}
