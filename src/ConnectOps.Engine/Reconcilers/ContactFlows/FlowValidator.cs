using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Config;

namespace ConnectOps.Engine.Reconcilers.ContactFlows;

public enum FlowProblemSeverity { Error, Warning }

/// <summary>
/// One problem in a flow: what is wrong, where (a path inside the flow such as <c>Actions[2].Transitions.NextAction</c>)
/// and in which action (its Identifier, when the problem belongs to one).
/// </summary>
public sealed record FlowProblem(FlowProblemSeverity Severity, string Message, string Path, string? Action = null);

/// <summary>
/// Structural checks of the Amazon Connect flow language (reference/connect-api-notes.md §7), made before any
/// API call: Version 2019-10-30, a StartAction that names an action, at most 250 actions, unique identifiers of
/// at most 50 characters without reserved characters or names, Transitions objects whose every NextAction
/// (plain, Errors and Conditions) names an action, and placeholders that name something the config declares.
/// The pre-2019 export format (top-level "modules"/"start") is recognised and refused with what to do. An action
/// type ConnectOps does not know is a warning: the designer emits types newer than the documentation. Pure: no
/// I/O, no AWS.
/// </summary>
public static class FlowValidator
{
    public const string Version = "2019-10-30";
    public const int MaxActions = 250;
    public const int MaxIdentifierLength = 50;

    private static readonly char[] ForbiddenCharacters = ['%', ':', '(', '\\', '/', ')', '=', '$', ',', ';', '[', ']', '{', '}'];

    private static readonly HashSet<string> ReservedIdentifiers = new(StringComparer.Ordinal)
    {
        "__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable",
        "toLocaleString", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
    };

    /// <summary>The action types of the flow-language reference (contact, flow-control, interaction and participant actions).</summary>
    public static IReadOnlySet<string> KnownActionTypes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        // Contact actions
        "CompleteOutboundCall", "CreateCase", "CreateTask", "CreateWisdomSession", "DequeueContactAndTransferToQueue",
        "EndFlowModuleExecution", "GetCase", "InvokeFlowModule", "StartOutboundChatContact", "TagContact", "TransferContactToAgent",
        "TransferContactToQueue", "UnTagContact", "UpdateCase", "UpdateContactAttributes", "UpdateContactCallbackNumber",
        "UpdateContactData", "UpdateContactEventHooks", "UpdateContactMediaProcessing", "UpdateContactMediaStreamingBehavior",
        "UpdateContactRecordingBehavior", "UpdateContactRecordingAndAnalyticsBehavior", "ResumeContact", "UpdateContactRoutingBehavior",
        "UpdateContactTargetQueue", "UpdateContactTextToSpeechVoice", "UpdatePreviousContactParticipantState",
        // Flow control actions
        "CheckHoursOfOperation", "CheckMetricData", "CheckOutboundCallStatus", "CheckVoiceId", "Compare", "DistributeByPercentage",
        "EndFlowExecution", "GetMetricData", "Loop", "StartVoiceIdStream", "TransferToFlow", "UpdateFlowAttributes",
        "UpdateFlowLoggingBehavior", "UpdateRoutingCriteria", "Wait",
        // Interactions
        "InvokeLambdaFunction", "CreateCallbackContact", "AssociateContactToCustomerProfile", "CreateCustomerProfile",
        "GetCustomerProfile", "UpdateCustomerProfile", "GetCustomerProfileObject", "GetCalculatedAttributesForCustomerProfile",
        // Participant actions
        "ConnectParticipantWithLexBot", "DisconnectParticipant", "GetParticipantInput", "MessageParticipant",
        "MessageParticipantIteratively", "ShowView", "TransferParticipantToThirdParty",
    };

    /// <param name="flow">The bare flow (see <see cref="FlowDocument"/> for the wrappers).</param>
    /// <param name="placeholderExists">
    /// When given, every <c>${Component/Key}</c> placeholder must name an address it accepts (declared or built in).
    /// </param>
    public static IReadOnlyList<FlowProblem> Validate(JsonObject flow, Func<ResourceAddress, bool>? placeholderExists = null)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var problems = new List<FlowProblem>();
        if (IsLegacy(flow))
        {
            problems.Add(Error(
                "This is a flow in the pre-2019 export format (\"modules\"/\"start\"), which the Amazon Connect API does not accept. " +
                "Open the flow in the current flow designer and export it again, or read it with 'aws connect describe-contact-flow' " +
                "(its Content is the flow language, Version 2019-10-30).", flow.ContainsKey("modules") ? "modules" : "start"));
            return problems;
        }

        if (Text(flow["Version"]) != Version)
        {
            problems.Add(Error(flow.ContainsKey("Version")
                ? $"Version is {Show(flow["Version"])}; the flow language has one version: \"{Version}\"."
                : $"Version is missing: add \"Version\": \"{Version}\".", "Version"));
        }

        if (flow["Actions"] is not JsonArray actions)
        {
            problems.Add(Error("Actions must be a list of actions: \"Actions\": [ { \"Identifier\": ..., \"Type\": ..., \"Transitions\": { ... } } ].", "Actions"));
            return problems;
        }
        if (actions.Count > MaxActions)
            problems.Add(Error($"A flow has at most {MaxActions} actions; this one has {actions.Count}. Split it into flows or modules (TransferToFlow, InvokeFlowModule).", "Actions"));

        var identifiers = new HashSet<string>(StringComparer.Ordinal);
        var transitions = new List<(string From, string To, string Path)>();
        for (var i = 0; i < actions.Count; i++)
        {
            var path = $"Actions[{i}]";
            if (actions[i] is not JsonObject action)
            {
                problems.Add(Error($"{path} must be an object with Identifier, Type, Parameters and Transitions.", path));
                continue;
            }
            var identifier = Text(action["Identifier"]);
            if (string.IsNullOrEmpty(identifier))
            {
                problems.Add(Error($"{path} has no Identifier (a unique name, at most {MaxIdentifierLength} characters).", path));
                continue;
            }
            var idPath = $"{path}.Identifier";
            if (!identifiers.Add(identifier))
                problems.Add(Error($"Identifier '{identifier}' is used by more than one action; identifiers must be unique.", idPath, identifier));
            if (identifier.Length > MaxIdentifierLength)
                problems.Add(Error($"Identifier '{identifier}' has {identifier.Length} characters; at most {MaxIdentifierLength} are allowed.", idPath, identifier));
            if (identifier.IndexOfAny(ForbiddenCharacters) >= 0)
                problems.Add(Error($"Identifier '{identifier}' contains a character that is not allowed (% : ( \\ / ) = $ , ; [ ] {{ }}).", idPath, identifier));
            if (ReservedIdentifiers.Contains(identifier))
                problems.Add(Error($"Identifier '{identifier}' is a reserved name; choose another.", idPath, identifier));

            var type = Text(action["Type"]);
            if (string.IsNullOrEmpty(type))
                problems.Add(Error($"Action '{identifier}' has no Type.", path, identifier));
            else if (!KnownActionTypes.Contains(type))
                problems.Add(new FlowProblem(FlowProblemSeverity.Warning,
                    $"Action '{identifier}' has Type '{type}', which ConnectOps does not know (the designer may be newer than ConnectOps); it is sent as is.",
                    $"{path}.Type", identifier));

            switch (action["Transitions"])
            {
                case null:
                    break;
                case JsonObject t:
                    Collect(identifier, t, $"{path}.Transitions", transitions, problems);
                    break;
                default:
                    problems.Add(Error($"Transitions of action '{identifier}' must be an object ({{}} for an action that ends the flow).", $"{path}.Transitions", identifier));
                    break;
            }
        }

        var start = Text(flow["StartAction"]);
        if (string.IsNullOrEmpty(start))
            problems.Add(Error("StartAction is missing: name the Identifier of the first action.", "StartAction"));
        else if (!identifiers.Contains(start))
            problems.Add(Error($"StartAction '{start}' does not match any action's Identifier.", "StartAction"));

        foreach (var (from, to, path) in transitions.Where(t => !identifiers.Contains(t.To)))
            problems.Add(Error($"Action '{from}' goes to NextAction '{to}', which does not match any action's Identifier.", path, from));

        if (placeholderExists is not null) CheckPlaceholders(flow, "", null, placeholderExists, problems);
        return problems;
    }

    /// <summary>The pre-2019 designer export: <c>{ "modules": [...], "version": "1", "start": "...", ... }</c>.</summary>
    public static bool IsLegacy(JsonObject flow) =>
        !flow.ContainsKey("Actions") && (flow["modules"] is JsonArray || (flow.ContainsKey("start") && flow.ContainsKey("version")));

    private static void Collect(string from, JsonObject transitions, string path, List<(string, string, string)> found, List<FlowProblem> problems)
    {
        if (transitions["NextAction"] is { } next) Add(next, $"{path}.NextAction");
        foreach (var list in new[] { "Errors", "Conditions" })
        {
            switch (transitions[list])
            {
                case null:
                    break;
                case JsonArray entries:
                    for (var i = 0; i < entries.Count; i++)
                    {
                        if (entries[i] is JsonObject entry && entry["NextAction"] is { } target) Add(target, $"{path}.{list}[{i}].NextAction");
                    }
                    break;
                default:
                    problems.Add(Error($"Transitions.{list} of action '{from}' must be a list.", $"{path}.{list}", from));
                    break;
            }
        }

        void Add(JsonNode target, string at)
        {
            if (Text(target) is { } to) found.Add((from, to, at));
            else problems.Add(Error($"A NextAction of action '{from}' must be an action's Identifier (a string).", at, from));
        }
    }

    private static void CheckPlaceholders(JsonNode? node, string path, string? action, Func<ResourceAddress, bool> exists, List<FlowProblem> problems)
    {
        switch (node)
        {
            case JsonObject obj:
                if (path.StartsWith("Actions[", StringComparison.Ordinal) && path.IndexOf('.', StringComparison.Ordinal) < 0)
                    action = Text(obj["Identifier"]);
                foreach (var (name, value) in obj) CheckPlaceholders(value, path.Length == 0 ? name : $"{path}.{name}", action, exists, problems);
                break;
            case JsonArray arr:
                for (var i = 0; i < arr.Count; i++) CheckPlaceholders(arr[i], $"{path}[{i}]", action, exists, problems);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var found = FlowPlaceholders.Find(value.GetValue<string>(), out var invalid);
                foreach (var (text, error, _, _) in invalid)
                    problems.Add(Error($"The placeholder {text} does not name a resource: {error}", path, action));
                foreach (var match in found.Where(m => !ResourceAddress.IsSingleton(m.Address.Component) && !exists(m.Address)))
                    problems.Add(Error($"The placeholder {FlowPlaceholders.Format(match.Address, match.Attribute)} names {match.Address}, which the config neither declares nor has built in.", path, action));
                break;
        }
    }

    private static FlowProblem Error(string message, string path, string? action = null) => new(FlowProblemSeverity.Error, message, path, action);

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "null";
}
