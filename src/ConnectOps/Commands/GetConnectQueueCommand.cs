using System.Management.Automation;

namespace ConnectOps.Commands;

/// <summary>Lists the instance's standard queues (one SearchQueues read), optionally by name with wildcards.</summary>
[Cmdlet(VerbsCommon.Get, "ConnectQueue")]
[OutputType(typeof(ConnectQueue))]
public sealed class GetConnectQueueCommand : ConnectGetCmdletBase
{
}
