namespace ConnectOps.Engine.Config;

/// <summary>
/// An ordered map with case-insensitive keys, as a PowerShell hashtable literal is. Keys keep their
/// written spelling and position. A duplicate key (differing only in case) is kept once: the first wins;
/// the reader reports duplicates itself.
/// </summary>
public sealed class ConfigMap : ConfigNode
{
    private readonly Dictionary<string, ConfigMapEntry> _byKey;

    public ConfigMap(SourcePosition position, IEnumerable<ConfigMapEntry> entries) : base(position)
    {
        var list = new List<ConfigMapEntry>();
        _byKey = new Dictionary<string, ConfigMapEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            if (_byKey.TryAdd(entry.Key, entry)) list.Add(entry);
        }
        Entries = list;
    }

    public IReadOnlyList<ConfigMapEntry> Entries { get; }

    public int Count => Entries.Count;

    public bool TryGetEntry(string key, out ConfigMapEntry entry) => _byKey.TryGetValue(key, out entry!);

    public ConfigNode? this[string key] => _byKey.TryGetValue(key, out var e) ? e.Value : null;

    public override string Describe() => "a hashtable";
}
