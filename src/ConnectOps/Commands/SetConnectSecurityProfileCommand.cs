using System.Collections;
using System.Management.Automation;
using ConnectOps.Completion;
using ConnectOps.Resources;

namespace ConnectOps.Commands;

/// <summary>Changes the given settings of a security profile, leaving the others as they are in AWS.</summary>
[Cmdlet(VerbsCommon.Set, "ConnectSecurityProfile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ConnectSecurityProfile))]
public sealed class SetConnectSecurityProfileCommand : ConnectWriteCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ResourceNameCompleter))]
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
