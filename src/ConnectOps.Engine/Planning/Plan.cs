using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.Planning;

/// <summary>
/// A plan is data: which config (path and hash) against which state (lineage and serial) produced which
/// changes. An apply refuses it when the state's lineage or serial, or the config hash, has moved on
/// (<see cref="PlanStaleness"/>). Serialised by <see cref="PlanFile"/>, rendered by <see cref="PlanRenderer"/>.
/// </summary>
public sealed record Plan
{
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    public required string ConfigPath { get; init; }

    public required string ConfigHash { get; init; }

    /// <summary>The lineage of the state planned against; null when no state existed yet.</summary>
    public Guid? StateLineage { get; init; }

    /// <summary>The serial of the state planned against; 0 when no state existed yet.</summary>
    public long StateSerial { get; init; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Every resource considered, NoOp included, in address order.</summary>
    public ValueList<ResourceChange> Changes { get; init; } = ValueList<ResourceChange>.Empty;

    public PlanStatistics Statistics { get; init; } = PlanStatistics.Empty;

    public ValueList<PlanWarning> Warnings { get; init; } = ValueList<PlanWarning>.Empty;

    /// <summary>True when nothing would be written (only NoOp, Read and unmanaged entries).</summary>
    public bool IsEmpty => Changes.All(c => !c.IsWrite());
}

public static class ResourceChangeExtensions
{
    /// <summary>Whether applying the change calls a mutating API or changes state.</summary>
    public static bool IsWrite(this ResourceChange change) =>
        !change.Unmanaged && change.Action is not (ChangeAction.NoOp or ChangeAction.Read);
}
