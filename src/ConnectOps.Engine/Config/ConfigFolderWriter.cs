using System.Text;
using ConnectOps.Engine.State;

namespace ConnectOps.Engine.Config;

/// <summary>
/// Writes a config folder (connectops.psd1, flows/*.json and, when given, the Local state in .connectops/) all or
/// nothing: everything goes to a folder beside the target first, <c>prepare</c> runs there (reads the config back,
/// builds the state) and may refuse, and only then are the files moved into place. Replacing a folder's contents drops
/// its old flows/*.json (they would look like part of the new config) and, when state is written, its old
/// .connectops folder; other files stay. Export-ConnectConfig and the Terraform migration both write through it.
/// </summary>
public static class ConfigFolderWriter
{
    public const string ConfigFileName = "connectops.psd1";

    public const string FlowsFolder = "flows";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="files">Flow files, relative to the folder ("flows/main-ivr.json").</param>
    /// <param name="prepare">Given the written config's path in the staging folder: the state to write beside it, or null for none.</param>
    /// <returns>The files written, as they are now in <paramref name="folder"/>.</returns>
    public static async Task<IReadOnlyList<string>> WriteAsync(string folder, string configText, IEnumerable<(string RelativePath, string Text)> files,
        Func<string, StateDocument?> prepare, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        var output = Path.GetFullPath(folder);
        var parent = Path.GetDirectoryName(output) ?? output;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".connectops-staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var relative = new List<string> { ConfigFileName };
            var configPath = Path.Combine(staging, ConfigFileName);
            await File.WriteAllTextAsync(configPath, configText, Utf8NoBom, cancellationToken).ConfigureAwait(false);
            foreach (var (file, text) in files)
            {
                var path = Path.Combine(staging, file);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, text, Utf8NoBom, cancellationToken).ConfigureAwait(false);
                relative.Add(file);
            }
            if (prepare(configPath) is { } state)
            {
                var store = LocalStateStore.ForConfig(configPath);
                await store.WriteAsync(state, null, cancellationToken).ConfigureAwait(false);
                relative.Add(Path.GetRelativePath(staging, store.StatePath));
            }
            cancellationToken.ThrowIfCancellationRequested();
            MoveInto(staging, output);
            return relative.Select(r => Path.Combine(output, r)).ToList();
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>Moves the staged files into the output folder (the folder itself when it does not exist yet).</summary>
    private static void MoveInto(string staging, string output)
    {
        if (!Directory.Exists(output))
        {
            Directory.Move(staging, output);
            return;
        }
        var flows = Path.Combine(output, FlowsFolder);
        if (Directory.Exists(flows))
        {
            foreach (var old in Directory.EnumerateFiles(flows, "*.json")) File.Delete(old);
        }
        var stagedState = Path.Combine(staging, ".connectops");
        if (Directory.Exists(stagedState))
        {
            var stateDir = Path.Combine(output, ".connectops");
            if (Directory.Exists(stateDir)) Directory.Delete(stateDir, recursive: true);
            Directory.Move(stagedState, stateDir);
        }
        foreach (var file in Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(output, Path.GetRelativePath(staging, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(file, target, overwrite: true);
        }
    }
}
