using System.Management.Automation;

namespace ConnectOps.Commands;

/// <summary>Lists the Lambda functions associated with the instance (ListLambdaFunctions).</summary>
[Cmdlet(VerbsCommon.Get, "ConnectLambdaFunction")]
[OutputType(typeof(ConnectLambdaFunction))]
public sealed class GetConnectLambdaFunctionCommand : ConnectGetCmdletBase
{
}
