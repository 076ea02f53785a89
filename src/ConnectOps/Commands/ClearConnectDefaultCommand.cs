using System.Management.Automation;
using ConnectOps.Hosting;

namespace ConnectOps.Commands;

/// <summary>Forgets the session's defaults: cmdlets go back to ./connectops.psd1 and the usual AWS settings.</summary>
[Cmdlet(VerbsCommon.Clear, "ConnectDefault")]
[OutputType(typeof(void))]
public sealed class ClearConnectDefaultCommand : PSCmdlet
{
    protected override void EndProcessing()
    {
        SessionDefaults.Clear();
        WriteVerbose("ConnectOps defaults cleared.");
    }
}
