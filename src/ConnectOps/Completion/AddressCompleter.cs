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
        var full = ResolveInCurrentLocation(configPath);
        if (full is null) yield break;
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

    /// <summary>Resolves the path against PowerShell's current location (not the process directory).</summary>
    private static string? ResolveInCurrentLocation(string path)
    {
        try
        {
            // Completers run on the pipeline thread of the session being completed: a script block sees its location.
            var resolved = ScriptBlock.Create("param($p) $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($p)").Invoke(path);
            return resolved.Count == 1 && resolved[0]?.BaseObject is string s ? s : Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PSInvalidOperationException or ItemNotFoundException or ProviderNotFoundException or System.Management.Automation.DriveNotFoundException or RuntimeException)
        {
            return null;
        }
    }
}
