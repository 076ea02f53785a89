using System.Collections;

namespace ConnectOps.Engine.Model;

/// <summary>
/// AWS resource tags: an immutable key → value map with value equality, ordered by key (ordinal) so
/// diffs and state are stable. Tag keys are case-sensitive in AWS.
/// </summary>
public sealed class TagSet : IReadOnlyDictionary<string, string>, IEquatable<TagSet>
{
    private readonly SortedDictionary<string, string> _tags;

    public TagSet(IEnumerable<KeyValuePair<string, string>> tags)
    {
        _tags = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in tags) _tags[k] = v;
    }

    public static TagSet Empty { get; } = new([]);

    /// <summary>These tags with <paramref name="overrides"/> laid over them (resource tags over global tags).</summary>
    public TagSet Merge(TagSet overrides) => overrides.Count == 0 ? this : new TagSet(_tags.Concat(overrides));

    public string this[string key] => _tags[key];

    public IEnumerable<string> Keys => _tags.Keys;

    public IEnumerable<string> Values => _tags.Values;

    public int Count => _tags.Count;

    public bool ContainsKey(string key) => _tags.ContainsKey(key);

    public bool TryGetValue(string key, out string value) => _tags.TryGetValue(key, out value!);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _tags.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(TagSet? other) => other is not null && _tags.Count == other._tags.Count && _tags.SequenceEqual(other._tags);

    public override bool Equals(object? obj) => Equals(obj as TagSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (k, v) in _tags)
        {
            hash.Add(k);
            hash.Add(v);
        }
        return hash.ToHashCode();
    }
}
