using System.Collections;
using System.Management.Automation;
using ConnectOps.Completion;
using ConnectOps.Resources;

namespace ConnectOps.Commands;

/// <summary>Removes a Lambda function's association with the instance (the function itself is not touched).</summary>
[Cmdlet(VerbsCommon.Remove, "ConnectLambdaFunction", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveConnectLambdaFunctionCommand : ConnectRemoveCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ResourceNameCompleter))]
    [ConfigKey("Name", IsName = true)]
    public string Name { get; set; } = "";
}
