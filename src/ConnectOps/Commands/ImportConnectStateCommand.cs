using System.Management.Automation;
using ConnectOps.Engine.State;

namespace ConnectOps.Commands;

/// <summary>
/// Replaces the state with a file (terraform state push), written as a new serial under the lock. Refused when
/// the file is another lineage, older (lower serial) than the state, or the same serial with other content;
/// -Force overrides that with a warning (the replaced state stays in the history).
/// </summary>
[Cmdlet(VerbsData.Import, "ConnectState", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(StateSnapshot))]
public sealed class ImportConnectStateCommand : StateCmdletBase
{
    /// <summary>A state file (from Export-ConnectState).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    public string Path { get; set; } = "";

    /// <summary>Pushes even across lineage or serial checks (with a warning), and skips confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void Run()
    {
        var full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        if (!File.Exists(full))
        {
            ThrowTerminatingError(new ErrorRecord(new FileNotFoundException($"The state file '{full}' does not exist.", full), "ConnectOps.FileNotFound", ErrorCategory.ObjectNotFound, full));
        }
        var content = File.ReadAllBytes(full);
        var config = LoadConfig();
        var ops = StateOperationsFor(config);
        SkipConfirmationWhen(Force);
        var written = RunEngine(ct => ops.PushAsync(content, full, Force, ct), full);
        if (written is null) return;
        WriteVerbose($"Pushed {full} to {ops.Store.Location} as serial {written.Document.Serial}.");
        WriteObject(written);
    }
}
