using System.Text.Json.Nodes;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Engine.Reconcilers.LexBots;

/// <summary>
/// Lex bots the instance may use: Lex V1 (classic) by name and Region (AssociateLexBot / DisassociateLexBot), Lex V2
/// by alias ARN (AssociateBot / DisassociateBot with LexV2Bot). Read with ListBots, once for V1 and once for V2 per
/// plan. Any change replaces the association. In flows, <c>${LexBots/key}</c> resolves to the V2 alias ARN, or to
/// the V1 bot's ARN (<c>arn:aws:lex:region:account:bot:Name</c>).
/// </summary>
public sealed class LexBotReconciler : InstanceAssociationReconciler
{
    private static readonly IReadOnlyList<PropertySpec> Specs =
    [
        new("LexVersion") { ForcesReplacement = true },
        new("BotName") { ForcesReplacement = true, ReplaceReason = "another Lex V1 bot is configured: the old one is disassociated and the new one associated" },
        new("LexRegion") { ForcesReplacement = true, ReplaceReason = "a Lex V1 bot in another Region is configured: the old one is disassociated and the new one associated" },
        new("AliasArn") { ForcesReplacement = true, ReplaceReason = "another Lex V2 alias is configured: the old one is disassociated and the new one associated" },
    ];

    public override Component Component => Component.LexBots;

    public override IReadOnlyList<PropertySpec> Properties => Specs;

    // AssociateBot for Lex V2 aliases, AssociateLexBot for classic (V1) bots.
    private static readonly ComponentCalls CallTable = new()
    {
        Read = ComponentCalls.Connect("ListBots"),
        Write = ComponentCalls.Connect("AssociateBot AssociateLexBot"),
        Delete = ComponentCalls.Connect("DisassociateBot DisassociateLexBot"),
    };

    public override ComponentCalls Calls => CallTable;

    /// <summary>The V1 calls when no V1 bot is configured or in state (ids of V2 associations are alias ARNs), and vice versa.</summary>
    public override IEnumerable<AwsOperation> CallsNotNeeded(ConnectConfig config, IReadOnlyCollection<string> stateIds)
    {
        static bool IsV2Id(string id) => id.Contains(":bot-alias/", StringComparison.Ordinal);
        var usesV1 = config.LexBots.Any(b => !b.IsV2) || stateIds.Any(id => !IsV2Id(id));
        var usesV2 = config.LexBots.Any(b => b.IsV2) || stateIds.Any(IsV2Id);
        return [.. usesV1 ? [] : ComponentCalls.Connect("AssociateLexBot DisassociateLexBot"), .. usesV2 ? [] : ComponentCalls.Connect("AssociateBot DisassociateBot")];
    }

    private static string V1Name(string name, string region) => $"{name} ({region})";

    private static JsonObject V1(string name, string region) => new() { ["LexVersion"] = "V1", ["BotName"] = name, ["LexRegion"] = region };

    private static JsonObject V2(string aliasArn) => new() { ["LexVersion"] = "V2", ["AliasArn"] = aliasArn };

    protected override IEnumerable<Association> Wanted(ConnectConfig config) =>
        config.LexBots.Select(b => b.IsV2
            ? new Association(b, b.AliasArn!, V2(b.AliasArn!))
            : new Association(b, V1Name(b.Name!, b.LexRegion!), V1(b.Name!, b.LexRegion!)));

    protected override async Task<IReadOnlyList<LiveResource>> ListAsync(ReconcileContext context, string instanceId, CancellationToken cancellationToken)
    {
        var result = new List<LiveResource>();
        foreach (var version in new[] { "V1", "V2" })
        {
            var request = new ListBotsRequest { InstanceId = instanceId, LexVersion = version, MaxResults = 25 };
            await foreach (var bot in context.Aws.Connect.Paginators.ListBots(request).LexBots.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (bot.LexV2Bot?.AliasArn is { } alias)
                {
                    result.Add(new LiveResource { Id = alias, Arn = alias, Name = alias, Properties = V2(alias) });
                }
                else if (bot.LexBot is { Name: { } name, LexRegion: { } region })
                {
                    var properties = V1(name, region);
                    var arn = ArnOf(context, properties);
                    result.Add(new LiveResource { Id = arn, Arn = arn, Name = V1Name(name, region), Properties = properties });
                }
            }
        }
        return result;
    }

    protected override string ArnOf(ReconcileContext context, JsonObject properties) =>
        Str(properties, "LexVersion") == "V2"
            ? Str(properties, "AliasArn")!
            : $"arn:aws:lex:{Str(properties, "LexRegion")}:{context.AccountId}:bot:{Str(properties, "BotName")}";

    protected override Task AssociateAsync(ReconcileContext context, string instanceId, JsonObject properties, CancellationToken cancellationToken) =>
        Str(properties, "LexVersion") == "V2"
            ? context.Aws.Connect.AssociateBotAsync(new AssociateBotRequest { InstanceId = instanceId, LexV2Bot = new LexV2Bot { AliasArn = Str(properties, "AliasArn") } }, cancellationToken)
            : context.Aws.Connect.AssociateLexBotAsync(new AssociateLexBotRequest
            {
                InstanceId = instanceId, LexBot = new LexBot { Name = Str(properties, "BotName"), LexRegion = Str(properties, "LexRegion") },
            }, cancellationToken);

    protected override Task DisassociateAsync(ReconcileContext context, string instanceId, string arn, CancellationToken cancellationToken)
    {
        // A V1 bot's ARN: arn:aws:lex:{region}:{account}:bot:{name}; anything else is a V2 alias ARN.
        var parts = arn.Split(':');
        if (parts.Length == 7 && parts[5] == "bot")
        {
            return context.Aws.Connect.DisassociateLexBotAsync(new DisassociateLexBotRequest { InstanceId = instanceId, BotName = parts[6], LexRegion = parts[3] }, cancellationToken);
        }
        return context.Aws.Connect.DisassociateBotAsync(new DisassociateBotRequest { InstanceId = instanceId, LexV2Bot = new LexV2Bot { AliasArn = arn } }, cancellationToken);
    }
}
