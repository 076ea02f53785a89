using System.Text.RegularExpressions;
using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.Config;

/// <summary>
/// Reads the keys of one config hashtable. Every key the binder asks for (present or not) is a valid key;
/// <see cref="Finish"/> reports the others as unknown with the nearest valid key. Absent and <c>$null</c>
/// values are the same thing: not set.
/// </summary>
internal sealed class MapReader(BindContext ctx, ConfigMap map, string path)
{
    private readonly List<string> _known = [];

    public ConfigMap Map { get; } = map;

    public string Path { get; } = path;

    public BindContext Context => ctx;

    public string KeyPath(string key) => BindContext.Join(Path, key);

    /// <summary>The value of <paramref name="key"/>, or null when absent or $null.</summary>
    public ConfigNode? Node(string key)
    {
        _known.Add(key);
        var node = Map[key];
        return node is ConfigScalar { IsNull: true } ? null : node;
    }

    public bool Has(string key) => Map[key] is { } n && n is not ConfigScalar { IsNull: true };

    /// <summary>Position of the key's value when present, else of the hashtable.</summary>
    public SourcePosition PositionOf(string key) => Map[key]?.Position ?? Map.Position;

    public void Missing(string key, string example)
    {
        ctx.Error(ConfigErrorCodes.MissingValue, $"The required key '{key}' is missing here. Add it, e.g. {key} = {example}.", Map.Position, KeyPath(key));
    }

    public string? String(string key, bool required = false, int max = int.MaxValue, string example = "'...'", int min = 1)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required) Missing(key, example);
            return null;
        }
        return ctx.AsString(node, KeyPath(key), key, min, max);
    }

    public string? Pattern(string key, Regex pattern, string expected, bool required = false, int max = int.MaxValue, string example = "'...'")
    {
        var node = Node(key);
        if (node is null)
        {
            if (required) Missing(key, example);
            return null;
        }
        return ctx.AsPattern(node, KeyPath(key), key, pattern, expected, max);
    }

    public int? Int(string key, int min, int max, bool required = false, string example = "1")
    {
        var node = Node(key);
        if (node is null)
        {
            if (required) Missing(key, example);
            return null;
        }
        return (int?)ctx.AsLong(node, KeyPath(key), key, min, max, example);
    }

    public double? Double(string key, double min, double max, bool required = false)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required) Missing(key, "1");
            return null;
        }
        return ctx.AsDouble(node, KeyPath(key), key, min, max);
    }

    public bool? Bool(string key, bool required = false)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required) Missing(key, "$true");
            return null;
        }
        return ctx.AsBool(node, KeyPath(key), key);
    }

    public T? Enum<T>(string key, bool required = false) where T : struct, System.Enum
    {
        var node = Node(key);
        if (node is null)
        {
            if (required) Missing(key, $"'{EnumWire.WireNames<T>()[0]}'");
            return null;
        }
        return ctx.AsEnum<T>(node, KeyPath(key), key);
    }

    public ConfigMap? SubMap(string key, bool required = false, string example = "@{ ... }")
    {
        var node = Node(key);
        if (node is null)
        {
            if (required) Missing(key, example);
            return null;
        }
        return ctx.AsMap(node, KeyPath(key), key);
    }

    /// <summary>List items of <paramref name="key"/> with their key paths, checking the count.</summary>
    public IReadOnlyList<(ConfigNode Node, string Path)>? List(string key, bool required = false, int minCount = 0, int maxCount = int.MaxValue, string example = "@( ... )")
    {
        var node = Node(key);
        if (node is null)
        {
            if (required) Missing(key, example);
            return null;
        }
        var items = ctx.AsList(node);
        var path = KeyPath(key);
        if (items.Count < minCount)
        {
            ctx.Error(minCount == 1 ? ConfigErrorCodes.MissingValue : ConfigErrorCodes.TooMany,
                $"{key} needs at least {minCount} {(minCount == 1 ? "entry" : "entries")}; it has {items.Count}.", node.Position, path);
        }
        if (items.Count > maxCount)
        {
            ctx.Error(ConfigErrorCodes.TooMany, $"{key} has {items.Count} entries; Amazon Connect allows at most {maxCount}.", node.Position, path);
        }
        return items.Select((n, i) => (n, BindContext.Index(path, i))).ToList();
    }

    /// <summary>A list of strings; wrong items are reported and skipped.</summary>
    public ValueList<string> StringList(string key, bool required = false, int minCount = 0, int maxCount = int.MaxValue, int itemMax = int.MaxValue, string example = "@('...')")
    {
        var items = List(key, required, minCount, maxCount, example);
        if (items is null) return ValueList<string>.Empty;
        var result = new List<string>(items.Count);
        foreach (var (node, p) in items)
        {
            if (ctx.AsString(node, p, $"Each entry of {key}", 1, itemMax) is { } s) result.Add(s);
        }
        return result.ToValueList();
    }

    public TagSet Tags(string key = "Tags") => TagReader.Read(ctx, Node(key), KeyPath(key));

    /// <summary>A key that must never be written (e.g. Password): reported when present.</summary>
    public void Forbid(string key, string code, string message)
    {
        _known.Add(key);
        if (Map.TryGetEntry(key, out var entry)) ctx.Error(code, message, entry.KeyPosition, KeyPath(key));
    }

    /// <summary>Reports every key that was never asked for.</summary>
    public void Finish()
    {
        foreach (var entry in Map.Entries)
        {
            if (_known.Contains(entry.Key, StringComparer.OrdinalIgnoreCase)) continue;
            var suggestion = NearestName.Find(entry.Key, _known.Distinct(StringComparer.OrdinalIgnoreCase));
            var message = $"'{BindContext.Shorten(entry.Key)}' is not a valid key here." +
                          (suggestion is null ? "" : $" Did you mean '{suggestion}'?") +
                          $" Valid keys: {string.Join(", ", _known.Distinct(StringComparer.OrdinalIgnoreCase))}.";
            ctx.Error(ConfigErrorCodes.UnknownKey, message, entry.KeyPosition, KeyPath(entry.Key));
        }
    }
}
