using System.Management.Automation;

namespace ConnectOps.Commands;

/// <summary>Lists the instance's hours of operation (one SearchHoursOfOperations read), optionally by name with wildcards.</summary>
[Cmdlet(VerbsCommon.Get, "ConnectHoursOfOperation")]
[OutputType(typeof(ConnectHoursOfOperation))]
public sealed class GetConnectHoursOfOperationCommand : ConnectGetCmdletBase
{
}
