using System.Management.Automation;

namespace ConnectOps.Commands;

/// <summary>Lists the instance's routing profiles (one SearchRoutingProfiles read), optionally by name with wildcards.</summary>
[Cmdlet(VerbsCommon.Get, "ConnectRoutingProfile")]
[OutputType(typeof(ConnectRoutingProfile))]
public sealed class GetConnectRoutingProfileCommand : ConnectGetCmdletBase
{
}
