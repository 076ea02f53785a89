namespace ConnectOps.Commands;

/// <summary>What Set-ConnectDefault stored: the values ConnectOps cmdlets use when they are not given.</summary>
public sealed class ConnectDefaultSettings
{
    /// <summary>Full path of the default config file.</summary>
    public string? ConfigPath { get; init; }

    public string? Region { get; init; }

    public string? ProfileName { get; init; }

    public string? EndpointUrl { get; init; }

    /// <summary>The instance the Get- cmdlets read when there is no config.</summary>
    public string? InstanceId { get; init; }
}
