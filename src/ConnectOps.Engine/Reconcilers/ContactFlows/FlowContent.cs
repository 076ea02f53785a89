using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Config;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Engine.Reconcilers.ContactFlows;

/// <summary>
/// Flow content in key space and on the wire. Config content holds <c>${Component/Key}</c> placeholders
/// (FlowPlaceholders); at apply they resolve to the instance's ARNs and ids (<see cref="Resolve"/>); for comparison
/// the live content's ARNs and ids are turned back into placeholders (<see cref="ToKeySpace"/>), so a flow read
/// back from AWS equals the file it came from and a plan after apply is empty.
/// </summary>
public static partial class FlowContent
{
    // Candidate tokens inside a string: whole ARNs, and GUID-shaped ids (Connect's resource ids).
    [GeneratedRegex(@"arn:aws[a-z-]*:[A-Za-z0-9-]+:[A-Za-z0-9-]*:[0-9]*:[^\s""',;{}]+")]
    private static partial Regex ArnToken();

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidToken();

    [GeneratedRegex(@"\$\{[A-Za-z]+(/[^}#]+)?(#(Arn|Id))?\}")]
    private static partial Regex PlaceholderToken();

    /// <summary>
    /// The config's content with every placeholder in one spelling: the key as the config declares it (or as the
    /// instance names a built-in), and no "#Arn" suffix (ARN is the default).
    /// </summary>
    public static JsonObject Canonical(JsonObject flow, ConnectConfig config) =>
        (JsonObject)MapStrings(flow, s => PlaceholderToken().Replace(s, m =>
        {
            var found = FlowPlaceholders.Find(m.Value, out _);
            if (found.Count != 1) return m.Value;
            var match = found[0];
            return FlowPlaceholders.Format(DeclaredAddress(config, match.Address), match.Attribute);
        }))!;

    /// <summary>The wire content: placeholders replaced with the ARNs and ids they name.</summary>
    public static string Resolve(JsonObject flow, ReconcileContext context) =>
        FlowPlaceholders.Resolve(flow.ToJsonString(), (address, attribute) => address.Component switch
        {
            Component.Instance => attribute == "Id" ? context.RequireInstanceId()
                : context.InstanceArn ?? throw new ReconcileException("The instance's ARN is not known yet; run Invoke-ConnectPlan to refresh it."),
            _ when ResourceAddress.IsSingleton(address.Component) => throw new ReconcileException($"${{{address}}} has no ARN or id a flow can use."),
            _ => attribute == "Id" ? context.IdOf(address.Component, address.Key!) : context.ArnOf(address.Component, address.Key!),
        });

    /// <summary>
    /// <paramref name="content"/> with the ARNs and ids of everything the index knows turned into placeholders,
    /// and placeholders spelled as the index keys them. Applied to desired and live content alike before they are
    /// compared, so a flow that writes a literal ARN and one that writes its placeholder compare equal too.
    /// </summary>
    public static JsonNode? ToKeySpace(JsonNode? content, ReconcileContext context)
    {
        if (content is null) return null;
        var table = ReverseTable(context);
        return MapStrings(content, s => ToKeySpace(s, table, context));
    }

    private static string ToKeySpace(string text, IReadOnlyDictionary<string, string> table, ReconcileContext context)
    {
        if (table.TryGetValue(text, out var whole)) return whole;
        var result = text;
        if (result.Contains("arn:", StringComparison.Ordinal))
            result = ArnToken().Replace(result, m => table.TryGetValue(m.Value, out var p) ? p : m.Value);
        if (result.Length >= 36)
            result = GuidToken().Replace(result, m => table.TryGetValue(m.Value, out var p) ? p : m.Value);
        if (result.Contains("${", StringComparison.Ordinal))
            result = PlaceholderToken().Replace(result, m => Respell(m.Value, context));
        return result;
    }

    /// <summary>A placeholder spelled with the key the index knows the resource by (case, "#Arn", id = ARN).</summary>
    private static string Respell(string placeholder, ReconcileContext context)
    {
        var found = FlowPlaceholders.Find(placeholder, out _);
        if (found.Count != 1) return placeholder;
        var (address, attribute) = (found[0].Address, found[0].Attribute);
        if (address.Key is null || !context.Ids.TryGetId(address.Component, address.Key, out var id)) return placeholder;
        var key = context.Ids.KeyOf(address.Component, id) ?? address.Key;
        // Lambda functions and Lex V2 aliases are known by their ARN: #Id and the ARN are the same text.
        if (attribute == "Id" && context.Ids.TryGetArn(address.Component, address.Key, out var arn) && arn == id) attribute = "Arn";
        return FlowPlaceholders.Format(new ResourceAddress(address.Component, key), attribute);
    }

    /// <summary>Known id or ARN → placeholder text (ids first, so a resource whose id is its ARN gets the ARN form).</summary>
    private static Dictionary<string, string> ReverseTable(ReconcileContext context)
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (component, key, id, arn) in context.Ids.Entries())
        {
            if (ResourceAddress.IsSingleton(component) || string.IsNullOrEmpty(key)) continue;
            var address = new ResourceAddress(component, key);
            table[id] = FlowPlaceholders.Format(address, "Id");
            if (arn is not null) table[arn] = FlowPlaceholders.Format(address, "Arn");
        }
        if (context.InstanceId is { } instanceId) table[instanceId] = FlowPlaceholders.Format(ResourceAddress.Instance, "Id");
        if (context.InstanceArn is { } instanceArn) table[instanceArn] = FlowPlaceholders.Format(ResourceAddress.Instance, "Arn");
        return table;
    }

    /// <summary>The spelling the config uses for an address (its declared key, or the built-in's name).</summary>
    private static ResourceAddress DeclaredAddress(ConnectConfig config, ResourceAddress address)
    {
        if (address.Key is null) return address;
        foreach (var spec in config.AllResources())
        {
            if (spec.Address.Equals(address)) return spec.Address;
        }
        var builtIn = address.Component switch
        {
            Component.HoursOfOperation => BuiltInResources.HoursOfOperation,
            Component.Queues => BuiltInResources.Queues,
            Component.RoutingProfiles => BuiltInResources.RoutingProfiles,
            Component.SecurityProfiles => BuiltInResources.SecurityProfiles,
            Component.ContactFlows => BuiltInResources.ContactFlows,
            _ => [],
        };
        var name = builtIn.FirstOrDefault(n => string.Equals(n, address.Key, StringComparison.OrdinalIgnoreCase));
        return name is null ? address : new ResourceAddress(address.Component, name);
    }

    /// <summary>A copy of <paramref name="node"/> with <paramref name="map"/> applied to every string value (not to property names).</summary>
    public static JsonNode? MapStrings(JsonNode? node, Func<string, string> map) => node switch
    {
        null => null,
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, MapStrings(p.Value, map)))),
        JsonArray arr => new JsonArray(arr.Select(n => MapStrings(n, map)).ToArray()),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(map(v.GetValue<string>())),
        _ => node.DeepClone(),
    };

    /// <summary>
    /// The ARNs left in content after <see cref="ToKeySpace"/>: what no placeholder stands for (another account's Lambda,
    /// a Lex bot the instance has not associated, a prompt ConnectOps does not manage), each once, in order of appearance.
    /// </summary>
    public static IReadOnlyList<string> RemainingArns(JsonNode? content)
    {
        var found = new List<string>();
        MapStrings(content, s =>
        {
            if (s.Contains("arn:", StringComparison.Ordinal))
            {
                foreach (Match m in ArnToken().Matches(s))
                {
                    if (!found.Contains(m.Value, StringComparer.Ordinal)) found.Add(m.Value);
                }
            }
            return s;
        });
        return found;
    }

    /// <summary>The addresses a flow's placeholders name (each once).</summary>
    public static IReadOnlyList<ResourceAddress> References(string content) =>
        FlowPlaceholders.Find(content, out _).Select(m => m.Address).Distinct().ToList();
}
