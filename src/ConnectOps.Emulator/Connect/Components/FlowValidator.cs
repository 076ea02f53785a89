using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectOps.Emulator.Connect.Components;

/// <summary>
/// Structural validation of flow-language content (connect-api-notes §7): Version 2019-10-30, StartAction exists,
/// ≤250 actions, unique identifiers ≤50 chars without reserved characters or names, object Transitions, and every
/// NextAction resolves. Returns the problems the service reports in InvalidContactFlowException.
/// </summary>
internal static class FlowValidator
{
    public const int MaxActions = 250;
    public const int MaxIdentifierLength = 50;

    private static readonly char[] ForbiddenCharacters = ['%', ':', '(', '\\', '/', ')', '=', '$', ',', ';', '[', ']', '{', '}'];

    private static readonly HashSet<string> ReservedIdentifiers = new(StringComparer.Ordinal)
    {
        "__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable",
        "toLocaleString", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
    };

    /// <summary>Only checks that the content is a JSON object (what SAVED content must be).</summary>
    public static List<string> ParseProblems(string content, out JsonObject? flow)
    {
        flow = null;
        try
        {
            flow = JsonNode.Parse(content) as JsonObject;
            return flow is null ? ["Flow content must be a JSON object."] : [];
        }
        catch (JsonException e)
        {
            return [$"Flow content is not valid JSON: {e.Message}"];
        }
    }

    public static List<string> Validate(string content)
    {
        var problems = ParseProblems(content, out var flow);
        if (flow is null)
        {
            return problems;
        }

        if (flow["Version"] is not JsonValue version || version.ToString() != "2019-10-30")
        {
            problems.Add("Version must be \"2019-10-30\".");
        }

        if (flow["Actions"] is not JsonArray actions)
        {
            problems.Add("Actions must be a list of actions.");
            return problems;
        }

        if (actions.Count > MaxActions)
        {
            problems.Add($"A flow can have at most {MaxActions} actions; this one has {actions.Count}.");
        }

        var identifiers = new HashSet<string>(StringComparer.Ordinal);
        var transitions = new List<(string From, string To)>();
        for (var i = 0; i < actions.Count; i++)
        {
            if (actions[i] is not JsonObject action)
            {
                problems.Add($"Actions[{i}] must be an object.");
                continue;
            }

            var identifier = action["Identifier"] is JsonValue idValue && idValue.GetValueKind() == JsonValueKind.String ? idValue.GetValue<string>() : null;
            if (string.IsNullOrEmpty(identifier))
            {
                problems.Add($"Actions[{i}] has no Identifier.");
                continue;
            }

            if (!identifiers.Add(identifier))
            {
                problems.Add($"Identifier '{identifier}' is used by more than one action.");
            }

            if (identifier.Length > MaxIdentifierLength)
            {
                problems.Add($"Identifier '{identifier}' is longer than {MaxIdentifierLength} characters.");
            }

            if (identifier.IndexOfAny(ForbiddenCharacters) >= 0)
            {
                problems.Add($"Identifier '{identifier}' contains a character that is not allowed (% : ( \\ / ) = $ , ; [ ] {{ }}).");
            }

            if (ReservedIdentifiers.Contains(identifier))
            {
                problems.Add($"Identifier '{identifier}' is a reserved name.");
            }

            if (action["Type"] is not JsonValue)
            {
                problems.Add($"Action '{identifier}' has no Type.");
            }

            switch (action["Transitions"])
            {
                case null:
                    break;
                case JsonObject t:
                    CollectTransitions(identifier, t, transitions);
                    break;
                default:
                    problems.Add($"Transitions of action '{identifier}' must be an object.");
                    break;
            }
        }

        var start = flow["StartAction"] is JsonValue startValue ? startValue.ToString() : null;
        if (string.IsNullOrEmpty(start))
        {
            problems.Add("StartAction is required.");
        }
        else if (!identifiers.Contains(start))
        {
            problems.Add($"StartAction '{start}' does not match any action's Identifier.");
        }

        foreach (var (from, to) in transitions.Where(t => !identifiers.Contains(t.To)))
        {
            problems.Add($"Action '{from}' transitions to '{to}', which does not match any action's Identifier.");
        }

        return problems;
    }

    private static void CollectTransitions(string from, JsonObject transitions, List<(string, string)> found)
    {
        if (transitions["NextAction"] is JsonValue next)
        {
            found.Add((from, next.ToString()));
        }

        foreach (var list in new[] { "Errors", "Conditions" })
        {
            foreach (var entry in (transitions[list] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (entry["NextAction"] is JsonValue target)
                {
                    found.Add((from, target.ToString()));
                }
            }
        }
    }
}
