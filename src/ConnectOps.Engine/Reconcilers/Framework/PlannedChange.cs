using System.Text.Json.Nodes;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Planning;

namespace ConnectOps.Engine.Reconcilers.Framework;

/// <summary>One property that differs between config and AWS, in key space.</summary>
public sealed record PropertyDelta(PropertySpec Spec, JsonNode? Before, JsonNode? After);

/// <summary>
/// The planner's working form of a change: the plan's <see cref="ResourceChange"/> plus what the executor
/// needs to carry it out (the desired resource, the live properties it was compared with).
/// </summary>
public sealed class PlannedChange
{
    public required ResourceAddress Address { get; init; }
    public required ChangeAction Action { get; init; }
    public string? Id { get; init; }
    public string? Arn { get; init; }
    public DesiredResource? Desired { get; init; }
    public JsonObject? Live { get; init; }
    public IReadOnlyList<PropertyDelta> Deltas { get; init; } = [];
    public IReadOnlyList<string> Reasons { get; init; } = [];
    public bool Irreversible { get; init; }

    /// <summary>
    /// A Delete that only drops the state entry: the resource is one of the instance's defaults (Admin,
    /// BasicQueue …), which removing a declaration never deletes.
    /// </summary>
    public bool ForgetOnly { get; init; }

    /// <summary>
    /// For a Replace whose key changed in config (a renamed user): the old address, whose state entry goes
    /// with the old resource.
    /// </summary>
    public ResourceAddress? Previous { get; init; }
    public bool Unmanaged { get; init; }

    /// <summary>For a change without a desired resource (a delete, an unmanaged entry): the dependencies state recorded.</summary>
    public IReadOnlyList<ResourceAddress> RecordedDependsOn { get; init; } = [];

    /// <summary>The plan's view of this change: diffs by property name, and the dependency edges it was planned with.</summary>
    public ResourceChange ToResourceChange() => new(
        Address,
        Action,
        Id,
        Deltas.Select(d => new PropertyDiff(d.Spec.Name, d.Before, d.After, d.Spec.ForcesReplacement, d.Spec.Sensitive)).ToValueList(),
        Reasons.ToValueList(),
        Irreversible,
        Unmanaged)
    {
        DependsOn = (Desired?.DependsOn ?? RecordedDependsOn).ToValueList(),
        DeferredDependsOn = (Desired?.DeferredDependsOn ?? []).ToValueList(),
    };
}
