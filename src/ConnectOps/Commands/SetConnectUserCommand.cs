using System.Collections;
using System.Management.Automation;
using System.Security;
using ConnectOps.Completion;
using ConnectOps.Resources;

namespace ConnectOps.Commands;

/// <summary>Changes the given settings of users (one per pipeline record), leaving the others as they are in AWS.</summary>
[Cmdlet(VerbsCommon.Set, "ConnectUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ConnectUser))]
public sealed class SetConnectUserCommand : ConnectWriteCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ResourceNameCompleter))]
    [ConfigKey("Username", IsName = true)]
    public string Username { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ConfigKey("Email")]
    public string? Email { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ConfigKey("FirstName")]
    public string? FirstName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ConfigKey("LastName")]
    public string? LastName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ResourceNameCompleter))]
    [ConfigKey("RoutingProfile")]
    public string? RoutingProfile { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ResourceNameCompleter))]
    [ConfigKey("SecurityProfiles")]
    public string[]? SecurityProfiles { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SettingValueCompleter))]
    [ConfigKey("PhoneType")]
    public string? PhoneType { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ConfigKey("DeskPhoneNumber")]
    public string? DeskPhoneNumber { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BooleanTransformation]
    [ConfigKey("AutoAccept")]
    public bool? AutoAccept { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ConfigKey("AfterContactWorkTimeLimit")]
    public int? AfterContactWorkTimeLimit { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ResourceNameCompleter))]
    [ConfigKey("HierarchyGroup")]
    public string? HierarchyGroup { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ConfigKey("SecondaryEmail")]
    public string? SecondaryEmail { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ConfigKey("Mobile")]
    public string? Mobile { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ConfigKey("Tags")]
    public Hashtable? Tags { get; set; }
}
