using System.Collections;
using System.Management.Automation;
using ConnectOps.Completion;
using ConnectOps.Resources;

namespace ConnectOps.Commands;

/// <summary>Creates a security profile (Origin=Cmdlet in state), validated as the config's are.</summary>
[Cmdlet(VerbsCommon.New, "ConnectSecurityProfile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ConnectSecurityProfile))]
public sealed class NewConnectSecurityProfileCommand : ConnectWriteCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ConfigKey("Name", IsName = true)]
    public string Name { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ConfigKey("Permissions")]
    public string[]? Permissions { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ConfigKey("Description")]
    public string? Description { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ConfigKey("Tags")]
    public Hashtable? Tags { get; set; }
}
