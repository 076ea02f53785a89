using System.Collections;
using System.Management.Automation;
using ConnectOps.Completion;
using ConnectOps.Resources;

namespace ConnectOps.Commands;

/// <summary>Creates a quick connect (Origin=Cmdlet in state), validated as the config's are.</summary>
[Cmdlet(VerbsCommon.New, "ConnectQuickConnect", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ConnectQuickConnect))]
public sealed class NewConnectQuickConnectCommand : ConnectWriteCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ConfigKey("Name", IsName = true, AlsoValue = true)]
    public string Name { get; set; } = "";

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SettingValueCompleter))]
    [ConfigKey("Type")]
    public string? Type { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ResourceNameCompleter))]
    [ConfigKey("Queue")]
    public string? Queue { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ResourceNameCompleter))]
    [ConfigKey("User")]
    public string? User { get; set; }

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
