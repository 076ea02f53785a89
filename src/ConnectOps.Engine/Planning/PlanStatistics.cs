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

    /// <summary>The calls made between two snapshots of the clients' call counters (pages: the Search/List/Describe calls).</summary>
    public static PlanStatistics Between(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var calls = ImmutableSortedDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        foreach (var (op, n) in after)
        {
            var d = n - before.GetValueOrDefault(op);
            if (d > 0) calls[op] = (int)d;
        }
        var pages = calls.Where(p => p.Key.Contains(".Search", StringComparison.Ordinal) || p.Key.Contains(".List", StringComparison.Ordinal) || p.Key.Contains(".Describe", StringComparison.Ordinal)).Sum(p => p.Value);
        return new PlanStatistics { ApiCalls = calls.ToImmutable(), ReadPages = pages };
    }
}
