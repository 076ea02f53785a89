using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.Planning;

/// <summary>
/// The plan for one resource. <see cref="Id"/> is the AWS id when the resource exists. <see cref="Reasons"/>
/// explain the action ("Name cannot change in place", "adopting the existing queue of that name").
/// <see cref="Irreversible"/> marks deletes that cannot be undone (phone-number release, instance delete);
/// <see cref="Unmanaged"/> marks resources in state with origin Cmdlet that the config no longer names:
/// listed, never deleted. <see cref="DependsOn"/> and <see cref="DeferredDependsOn"/> are the dependency edges the
/// change was planned with (what the executor waits for, and what it completes after the walk), so a plan can be
/// drawn (Get-ConnectGraph) without the config.
/// </summary>
public sealed record ResourceChange(
    ResourceAddress Address,
    ChangeAction Action,
    string? Id,
    ValueList<PropertyDiff> Diffs,
    ValueList<string> Reasons,
    bool Irreversible = false,
    bool Unmanaged = false)
{
    /// <summary>What must exist before this change runs: from the config, or for a delete from state.</summary>
    public ValueList<ResourceAddress> DependsOn { get; init; } = ValueList<ResourceAddress>.Empty;

    /// <summary>References completed after the graph walk (deferred associations, flow cycles): not waited for.</summary>
    public ValueList<ResourceAddress> DeferredDependsOn { get; init; } = ValueList<ResourceAddress>.Empty;

    public ResourceChange(ResourceAddress address, ChangeAction action, string? id = null)
        : this(address, action, id, ValueList<PropertyDiff>.Empty, ValueList<string>.Empty)
    {
    }
}
