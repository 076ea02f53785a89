using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.Config;

/// <summary>
/// The outcome of loading a config: the bound <see cref="Config"/> when there are no errors, else null and
/// every error found (all at once, sorted by position).
/// </summary>
public sealed record ConfigLoadResult(ConnectConfig? Config, IReadOnlyList<ConfigError> Errors)
{
    /// <summary>Problems that do not stop the config (an unknown flow action type …), with their positions.</summary>
    public IReadOnlyList<ConfigError> Warnings { get; init; } = [];

    public bool Success => Config is not null && Errors.Count == 0;
}
