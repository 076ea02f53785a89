using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.Config;

/// <summary>Reads <c>Tags = @{ Key = 'value' }</c> with the AWS tag limits (50 tags, keys ≤128, values ≤256, no aws: prefix).</summary>
internal static class TagReader
{
    public const int MaxTags = 50;

    public static TagSet Read(BindContext ctx, ConfigNode? node, string path)
    {
        if (node is null) return TagSet.Empty;
        if (ctx.AsMap(node, path, "Tags") is not { } map) return TagSet.Empty;
        if (map.Count > MaxTags)
        {
            ctx.Error(ConfigErrorCodes.TooMany, $"Tags has {map.Count} tags; AWS allows at most {MaxTags} per resource.", map.Position, path);
        }
        var tags = new List<KeyValuePair<string, string>>(map.Count);
        foreach (var entry in map.Entries)
        {
            var keyPath = BindContext.Join(path, entry.Key);
            if (entry.Key.Length > 128)
            {
                ctx.Error(ConfigErrorCodes.TooLong, $"The tag key '{BindContext.Shorten(entry.Key)}' is longer than 128 characters.", entry.KeyPosition, keyPath);
                continue;
            }
            if (entry.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                ctx.Error(ConfigErrorCodes.InvalidValue, $"The tag key '{entry.Key}' starts with 'aws:', which AWS reserves. Rename it.", entry.KeyPosition, keyPath);
                continue;
            }
            if (ctx.AsString(entry.Value, keyPath, $"The tag '{entry.Key}'", 0, 256) is { } value)
            {
                tags.Add(new(entry.Key, value));
            }
        }
        return new TagSet(tags);
    }
}
