using System.Management.Automation;

namespace ConnectOps.Commands;

/// <summary>Lists the phone numbers claimed for the instance (ListPhoneNumbersV2 and one ListFlowAssociations), optionally by key or number with wildcards.</summary>
[Cmdlet(VerbsCommon.Get, "ConnectPhoneNumber")]
[OutputType(typeof(ConnectPhoneNumber))]
public sealed class GetConnectPhoneNumberCommand : ConnectGetCmdletBase
{
}
