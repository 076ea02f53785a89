using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using ConnectOps.Engine.Config;
using ConnectOps.Hosting;

namespace ConnectOps.Completion;

/// <summary>Completes -Target / -Address with the addresses the config declares.</summary>
public sealed class AddressCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var word = (wordToComplete ?? "").Trim('\'', '"');
        var configPath = fakeBoundParameters["ConfigPath"] as string ?? "connectops.psd1";
        string full;
        try { full = Path.GetFullPath(configPath); } catch (ArgumentException) { yield break; }
        if (!File.Exists(full)) yield break;
        var loaded = ConfigLoader.Load(full, new PsdConfigReader());
        if (loaded.Config is null) yield break;
        foreach (var address in loaded.Config.AllResources().Select(r => r.Address.ToString()).Distinct())
        {
            if (!address.StartsWith(word, StringComparison.OrdinalIgnoreCase)) continue;
            var text = address.Contains(' ', StringComparison.Ordinal) ? $"'{address}'" : address;
            yield return new CompletionResult(text, address, CompletionResultType.ParameterValue, address);
        }
    }
}
