using System.Collections;
using ConnectOps.Aws.Runtime;

namespace ConnectOps.Aws.Protocols;

/// <summary>
/// Flattens a request into query-protocol form fields: <c>Struct.Member</c>, lists as
/// <c>Name.member.N</c> (1-based; <c>Name.N</c> when flattened; an empty list as <c>Name=</c>),
/// maps as <c>Name.entry.N.key</c>/<c>.value</c>, timestamps in ISO 8601.
/// </summary>
internal static class QueryCodec
{
    public static void WriteStructure(List<KeyValuePair<string, string>> fields, string prefix, object value, ShapeMetadata shape, int depth = 0)
    {
        if (depth > 128)
            throw new InvalidOperationException($"{shape.Name}: nesting deeper than 128 levels.");
        foreach (var member in shape.Members)
        {
            var memberValue = member.Getter(value);
            if (memberValue is null)
                continue;
            var name = member.Shape.Type == ShapeType.List && member.Shape.Flattened && member.Shape.ListMemberLocationName != "member"
                ? member.Shape.ListMemberLocationName
                : member.WireName;
            WriteValue(fields, prefix.Length == 0 ? name : prefix + "." + name, memberValue, member.Shape, depth + 1);
        }
    }

    private static void WriteValue(List<KeyValuePair<string, string>> fields, string key, object value, ShapeMetadata shape, int depth)
    {
        switch (shape.Type)
        {
            case ShapeType.Structure:
                WriteStructure(fields, key, value, shape, depth);
                break;
            case ShapeType.List:
                var items = ((IEnumerable)value).Cast<object?>().Where(i => i is not null).ToList();
                if (items.Count == 0)
                {
                    fields.Add(new(key, ""));
                    break;
                }
                var itemPrefix = shape.Flattened ? key : key + "." + shape.ListMemberLocationName;
                for (var i = 0; i < items.Count; i++)
                    WriteValue(fields, itemPrefix + "." + (i + 1), items[i]!, shape.ListMember!, depth + 1);
                break;
            case ShapeType.Map:
                var n = 0;
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    if (entry.Value is null)
                        continue;
                    n++;
                    fields.Add(new($"{key}.entry.{n}.key", (string)entry.Key));
                    WriteValue(fields, $"{key}.entry.{n}.value", entry.Value, shape.MapValue!, depth + 1);
                }
                break;
            default:
                fields.Add(new(key, WireValues.Format(value, shape)));
                break;
        }
    }

    /// <summary>application/x-www-form-urlencoded, RFC 3986 percent-encoding.</summary>
    public static string Encode(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
}
