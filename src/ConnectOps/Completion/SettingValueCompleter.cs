using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace ConnectOps.Completion;

/// <summary>
/// Completes the fixed values of a setting (-Status ENABLED, -PhoneType SOFT_PHONE …). A completer rather than
/// [ValidateSet], so an empty CSV cell still binds and the config's validation gives each bad row one clear error.
/// </summary>
public sealed class SettingValueCompleter : IArgumentCompleter
{
    internal static IReadOnlyList<string> ValuesOf(string commandName, string parameterName) => parameterName.ToUpperInvariant() switch
    {
        "STATUS" when commandName.EndsWith("ContactFlow", StringComparison.OrdinalIgnoreCase) => ["PUBLISHED", "SAVED"],
        "STATUS" => ["ENABLED", "DISABLED"],
        "PHONETYPE" => ["SOFT_PHONE", "DESK_PHONE"],
        "TYPE" when commandName.EndsWith("QuickConnect", StringComparison.OrdinalIgnoreCase) => ["USER", "QUEUE", "PHONE_NUMBER", "FLOW"],
        "TYPE" when commandName.EndsWith("PhoneNumber", StringComparison.OrdinalIgnoreCase) => ["DID", "TOLL_FREE", "UIFN", "SHARED", "THIRD_PARTY_DID", "THIRD_PARTY_TF", "SHORT_CODE"],
        "TYPE" when commandName.EndsWith("ContactFlow", StringComparison.OrdinalIgnoreCase) =>
            ["CONTACT_FLOW", "CUSTOMER_QUEUE", "CUSTOMER_HOLD", "CUSTOMER_WHISPER", "AGENT_HOLD", "AGENT_WHISPER", "OUTBOUND_WHISPER", "AGENT_TRANSFER", "QUEUE_TRANSFER", "CAMPAIGN"],
        "AGENTAVAILABILITYTIMER" => ["TIME_SINCE_LAST_ACTIVITY", "TIME_SINCE_LAST_INBOUND"],
        _ => [],
    };

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var word = (wordToComplete ?? "").Trim('\'', '"');
        return ValuesOf(commandName, parameterName).Where(v => v.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v)).ToList();
    }
}
