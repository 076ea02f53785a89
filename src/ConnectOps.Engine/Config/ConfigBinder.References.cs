using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.Config;

// By-key references: every name must be declared in the config or be one of the instance's built-ins.
public sealed partial class ConfigBinder
{
    private static readonly Dictionary<string, ContactFlowType> BuiltInFlowTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Default agent hold"] = ContactFlowType.AgentHold,
        ["Default agent transfer"] = ContactFlowType.AgentTransfer,
        ["Default agent whisper"] = ContactFlowType.AgentWhisper,
        ["Default customer hold"] = ContactFlowType.CustomerHold,
        ["Default customer queue"] = ContactFlowType.CustomerQueue,
        ["Default customer whisper"] = ContactFlowType.CustomerWhisper,
        ["Default outbound"] = ContactFlowType.OutboundWhisper,
        ["Default queue transfer"] = ContactFlowType.QueueTransfer,
    };

    private static IReadOnlyList<string> BuiltIns(Component component) => component switch
    {
        Component.HoursOfOperation => BuiltInResources.HoursOfOperation,
        Component.Queues => BuiltInResources.Queues,
        Component.RoutingProfiles => BuiltInResources.RoutingProfiles,
        Component.SecurityProfiles => BuiltInResources.SecurityProfiles,
        Component.ContactFlows => BuiltInResources.ContactFlows,
        Component.Iam => ["ConnectRole"],
        Component.Logging => ["ContactFlowLogs"],
        _ => [],
    };

    private static string Noun(Component component) => component switch
    {
        Component.HoursOfOperation => "hours of operation",
        Component.Queues => "queue",
        Component.RoutingProfiles => "routing profile",
        Component.SecurityProfiles => "security profile",
        Component.QuickConnects => "quick connect (QuickConnects key)",
        Component.PhoneNumbers => "phone number (PhoneNumbers key)",
        Component.ContactFlows => "contact flow",
        Component.HierarchyGroups => "hierarchy group",
        Component.Users => "user",
        Component.LambdaFunctions => "Lambda function (LambdaFunctions key)",
        Component.LexBots => "Lex bot",
        _ => component.ToString(),
    };

    private void CheckReferences(List<ContactFlowSpec> flows)
    {
        foreach (var reference in _ctx.References)
        {
            var target = reference.Target;
            if (ResourceAddress.IsSingleton(target)) continue; // ${Instance}, ${HierarchyStructure}
            var builtIns = BuiltIns(target);
            var declared = _names.Contains(target, reference.Name);
            var builtIn = builtIns.Contains(reference.Name, StringComparer.OrdinalIgnoreCase)
                || (!declared && _existsElsewhere?.Invoke(target, reference.Name) == true);
            if (!declared && !builtIn)
            {
                var candidates = _names.All(target).Concat(builtIns).ToList();
                var suggestion = NearestName.Find(reference.Name, candidates);
                var what = reference.IsPlaceholder ? $"The placeholder ${{{target}/{reference.Name}}}" : $"'{BindContext.Shorten(reference.Name)}'";
                var declaredHint = candidates.Count == 0
                    ? $" No {Noun(target)} is declared; add it to {target}."
                    : suggestion is not null ? $" Did you mean '{suggestion}'?" : $" Declare it in {target}, or use one of: {string.Join(", ", candidates.Take(10).Select(c => $"'{c}'"))}{(candidates.Count > 10 ? ", ..." : "")}.";
                _ctx.Error(reference.IsPlaceholder ? ConfigErrorCodes.UnresolvedPlaceholder : ConfigErrorCodes.DanglingReference,
                    $"{what} names a {Noun(target)} that does not exist.{declaredHint}", reference.Position, reference.KeyPath);
                continue;
            }
            if (reference.FlowType is { } expected && target == Component.ContactFlows)
            {
                ContactFlowType? actual = _flowTypes.TryGetValue(reference.Name, out var t) ? t
                    : BuiltInFlowTypes.TryGetValue(reference.Name, out var b) && !declared ? b : null;
                if (actual is { } a && a != expected)
                {
                    _ctx.Error(ConfigErrorCodes.InvalidValue,
                        $"Contact flow '{reference.Name}' has Type {EnumWire.ToWire(a)}, but this reference needs a {EnumWire.ToWire(expected)} flow.",
                        reference.Position, reference.KeyPath);
                }
            }
        }
    }
}
