using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Config;

namespace ConnectOps.Engine.Model;

/// <summary>
/// Config <c>LexBots = @( @{ Name; LexRegion } @{ AliasArn } )</c>: a Lex V1 (classic) bot by Name and
/// LexRegion, or a Lex V2 bot alias by AliasArn. The address key is the Name for V1; for V2 it is the
/// optional Name label when given, else the AliasArn (<c>LexBots/arn:aws:lex:...</c>).
/// </summary>
public sealed record LexBotSpec(string Key, string? Name, string? LexRegion, string? AliasArn, SourcePosition Position) : IResourceSpec
{
    public bool IsV2 => AliasArn is not null;

    public ResourceAddress Address => new(Component.LexBots, Key);
}
