using System.Text;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Engine.Export;

/// <summary>
/// The keys an export gives live resources: the name for name-keyed components (the config's own rule), readable
/// snake_case keys for the keyed maps (quick connects by name, phone numbers by description, Lambda functions by
/// function name), and flow file names. Keys are unique per component (case-insensitively) and chosen the same way
/// for the same instance content, so two exports of equal instances are equal.
/// </summary>
internal static class ExportKeys
{
    /// <summary>Live id → key, for one component's resources.</summary>
    public static Dictionary<string, string> Assign(Component component, IReadOnlyList<LiveResource> items, bool forClone)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ResourceAddress.IsSingleton(component)) return result;
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var candidates = items.Select(r => (Resource: r, Key: Candidate(component, r, forClone)))
            .OrderBy(c => c.Key, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Resource.Name, StringComparer.Ordinal).ThenBy(c => c.Resource.Id, StringComparer.Ordinal);
        foreach (var (resource, key) in candidates) result[resource.Id] = Unique(key, used, component is Component.QuickConnects or Component.PhoneNumbers or Component.LambdaFunctions ? "_" : " ");
        return result;
    }

    private static string Candidate(Component component, LiveResource r, bool forClone)
    {
        string? Prop(string name) => JsonValues.AsString(r.Properties[name]);
        switch (component)
        {
            case Component.QuickConnects:
                return Or(Snake(Prop("Name") ?? r.Name), "quick_connect");
            case Component.PhoneNumbers:
                if (Snake(Prop("Description") ?? "") is { Length: > 0 } described) return described;
                // A clone claims other numbers: a key from the number would differ between the two exports.
                return forClone
                    ? Or(Snake($"{Prop("CountryCode")} {Prop("Type")}"), "phone_number")
                    : Or(Snake("number " + (Prop("PhoneNumber") ?? r.Name)), "phone_number");
            case Component.LambdaFunctions:
                var arn = Prop("FunctionArn") ?? r.Id;
                var parts = arn.Split(':');
                return Or(Snake(parts.Length > 6 ? string.Join(' ', parts.Skip(6)) : arn), "lambda_function");
            case Component.LexBots:
                if (Prop("LexVersion") == "V2")
                {
                    // arn:aws:lex:region:account:bot-alias/BOTID/ALIASID → BOTID_ALIASID (the same in every instance of the account).
                    var alias = Prop("AliasArn") ?? r.Id;
                    var path = alias[(alias.LastIndexOf(':') + 1)..].Split('/');
                    return path.Length >= 3 ? $"{path[1]}_{path[2]}" : alias;
                }
                return Prop("BotName") ?? r.Name;
            default:
                return r.Name.Length > 0 ? r.Name : r.Id;
        }
    }

    private static string Or(string value, string fallback) => value.Length > 0 ? value : fallback;

    private static string Unique(string key, HashSet<string> used, string separator)
    {
        var candidate = key;
        for (var n = 2; !used.Add(candidate); n++) candidate = $"{key}{separator}{n}";
        return candidate;
    }

    /// <summary>"Customer Lookup", "CustomerLookup", "customer-lookup" → "customer_lookup"; digits stay.</summary>
    public static string Snake(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                // A word boundary inside camel case: "customerLookup", "HTTPServer" → customer_lookup, http_server.
                if (char.IsAsciiLetterUpper(c) && i > 0 && sb.Length > 0 && sb[^1] != '_'
                    && (char.IsAsciiLetterLower(text[i - 1]) || char.IsAsciiDigit(text[i - 1]) || (i + 1 < text.Length && char.IsAsciiLetterLower(text[i + 1]) && char.IsAsciiLetterUpper(text[i - 1]))))
                    sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0 && sb[^1] != '_')
            {
                sb.Append('_');
            }
        }
        return sb.ToString().Trim('_');
    }

    /// <summary>A flow's file name: its name in lower case with hyphens ("Main IVR" → main-ivr.json), unique in the folder.</summary>
    public static string FlowFile(string name, HashSet<string> used)
    {
        var stem = Snake(name).Replace('_', '-');
        if (stem.Length == 0) stem = "flow";
        if (stem.Length > 80) stem = stem[..80].TrimEnd('-');
        return Unique(stem, used, "-") + ".json";
    }
}
