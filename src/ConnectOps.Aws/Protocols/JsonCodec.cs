using System.Collections;
using System.Text.Json;
using ConnectOps.Aws.Runtime;

namespace ConnectOps.Aws.Protocols;

/// <summary>
/// Model objects to and from JSON, driven by shape metadata; shared by rest-json and json-1.1.
/// Timestamps default to epoch seconds (JSON numbers), blobs to base64, and unset (null) members
/// are left out.
/// </summary>
internal static class JsonCodec
{
    private const int MaxDepth = 128;

    /// <summary>Writes the structure's members that <paramref name="include"/> accepts as one JSON object.</summary>
    public static void WriteStructure(Utf8JsonWriter writer, object value, ShapeMetadata shape, Func<MemberMetadata, bool>? include = null, int depth = 0)
    {
        CheckDepth(shape, depth);
        writer.WriteStartObject();
        foreach (var member in shape.Members)
        {
            if (include is not null && !include(member))
                continue;
            var memberValue = member.Getter(value);
            if (memberValue is null)
                continue;
            writer.WritePropertyName(member.WireName);
            WriteValue(writer, memberValue, member.Shape, depth + 1);
        }
        writer.WriteEndObject();
    }

    public static void WriteValue(Utf8JsonWriter writer, object value, ShapeMetadata shape, int depth)
    {
        switch (shape.Type)
        {
            case ShapeType.Structure:
                WriteStructure(writer, value, shape, null, depth);
                break;
            case ShapeType.List:
                CheckDepth(shape, depth);
                writer.WriteStartArray();
                foreach (var item in (IEnumerable)value)
                {
                    if (item is null)
                        writer.WriteNullValue();
                    else
                        WriteValue(writer, item, shape.ListMember!, depth + 1);
                }
                writer.WriteEndArray();
                break;
            case ShapeType.Map:
                CheckDepth(shape, depth);
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    if (entry.Value is null)
                        continue;
                    writer.WritePropertyName((string)entry.Key);
                    WriteValue(writer, entry.Value, shape.MapValue!, depth + 1);
                }
                writer.WriteEndObject();
                break;
            case ShapeType.String:
                writer.WriteStringValue((string)value);
                break;
            case ShapeType.Boolean:
                writer.WriteBooleanValue((bool)value);
                break;
            case ShapeType.Integer:
                writer.WriteNumberValue((int)value);
                break;
            case ShapeType.Long:
                writer.WriteNumberValue((long)value);
                break;
            case ShapeType.Float:
            case ShapeType.Double:
                var d = value is float f ? f : (double)value;
                if (double.IsFinite(d))
                    writer.WriteNumberValue(d);
                else
                    writer.WriteStringValue(WireValues.FormatDouble(d));
                break;
            case ShapeType.Timestamp:
                WriteTimestamp(writer, (DateTime)value, shape);
                break;
            case ShapeType.Blob:
                writer.WriteBase64StringValue((byte[])value);
                break;
            case ShapeType.Document:
                ((JsonElement)value).WriteTo(writer);
                break;
            default:
                throw new InvalidOperationException($"{shape.Name}: cannot write {shape.Type} as JSON.");
        }
    }

    private static void WriteTimestamp(Utf8JsonWriter writer, DateTime value, ShapeMetadata shape)
    {
        var utc = WireValues.ToUtc(value);
        switch (shape.TimestampFormat)
        {
            case "iso8601":
            case "rfc822":
                writer.WriteStringValue(WireValues.FormatTimestamp(utc, shape.TimestampFormat));
                break;
            default:
                var seconds = WireValues.ToEpochSeconds(utc);
                if (seconds == Math.Floor(seconds) && Math.Abs(seconds) < 1e15)
                    writer.WriteNumberValue((long)seconds);
                else
                    writer.WriteNumberValue(seconds);
                break;
        }
    }

    /// <summary>Sets the members of <paramref name="target"/> found in a JSON object (unknown keys are ignored).</summary>
    public static void ReadStructure(JsonElement json, ShapeMetadata shape, object target, Func<MemberMetadata, bool>? include = null, int depth = 0)
    {
        CheckDepth(shape, depth);
        if (json.ValueKind != JsonValueKind.Object)
            throw new FormatException($"{shape.Name}: expected a JSON object, got {json.ValueKind}.");
        foreach (var member in shape.Members)
        {
            if (include is not null && !include(member))
                continue;
            if (!TryGetProperty(json, member.WireName, out var value) || value.ValueKind == JsonValueKind.Null)
                continue;
            member.Setter(target, ReadValue(value, member.Shape, depth + 1));
        }
    }

    /// <summary>Finds a property by exact name, then case-insensitively (error bodies mix "message" and "Message").</summary>
    public static bool TryGetProperty(JsonElement json, string name, out JsonElement value)
    {
        if (json.TryGetProperty(name, out value))
            return true;
        foreach (var p in json.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = p.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    public static object? ReadValue(JsonElement json, ShapeMetadata shape, int depth)
    {
        if (json.ValueKind == JsonValueKind.Null && shape.Type != ShapeType.Document)
            return null;
        switch (shape.Type)
        {
            case ShapeType.Structure:
                var instance = (shape.Factory ?? throw new InvalidOperationException($"{shape.Name} cannot be created."))();
                ReadStructure(json, shape, instance, null, depth);
                return instance;
            case ShapeType.List:
                CheckDepth(shape, depth);
                var list = shape.NewList();
                foreach (var item in json.EnumerateArray())
                {
                    var v = ReadValue(item, shape.ListMember!, depth + 1);
                    if (v is not null)
                        list.Add(v);
                }
                return list;
            case ShapeType.Map:
                CheckDepth(shape, depth);
                var map = shape.NewMap();
                foreach (var p in json.EnumerateObject())
                {
                    var v = ReadValue(p.Value, shape.MapValue!, depth + 1);
                    if (v is not null)
                        map[p.Name] = v;
                }
                return map;
            case ShapeType.String:
                return json.ValueKind == JsonValueKind.String ? json.GetString() : json.GetRawText();
            case ShapeType.Boolean:
                return json.ValueKind == JsonValueKind.String ? bool.Parse(json.GetString()!) : json.GetBoolean();
            case ShapeType.Integer:
                return json.ValueKind == JsonValueKind.String ? WireValues.Parse(json.GetString()!, shape) : json.GetInt32();
            case ShapeType.Long:
                return json.ValueKind == JsonValueKind.String ? WireValues.Parse(json.GetString()!, shape) : json.GetInt64();
            case ShapeType.Float:
                return json.ValueKind == JsonValueKind.String ? (float)WireValues.ParseDouble(json.GetString()!) : json.GetSingle();
            case ShapeType.Double:
                return json.ValueKind == JsonValueKind.String ? WireValues.ParseDouble(json.GetString()!) : json.GetDouble();
            case ShapeType.Timestamp:
                return json.ValueKind == JsonValueKind.Number
                    ? WireValues.FromEpochSeconds(json.GetDouble())
                    : WireValues.ParseTimestamp(json.GetString()!);
            case ShapeType.Blob:
                return json.GetBytesFromBase64();
            case ShapeType.Document:
                return json.Clone();
            default:
                throw new InvalidOperationException($"{shape.Name}: cannot read {shape.Type} from JSON.");
        }
    }

    private static void CheckDepth(ShapeMetadata shape, int depth)
    {
        if (depth > MaxDepth)
            throw new InvalidOperationException($"{shape.Name}: nesting deeper than {MaxDepth} levels (a cycle in the object graph?).");
    }
}
