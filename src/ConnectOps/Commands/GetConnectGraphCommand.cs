using System.Management.Automation;
using System.Text;
using ConnectOps.Completion;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.Planning.Graph;

namespace ConnectOps.Commands;

/// <summary>
/// Draws the dependency graph of a config (offline) or of a plan (coloured by action) as Mermaid or DOT text,
/// as terraform graph does; -Component and -Target mark what a targeted plan would take in.
/// </summary>
[Cmdlet(VerbsCommon.Get, "ConnectGraph", DefaultParameterSetName = ConfigSet)]
[OutputType(typeof(string), typeof(FileInfo))]
public sealed class GetConnectGraphCommand : ConnectCmdletBase
{
    private const string ConfigSet = "Config";
    private const string PlanSet = "Plan";
    private const string PlanFileSet = "PlanFile";

    /// <summary>A plan from Invoke-ConnectPlan (by pipeline): nodes coloured by action, deletes included.</summary>
    [Parameter(ParameterSetName = PlanSet, ValueFromPipeline = true, Mandatory = true)]
    public Plan? Plan { get; set; }

    /// <summary>A plan file written by Invoke-ConnectPlan -OutFile.</summary>
    [Parameter(ParameterSetName = PlanFileSet, Mandatory = true)]
    public string? PlanFile { get; set; }

    /// <summary>Mark these components as targets, and what they pull in.</summary>
    [Parameter]
    public Component[]? Component { get; set; }

    /// <summary>Mark these addresses (wildcards allowed) as targets, and what they pull in.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(AddressCompleter))]
    public string[]? Target { get; set; }

    /// <summary>Mermaid (default) or Dot.</summary>
    /// <remarks>
    /// A string, not the engine's GraphFormat enum: a value-type field of an engine type would make PowerShell load the
    /// engine while it lists the module's types, before the module's load context exists.
    /// </remarks>
    [Parameter]
    [ValidateSet(nameof(GraphFormat.Mermaid), nameof(GraphFormat.Dot), IgnoreCase = true)]
    public string Format { get; set; } = nameof(GraphFormat.Mermaid);

    /// <summary>Write the text to this file (UTF-8) and return the file instead of the text.</summary>
    [Parameter]
    public string? OutFile { get; set; }

    private Plan? _plan;

    protected override void ProcessRecord()
    {
        if (Plan is not null) _plan = Plan;
    }

    protected override void Run()
    {
        var scope = ScopeParser.Parse(this, Component, Target);
        ResourceGraph graph;
        try
        {
            if (PlanFile is not null) _plan = ConnectOps.Engine.Planning.PlanFile.Read(SessionState.Path.GetUnresolvedProviderPathFromPSPath(PlanFile));
            graph = _plan is not null ? ResourceGraphBuilder.FromPlan(_plan, scope) : ResourceGraphBuilder.FromConfig(LoadConfig(), scope);
        }
        catch (Exception ex) when (IsEngineError(ex))
        {
            ThrowEngineError(ex, PlanFile ?? ConfigPath);
            return;
        }
        var text = GraphRenderer.Render(graph, Enum.Parse<GraphFormat>(Format, ignoreCase: true));
        if (OutFile is null)
        {
            WriteObject(text);
            return;
        }
        var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutFile);
        try
        {
            File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(new ErrorRecord(new IOException($"The graph could not be written to -OutFile '{path}': {ex.Message}", ex),
                "ConnectOps.GraphWriteFailed", ErrorCategory.WriteError, path));
        }
        WriteObject(new FileInfo(path));
    }
}
