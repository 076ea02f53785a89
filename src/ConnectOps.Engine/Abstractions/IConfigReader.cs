using ConnectOps.Engine.Config;

namespace ConnectOps.Engine.Abstractions;

/// <summary>
/// Turns a config file into the neutral tree. The PowerShell host implements it with the .psd1 parser
/// (PsdConfigReader); the engine never parses host syntax itself.
/// </summary>
public interface IConfigReader
{
    /// <param name="path">A full file-system path (the host resolves PowerShell paths first).</param>
    ConfigReadResult Read(string path);
}
