using System.Management.Automation;
using ConnectOps.Completion;
using ConnectOps.Resources;

namespace ConnectOps.Commands;

/// <summary>Deletes users (one per pipeline record) and their state entries.</summary>
[Cmdlet(VerbsCommon.Remove, "ConnectUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveConnectUserCommand : ConnectRemoveCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ResourceNameCompleter))]
    [ConfigKey("Username", IsName = true)]
    public string Username { get; set; } = "";
}
