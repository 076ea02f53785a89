using System.Management.Automation;
using ConnectOps.Completion;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.State.Operations;

namespace ConnectOps.Commands;

/// <summary>
/// Returns $true when AWS differs from the config or the state (changes an apply would make, or resources
/// changed or deleted outside ConnectOps), $false when it matches: for Pester (<c>Test-ConnectDrift | Should -BeFalse</c>)
/// and CI. -DetailedExitCode also sets $LASTEXITCODE: 0 no drift, 2 drift, 1 error. Changes nothing.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "ConnectDrift")]
[OutputType(typeof(bool), typeof(DriftReport))]
public sealed class TestConnectDriftCommand : StateCmdletBase
{
    [Parameter]
    public Component[]? Component { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(AddressCompleter))]
    public string[]? Target { get; set; }

    /// <summary>Returns the drift report (what differs) instead of $true/$false.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Sets $LASTEXITCODE: 0 no drift, 2 drift, 1 error.</summary>
    [Parameter]
    public SwitchParameter DetailedExitCode { get; set; }

    protected override void Run()
    {
        try
        {
            var scope = ScopeParser.Parse(this, Component, Target);
            var config = LoadConfig();
            using var workspace = OpenWorkspace(config);
            var ops = new LiveStateOperations(workspace.Config, workspace.Store, workspace.Aws, Engine) { PollInterval = workspace.PollInterval };
            var report = RunEngine(ct => ops.DetectDriftAsync(scope, ct), config.ConfigPath);
            foreach (var line in report.Render().TrimEnd().Split('\n')) WriteVerbose(line);
            if (DetailedExitCode) SetExitCode(report.HasDrift ? 2 : 0);
            WriteObject(PassThru ? report : report.HasDrift);
        }
        catch (PipelineStoppedException)
        {
            throw;
        }
        catch (RuntimeException) when (DetailedExitCode)
        {
            SetExitCode(1);
            throw;
        }
    }

    private void SetExitCode(int code) => SessionState.PSVariable.Set("global:LASTEXITCODE", code);
}
