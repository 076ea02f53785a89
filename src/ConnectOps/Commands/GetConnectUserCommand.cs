using System.Management.Automation;

namespace ConnectOps.Commands;

/// <summary>Lists the instance's users (SearchUsers, 500 a page), optionally by username with wildcards.</summary>
[Cmdlet(VerbsCommon.Get, "ConnectUser")]
[OutputType(typeof(ConnectUser))]
public sealed class GetConnectUserCommand : ConnectGetCmdletBase
{
}
