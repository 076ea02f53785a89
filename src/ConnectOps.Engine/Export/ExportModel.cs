using System.Text.Json.Nodes;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.State;

namespace ConnectOps.Engine.Export;

/// <summary>What to export and how (Export-ConnectConfig's parameters, without the output folder).</summary>
public sealed record ExportOptions
{
    /// <summary>The instance's id or ARN; or give <see cref="InstanceAlias"/>.</summary>
    public string? InstanceId { get; init; }

    public string? InstanceAlias { get; init; }

    /// <summary>Components to export (empty: every component, the instance section always).</summary>
    public IReadOnlyList<Component> Components { get; init; } = [];

    /// <summary>Wildcard patterns on a resource's name or key: only matching resources (empty: all).</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Wildcard patterns on a resource's name or key: matching resources are left out.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Also declare the instance's default resources (Basic Hours, BasicQueue, built-in profiles, default flows).</summary>
    public bool IncludeDefaults { get; init; }

    /// <summary>Phone numbers as new claims (country, type, prefix) and the instance by alias: applies to another instance.</summary>
    public bool ForClone { get; init; }

    /// <summary>Also read each exported user's Email, SecondaryEmail and Mobile: one DescribeUser per user (SearchUsers lacks them).</summary>
    public bool UserContactInfo { get; init; }

    /// <summary>Also build the state that makes every exported resource managed (Origin=Config).</summary>
    public bool WithState { get; init; }

    /// <summary>Where the config would live (relative flow paths resolve against its folder); only used to validate.</summary>
    public string ConfigPath { get; init; } = Path.Combine(Directory.GetCurrentDirectory(), "connectops.psd1");
}

/// <summary>A file of the export, relative to the output folder ("flows/main-ivr.json").</summary>
public sealed record ExportedFile(string RelativePath, string Text);

/// <summary>
/// An ARN a flow keeps literally: outside the instance (another account's Lambda, a Lex bot the instance has not
/// associated), or inside it but of a kind ConnectOps does not manage (a prompt): the target must provide it.
/// </summary>
public sealed record ExternalDependency(ResourceAddress ReferencedBy, string Arn, bool InsideInstance);

/// <summary>An export in memory: the config tree and its .psd1 text, the flow files, the state, and the summary.</summary>
public sealed record ExportResult
{
    public required string InstanceId { get; init; }

    public required string InstanceArn { get; init; }

    public required string InstanceAlias { get; init; }

    public required string Region { get; init; }

    /// <summary>The config tree written to connectops.psd1 (flows by Path, relative to the config's folder).</summary>
    public required JsonObject Config { get; init; }

    /// <summary>The connectops.psd1 text (header comments included).</summary>
    public required string ConfigText { get; init; }

    /// <summary>The bound, validated config (flows inline): what a plan of the export would want.</summary>
    public required ConnectConfig BoundConfig { get; init; }

    public required IReadOnlyList<ExportedFile> FlowFiles { get; init; }

    /// <summary>With <see cref="ExportOptions.WithState"/>: the state an apply of the export would have recorded.</summary>
    public StateDocument? State { get; init; }

    /// <summary>Resources exported per component (the instance counts as one).</summary>
    public required IReadOnlyDictionary<Component, int> Counts { get; init; }

    public required IReadOnlyList<ExternalDependency> ExternalDependencies { get; init; }

    /// <summary>Default resources of the instance left out (without <see cref="ExportOptions.IncludeDefaults"/>).</summary>
    public required IReadOnlyList<ResourceAddress> SkippedDefaults { get; init; }

    /// <summary>What the operator must know or add before applying (passwords, what the bulk reads cannot see).</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}

/// <summary>What Export-ConnectConfig returns: where the export went and what it holds.</summary>
public sealed record ExportSummary
{
    public required string InstanceId { get; init; }

    public required string InstanceAlias { get; init; }

    public required string Region { get; init; }

    public required string OutputPath { get; init; }

    public required bool ForClone { get; init; }

    /// <summary>Every file written (connectops.psd1 first, then the flow files, then the state file).</summary>
    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>The state file, with -WithState.</summary>
    public string? StateFile { get; init; }

    /// <summary>Resources exported per component name.</summary>
    public required IReadOnlyDictionary<string, int> Counts { get; init; }

    /// <summary>Resources in all.</summary>
    public int Total => Counts.Values.Sum();

    public required IReadOnlyList<ExternalDependency> ExternalDependencies { get; init; }

    /// <summary>Addresses of the default resources left out.</summary>
    public required IReadOnlyList<string> SkippedDefaults { get; init; }

    public required IReadOnlyList<string> Notes { get; init; }

    public static ExportSummary Of(ExportResult export, string outputPath, IReadOnlyList<string> files) => new()
    {
        InstanceId = export.InstanceId,
        InstanceAlias = export.InstanceAlias,
        Region = export.Region,
        OutputPath = outputPath,
        ForClone = export.Config["Instance"] is JsonObject instance && !instance.ContainsKey("Id"),
        Files = files,
        StateFile = export.State is null ? null : files.LastOrDefault(),
        Counts = export.Counts.OrderBy(c => c.Key).ToDictionary(c => c.Key.ToString(), c => c.Value),
        ExternalDependencies = export.ExternalDependencies,
        SkippedDefaults = export.SkippedDefaults.Select(a => a.ToString()).ToList(),
        Notes = export.Notes,
    };
}
