using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.State;

/// <summary>
/// State JSON: indented, properties in a fixed order, resources ordered by address (component, then key),
/// so two writes of the same state are byte-identical and diffs in source control stay small.
/// </summary>
public static class StateSerializer
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true };

    public static byte[] Serialize(StateDocument state)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteNumber("FormatVersion", state.FormatVersion);
            w.WriteString("Lineage", state.Lineage.ToString());
            w.WriteNumber("Serial", state.Serial);
            if (state.Instance is { } i)
            {
                w.WriteStartObject("Instance");
                w.WriteString("Id", i.Id);
                w.WriteString("Arn", i.Arn);
                w.WriteString("Region", i.Region);
                w.WriteString("AccountId", i.AccountId);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("Instance");
            }
            w.WriteStartObject("Resources");
            foreach (var (address, r) in state.Resources)
            {
                w.WriteStartObject(address.ToString());
                w.WriteString("Id", r.Id);
                if (r.Arn is null) w.WriteNull("Arn");
                else w.WriteString("Arn", r.Arn);
                w.WriteString("Origin", r.Origin.ToString());
                w.WritePropertyName("Attributes");
                r.Attributes.WriteTo(w);
                w.WriteStartArray("DependsOn");
                foreach (var d in r.DependsOn) w.WriteStringValue(d.ToString());
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteStartObject("Outputs");
            foreach (var (k, v) in state.Outputs) w.WriteString(k, v);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <param name="location">Where the bytes came from, for error messages.</param>
    /// <param name="recovery">The recovery step to put in a corruption message.</param>
    public static StateDocument Deserialize(ReadOnlySpan<byte> json, string location, string recovery)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("the top level is not a JSON object");
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            var detail = json.Length == 0 ? "the file is empty" : e.Message;
            throw new StateCorruptException(location, $"The state at {location} is not valid ConnectOps state: {detail}. Nothing was changed. {recovery}", e);
        }
        try
        {
            var version = Int(root, "FormatVersion");
            if (version > StateDocument.CurrentFormatVersion || version < 1)
            {
                throw new StateFormatException(
                    $"The state at {location} has format version {version}, but this ConnectOps reads version {StateDocument.CurrentFormatVersion}. " +
                    "It was written by a newer ConnectOps: update the module (Update-PSResource ConnectOps) and run the command again.");
            }
            var lineage = Guid.Parse(Str(root, "Lineage"));
            var serial = root["Serial"]?.GetValue<long>() ?? throw Missing("Serial");
            InstanceState? instance = null;
            if (root["Instance"] is JsonObject io)
            {
                instance = new InstanceState(Str(io, "Id"), Str(io, "Arn"), Str(io, "Region"), Str(io, "AccountId"));
            }
            var resources = new List<KeyValuePair<ResourceAddress, ResourceState>>();
            if (root["Resources"] is JsonObject ro)
            {
                foreach (var (key, value) in ro)
                {
                    if (!ResourceAddress.TryParse(key, out var address, out var error)) throw new FormatException($"resource '{key}': {error}");
                    if (value is not JsonObject r) throw new FormatException($"resource '{key}' is not an object");
                    if (!Enum.TryParse<ResourceOrigin>(Str(r, "Origin"), out var origin) || !Enum.IsDefined(origin))
                    {
                        throw new FormatException($"resource '{key}' has an unknown Origin");
                    }
                    var attributes = r["Attributes"] is JsonObject a ? (JsonObject)a.DeepClone() : new JsonObject();
                    var depends = new List<ResourceAddress>();
                    if (r["DependsOn"] is JsonArray da)
                    {
                        foreach (var d in da)
                        {
                            var text = d?.GetValue<string>() ?? throw new FormatException($"resource '{key}' has a null DependsOn entry");
                            depends.Add(ResourceAddress.TryParse(text, out var da2, out var e2) ? da2 : throw new FormatException($"resource '{key}' DependsOn: {e2}"));
                        }
                    }
                    var arn = r["Arn"] is JsonValue av ? av.GetValue<string>() : null;
                    resources.Add(new(address, new ResourceState(Str(r, "Id"), arn, origin, attributes, depends.ToValueList())));
                }
            }
            else if (root["Resources"] is not null)
            {
                throw new FormatException("Resources is not an object");
            }
            var outputs = new List<KeyValuePair<string, string>>();
            if (root["Outputs"] is JsonObject oo)
            {
                foreach (var (k, v) in oo) outputs.Add(new(k, v?.GetValue<string>() ?? ""));
            }
            var doc = StateDocument.New() with { Lineage = lineage, Serial = serial, Instance = instance, FormatVersion = version };
            return doc with
            {
                Resources = doc.Resources.AddRange(resources),
                Outputs = doc.Outputs.AddRange(outputs),
            };
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException or JsonException or OverflowException)
        {
            throw new StateCorruptException(location, $"The state at {location} is not valid ConnectOps state: {e.Message}. Nothing was changed. {recovery}", e);
        }
    }

    public static string ToJson(StateDocument state) => Encoding.UTF8.GetString(Serialize(state));

    private static Exception Missing(string name) => new FormatException($"'{name}' is missing");

    private static string Str(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new FormatException($"'{name}' is missing or not a string");

    private static int Int(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<int>(out var i) ? i : throw new FormatException($"'{name}' is missing or not a number");
}
