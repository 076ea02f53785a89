using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectOps.Emulator.Models;

/// <summary>
/// Reads numbers and booleans from JsonNodes whatever backs them (a parsed JsonElement, or a long/int/double the
/// emulator stored itself): JsonValue's typed getters only convert between some of those.
/// </summary>
internal static class JsonNumbers
{
    public static double? Double(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
        && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    public static long? Long(JsonNode? node) => Double(node) is { } d && d == Math.Floor(d) && Math.Abs(d) < 9.2e18 ? (long)d : null;

    public static int? Int(JsonNode? node) => Long(node) is { } l && l is >= int.MinValue and <= int.MaxValue ? (int)l : null;

    public static bool? Bool(JsonNode? node) => node is JsonValue v
        ? v.GetValueKind() switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null }
        : null;
}
