using System.Management.Automation;

namespace ConnectOps.Commands;

/// <summary>Lists the Lex bots (V1 and V2) associated with the instance (ListBots).</summary>
[Cmdlet(VerbsCommon.Get, "ConnectLexBot")]
[OutputType(typeof(ConnectLexBot))]
public sealed class GetConnectLexBotCommand : ConnectGetCmdletBase
{
}
