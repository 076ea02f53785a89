using System.Management.Automation;

namespace ConnectOps.Commands;

/// <summary>Lists the instance's user hierarchy groups (one SearchUserHierarchyGroups read), optionally by name with wildcards.</summary>
[Cmdlet(VerbsCommon.Get, "ConnectHierarchyGroup")]
[OutputType(typeof(ConnectHierarchyGroup))]
public sealed class GetConnectHierarchyGroupCommand : ConnectGetCmdletBase
{
}
