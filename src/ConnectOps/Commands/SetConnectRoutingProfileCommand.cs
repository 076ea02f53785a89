using System.Collections;
using System.Management.Automation;
using ConnectOps.Completion;
using ConnectOps.Resources;

namespace ConnectOps.Commands;

/// <summary>Changes the given settings of a routing profile, leaving the others as they are in AWS.</summary>
[Cmdlet(VerbsCommon.Set, "ConnectRoutingProfile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ConnectRoutingProfile))]
public sealed class SetConnectRoutingProfileCommand : ConnectWriteCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ResourceNameCompleter))]
    [ConfigKey("Name", IsName = true)]
    public string Name { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ResourceNameCompleter))]
    [ConfigKey("DefaultOutboundQueue")]
    public string? DefaultOutboundQueue { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ConfigKey("MediaConcurrencies")]
    public object[]? MediaConcurrencies { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ConfigKey("QueueConfigs")]
    public object[]? QueueConfigs { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ConfigKey("Description")]
    public string? Description { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SettingValueCompleter))]
    [ConfigKey("AgentAvailabilityTimer")]
    public string? AgentAvailabilityTimer { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ConfigKey("Tags")]
    public Hashtable? Tags { get; set; }
}
