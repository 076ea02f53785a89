using System.Management.Automation;
using ConnectOps.Engine.State.Operations;

namespace ConnectOps.Commands;

/// <summary>
/// Rolls the state back to an earlier version (from Get-ConnectStateHistory) by writing its content as a new
/// version: serial = the highest so far + 1, lineage kept, history never deleted. Recovers a damaged or deleted
/// state object too. Nothing changes in AWS: run Invoke-ConnectPlan -RefreshOnly afterwards.
/// </summary>
[Cmdlet(VerbsData.Restore, "ConnectState", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(RestoreResult))]
public sealed class RestoreConnectStateCommand : StateCmdletBase
{
    /// <summary>A version id (S3 VersionId) or a serial.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("VersionId", "Serial")]
    public string Version { get; set; } = "";

    /// <summary>Skips confirmation, and restores a version of another lineage (with a warning).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void Run()
    {
        var config = LoadConfig();
        var ops = StateOperationsFor(config);
        SkipConfirmationWhen(Force);
        var result = RunEngine(ct => ops.RestoreAsync(Version, Force, ct), Version);
        if (result is null) return;
        WriteObject(result);
    }
}
