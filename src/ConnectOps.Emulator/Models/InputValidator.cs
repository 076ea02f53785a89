using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConnectOps.Emulator.Protocols;

namespace ConnectOps.Emulator.Models;

/// <summary>
/// Validates bound input against the operation's input shape: types, required members, enums, numeric ranges,
/// string lengths and list/map sizes. The first violation becomes the operation's validation error, naming the member
/// the way AWS services do ("Value '…' at 'Member' failed to satisfy constraint: …").
/// </summary>
internal static class InputValidator
{
    public static void Validate(Operation operation, JsonObject input)
    {
        if (operation.Input is { } shape)
        {
            var problem = Check(input, shape, string.Empty);
            if (problem is not null)
            {
                throw ApiException.Validation(operation, problem);
            }
        }
    }

    private static string? Check(JsonNode? value, Shape shape, string path)
    {
        switch (shape.Type)
        {
            case "structure":
                if (value is not JsonObject obj)
                {
                    return TypeMismatch(value, path, "a structure");
                }

                foreach (var required in shape.Required)
                {
                    if (obj[required] is null)
                    {
                        return $"Value null at '{Join(path, required)}' failed to satisfy constraint: Member must not be null";
                    }
                }

                foreach (var (name, member) in shape.Members)
                {
                    if (obj[name] is { } child && Check(child, member.Shape, Join(path, name)) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;

            case "list":
                if (value is not JsonArray array)
                {
                    return TypeMismatch(value, path, "a list");
                }

                if (SizeProblem(array.Count, shape, path, "length") is { } listProblem)
                {
                    return listProblem;
                }

                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is null)
                    {
                        return $"Value null at '{path}[{i}]' failed to satisfy constraint: Member must not be null";
                    }

                    if (Check(array[i], shape.ListMember!.Shape, $"{path}[{i}]") is { } problem)
                    {
                        return problem;
                    }
                }

                return null;

            case "map":
                if (value is not JsonObject map)
                {
                    return TypeMismatch(value, path, "a map");
                }

                if (SizeProblem(map.Count, shape, path, "length") is { } mapProblem)
                {
                    return mapProblem;
                }

                foreach (var (key, entry) in map)
                {
                    if (Check(JsonValue.Create(key), shape.MapKey!.Shape, $"{path}.key") is { } keyProblem)
                    {
                        return keyProblem;
                    }

                    if (entry is null)
                    {
                        return $"Value null at '{path}[{key}]' failed to satisfy constraint: Member must not be null";
                    }

                    if (Check(entry, shape.MapValue!.Shape, $"{path}[{key}]") is { } valueProblem)
                    {
                        return valueProblem;
                    }
                }

                return null;

            case "string":
                if (!IsKind(value, JsonValueKind.String))
                {
                    return TypeMismatch(value, path, "a string");
                }

                var text = value!.GetValue<string>();
                if (shape.Enum is { Count: > 0 } allowed && !allowed.Contains(text, StringComparer.Ordinal))
                {
                    return $"Value '{Clip(text)}' at '{path}' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", allowed)}]";
                }

                if (SizeProblem(text.Length, shape, path, "length", text) is { } lengthProblem)
                {
                    return lengthProblem;
                }

                return shape.Pattern is { } regex && !Matches(regex, text)
                    ? $"Value '{Clip(text)}' at '{path}' failed to satisfy constraint: Member must satisfy regular expression pattern: {regex}"
                    : null;

            case "integer":
            case "long":
                return JsonNumbers.Long(value) is { } whole ? RangeProblem(whole, shape, path) : TypeMismatch(value, path, "an integer");

            case "double":
            case "float":
                if (!IsKind(value, JsonValueKind.Number))
                {
                    return TypeMismatch(value, path, "a number");
                }

                return RangeProblem(JsonNumbers.Double(value)!.Value, shape, path);

            case "boolean":
                return IsKind(value, JsonValueKind.True) || IsKind(value, JsonValueKind.False) ? null : TypeMismatch(value, path, "a boolean");

            case "timestamp":
                return IsKind(value, JsonValueKind.Number) || IsKind(value, JsonValueKind.String) ? null : TypeMismatch(value, path, "a timestamp");

            case "blob":
                return IsKind(value, JsonValueKind.String) ? null : TypeMismatch(value, path, "a base64 string");

            default:
                return null;
        }
    }

    private static bool Matches(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    private static bool IsKind(JsonNode? node, JsonValueKind kind) => node is JsonValue v && v.GetValueKind() == kind;

    private static string TypeMismatch(JsonNode? value, string path, string expected) =>
        $"Value '{Clip(value?.ToJsonString() ?? "null")}' at '{path}' failed to satisfy constraint: Member must be {expected}";

    private static string? SizeProblem(int size, Shape shape, string path, string what, string? shown = null)
    {
        var value = shown is null ? $"at '{path}'" : $"'{Clip(shown)}' at '{path}'";
        if (shape.Min is { } min && size < min)
        {
            return $"Value {value} failed to satisfy constraint: Member must have {what} greater than or equal to {min.ToString(CultureInfo.InvariantCulture)}";
        }

        if (shape.Max is { } max && size > max)
        {
            return $"Value {value} failed to satisfy constraint: Member must have {what} less than or equal to {max.ToString(CultureInfo.InvariantCulture)}";
        }

        return null;
    }

    private static string? RangeProblem(double number, Shape shape, string path)
    {
        var shown = number.ToString(CultureInfo.InvariantCulture);
        if (shape.Min is { } min && number < min)
        {
            return $"Value '{shown}' at '{path}' failed to satisfy constraint: Member must have value greater than or equal to {min.ToString(CultureInfo.InvariantCulture)}";
        }

        if (shape.Max is { } max && number > max)
        {
            return $"Value '{shown}' at '{path}' failed to satisfy constraint: Member must have value less than or equal to {max.ToString(CultureInfo.InvariantCulture)}";
        }

        return null;
    }

    private static string Join(string path, string member) => path.Length == 0 ? member : $"{path}.{member}";

    private static string Clip(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
