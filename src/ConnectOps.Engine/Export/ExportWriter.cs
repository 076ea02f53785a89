using ConnectOps.Engine.Config;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.State;

namespace ConnectOps.Engine.Export;

/// <summary>
/// Writes an export to a folder: connectops.psd1, flows/*.json, and with state .connectops/state.json (where the
/// Local backend looks for it), through <see cref="ConfigFolderWriter"/>. A folder that holds anything is refused unless
/// <c>force</c> is given; then the old connectops.psd1, flow files and local state are replaced (other files stay).
/// </summary>
public static class ExportWriter
{
    public const string ConfigFileName = ConfigFolderWriter.ConfigFileName;

    /// <summary>Checks the folder before anything is read from AWS: a file, or a non-empty folder without force, is an error.</summary>
    public static void CheckFolder(string folder, bool force)
    {
        if (File.Exists(folder))
        {
            throw new ImperativeException("ConnectOps.OutputPathIsFile", EngineErrorKind.InvalidData,
                $"-OutputPath '{folder}' is a file; the export writes a folder (connectops.psd1 and flows/). Give a folder path (it is created when missing).");
        }
        if (!force && Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new ImperativeException("ConnectOps.OutputPathNotEmpty", EngineErrorKind.InvalidOperation,
                $"-OutputPath '{folder}' is not empty. Export to a new or empty folder, or add -Force to replace its connectops.psd1, flows/*.json and local state.");
        }
    }

    /// <summary>The full paths the export writes to <paramref name="folder"/>, in writing order.</summary>
    public static IReadOnlyList<string> PathsOf(ExportResult export, string folder)
    {
        var paths = new List<string> { Path.Combine(folder, ConfigFileName) };
        paths.AddRange(export.FlowFiles.Select(f => Path.Combine(folder, f.RelativePath)));
        if (export.State is not null) paths.Add(LocalStateStore.ForConfig(Path.Combine(folder, ConfigFileName)).StatePath);
        return paths;
    }

    /// <summary>Writes the export all or nothing (see <see cref="ConfigFolderWriter"/>); returns the files written.</summary>
    public static Task<IReadOnlyList<string>> WriteAsync(ExportResult export, string folder, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(export);
        CheckFolder(folder, force);
        return ConfigFolderWriter.WriteAsync(folder, export.ConfigText, export.FlowFiles.Select(f => (f.RelativePath, f.Text)), _ => export.State, cancellationToken);
    }
}
