using ConnectOps.Engine.Addressing;

namespace ConnectOps.Engine.Reconcilers.Framework;

/// <summary>
/// One managed property of a component: how the planner compares it and which update call ("facet")
/// changes it. A reconciler is mostly a list of these plus the calls for each facet.
/// </summary>
public sealed record PropertySpec(string Name)
{
    /// <summary>The update call that changes this property; properties sharing a facet change in one call.</summary>
    public string Facet { get; init; } = Name;

    /// <summary>A change cannot be made in place: the resource is destroyed and created again.</summary>
    public bool ForcesReplacement { get; init; }

    /// <summary>Why a change of this property forces replacement, as the plan says it (default: "X cannot change in place").</summary>
    public string? ReplaceReason { get; init; }

    /// <summary>Never shown in plans or logs.</summary>
    public bool Sensitive { get; init; }

    /// <summary>Set when the value is a reference: a key (or list of keys) in config, an id on the wire.</summary>
    public Component? References { get; init; }

    /// <summary>
    /// With <see cref="References"/>: the value is a list of objects and the reference is this member of each
    /// (a routing profile's QueueConfigs name their queue in <c>Queue</c>).
    /// </summary>
    public string? ReferenceMember { get; init; }

    /// <summary>A list whose order does not matter (compared as a set).</summary>
    public bool Unordered { get; init; }

    /// <summary>
    /// Applied after the resource and what it references exist, as a separate step: breaks reference
    /// cycles such as queue ↔ quick connect.
    /// </summary>
    public bool Deferred { get; init; }
}
