using System.Collections;
using System.Management.Automation;
using ConnectOps.Completion;
using ConnectOps.Resources;

namespace ConnectOps.Commands;

/// <summary>Removes a Lex bot's association with the instance (the bot itself is not touched).</summary>
[Cmdlet(VerbsCommon.Remove, "ConnectLexBot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveConnectLexBotCommand : ConnectRemoveCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ResourceNameCompleter))]
    [ConfigKey("Name", IsName = true)]
    public string Name { get; set; } = "";
}
