using System.Management.Automation;
using ConnectOps.Completion;
using ConnectOps.Engine.Config;
using ConnectOps.Engine.Imperative;
using ConnectOps.Engine.Model;
using ConnectOps.Hosting;
using ConnectOps.Resources;

namespace ConnectOps.Commands;

/// <summary>
/// What every Get- resource cmdlet shares: one bulk read of the component (and the components its references name),
/// filtered by -Name with wildcards. With a config, the instance comes from its state and ManagedBy from state; with
/// -InstanceId (or Set-ConnectDefault -InstanceId and no config file) no config is needed.
/// </summary>
public abstract class ConnectGetCmdletBase : ConnectCmdletBase
{
    /// <summary>Names to show; wildcards allowed (default: all).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [Alias("Username")]
    [ArgumentCompleter(typeof(ResourceNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>Reads this instance (id or ARN) without a config: use with -Region/-EndpointUrl.</summary>
    [Parameter]
    public string? InstanceId { get; set; }

    private readonly List<string> _names = [];
    private bool _all;

    protected override void ProcessRecord()
    {
        if (Name is null || Name.Length == 0) _all = true;
        else _names.AddRange(Name.Where(n => !string.IsNullOrWhiteSpace(n)));
    }

    protected override void Run()
    {
        var component = ResourceKinds.ComponentOf(GetType());
        IReadOnlyList<ResourceView> views;
        try
        {
            var instanceId = InstanceId ?? (ConfigPath is null && !File.Exists(ResolveConfigPath()) ? SessionDefaults.Current?.InstanceId : null);
            if (instanceId is not null)
            {
                var config = BareConfig(instanceId);
                using var aws = OpenAws(config);
                views = Engine.Run(ct => ResourceReader.ReadAsync(config, null, aws, Engine, component, instanceId, ct));
            }
            else
            {
                var config = LoadConfig();
                using var workspace = OpenWorkspace(config);
                var state = Engine.Run(ct => workspace.Store.ReadAsync(ct))?.Document;
                views = Engine.Run(ct => ResourceReader.ReadAsync(config, state, workspace.Aws, Engine, component, null, ct));
            }
        }
        catch (Exception ex) when (IsEngineError(ex))
        {
            ThrowEngineError(ex, InstanceId ?? ConfigPath);
            return;
        }

        var patterns = _all || _names.Count == 0 ? null : _names.Select(n => (Text: n, Pattern: WildcardPattern.Get(n, WildcardOptions.IgnoreCase))).ToList();
        var found = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var view in views)
        {
            var match = patterns?.FirstOrDefault(p => p.Pattern.IsMatch(view.Name) || p.Pattern.IsMatch(view.Address.Key ?? ""));
            if (patterns is not null && match?.Text is null) continue;
            if (match?.Text is { } text) found.Add(text);
            WriteObject(ResourceObjects.From(view));
        }
        foreach (var name in patterns?.Where(p => !WildcardPattern.ContainsWildcardCharacters(p.Text) && !found.Contains(p.Text)).Select(p => p.Text) ?? [])
        {
            WriteError(new ErrorRecord(new ItemNotFoundException($"No {Nouns.Of(component)} named '{name}' exists in the instance. Run Get-{Nouns.Cmdlet(component)} without -Name to list them."),
                "ConnectOps.ResourceNotFound", ErrorCategory.ObjectNotFound, name));
        }
    }

    /// <summary>A config that names only the instance (and Region): what the readers need when there is no config file.</summary>
    private ConnectConfig BareConfig(string instanceId)
    {
        var bound = ConfigBinder.BindInstance(instanceId, Region, Path.Combine(SessionState.Path.CurrentFileSystemLocation.Path, "(no config)"), "-InstanceId");
        if (bound.Config is { } config) return config;
        ThrowTerminatingError(new ErrorRecord(new ArgumentException(string.Join(" ", bound.Errors.Select(e => e.Message))),
            "ConnectOps.InvalidInstanceId", ErrorCategory.InvalidArgument, instanceId));
        return null!;
    }
}
