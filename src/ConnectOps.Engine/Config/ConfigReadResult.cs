namespace ConnectOps.Engine.Config;

/// <summary>What a host's config reader returns: the tree, or the errors that prevented one.</summary>
public sealed record ConfigReadResult(ConfigNode? Root, IReadOnlyList<ConfigError> Errors)
{
    public bool Success => Root is not null && Errors.Count == 0;

    public static ConfigReadResult Failed(params ConfigError[] errors) => new(null, errors);
}
