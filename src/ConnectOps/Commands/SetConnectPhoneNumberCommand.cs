using System.Collections;
using System.Management.Automation;
using ConnectOps.Completion;
using ConnectOps.Resources;

namespace ConnectOps.Commands;

/// <summary>Points a claimed phone number at a contact flow, or changes its description or tags.</summary>
[Cmdlet(VerbsCommon.Set, "ConnectPhoneNumber", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ConnectPhoneNumber))]
public sealed class SetConnectPhoneNumberCommand : ConnectWriteCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ResourceNameCompleter))]
    [ConfigKey("Name", IsName = true)]
    public string Name { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ResourceNameCompleter))]
    [ConfigKey("ContactFlow")]
    public string? ContactFlow { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ConfigKey("Description")]
    public string? Description { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ConfigKey("Tags")]
    public Hashtable? Tags { get; set; }
}
