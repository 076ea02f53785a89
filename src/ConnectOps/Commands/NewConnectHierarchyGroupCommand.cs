using System.Collections;
using System.Management.Automation;
using ConnectOps.Completion;
using ConnectOps.Resources;

namespace ConnectOps.Commands;

/// <summary>Creates user hierarchy groups, parents before children, (Origin=Cmdlet in state), validated as the config's are.</summary>
[Cmdlet(VerbsCommon.New, "ConnectHierarchyGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ConnectHierarchyGroup))]
public sealed class NewConnectHierarchyGroupCommand : ConnectWriteCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ConfigKey("Name", IsName = true)]
    public string Name { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ResourceNameCompleter))]
    [ConfigKey("Parent")]
    public string? Parent { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ConfigKey("Tags")]
    public Hashtable? Tags { get; set; }
}
