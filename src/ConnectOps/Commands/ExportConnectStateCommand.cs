using System.Management.Automation;
using System.Text;

namespace ConnectOps.Commands;

/// <summary>
/// Writes the current state to a file (terraform state pull), byte for byte; without -Path, returns its JSON text.
/// Import-ConnectState pushes a file back.
/// </summary>
[Cmdlet(VerbsData.Export, "ConnectState", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(FileInfo), typeof(string))]
public sealed class ExportConnectStateCommand : StateCmdletBase
{
    /// <summary>The file to write; without it the state's JSON is returned as a string.</summary>
    [Parameter(Position = 0)]
    public string? Path { get; set; }

    /// <summary>Overwrites an existing file.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void Run()
    {
        var config = LoadConfig();
        var ops = StateOperationsFor(config);
        var raw = RunEngine(ct => ops.ExportAsync(ct), ops.Store.Location);
        if (Path is null)
        {
            WriteObject(Encoding.UTF8.GetString(raw.Content));
            return;
        }
        var full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        if (File.Exists(full) && !Force)
        {
            ThrowTerminatingError(new ErrorRecord(new IOException($"'{full}' exists. Pass -Force to overwrite it, or choose another path."),
                "ConnectOps.FileExists", ErrorCategory.ResourceExists, full));
        }
        if (!ShouldProcess(full, $"Export the state at {ops.Store.Location}")) return;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, raw.Content);
        WriteObject(new FileInfo(full));
    }
}
