using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using ConnectOps.Emulator.Models;
using Microsoft.AspNetCore.Http;

namespace ConnectOps.Emulator.Protocols;

/// <summary>
/// The query protocol (IAM, STS): form-encoded <c>Action=…&amp;Member.member.1=…</c> in, XML out
/// (<c>&lt;OpResponse&gt;&lt;OpResult&gt;…</c>), errors as <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type/&gt;&lt;Code/&gt;&lt;Message/&gt;</c>.
/// </summary>
internal sealed class QueryProtocol(ServiceModel model) : WireProtocol
{
    public override ServiceModel Model { get; } = model;

    public bool HasAction(string action) => Model.Operations.ContainsKey(action);

    public ResolvedRequest Resolve(string action, Dictionary<string, List<string>> form)
    {
        if (!Model.Operations.TryGetValue(action, out var operation))
        {
            throw new ApiException("InvalidAction", $"Could not find operation {action} in {Model.Name}.", status: 400);
        }

        return new ResolvedRequest(this, operation, () => Bind(operation, form));
    }

    public override Task WriteSuccessAsync(HttpContext http, Operation operation, JsonObject output, string requestId)
    {
        var builder = new StringBuilder();
        using (var xml = XmlWriter.Create(builder, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            xml.WriteStartElement($"{operation.Name}Response", Model.XmlNamespace);
            if (operation.ResultWrapper is not null && operation.Output is not null)
            {
                xml.WriteStartElement(operation.ResultWrapper);
                WriteMembers(xml, output, operation.Output);
                xml.WriteEndElement();
            }

            xml.WriteStartElement("ResponseMetadata");
            xml.WriteElementString("RequestId", requestId);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return WriteXmlAsync(http, 200, builder.ToString());
    }

    public override Task WriteErrorAsync(HttpContext http, ApiException error, string requestId)
    {
        var status = error.StatusFor(Model);
        var builder = new StringBuilder();
        using (var xml = XmlWriter.Create(builder, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            xml.WriteStartElement("ErrorResponse", Model.XmlNamespace);
            xml.WriteStartElement("Error");
            xml.WriteElementString("Type", status >= 500 ? "Receiver" : "Sender");
            xml.WriteElementString("Code", error.CodeFor(Model));
            xml.WriteElementString("Message", error.Message);
            xml.WriteEndElement();
            xml.WriteElementString("RequestId", requestId);
            xml.WriteEndElement();
        }

        return WriteXmlAsync(http, status, builder.ToString());
    }

    private static Task WriteXmlAsync(HttpContext http, int status, string xml)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/xml";
        return http.Response.WriteAsync(xml, Encoding.UTF8);
    }

    private static JsonObject Bind(Operation operation, Dictionary<string, List<string>> form)
    {
        var flat = form.ToDictionary(p => p.Key, p => p.Value[0], StringComparer.Ordinal);
        return operation.Input is null ? new JsonObject() : (BindStructure(operation, flat, operation.Input, string.Empty) ?? new JsonObject());
    }

    private static JsonObject? BindStructure(Operation operation, Dictionary<string, string> form, Shape shape, string prefix)
    {
        JsonObject? result = null;
        foreach (var (name, member) in shape.Members)
        {
            var key = prefix + member.WireName;
            var value = BindValue(operation, form, member.Shape, key, member.Flattened || member.Shape.Flattened, name);
            if (value is not null)
            {
                result ??= new JsonObject();
                result[name] = value;
            }
        }

        return result;
    }

    private static JsonNode? BindValue(Operation operation, Dictionary<string, string> form, Shape shape, string key, bool flattened, string memberName)
    {
        switch (shape.Type)
        {
            case "structure":
                return BindStructure(operation, form, shape, key + ".");
            case "list":
            {
                var itemPrefix = flattened ? key + "." : key + ".member.";
                var list = new JsonArray();
                for (var i = 1; ; i++)
                {
                    var item = BindValue(operation, form, shape.ListMember!.Shape, itemPrefix + i.ToString(CultureInfo.InvariantCulture), false, memberName);
                    if (item is null)
                    {
                        break;
                    }

                    list.Add(item);
                }

                return list.Count > 0 || form.ContainsKey(key) ? list : null;
            }

            case "map":
            {
                var entryPrefix = flattened ? key + "." : key + ".entry.";
                var map = new JsonObject();
                for (var i = 1; form.TryGetValue($"{entryPrefix}{i}.key", out var mapKey); i++)
                {
                    map[mapKey] = BindValue(operation, form, shape.MapValue!.Shape, $"{entryPrefix}{i}.value", false, memberName);
                }

                return map.Count > 0 ? map : null;
            }

            default:
                return form.TryGetValue(key, out var text) ? RestJsonProtocol.ScalarFromText(operation, memberName, text, shape) : null;
        }
    }

    private static void WriteMembers(XmlWriter xml, JsonObject value, Shape shape)
    {
        foreach (var (name, member) in shape.Members)
        {
            if (value[name] is { } child)
            {
                WriteValue(xml, member.WireName, child, member.Shape, member.Flattened || member.Shape.Flattened);
            }
        }
    }

    private static void WriteValue(XmlWriter xml, string element, JsonNode value, Shape shape, bool flattened)
    {
        switch (shape.Type)
        {
            case "structure":
                xml.WriteStartElement(element);
                WriteMembers(xml, value.AsObject(), shape);
                xml.WriteEndElement();
                break;
            case "list":
                if (!flattened)
                {
                    xml.WriteStartElement(element);
                }

                foreach (var item in value.AsArray())
                {
                    if (item is not null)
                    {
                        WriteValue(xml, flattened ? element : shape.ListMember!.LocationName ?? "member", item, shape.ListMember!.Shape, false);
                    }
                }

                if (!flattened)
                {
                    xml.WriteEndElement();
                }

                break;
            case "map":
                xml.WriteStartElement(element);
                foreach (var (key, entry) in value.AsObject())
                {
                    xml.WriteStartElement("entry");
                    xml.WriteElementString("key", key);
                    if (entry is not null)
                    {
                        WriteValue(xml, "value", entry, shape.MapValue!.Shape, false);
                    }

                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
                break;
            case "timestamp":
                xml.WriteElementString(element, OutputShaper.IsoTimestamp(value));
                break;
            case "boolean":
                xml.WriteElementString(element, value.GetValueKind() == JsonValueKind.True ? "true" : "false");
                break;
            default:
                xml.WriteElementString(element, value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value.ToJsonString());
                break;
        }
    }
}
