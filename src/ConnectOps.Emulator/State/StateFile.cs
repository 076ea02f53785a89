using System.Text.Json;

namespace ConnectOps.Emulator.State;

/// <summary>Persists the emulated account between runs: whole-file JSON, written to a temp file then renamed.</summary>
internal sealed class StateFile(string path)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public EmulatorState LoadOrCreate()
    {
        if (!File.Exists(Path))
        {
            return new EmulatorState();
        }

        using var stream = File.OpenRead(Path);
        return JsonSerializer.Deserialize<EmulatorState>(stream, Options) ?? new EmulatorState();
    }

    /// <summary>Writes atomically: a reader (or a crash) never sees a half-written file.</summary>
    public void Save(EmulatorState state)
    {
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(directory);
        var temp = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(Path)}.{Environment.ProcessId}.tmp");
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, state, Options);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, Path, overwrite: true);
    }
}
