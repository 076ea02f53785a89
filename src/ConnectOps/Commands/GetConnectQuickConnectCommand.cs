using System.Management.Automation;

namespace ConnectOps.Commands;

/// <summary>Lists the instance's quick connects (one SearchQuickConnects read), optionally by name with wildcards.</summary>
[Cmdlet(VerbsCommon.Get, "ConnectQuickConnect")]
[OutputType(typeof(ConnectQuickConnect))]
public sealed class GetConnectQuickConnectCommand : ConnectGetCmdletBase
{
}
