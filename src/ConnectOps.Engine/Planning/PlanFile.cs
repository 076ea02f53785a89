using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.Planning;

/// <summary>
/// Plan files: indented JSON, <c>FormatVersion</c> first. Reading refuses any other format version with a
/// message saying to re-plan. Sensitive diffs have no values to write (see <see cref="PropertyDiff"/>).
/// </summary>
public static class PlanFile
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Serialize(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var root = new JsonObject
        {
            ["FormatVersion"] = plan.FormatVersion,
            ["ConfigPath"] = plan.ConfigPath,
            ["ConfigHash"] = plan.ConfigHash,
            ["StateLineage"] = plan.StateLineage?.ToString(),
            ["StateSerial"] = plan.StateSerial,
            ["CreatedAt"] = plan.CreatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            ["Changes"] = new JsonArray(plan.Changes.Select(Change).ToArray<JsonNode?>()),
            ["Statistics"] = new JsonObject
            {
                ["ApiCalls"] = new JsonObject(plan.Statistics.ApiCalls.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
                ["ReadPages"] = plan.Statistics.ReadPages,
            },
            ["Warnings"] = new JsonArray(plan.Warnings.Select(w => (JsonNode?)new JsonObject
            {
                ["Address"] = w.Address?.ToString(),
                ["Message"] = w.Message,
            }).ToArray()),
        };
        return root.ToJsonString(Indented) + "\n";
    }

    public static void Write(Plan plan, string path)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        var temp = $"{full}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temp, Serialize(plan));
        File.Move(temp, full, overwrite: true);
    }

    public static Plan Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PlanFileException(PlanFileException.InvalidId, $"The plan file '{path}' could not be read: {e.Message}", e);
        }
        return Deserialize(text, path);
    }

    /// <param name="source">Where the text came from, for messages.</param>
    public static Plan Deserialize(string json, string source = "the plan")
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("the top level is not a JSON object");
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw Invalid(source, e.Message, e);
        }
        var versionNode = root["FormatVersion"];
        if (versionNode is not JsonValue v || !v.TryGetValue<int>(out var version))
        {
            throw Invalid(source, "FormatVersion is missing; this is not a ConnectOps plan file", null);
        }
        if (version != Plan.CurrentFormatVersion)
        {
            throw new PlanFileException(PlanFileException.UnsupportedVersionId,
                $"The plan file {source} has format version {version}, but this ConnectOps reads plan format version {Plan.CurrentFormatVersion}. " +
                "Plans are not portable between ConnectOps versions: run Invoke-ConnectPlan with this version and apply the new plan.");
        }
        try
        {
            var lineage = root["StateLineage"] is JsonValue lv ? Guid.Parse(lv.GetValue<string>()) : (Guid?)null;
            var apiCalls = (root["Statistics"]?["ApiCalls"] as JsonObject ?? [])
                .Select(kv => KeyValuePair.Create(kv.Key, kv.Value!.GetValue<int>()));
            return new Plan
            {
                FormatVersion = version,
                ConfigPath = Str(root, "ConfigPath"),
                ConfigHash = Str(root, "ConfigHash"),
                StateLineage = lineage,
                StateSerial = root["StateSerial"]?.GetValue<long>() ?? 0,
                CreatedAt = DateTimeOffset.Parse(Str(root, "CreatedAt"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                Changes = (root["Changes"] as JsonArray ?? []).Select(ReadChange).ToValueList(),
                Statistics = new PlanStatistics
                {
                    ApiCalls = PlanStatistics.Empty.ApiCalls.AddRange(apiCalls),
                    ReadPages = root["Statistics"]?["ReadPages"]?.GetValue<int>() ?? 0,
                },
                Warnings = (root["Warnings"] as JsonArray ?? []).Select(w => new PlanWarning(
                    w?["Address"] is JsonValue a ? ResourceAddress.Parse(a.GetValue<string>()) : null,
                    Str(w as JsonObject ?? throw new FormatException("a warning is not an object"), "Message"))).ToValueList(),
            };
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException or JsonException or OverflowException)
        {
            throw Invalid(source, e.Message, e);
        }
    }

    private static JsonNode Change(ResourceChange c)
    {
        var o = new JsonObject
        {
            ["Address"] = c.Address.ToString(),
            ["Action"] = c.Action.ToString(),
            ["Id"] = c.Id,
            ["Diffs"] = new JsonArray(c.Diffs.Select(d => (JsonNode?)new JsonObject
            {
                ["Path"] = d.Path,
                ["Before"] = d.Before?.DeepClone(),
                ["After"] = d.After?.DeepClone(),
                ["ForcesReplacement"] = d.ForcesReplacement,
                ["Sensitive"] = d.Sensitive,
            }).ToArray()),
            ["Reasons"] = new JsonArray(c.Reasons.Select(r => (JsonNode?)r).ToArray()),
            ["Irreversible"] = c.Irreversible,
            ["Unmanaged"] = c.Unmanaged,
            // Added within format version 1: readers that predate them ignore them, and a file without them reads as no edges.
            ["DependsOn"] = Addresses(c.DependsOn),
            ["DeferredDependsOn"] = Addresses(c.DeferredDependsOn),
        };
        return o;
    }

    private static ResourceChange ReadChange(JsonNode? node)
    {
        if (node is not JsonObject o) throw new FormatException("a change is not an object");
        var address = ResourceAddress.TryParse(Str(o, "Address"), out var a, out var error) ? a : throw new FormatException(error);
        if (!Enum.TryParse<ChangeAction>(Str(o, "Action"), out var action) || !Enum.IsDefined(action))
        {
            throw new FormatException($"{address}: unknown Action '{o["Action"]}'");
        }
        var diffs = (o["Diffs"] as JsonArray ?? []).Select(d =>
        {
            var dob = d as JsonObject ?? throw new FormatException($"{address}: a diff is not an object");
            return new PropertyDiff(Str(dob, "Path"), dob["Before"], dob["After"],
                dob["ForcesReplacement"]?.GetValue<bool>() ?? false, dob["Sensitive"]?.GetValue<bool>() ?? false);
        }).ToValueList();
        var reasons = (o["Reasons"] as JsonArray ?? []).Select(r => r?.GetValue<string>() ?? "").ToValueList();
        return new ResourceChange(address, action, o["Id"] is JsonValue id ? id.GetValue<string>() : null, diffs, reasons,
            o["Irreversible"]?.GetValue<bool>() ?? false, o["Unmanaged"]?.GetValue<bool>() ?? false)
        {
            DependsOn = ReadAddresses(o, "DependsOn", address),
            DeferredDependsOn = ReadAddresses(o, "DeferredDependsOn", address),
        };
    }

    private static JsonArray Addresses(ValueList<ResourceAddress> addresses) => new(addresses.Select(a => (JsonNode?)a.ToString()).ToArray());

    private static ValueList<ResourceAddress> ReadAddresses(JsonObject change, string name, ResourceAddress owner) =>
        (change[name] as JsonArray ?? []).Select(n =>
            ResourceAddress.TryParse(n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null, out var a, out var error)
                ? a
                : throw new FormatException($"{owner}: {name}: {error}")).ToValueList();

    private static string Str(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new FormatException($"'{name}' is missing or not a string");

    private static PlanFileException Invalid(string source, string detail, Exception? inner) =>
        new(PlanFileException.InvalidId, $"The plan file {source} is not a valid ConnectOps plan ({detail}). Run Invoke-ConnectPlan -OutFile to write a new one.", inner);
}
