using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectOps.Emulator.Models;

/// <summary>
/// Projects a handler's raw output (stored records carry more than any one output shape declares) onto the
/// operation's output shape: only the shape's members, nulls omitted, scalars coerced to the shape's type.
/// One mechanism serves Describe, List summaries and Search results alike.
/// </summary>
internal static class OutputShaper
{
    public static JsonObject ProjectOutput(JsonObject? raw, Shape? shape)
    {
        if (raw is null || shape is null)
        {
            return new JsonObject();
        }

        return Project((JsonNode)raw, shape) as JsonObject ?? new JsonObject();
    }

    public static JsonNode? Project(JsonNode? value, Shape shape)
    {
        if (value is null)
        {
            return null;
        }

        switch (shape.Type)
        {
            case "structure":
                if (value is not JsonObject obj)
                {
                    return null;
                }

                var result = new JsonObject();
                foreach (var (name, member) in shape.Members)
                {
                    if (member.Location is "header" or "headers" or "statusCode")
                    {
                        continue;
                    }

                    if (obj[name] is { } child && Project(child, member.Shape) is { } projected)
                    {
                        result[name] = projected;
                    }
                }

                return result;

            case "list":
                if (value is not JsonArray array)
                {
                    return null;
                }

                var list = new JsonArray();
                foreach (var item in array)
                {
                    if (Project(item, shape.ListMember!.Shape) is { } projectedItem)
                    {
                        list.Add(projectedItem);
                    }
                }

                return list;

            case "map":
                if (value is not JsonObject map)
                {
                    return null;
                }

                var mapResult = new JsonObject();
                foreach (var (key, entry) in map)
                {
                    if (Project(entry, shape.MapValue!.Shape) is { } projectedEntry)
                    {
                        mapResult[key] = projectedEntry;
                    }
                }

                return mapResult;

            case "string":
                return value is JsonValue s && s.GetValueKind() == JsonValueKind.String ? JsonValue.Create(s.GetValue<string>()) : JsonValue.Create(value.ToJsonString().Trim('"'));

            case "boolean":
                return value is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                    ? JsonValue.Create(JsonNumbers.Bool(b) == true)
                    : JsonValue.Create(string.Equals(value.ToString(), "true", StringComparison.OrdinalIgnoreCase));

            default:
                return value.DeepClone();
        }
    }

    /// <summary>ISO 8601 as the query protocol writes timestamps, from the epoch seconds the store keeps.</summary>
    public static string IsoTimestamp(JsonNode value)
    {
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            var millis = (long)Math.Round(JsonNumbers.Double(v)!.Value * 1000);
            return DateTimeOffset.FromUnixTimeMilliseconds(millis).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        return value.ToString();
    }
}
