using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.Planning.Compare;

/// <summary>How one resource of a config compares with the instance.</summary>
public enum DeltaKind
{
    /// <summary>The instance has it, as the config says.</summary>
    Same,

    /// <summary>The instance has it (by name), with different properties.</summary>
    Different,

    /// <summary>The config declares it; the instance has nothing of that name.</summary>
    OnlyInConfig,

    /// <summary>The instance has it; the config does not declare it (defaults of the instance not counted).</summary>
    OnlyInInstance,
}

/// <summary>
/// One resource's difference. <see cref="Action"/> is what a plan would do to make the instance match the config
/// exactly (Create, Update, Replace; Delete for what only the instance has; NoOp when the same).
/// </summary>
public sealed record ResourceDelta(
    ResourceAddress Address,
    DeltaKind Kind,
    ChangeAction Action,
    string? Id,
    ValueList<PropertyDiff> Diffs,
    ValueList<string> Reasons);

/// <summary>
/// The delta between a config and an instance: every resource considered, in address order, plus the plan-shaped
/// view the dependency graph is drawn from.
/// </summary>
public sealed record InstanceComparison
{
    public required string ConfigPath { get; init; }

    public required string InstanceId { get; init; }

    public string? InstanceArn { get; init; }

    public DateTimeOffset ComparedAt { get; init; } = DateTimeOffset.UtcNow;

    public ValueList<ResourceDelta> Deltas { get; init; } = ValueList<ResourceDelta>.Empty;

    /// <summary>The comparison as a plan (edges included), for <see cref="Graph.ResourceGraphBuilder.FromPlan"/>.</summary>
    public required Plan Plan { get; init; }

    public PlanStatistics Statistics { get; init; } = PlanStatistics.Empty;

    /// <summary>True when the instance has everything the config declares, as declared, and nothing else.</summary>
    public bool IsSame => Deltas.All(d => d.Kind == DeltaKind.Same);
}
