using System.Management.Automation;
using ConnectOps.Hosting;

namespace ConnectOps.Commands;

/// <summary>Shows the session's defaults set with Set-ConnectDefault (nothing when none are set).</summary>
[Cmdlet(VerbsCommon.Get, "ConnectDefault")]
[OutputType(typeof(ConnectDefaultSettings))]
public sealed class GetConnectDefaultCommand : PSCmdlet
{
    protected override void EndProcessing()
    {
        if (SessionDefaults.Current is { } current) WriteObject(current);
    }
}
