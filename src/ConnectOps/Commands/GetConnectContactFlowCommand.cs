using System.Management.Automation;

namespace ConnectOps.Commands;

/// <summary>Lists the instance's contact flows (SearchContactFlows), optionally by name with wildcards.</summary>
[Cmdlet(VerbsCommon.Get, "ConnectContactFlow")]
[OutputType(typeof(ConnectContactFlow))]
public sealed class GetConnectContactFlowCommand : ConnectGetCmdletBase
{
}
