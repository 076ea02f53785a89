using System.Collections.Concurrent;

namespace ConnectOps.Engine.State;

/// <summary>Requests a state backend made, per operation ("S3.PutObject" → 3); thread-safe.</summary>
public sealed class StateRequestCounter
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Add(string operation) => _counts.AddOrUpdate(operation, 1, (_, n) => n + 1);

    public long Total => _counts.Values.Sum();

    public IReadOnlyDictionary<string, long> Snapshot() =>
        new SortedDictionary<string, long>(_counts.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);

    /// <summary>What was made since <paramref name="before"/> (a previous <see cref="Snapshot"/>).</summary>
    public IReadOnlyDictionary<string, long> Since(IReadOnlyDictionary<string, long> before) =>
        new SortedDictionary<string, long>(Snapshot().Select(p => KeyValuePair.Create(p.Key, p.Value - before.GetValueOrDefault(p.Key)))
            .Where(p => p.Value > 0).ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);

    public void Reset() => _counts.Clear();
}
