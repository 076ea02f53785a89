using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Config;
using ConnectOps.Engine.Imperative;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Reconcilers;
using ConnectOps.Engine.State;
using ConnectOps.Hosting;

namespace ConnectOps.Completion;

/// <summary>
/// Completes resource names (-Name of Get-ConnectQueue, -RoutingProfile of New-ConnectUser …) with what the config
/// declares, what state holds (resources cmdlets made) and the instance's built-in resources. Reads files only: the
/// config and a Local state file; never AWS.
/// </summary>
public sealed class ResourceNameCompleter : IArgumentCompleter
{
    /// <summary>The component a parameter names, by parameter name; the key parameters take the command's own.</summary>
    internal static Component? ComponentOf(string commandName, string parameterName) => parameterName.ToUpperInvariant() switch
    {
        "HOURSOFOPERATION" => Component.HoursOfOperation,
        "ROUTINGPROFILE" => Component.RoutingProfiles,
        "SECURITYPROFILES" or "SECURITYPROFILE" => Component.SecurityProfiles,
        "HIERARCHYGROUP" or "PARENT" => Component.HierarchyGroups,
        "CONTACTFLOW" or "OUTBOUNDFLOW" => Component.ContactFlows,
        "QUICKCONNECTS" => Component.QuickConnects,
        "OUTBOUNDCALLERIDNUMBER" => Component.PhoneNumbers,
        "DEFAULTOUTBOUNDQUEUE" or "QUEUE" => Component.Queues,
        "USER" => Component.Users,
        "NAME" or "USERNAME" or "KEY" => OfCommand(commandName),
        _ => null,
    };

    private static Component? OfCommand(string commandName)
    {
        var dash = commandName.IndexOf('-', StringComparison.Ordinal);
        var noun = dash < 0 ? commandName : commandName[(dash + 1)..];
        foreach (var component in Enum.GetValues<Component>())
        {
            if (Nouns.Cmdlet(component).Equals(noun, StringComparison.OrdinalIgnoreCase)) return component;
        }
        return null;
    }

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        if (ComponentOf(commandName, parameterName) is not { } component) return [];
        var word = (wordToComplete ?? "").Trim('\'', '"');
        // A comma-separated list (-SecurityProfiles Agent,Sup…): complete the last item.
        var names = Names(component, ConfigPathOf(fakeBoundParameters));
        return names.Where(n => n.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.OrdinalIgnoreCase)
            .Select(n => new CompletionResult(n.Contains(' ', StringComparison.Ordinal) || n.Contains('\'', StringComparison.Ordinal) ? $"'{n.Replace("'", "''", StringComparison.Ordinal)}'" : n, n, CompletionResultType.ParameterValue, n))
            .ToList();
    }

    private static string? ConfigPathOf(IDictionary fakeBoundParameters)
    {
        var given = fakeBoundParameters["ConfigPath"] as string ?? SessionDefaults.Current?.ConfigPath ?? ConnectOps.Commands.ConnectCmdletBase.DefaultConfigFile;
        try
        {
            if (Path.IsPathRooted(given)) return given;
            var location = Runspace.DefaultRunspace?.SessionStateProxy.Path.CurrentFileSystemLocation.ProviderPath;
            return Path.GetFullPath(Path.Combine(location ?? Directory.GetCurrentDirectory(), given));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PSInvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Names of <paramref name="component"/>: declared, in state (key and AWS name), and built in.</summary>
    internal static IReadOnlyCollection<string> Names(Component component, string? configPath)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        names.UnionWith(component switch
        {
            Component.HoursOfOperation => BuiltInResources.HoursOfOperation,
            Component.Queues => BuiltInResources.Queues,
            Component.RoutingProfiles => BuiltInResources.RoutingProfiles,
            Component.SecurityProfiles => BuiltInResources.SecurityProfiles,
            Component.ContactFlows => BuiltInResources.ContactFlows,
            _ => [],
        });
        if (configPath is null || !File.Exists(configPath)) return names;
        var loaded = ConfigLoader.Load(configPath, new PsdConfigReader());
        if (loaded.Config is not { } config) return names;
        names.UnionWith(config.AllResources().Select(r => r.Address).Where(a => a.Component == component && a.Key is not null).Select(a => a.Key!));
        if (config.State.Backend != StateBackend.Local || config.State.Path is not { } statePath || !File.Exists(statePath)) return names;
        try
        {
            var state = new LocalStateStore(statePath).ReadAsync().GetAwaiter().GetResult()?.Document;
            foreach (var (address, resource) in state?.Resources ?? StateDocument.New().Resources)
            {
                if (address.Component != component || address.Key is null) continue;
                names.Add(address.Key);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or StateException)
        {
            // Completion never fails: an unreadable state just completes fewer names.
        }
        return names;
    }
}
