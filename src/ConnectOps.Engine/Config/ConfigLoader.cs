using ConnectOps.Engine.Abstractions;

namespace ConnectOps.Engine.Config;

/// <summary>Reads a config file through the host's reader, then binds and validates it.</summary>
public static class ConfigLoader
{
    /// <param name="path">Full path of the config file (hosts resolve PowerShell paths first).</param>
    public static ConfigLoadResult Load(string path, IConfigReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var fullPath = Path.GetFullPath(path);
        var read = reader.Read(fullPath);
        if (read.Root is null || read.Errors.Count > 0) return new ConfigLoadResult(null, read.Errors);
        return ConfigBinder.Bind(read.Root, fullPath);
    }
}
