using System.Collections;
using System.Management.Automation;
using ConnectOps.Completion;
using ConnectOps.Resources;

namespace ConnectOps.Commands;

/// <summary>Associates a Lex bot with the instance: a Lex V2 bot alias by ARN, or a classic (V1) bot by name and Region (Origin=Cmdlet in state).</summary>
[Cmdlet(VerbsCommon.Add, "ConnectLexBot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "V2")]
[OutputType(typeof(ConnectLexBot))]
public sealed class AddConnectLexBotCommand : ConnectWriteCmdletBase
{
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = "V2")]
    [ConfigKey("AliasArn")]
    public string? AliasArn { get; set; }

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = "V1")]
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = "V2")]
    [ConfigKey("Name", IsName = true, AlsoValue = true)]
    public string Name { get; set; } = "";

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = "V1")]
    [ConfigKey("LexRegion")]
    public string? LexRegion { get; set; }

    /// <summary>A Lex V2 bot without -Name is known by its alias ARN.</summary>
    protected override void ProcessRecord()
    {
        if (string.IsNullOrWhiteSpace(Name) && AliasArn is { Length: > 0 } arn) Name = arn;
        base.ProcessRecord();
    }

    private protected override bool AddValues(System.Text.Json.Nodes.JsonObject values)
    {
        if (values["Name"]?.ToString() == values["AliasArn"]?.ToString()) values.Remove("Name");
        return true;
    }
}
