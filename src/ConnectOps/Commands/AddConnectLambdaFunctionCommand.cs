using System.Collections;
using System.Management.Automation;
using ConnectOps.Completion;
using ConnectOps.Resources;

namespace ConnectOps.Commands;

/// <summary>Associates a Lambda function with the instance, so contact flows may invoke it (Origin=Cmdlet in state).</summary>
[Cmdlet(VerbsCommon.Add, "ConnectLambdaFunction", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ConnectLambdaFunction))]
public sealed class AddConnectLambdaFunctionCommand : ConnectWriteCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ConfigKey("FunctionArn")]
    public string? FunctionArn { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ConfigKey("Name", IsName = true)]
    public string Name { get; set; } = "";

    /// <summary>Without -Name the key is the function's name (the ARN's seventh field).</summary>
    protected override void ProcessRecord()
    {
        if (string.IsNullOrWhiteSpace(Name) && FunctionArn is { } arn) Name = arn.Split(':') is { Length: >= 7 } parts ? parts[6] : arn;
        base.ProcessRecord();
    }
}
