using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.Planning;

/// <summary>
/// The plan for one resource. <see cref="Id"/> is the AWS id when the resource exists. <see cref="Reasons"/>
/// explain the action ("Name cannot change in place", "adopting the existing queue of that name").
/// <see cref="Irreversible"/> marks deletes that cannot be undone (phone-number release, instance delete);
/// <see cref="Unmanaged"/> marks resources in state with origin Cmdlet that the config no longer names:
/// listed, never deleted.
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
    public ResourceChange(ResourceAddress address, ChangeAction action, string? id = null)
        : this(address, action, id, ValueList<PropertyDiff>.Empty, ValueList<string>.Empty)
    {
    }
}
