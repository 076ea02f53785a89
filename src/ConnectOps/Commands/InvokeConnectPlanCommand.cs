using System.Management.Automation;
using ConnectOps.Completion;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Commands;

/// <summary>Compares the config with state and AWS and returns the plan (reads only; changes nothing).</summary>
[Cmdlet(VerbsLifecycle.Invoke, "ConnectPlan")]
[OutputType(typeof(Plan), typeof(ConnectOps.Engine.State.Operations.DriftReport))]
public sealed class InvokeConnectPlanCommand : ConnectCmdletBase
{
    /// <summary>Plan only these components (and the creates they need).</summary>
    [Parameter]
    public Component[]? Component { get; set; }

    /// <summary>Plan only these addresses (wildcards allowed), and the creates they need.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(AddressCompleter))]
    public string[]? Target { get; set; }

    /// <summary>Also write the plan to this file, for Invoke-ConnectApply -Plan.</summary>
    [Parameter]
    public string? OutFile { get; set; }

    /// <summary>Sets $LASTEXITCODE: 0 no changes, 1 error, 2 changes (as terraform plan -detailed-exitcode).</summary>
    [Parameter]
    public SwitchParameter DetailedExitCode { get; set; }

    /// <summary>
    /// Shows only what changed outside ConnectOps (live AWS vs state), as terraform plan -refresh-only; returns a
    /// drift report instead of a plan. Sync-ConnectState takes the changes into state.
    /// </summary>
    [Parameter]
    public SwitchParameter RefreshOnly { get; set; }

    protected override void Run()
    {
        try
        {
            var config = LoadConfig();
            var scope = ScopeParser.Parse(this, Component, Target);
            using var workspace = OpenWorkspace(config);
            if (RefreshOnly)
            {
                var ops = new ConnectOps.Engine.State.Operations.LiveStateOperations(workspace.Config, workspace.Store, workspace.Aws, Engine) { PollInterval = workspace.PollInterval };
                var targets = scope.Targets.Concat(scope.Components.Select(c => AddressPattern.Parse(ComponentPattern(c)))).ToList();
                var report = Engine.Run(ct => ops.RefreshOnlyAsync(targets, ct));
                if (DetailedExitCode) SetExitCode(report.HasDrift ? 2 : 0);
                WriteObject(report);
                return;
            }
            var plan = Engine.Run(ct => workspace.PlanAsync(scope, ct));
            foreach (var (op, n) in plan.Statistics.ApiCalls) WriteVerbose($"API calls: {op} × {n}");
            WriteVerbose($"API calls in all: {plan.Statistics.TotalApiCalls}");
            if (OutFile is not null)
            {
                var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutFile);
                PlanFile.Write(plan, path);
                WriteVerbose($"Plan written to {path}.");
            }
            if (DetailedExitCode) SetExitCode(plan.IsEmpty ? 0 : 2);
            WriteObject(plan);
        }
        catch (Exception ex) when (IsEngineError(ex))
        {
            if (DetailedExitCode) SetExitCode(1);
            ThrowEngineError(ex, ConfigPath);
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

    private static string ComponentPattern(Component component) =>
        ConnectOps.Engine.Addressing.ResourceAddress.IsSingleton(component) ? component.ToString() : $"{component}/*";
}

/// <summary>Turns -Component and -Target into the engine's plan scope, refusing malformed targets.</summary>
internal static class ScopeParser
{
    public static PlanScope Parse(PSCmdlet cmdlet, Component[]? components, string[]? targets)
    {
        var patterns = new List<AddressPattern>();
        foreach (var t in targets ?? [])
        {
            if (!AddressPattern.TryParse(t, out var p, out var error))
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(new ArgumentException(error, "Target"), "ConnectOps.InvalidTarget", ErrorCategory.InvalidArgument, t));
            }
            patterns.Add(p!);
        }
        return new PlanScope { Components = components ?? [], Targets = patterns };
    }
}
