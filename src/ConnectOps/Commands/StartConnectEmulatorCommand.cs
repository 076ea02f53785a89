using System.Management.Automation;
using ConnectOps.Engine.Emulation;
using ConnectOps.Hosting;

namespace ConnectOps.Commands;

/// <summary>Starts the bundled Amazon Connect emulator on a free loopback port.</summary>
[Cmdlet(VerbsLifecycle.Start, "ConnectEmulator")]
[OutputType(typeof(ConnectEmulator))]
public sealed class StartConnectEmulatorCommand : PSCmdlet
{
    [Parameter]
    [ValidateRange(0, 65535)]
    public int Port { get; set; }

    [Parameter]
    [ValidateSet("off", "aws-default")]
    public string RateLimits { get; set; } = "off";

    [Parameter]
    [ValidateSet("aws-default", "off")]
    public string ResourceQuotas { get; set; } = "aws-default";

    [Parameter]
    [ValidateRange(0, 60_000)]
    public int LatencyMs { get; set; }

    [Parameter]
    public string? StateFile { get; set; }

    protected override void EndProcessing()
    {
        var dll = Path.Combine(ModuleInitializer.ModuleFolder, "emulator", "ConnectOps.Emulator.dll");
        var options = new EmulatorProcessOptions
        {
            Port = Port,
            RateLimits = RateLimits,
            ResourceQuotas = ResourceQuotas,
            LatencyMs = LatencyMs,
            StateFile = StateFile is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(StateFile),
            ExitWithProcessId = Environment.ProcessId,
        };
        try
        {
            var process = EmulatorProcess.StartAsync(dll, options).GetAwaiter().GetResult();
            var emulator = new ConnectEmulator(process);
            EmulatorRegistry.Add(emulator);
            WriteObject(emulator);
        }
        catch (Exception ex) when (ex is FileNotFoundException or InvalidOperationException or TimeoutException or OperationCanceledException)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "ConnectOps.EmulatorStartFailed", ErrorCategory.ResourceUnavailable, dll)
            {
                ErrorDetails = new ErrorDetails($"The Connect emulator did not start: {ex.Message}"),
            });
        }
    }
}
