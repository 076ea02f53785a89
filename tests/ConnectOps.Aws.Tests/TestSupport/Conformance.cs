using System.Text.Json;
using ConnectOps.Aws.Runtime;

namespace ConnectOps.Aws.Tests.TestSupport;

/// <summary>Checks a JSON document against a shape: known member names, required members, types, enums and ranges.</summary>
public static class Conformance
{
    public static List<string> CheckJson(JsonElement json, ShapeMetadata shape, Func<MemberMetadata, bool>? include = null)
    {
        var problems = new List<string>();
        CheckStructure(json, shape, shape.Name, include, problems);
        return problems;
    }

    private static void CheckStructure(JsonElement json, ShapeMetadata shape, string path, Func<MemberMetadata, bool>? include, List<string> problems)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: expected an object, got {json.ValueKind}");
            return;
        }
        var members = shape.Members.Where(m => include is null || include(m)).ToDictionary(m => m.WireName, StringComparer.Ordinal);
        foreach (var p in json.EnumerateObject())
        {
            if (!members.TryGetValue(p.Name, out var member))
                problems.Add($"{path}: '{p.Name}' is not a member of {shape.Name}");
            else
                CheckValue(p.Value, member.Shape, path + "." + p.Name, problems);
        }
        foreach (var member in members.Values.Where(m => m.Required))
            if (!json.TryGetProperty(member.WireName, out _))
                problems.Add($"{path}: required member '{member.WireName}' is missing");
        if (shape.IsUnion && json.EnumerateObject().Count() != 1)
            problems.Add($"{path}: a union must set exactly one member");
    }

    private static void CheckValue(JsonElement json, ShapeMetadata shape, string path, List<string> problems)
    {
        switch (shape.Type)
        {
            case ShapeType.Structure:
                CheckStructure(json, shape, path, null, problems);
                break;
            case ShapeType.List:
                if (json.ValueKind != JsonValueKind.Array) { problems.Add($"{path}: expected an array"); break; }
                Length(json.GetArrayLength(), shape, path, problems);
                var i = 0;
                foreach (var item in json.EnumerateArray())
                    CheckValue(item, shape.ListMember!, $"{path}[{i++}]", problems);
                break;
            case ShapeType.Map:
                if (json.ValueKind != JsonValueKind.Object) { problems.Add($"{path}: expected an object (map)"); break; }
                Length(json.EnumerateObject().Count(), shape, path, problems);
                foreach (var p in json.EnumerateObject())
                {
                    Length(p.Name.Length, shape.MapKey!, path + " key", problems);
                    CheckValue(p.Value, shape.MapValue!, $"{path}[{p.Name}]", problems);
                }
                break;
            case ShapeType.String:
                if (json.ValueKind != JsonValueKind.String) { problems.Add($"{path}: expected a string"); break; }
                CheckString(json.GetString()!, shape, path, problems);
                break;
            case ShapeType.Boolean:
                if (json.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) problems.Add($"{path}: expected a boolean");
                break;
            case ShapeType.Integer:
            case ShapeType.Long:
            case ShapeType.Float:
            case ShapeType.Double:
                if (json.ValueKind != JsonValueKind.Number) { problems.Add($"{path}: expected a number"); break; }
                Range(json.GetDouble(), shape, path, problems);
                break;
            case ShapeType.Timestamp:
                if (json.ValueKind != JsonValueKind.Number) problems.Add($"{path}: a timestamp must be epoch seconds (a JSON number)");
                break;
            case ShapeType.Blob:
                if (json.ValueKind != JsonValueKind.String || !json.TryGetBytesFromBase64(out _)) problems.Add($"{path}: expected base64");
                break;
        }
    }

    public static void CheckString(string value, ShapeMetadata shape, string path, List<string> problems)
    {
        if (shape.Enum is { } values && !values.Contains(value))
            problems.Add($"{path}: '{value}' is not one of {shape.Name}'s values");
        Length(value.Length, shape, path, problems);
    }

    private static void Length(int length, ShapeMetadata shape, string path, List<string> problems)
    {
        if (shape.Min is { } min && length < min) problems.Add($"{path}: length {length} < {min}");
        if (shape.Max is { } max && length > max) problems.Add($"{path}: length {length} > {max}");
    }

    private static void Range(double value, ShapeMetadata shape, string path, List<string> problems)
    {
        if (shape.Min is { } min && value < min) problems.Add($"{path}: {value} < {min}");
        if (shape.Max is { } max && value > max) problems.Add($"{path}: {value} > {max}");
    }
}
