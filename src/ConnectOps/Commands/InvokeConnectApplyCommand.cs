using System.Management.Automation;
using ConnectOps.Completion;
using ConnectOps.Engine.Abstractions;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Planning;

namespace ConnectOps.Commands;

/// <summary>
/// Applies the config (or a saved plan): creates, updates and deletes resources in dependency order, in
/// parallel within the rate limits, saving state after every change.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "ConnectApply", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ConfigSet)]
[OutputType(typeof(ApplyResult))]
public sealed class InvokeConnectApplyCommand : ConnectLockingCmdletBase
{
    private const string ConfigSet = "Config";
    private const string PlanSet = "Plan";
    private const string PlanFileSet = "PlanFile";

    /// <summary>A plan from Invoke-ConnectPlan (by pipeline) to apply exactly; refused when stale.</summary>
    [Parameter(ParameterSetName = PlanSet, ValueFromPipeline = true, Mandatory = true)]
    public Plan? Plan { get; set; }

    /// <summary>A plan file written by Invoke-ConnectPlan -OutFile.</summary>
    [Parameter(ParameterSetName = PlanFileSet, Mandatory = true)]
    public string? PlanFile { get; set; }

    [Parameter(ParameterSetName = ConfigSet)]
    public Component[]? Component { get; set; }

    [Parameter(ParameterSetName = ConfigSet)]
    [ArgumentCompleter(typeof(AddressCompleter))]
    public string[]? Target { get; set; }

    /// <summary>Allows irreversible deletes of these components (phone-number release, instance deletion).</summary>
    [Parameter]
    public Component[]? AllowDestroy { get; set; }

    /// <summary>Skips confirmation (never -WhatIf).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    private Plan? _plan;

    protected override void ProcessRecord()
    {
        if (Plan is not null) _plan = Plan;
    }

    protected override void Run()
    {
        try
        {
            if (PlanFile is not null) _plan = ConnectOps.Engine.Planning.PlanFile.Read(SessionState.Path.GetUnresolvedProviderPathFromPSPath(PlanFile));
            var config = LoadConfig(_plan?.ConfigPath);
            var scope = ScopeParser.Parse(this, Component, Target);
            using var workspace = OpenWorkspace(config);
            var whatIf = MyInvocation.BoundParameters.TryGetValue("WhatIf", out var w) && ((SwitchParameter)w).IsPresent;
            var yesToAll = false;
            var noToAll = false;
            Engine.ShouldProcessOverride = (target, action, diff) =>
            {
                var irreversibleOrDelete = action is "Delete" or "Replace";
                if (Force && !whatIf) return true;
                if (!ShouldProcess(diff, $"{action} {target}?", $"{action} {target}")) return false;
                // Deletes and replacements are high impact: ask even at the default confirm preference.
                return !irreversibleOrDelete || whatIf || ShouldContinue($"{action} {target}? This cannot be undone by ConnectOps.\n{diff}", "Confirm", ref yesToAll, ref noToAll);
            };
            var options = new ApplyOptions
            {
                AllowDestroy = AllowDestroy ?? [],
                Progress = p => Engine.PostProgress(new ProgressEvent(2 + (int)p.Component, 1, $"{p.Component}", p.Status, p.Total == 0 ? -1 : Math.Min(100, 100 * p.Done / p.Total), p.Done >= p.Total)),
            };
            Engine.PostProgress(new ProgressEvent(1, null, $"Applying {Path.GetFileName(config.ConfigPath)}", "Planning"));
            var result = Engine.Run(ct => workspace.ApplyAsync(_plan, scope, options, ct));
            Engine.PostProgress(new ProgressEvent(1, null, $"Applying {Path.GetFileName(config.ConfigPath)}", "Done", 100, Completed: true));

            foreach (var (op, n) in result.Statistics.ApiCalls) WriteVerbose($"API calls: {op} × {n}");
            foreach (var failed in result.Outcomes.Where(o => o.Status == ChangeStatus.Failed))
            {
                var error = failed.Error is null ? null : EngineErrors.Classify(failed.Error);
                WriteError(new ErrorRecord(failed.Error ?? new InvalidOperationException(failed.Message), error?.Id ?? "ConnectOps.ChangeFailed", error is null ? ErrorCategory.InvalidOperation : Category(error.Kind), failed.Address.ToString())
                {
                    ErrorDetails = new ErrorDetails(failed.Message ?? error?.Message ?? "failed"),
                });
            }
            foreach (var skipped in result.Outcomes.Where(o => o.Status == ChangeStatus.Skipped)) WriteWarning($"{skipped.Address}: {skipped.Message}");
            if (!whatIf) WriteObject(result);
        }
        catch (Exception ex) when (IsEngineError(ex))
        {
            ThrowEngineError(ex, _plan?.ConfigPath ?? ConfigPath);
        }
    }
}
