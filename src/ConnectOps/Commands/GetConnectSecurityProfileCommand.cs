using System.Management.Automation;

namespace ConnectOps.Commands;

/// <summary>Lists the instance's security profiles (one SearchSecurityProfiles read), optionally by name with wildcards.</summary>
[Cmdlet(VerbsCommon.Get, "ConnectSecurityProfile")]
[OutputType(typeof(ConnectSecurityProfile))]
public sealed class GetConnectSecurityProfileCommand : ConnectGetCmdletBase
{
}
