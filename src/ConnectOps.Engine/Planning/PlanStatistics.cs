using System.Collections.Immutable;

namespace ConnectOps.Engine.Planning;

/// <summary>What making the plan cost: API calls per operation and pages read (Search/List).</summary>
public sealed record PlanStatistics
{
    public static PlanStatistics Empty { get; } = new();

    public ImmutableSortedDictionary<string, int> ApiCalls { get; init; } = ImmutableSortedDictionary.Create<string, int>(StringComparer.Ordinal);

    public int ReadPages { get; init; }

    public int TotalApiCalls => ApiCalls.Values.Sum();

    public bool Equals(PlanStatistics? other) =>
        other is not null && ReadPages == other.ReadPages && ApiCalls.SequenceEqual(other.ApiCalls);

    public override int GetHashCode() => HashCode.Combine(ReadPages, ApiCalls.Count);
}
