using System.Management.Automation;
using ConnectOps.Completion;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.State.Operations;

namespace ConnectOps.Commands;

/// <summary>
/// Brings existing resources under management (terraform import): one by its AWS id or ARN (-Id) or its name
/// (-Name), or with -All every config resource whose name matches a live resource. Writes state only
/// (Origin=Import); nothing changes in AWS. The next plan shows how the resource differs from the config.
/// </summary>
[Cmdlet(VerbsData.Import, "ConnectResource", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = IdSet)]
[OutputType(typeof(ImportedResource))]
public sealed class ImportConnectResourceCommand : StateCmdletBase
{
    private const string IdSet = "Id";
    private const string NameSet = "Name";
    private const string AllSet = "All";

    /// <summary>The address to import to (Queues/CustomerService, Instance …).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(AddressCompleter))]
    public string Address { get; set; } = "";

    /// <summary>The resource's AWS id or ARN.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
    public string Id { get; set; } = "";

    /// <summary>The resource's name in AWS (the instance's alias for Instance).</summary>
    [Parameter(Mandatory = true, ParameterSetName = NameSet, ValueFromPipelineByPropertyName = true)]
    public string Name { get; set; } = "";

    /// <summary>Adopts every config resource not in state whose name matches a live resource.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    public SwitchParameter All { get; set; }

    private readonly List<(string Address, string? Id, string? Name)> _requests = new();

    protected override void ProcessRecord()
    {
        if (ParameterSetName != AllSet) _requests.Add((Address, ParameterSetName == IdSet ? Id : null, ParameterSetName == NameSet ? Name : null));
    }

    protected override void Run()
    {
        var config = LoadConfig();
        using var workspace = OpenWorkspace(config);
        var ops = new LiveStateOperations(workspace.Config, workspace.Store, workspace.Aws, Engine) { LockTimeout = LockWait, PollInterval = workspace.PollInterval };
        if (ParameterSetName == AllSet)
        {
            Write(RunEngine(ct => ops.ImportAllAsync(ct), config.ConfigPath));
            return;
        }
        foreach (var (text, id, name) in _requests)
        {
            if (!ResourceAddress.TryParse(text, out var address, out var error))
            {
                WriteError(new ErrorRecord(new ArgumentException(error, nameof(Address)), "ConnectOps.InvalidAddress", ErrorCategory.InvalidArgument, text));
                continue;
            }
            Write(RunEngine(ct => ops.ImportAsync(address, id, name, ct), text));
        }
    }

    private void Write(ImportResult? result)
    {
        if (result is null) return;
        WriteVerbose($"Imported {result.Imported.Count} resource(s) into {result.Location} (serial {result.Serial}).");
        foreach (var imported in result.Imported) WriteObject(imported);
    }
}
