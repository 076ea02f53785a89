using System.Collections;
using System.Management.Automation;
using ConnectOps.Completion;
using ConnectOps.Resources;

namespace ConnectOps.Commands;

/// <summary>Deletes a security profile and its state entry.</summary>
[Cmdlet(VerbsCommon.Remove, "ConnectSecurityProfile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveConnectSecurityProfileCommand : ConnectRemoveCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ResourceNameCompleter))]
    [ConfigKey("Name", IsName = true)]
    public string Name { get; set; } = "";
}
