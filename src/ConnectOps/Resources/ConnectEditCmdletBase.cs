using System.Management.Automation;
using System.Runtime.InteropServices;
using System.Security;
using System.Text.Json.Nodes;
using ConnectOps.Engine.Abstractions;
using ConnectOps.Engine.Config;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Imperative;
using ConnectOps.Hosting;
using ConnectOps.Resources;

namespace ConnectOps.Commands;

/// <summary>
/// What every New-, Set-, Remove-, Add- resource cmdlet shares. Each pipeline record becomes one edit (its name and
/// [ConfigKey] parameters, as the config writes them); at the end of the pipeline all edits go to the engine as one run
/// — one read, one state lock, in parallel within the rate limits, one progress bar — and each edit that fails writes
/// one error record naming its row, while the others are made. The cmdlets themselves only declare parameters.
/// A lock another run holds fails the run at once, or after -LockTimeout seconds (a runbook waits its turn).
/// </summary>
public abstract class ConnectEditCmdletBase : ConnectLockingCmdletBase
{
    private readonly List<ResourceEdit> _edits = [];
    private int _row;

    /// <summary>-PassThru (New/Set): write the resource as it now is.</summary>
    private protected virtual bool PassThruRequested => false;

    /// <summary>-Force (Remove): no confirmation prompt; never overrides -WhatIf.</summary>
    private protected virtual bool ForceRequested => false;

    /// <summary>-AllowDestroy (Remove-ConnectPhoneNumber): allows an irreversible delete.</summary>
    private protected virtual bool AllowDestroyRequested => false;

    /// <summary>The initial password of this record's user (New-ConnectUser).</summary>
    private protected virtual SecureString? RecordPassword => null;

    /// <summary>Values a cmdlet adds beyond its [ConfigKey] parameters (a flow's content from a file); false: skip the record.</summary>
    private protected virtual bool AddValues(JsonObject values) => true;

    protected override void ProcessRecord()
    {
        _row++;
        var label = MyInvocation.ExpectingInput ? $"row {_row}" : null;
        var component = ResourceKinds.ComponentOf(GetType());
        var name = ResourceValues.Name(this);
        if (name is null)
        {
            WriteError(new ErrorRecord(new ArgumentException($"{label ?? "The input"}: the {Nouns.Of(component)} has no name. Give one (for a CSV: a column with the name on every row)."),
                "ConnectOps.NameMissing", ErrorCategory.InvalidArgument, label));
            return;
        }
        var values = ResourceValues.From(this);
        if (!AddValues(values)) return;
        var password = RecordPassword?.Copy();
        password?.MakeReadOnly();
        _edits.Add(new ResourceEdit
        {
            Kind = ResourceKinds.KindOf(GetType()),
            Component = component,
            Key = name,
            Values = values,
            Label = label,
            Password = password is null ? null : () => Reveal(password),
        });
    }

    private static string? Reveal(SecureString secure)
    {
        var pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
        try { return Marshal.PtrToStringUni(pointer); }
        finally { Marshal.ZeroFreeGlobalAllocUnicode(pointer); }
    }

    protected override void Run()
    {
        if (_edits.Count == 0) return;
        var config = LoadConfig();
        var root = new PsdConfigReader().Read(config.ConfigPath).Root
            ?? throw new InvalidOperationException($"{config.ConfigPath} could not be read again.");
        using var workspace = OpenWorkspace(config);
        var whatIf = MyInvocation.BoundParameters.TryGetValue("WhatIf", out var w) && ((SwitchParameter)w).IsPresent;
        if (ForceRequested && !whatIf) Engine.ShouldProcessOverride = (_, _, _) => true;

        var (verb, noun) = ResourceKinds.NameOf(GetType());
        var activity = $"{verb}-{noun}";
        var options = new EditOptions
        {
            AllowDestroy = AllowDestroyRequested,
            Operation = activity,
            Progress = p => Engine.PostProgress(new ProgressEvent(1, null, activity, $"{p.Done} of {p.Total}: {p.Status}", p.Total == 0 ? -1 : Math.Min(100, 100 * p.Done / p.Total))),
        };
        EditResult result;
        try
        {
            result = Engine.Run(ct => workspace.ApplyEditsAsync(root, _edits, options, ct));
        }
        catch (Exception ex) when (IsEngineError(ex))
        {
            ThrowEngineError(ex, config.ConfigPath);
            return;
        }
        finally
        {
            Engine.PostProgress(new ProgressEvent(1, null, activity, "Done", 100, Completed: true));
        }

        foreach (var (op, n) in result.Statistics.ApiCalls) WriteVerbose($"API calls: {op} × {n}");
        foreach (var outcome in result.Outcomes)
        {
            switch (outcome.Status)
            {
                case EditStatus.Failed:
                    WriteError(ErrorOf(outcome));
                    break;
                case EditStatus.Succeeded or EditStatus.Unchanged:
                    if (outcome.Status == EditStatus.Unchanged) WriteVerbose($"{outcome.Edit.Describe()}: no change (AWS has these values already).");
                    if (PassThruRequested && outcome.Resource is { } view) WriteObject(ResourceObjects.From(view));
                    break;
                case EditStatus.Skipped:
                    WriteWarning($"{outcome.Edit.Describe()}: {outcome.Message}");
                    break;
            }
        }
    }

    internal static ErrorRecord ErrorOf(EditOutcome outcome)
    {
        var message = outcome.Message ?? "failed";
        Exception exception = outcome.ErrorKind == EngineErrorKind.InvalidData ? new ArgumentException(message) : new InvalidOperationException(message);
        return new ErrorRecord(exception, outcome.ErrorId ?? "ConnectOps.ApplyFailed", Category(outcome.ErrorKind), outcome.Edit.Address.ToString())
        {
            ErrorDetails = new ErrorDetails(message),
        };
    }
}

/// <summary>New- and Set- cmdlets: -PassThru writes the resource as it now is.</summary>
public abstract class ConnectWriteCmdletBase : ConnectEditCmdletBase
{
    /// <summary>Writes the created or changed resource.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected override bool PassThruRequested => PassThru.IsPresent;
}

/// <summary>Remove- cmdlets: High impact (asks for confirmation); -Force skips the question, never -WhatIf.</summary>
public abstract class ConnectRemoveCmdletBase : ConnectEditCmdletBase
{
    /// <summary>Removes without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    private protected override bool ForceRequested => Force.IsPresent;
}
