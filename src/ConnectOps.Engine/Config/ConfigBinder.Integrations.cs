using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.Config;

// LambdaFunctions = @{ key = @{ FunctionArn } }; LexBots = @( @{ Name; LexRegion } @{ AliasArn; Name? } )
public sealed partial class ConfigBinder
{
    private LambdaFunctionSpec? BindLambdaFunction(string key, MapReader r)
    {
        _names.Declare(Component.LambdaFunctions, key, r.Map.Position, r.Path, "Lambda function key");
        var arn = r.Pattern("FunctionArn", ConfigPatterns.LambdaArn(), "a Lambda function ARN such as 'arn:aws:lambda:eu-west-2:123456789012:function:Lookup'",
            required: true, max: 140, example: "'arn:aws:lambda:eu-west-2:123456789012:function:Lookup'");
        if (arn is not null) _names.Declare(Component.LambdaFunctions, arn, r.PositionOf("FunctionArn"), r.KeyPath("FunctionArn"), "Lambda function", scope: "arn");
        return arn is null ? null : new LambdaFunctionSpec(key, arn, r.Map.Position);
    }

    private LexBotSpec? BindLexBot(MapReader r)
    {
        var aliasArn = r.Pattern("AliasArn", ConfigPatterns.LexV2AliasArn(), "a Lex V2 bot alias ARN such as 'arn:aws:lex:eu-west-2:123456789012:bot-alias/BOTID/ALIASID'", max: 100);
        var isV2 = r.Has("AliasArn");
        var name = isV2
            ? r.String("Name", max: MaxNameLength)
            : r.Pattern("Name", ConfigPatterns.LexBotName(), "letters only (a Lex V1 bot name, at most 50)", required: true, max: 50, example: "'CustomerServiceBot'");
        var region = r.Pattern("LexRegion", ConfigPatterns.Region(), "an AWS Region such as 'eu-west-2'", required: !isV2, max: 60, example: "'eu-west-2'");
        if (isV2 && r.Has("LexRegion"))
        {
            _ctx.Error(ConfigErrorCodes.Conflict, "LexRegion is for Lex V1 bots (Name + LexRegion); a Lex V2 bot is identified by AliasArn alone. Remove LexRegion.",
                r.PositionOf("LexRegion"), r.KeyPath("LexRegion"));
            return null;
        }
        var key = isV2 ? name ?? aliasArn : name;
        if (key is null) return null;
        if (!_names.Declare(Component.LexBots, key, isV2 && name is null ? r.PositionOf("AliasArn") : r.PositionOf("Name"), r.Path, "Lex bot")) return null;
        return new LexBotSpec(key, name, isV2 ? null : region, aliasArn, r.Map.Position);
    }
}
