using System.Management.Automation;
using ConnectOps.Completion;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.State.Operations;

namespace ConnectOps.Commands;

/// <summary>
/// Refreshes state from AWS (terraform refresh / apply -refresh-only): ids, ARNs and attributes take their live
/// values; entries of resources that are gone are dropped, with a warning each. Nothing changes in AWS.
/// </summary>
[Cmdlet(VerbsData.Sync, "ConnectState", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(RefreshedResource))]
public sealed class SyncConnectStateCommand : StateCmdletBase
{
    /// <summary>Only these addresses (wildcards allowed).</summary>
    [Parameter(Position = 0)]
    [ArgumentCompleter(typeof(AddressCompleter))]
    public string[]? Target { get; set; }

    protected override void Run()
    {
        var scope = ScopeParser.Parse(this, null, Target);
        var config = LoadConfig();
        using var workspace = OpenWorkspace(config);
        var ops = new LiveStateOperations(workspace.Config, workspace.Store, workspace.Aws, Engine) { LockTimeout = LockWait, PollInterval = workspace.PollInterval };
        var result = RunEngine(ct => ops.SyncAsync(scope.Targets, ct), config.ConfigPath);
        if (result is null) return;
        WriteVerbose(result.Changed + result.Gone == 0
            ? $"State at {result.Location} matches AWS; nothing written."
            : $"Refreshed {result.Location}: {result.Changed} changed, {result.Gone} dropped (serial {result.Serial}).");
        foreach (var r in result.Resources.Where(r => r.Status != RefreshStatus.Unchanged)) WriteObject(r);
    }
}
