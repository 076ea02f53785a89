using System.Management.Automation;
using ConnectOps.Engine.Config;
using ConnectOps.Hosting;

namespace ConnectOps.Commands;

/// <summary>Validates a config without calling AWS: returns $true, or $false with one error per problem.</summary>
[Cmdlet(VerbsDiagnostic.Test, "ConnectConfig")]
[OutputType(typeof(bool))]
public sealed class TestConnectConfigCommand : ConnectCmdletBase
{
    protected override void Run()
    {
        var full = ResolveConfigPath();
        if (!File.Exists(full))
        {
            WriteError(new ErrorRecord(new FileNotFoundException($"The config file '{full}' does not exist.", full), "ConnectOps.ConfigNotFound", ErrorCategory.ObjectNotFound, full));
            WriteObject(false);
            return;
        }
        var result = ConfigLoader.Load(full, new PsdConfigReader());
        foreach (var error in result.Errors) WriteError(ConfigErrorRecord(error));
        foreach (var warning in result.Warnings) WriteWarning(warning.ToString());
        WriteObject(result.Success);
    }
}
