using System.Management.Automation;
using ConnectOps.Engine.Planning.Compare;

namespace ConnectOps.Commands;

/// <summary>
/// The delta between a config (or, with -ReferenceInstanceId, another instance) and an instance, as if nothing were
/// managed yet (no state read; resources matched by name): one object per resource, or a Markdown/HTML report for a
/// change ticket. Reads only.
/// </summary>
[Cmdlet(VerbsData.Compare, "ConnectInstance", DefaultParameterSetName = ObjectsSet)]
[OutputType(typeof(ResourceDelta), ParameterSetName = [ObjectsSet])]
[OutputType(typeof(string), ParameterSetName = [MarkdownSet, HtmlSet])]
public sealed class CompareConnectInstanceCommand : ConnectCmdletBase
{
    private const string ObjectsSet = "Objects";
    private const string MarkdownSet = "Markdown";
    private const string HtmlSet = "Html";

    /// <summary>The instance to compare the config with.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string? InstanceId { get; set; }

    /// <summary>Compare this instance (exported in memory, as Export-ConnectConfig reads it) with -InstanceId instead of a config.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ReferenceInstanceId { get; set; }

    /// <summary>Also return the resources that are the same.</summary>
    [Parameter(ParameterSetName = ObjectsSet)]
    public SwitchParameter IncludeEqual { get; set; }

    /// <summary>Return a Markdown report (summary, table, Mermaid graph) instead of objects.</summary>
    [Parameter(ParameterSetName = MarkdownSet, Mandatory = true)]
    public SwitchParameter AsMarkdown { get; set; }

    /// <summary>Return an HTML page (summary, table, Mermaid graph) instead of objects.</summary>
    [Parameter(ParameterSetName = HtmlSet, Mandatory = true)]
    public SwitchParameter AsHtml { get; set; }

    protected override void Run()
    {
        InstanceComparison comparison;
        try
        {
            if (ReferenceInstanceId is { } reference)
            {
                // Two instances: no config file; the AWS settings come from the parameters (and the session's defaults).
                using var aws = OpenAws();
                comparison = Engine.Run(ct => new InstanceComparer(aws, Engine).CompareInstancesAsync(reference, InstanceId!, ct));
            }
            else
            {
                var config = LoadConfig();
                using var aws = OpenAws(config);
                comparison = Engine.Run(ct => new InstanceComparer(aws, Engine).CompareAsync(config, InstanceId!, ct));
            }
        }
        catch (Exception ex) when (IsEngineError(ex))
        {
            ThrowEngineError(ex, ReferenceInstanceId ?? InstanceId);
            return;
        }
        foreach (var (op, n) in comparison.Statistics.ApiCalls) WriteVerbose($"API calls: {op} × {n}");
        WriteVerbose(DeltaReport.Summary(comparison));
        if (AsMarkdown) WriteObject(DeltaReport.Markdown(comparison));
        else if (AsHtml) WriteObject(DeltaReport.Html(comparison));
        else WriteObject(comparison.Deltas.Where(d => IncludeEqual || d.Kind != DeltaKind.Same), enumerateCollection: true);
    }
}
