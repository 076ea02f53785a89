using System.Collections.Concurrent;
using ConnectOps.Engine.Addressing;

namespace ConnectOps.Engine.Reconcilers.Framework;

/// <summary>
/// Two-way map between config keys and AWS ids/ARNs for every component: filled from state, from the
/// bulk reads (default resources are known by name), and by each create as it completes.
/// </summary>
public sealed class IdIndex
{
    private readonly ConcurrentDictionary<(Component, string), (string Id, string? Arn)> _byKey = new();
    private readonly ConcurrentDictionary<(Component, string), string> _keyById = new();

    private static string Norm(string key) => key.ToUpperInvariant();

    public void Set(Component component, string key, string id, string? arn)
    {
        _byKey[(component, Norm(key))] = (id, arn);
        _keyById[(component, id)] = key;
        if (arn is not null) _keyById[(component, arn)] = key;
    }

    /// <summary>Adds a mapping only when the key is not mapped yet (state and config take precedence over names).</summary>
    public void TryAdd(Component component, string key, string id, string? arn)
    {
        if (_byKey.TryAdd((component, Norm(key)), (id, arn)))
        {
            _keyById.TryAdd((component, id), key);
            if (arn is not null) _keyById.TryAdd((component, arn), key);
        }
    }

    public void Remove(Component component, string key)
    {
        if (_byKey.TryRemove((component, Norm(key)), out var v))
        {
            _keyById.TryRemove((component, v.Id), out _);
            if (v.Arn is not null) _keyById.TryRemove((component, v.Arn), out _);
        }
    }

    public bool TryGetId(Component component, string key, out string id)
    {
        if (_byKey.TryGetValue((component, Norm(key)), out var v)) { id = v.Id; return true; }
        id = "";
        return false;
    }

    public bool TryGetArn(Component component, string key, out string arn)
    {
        if (_byKey.TryGetValue((component, Norm(key)), out var v) && v.Arn is not null) { arn = v.Arn; return true; }
        arn = "";
        return false;
    }

    /// <summary>Every mapping known now: component, key (as first indexed), id and ARN.</summary>
    public IReadOnlyList<(Component Component, string Key, string Id, string? Arn)> Entries() =>
        _byKey.Select(p => (p.Key.Item1, _keyById.TryGetValue((p.Key.Item1, p.Value.Id), out var key) ? key : p.Key.Item2, p.Value.Id, p.Value.Arn)).ToList();

    /// <summary>The key for an id or ARN; null when the id belongs to nothing ConnectOps knows.</summary>
    public string? KeyOf(Component component, string idOrArn) =>
        _keyById.TryGetValue((component, idOrArn), out var key) ? key : null;
}
