using System.Xml.Linq;
using ConnectOps.Aws.Runtime;

namespace ConnectOps.Aws.Protocols;

/// <summary>
/// Reads query-protocol XML (IAM) into model objects, driven by shape metadata. Element names are
/// matched by local name, so the service's XML namespace does not matter. Lists are
/// <c>&lt;Name&gt;&lt;member&gt;…&lt;/member&gt;&lt;/Name&gt;</c> unless flattened; maps are
/// <c>&lt;entry&gt;&lt;key/&gt;&lt;value/&gt;&lt;/entry&gt;</c>; timestamps are ISO 8601.
/// </summary>
internal static class XmlCodec
{
    private const int MaxDepth = 128;

    public static void ReadStructure(XElement element, ShapeMetadata shape, object target, int depth = 0)
    {
        if (depth > MaxDepth)
            throw new InvalidOperationException($"{shape.Name}: nesting deeper than {MaxDepth} levels.");
        foreach (var member in shape.Members)
        {
            var name = member.WireName;
            if (member.Shape.Type == ShapeType.List && member.Shape.Flattened)
            {
                var items = element.Elements().Where(e => e.Name.LocalName == name).ToList();
                if (items.Count == 0)
                    continue;
                var list = member.Shape.NewList();
                foreach (var item in items)
                    if (ReadValue(item, member.Shape.ListMember!, depth + 1) is { } v)
                        list.Add(v);
                member.Setter(target, list);
                continue;
            }
            var child = element.Elements().FirstOrDefault(e => e.Name.LocalName == name);
            if (child is null)
                continue;
            member.Setter(target, ReadValue(child, member.Shape, depth + 1));
        }
    }

    public static object? ReadValue(XElement element, ShapeMetadata shape, int depth)
    {
        switch (shape.Type)
        {
            case ShapeType.Structure:
                var instance = (shape.Factory ?? throw new InvalidOperationException($"{shape.Name} cannot be created."))();
                ReadStructure(element, shape, instance, depth);
                return instance;
            case ShapeType.List:
                var list = shape.NewList();
                foreach (var item in element.Elements().Where(e => e.Name.LocalName == shape.ListMemberLocationName))
                    if (ReadValue(item, shape.ListMember!, depth + 1) is { } v)
                        list.Add(v);
                return list;
            case ShapeType.Map:
                var map = shape.NewMap();
                foreach (var entry in element.Elements().Where(e => e.Name.LocalName == "entry"))
                {
                    var key = entry.Elements().FirstOrDefault(e => e.Name.LocalName == "key")?.Value;
                    var valueElement = entry.Elements().FirstOrDefault(e => e.Name.LocalName == "value");
                    if (key is null || valueElement is null)
                        continue;
                    if (ReadValue(valueElement, shape.MapValue!, depth + 1) is { } v)
                        map[key] = v;
                }
                return map;
            default:
                return WireValues.Parse(element.Value, shape);
        }
    }
}
