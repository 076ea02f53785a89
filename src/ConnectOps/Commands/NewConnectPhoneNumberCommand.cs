using System.Collections;
using System.Management.Automation;
using ConnectOps.Completion;
using ConnectOps.Resources;

namespace ConnectOps.Commands;

/// <summary>Claims a phone number for the instance, under a key (Origin=Cmdlet in state), and waits until it is claimed.</summary>
[Cmdlet(VerbsCommon.New, "ConnectPhoneNumber", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ConnectPhoneNumber))]
public sealed class NewConnectPhoneNumberCommand : ConnectWriteCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ConfigKey("Name", IsName = true)]
    public string Name { get; set; } = "";

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ConfigKey("CountryCode")]
    public string? CountryCode { get; set; }

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SettingValueCompleter))]
    [ConfigKey("Type")]
    public string? Type { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ConfigKey("Prefix")]
    public string? Prefix { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ConfigKey("PhoneNumber")]
    public string? PhoneNumber { get; set; }

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
