using System.Management.Automation;
using ConnectOps.Hosting;

namespace ConnectOps.Commands;

/// <summary>Stops an emulator started by Start-ConnectEmulator (all of them when none is given).</summary>
[Cmdlet(VerbsLifecycle.Stop, "ConnectEmulator", SupportsShouldProcess = true)]
[OutputType(typeof(void))]
public sealed class StopConnectEmulatorCommand : PSCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true)]
    public ConnectEmulator[]? Emulator { get; set; }

    private readonly List<ConnectEmulator> _targets = new();

    protected override void ProcessRecord()
    {
        if (Emulator is not null) _targets.AddRange(Emulator);
    }

    protected override void EndProcessing()
    {
        var targets = _targets.Count > 0 ? _targets : EmulatorRegistry.All().ToList();
        foreach (var emulator in targets)
        {
            if (!ShouldProcess(emulator.Endpoint, "Stop the Connect emulator")) continue;
            emulator.Stop();
            EmulatorRegistry.Remove(emulator);
        }
    }
}
