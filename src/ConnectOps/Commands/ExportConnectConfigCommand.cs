using System.Management.Automation;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Export;
using ConnectOps.Hosting;

namespace ConnectOps.Commands;

/// <summary>
/// Writes a live instance as config: connectops.psd1 plus flows/*.json with key placeholders instead of the instance's
/// ids and ARNs, optionally with the state that makes it all managed (-WithState) or as new claims for another
/// instance (-ForClone). Reads with one bulk read per component; changes nothing in AWS.
/// </summary>
[Cmdlet(VerbsData.Export, "ConnectConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = IdSet)]
[OutputType(typeof(ExportSummary))]
public sealed class ExportConnectConfigCommand : ConnectCmdletBase
{
    private const string IdSet = "InstanceId";
    private const string AliasSet = "InstanceAlias";

    /// <summary>The instance to export: its id or ARN (default: the session's, or the instance in the config's state).</summary>
    [Parameter(ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
    public string? InstanceId { get; set; }

    /// <summary>The instance to export, by its alias.</summary>
    [Parameter(ParameterSetName = AliasSet, Mandatory = true)]
    public string? InstanceAlias { get; set; }

    /// <summary>The folder to write (created when missing; must be empty unless -Force).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    public string OutputPath { get; set; } = "";

    /// <summary>Export only these components (the Instance section is always written).</summary>
    [Parameter]
    public Component[]? Component { get; set; }

    /// <summary>Only resources whose name or key matches one of these wildcards.</summary>
    [Parameter]
    [SupportsWildcards]
    public string[]? Include { get; set; }

    /// <summary>Leave out resources whose name or key matches one of these wildcards.</summary>
    [Parameter]
    [SupportsWildcards]
    public string[]? Exclude { get; set; }

    /// <summary>Also declare the instance's default resources (Basic Hours, BasicQueue, built-in security profiles, default flows).</summary>
    [Parameter]
    public SwitchParameter IncludeDefaults { get; set; }

    /// <summary>Also export users' Email, SecondaryEmail and Mobile: one DescribeUser per user (the bulk user search lacks them).</summary>
    [Parameter]
    public SwitchParameter IncludeUserContactInfo { get; set; }

    /// <summary>Export for another instance: by alias rather than id, phone numbers as new claims.</summary>
    [Parameter]
    public SwitchParameter ForClone { get; set; }

    /// <summary>Also write .connectops/state.json, so the exported resources are already managed.</summary>
    [Parameter]
    public SwitchParameter WithState { get; set; }

    /// <summary>Replace connectops.psd1, flows/*.json and the local state in a folder that is not empty.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void Run()
    {
        var folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutputPath);
        var options = new ExportOptions
        {
            InstanceAlias = InstanceAlias,
            Components = Component ?? [],
            Include = Include ?? [],
            Exclude = Exclude ?? [],
            IncludeDefaults = IncludeDefaults,
            UserContactInfo = IncludeUserContactInfo,
            ForClone = ForClone,
            WithState = WithState,
            ConfigPath = Path.Combine(folder, ExportWriter.ConfigFileName),
        };
        ExportResult export;
        try
        {
            // Before any AWS call: a file or a folder with content (without -Force) is refused.
            ExportWriter.CheckFolder(folder, Force);
            export = InstanceAlias is null && InstanceId is null && SessionDefaults.Current?.InstanceId is null ? ExportConfiguredInstance(options) : ExportNamedInstance(options);
        }
        catch (Exception ex) when (IsEngineError(ex))
        {
            ThrowEngineError(ex, InstanceAlias ?? InstanceId ?? folder);
            return;
        }

        var what = $"Write connectops.psd1, {export.FlowFiles.Count} flow file(s){(export.State is null ? "" : " and .connectops/state.json")} " +
                   $"exported from instance '{export.InstanceAlias}' ({export.InstanceId})";
        if (!ShouldProcess(folder, what)) return;
        IReadOnlyList<string> files;
        try
        {
            files = Engine.Run(ct => ExportWriter.WriteAsync(export, folder, Force, ct));
        }
        catch (Exception ex) when (IsEngineError(ex) || ex is IOException or UnauthorizedAccessException)
        {
            if (ex is IOException or UnauthorizedAccessException)
                ThrowTerminatingError(new ErrorRecord(ex, "ConnectOps.ExportWriteFailed", ErrorCategory.WriteError, folder));
            ThrowEngineError(ex, folder);
            return;
        }
        foreach (var note in export.Notes) WriteWarning(note);
        WriteObject(ExportSummary.Of(export, folder, files));
    }

    /// <summary>-InstanceId / -InstanceAlias (or the session's instance): no config file needed.</summary>
    private ExportResult ExportNamedInstance(ExportOptions options)
    {
        var instanceId = InstanceAlias is null ? InstanceId ?? SessionDefaults.Current?.InstanceId : null;
        using var aws = OpenAws();
        return Engine.Run(ct => ConfigExporter.ExportAsync(aws, Engine, options with { InstanceId = instanceId }, ct));
    }

    /// <summary>Neither given: the instance of the config in this folder (-ConfigPath), from its state or its Instance.Id.</summary>
    private ExportResult ExportConfiguredInstance(ExportOptions options)
    {
        if (ConfigPath is null && !File.Exists(ResolveConfigPath()))
        {
            ThrowTerminatingError(new ErrorRecord(new PSArgumentException("Name the instance to export with -InstanceId or -InstanceAlias (or run where connectops.psd1 manages it, or pass -ConfigPath)."),
                "ConnectOps.NoInstance", ErrorCategory.InvalidArgument, null));
        }
        var config = LoadConfig();
        using var workspace = OpenWorkspace(config);
        var state = Engine.Run(ct => workspace.Store.ReadAsync(ct))?.Document;
        var instanceId = state?.Instance?.Id ?? config.Instance.Id;
        if (instanceId is null)
        {
            ThrowTerminatingError(new ErrorRecord(new PSArgumentException($"The state of {config.ConfigPath} has no instance yet. Run Invoke-ConnectApply first, or pass -InstanceId or -InstanceAlias."),
                "ConnectOps.NoInstance", ErrorCategory.ObjectNotFound, config.ConfigPath));
        }
        return Engine.Run(ct => ConfigExporter.ExportAsync(workspace.Aws, Engine, options with { InstanceId = instanceId }, ct));
    }
}
