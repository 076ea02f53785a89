using System.Management.Automation;
using ConnectOps.Engine.State;

namespace ConnectOps.Commands;

/// <summary>
/// The versions of the state, newest first, with serial, time, who wrote each and by which operation: S3 object
/// versions (bucket versioning), or the numbered copies the local backend keeps. Delete markers show where the
/// state object was deleted. Restore-ConnectState -Version rolls back to one.
/// </summary>
[Cmdlet(VerbsCommon.Get, "ConnectStateHistory")]
[OutputType(typeof(StateVersion))]
public sealed class GetConnectStateHistoryCommand : StateCmdletBase
{
    /// <summary>How many versions to list (newest first).</summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    public int First { get; set; } = 20;

    protected override void Run()
    {
        var config = LoadConfig();
        var ops = StateOperationsFor(config);
        var versions = RunEngine(ct => ops.HistoryAsync(First, ct), ops.Store.Location);
        if (versions.Count == 0) WriteWarning($"No history for {ops.Store.Location}: nothing written yet{(config.State.Backend == ConnectOps.Engine.Model.StateBackend.S3 ? ", or bucket versioning is off" : "")}.");
        foreach (var v in versions) WriteObject(v);
    }
}
