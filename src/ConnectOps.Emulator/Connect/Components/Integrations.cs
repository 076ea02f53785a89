using System.Text.Json.Nodes;
using ConnectOps.Emulator.Connect.Framework;
using ConnectOps.Emulator.Hosting;
using ConnectOps.Emulator.Protocols;

namespace ConnectOps.Emulator.Connect.Components;

/// <summary>
/// The instance's Lambda functions and Lex bots: collections on the instance record, served by the generic
/// association handlers. Lex V1 (AssociateLexBot) and V1/V2 (AssociateBot) share one collection of LexBotConfig.
/// </summary>
internal static class IntegrationOperations
{
    public const int LambdaFunctionsPerInstance = 50;
    public const int LexBotsPerInstance = 100;

    public static void Register(HandlerRegistry registry, ResourceCatalog catalog)
    {
        var owner = Associations.InstanceOwner;
        Func<ApiCall, IEnumerable<JsonNode>> functionArn = call => [JsonValue.Create(call.RequireString("FunctionArn"))];
        foreach (var spec in new[]
                 {
                     new AssociationSpec("AssociateLambdaFunction", AssociationMode.Add, owner, "LambdaFunctions", functionArn, Text)
                     {
                         ConflictError = "ResourceConflictException",
                         Capacity = (LambdaFunctionsPerInstance, "Lambda functions per instance"),
                     },
                     new AssociationSpec("DisassociateLambdaFunction", AssociationMode.Remove, owner, "LambdaFunctions", functionArn, Text),
                     new AssociationSpec("AssociateLexBot", AssociationMode.Add, owner, "Bots", call => [new JsonObject { ["LexBot"] = call.GetObject("LexBot")!.DeepClone() }], BotKey)
                     {
                         ConflictError = "ResourceConflictException",
                         Capacity = (LexBotsPerInstance, "Lex bots per instance"),
                     },
                     new AssociationSpec("DisassociateLexBot", AssociationMode.Remove, owner, "Bots", call =>
                         [new JsonObject { ["LexBot"] = new JsonObject { ["Name"] = call.RequireString("BotName"), ["LexRegion"] = call.RequireString("LexRegion") } }], BotKey),
                     new AssociationSpec("AssociateBot", AssociationMode.Add, owner, "Bots", BotConfig, BotKey)
                     {
                         ConflictError = "ResourceConflictException",
                         Capacity = (LexBotsPerInstance, "Lex bots per instance"),
                     },
                     new AssociationSpec("DisassociateBot", AssociationMode.Remove, owner, "Bots", BotConfig, BotKey),
                 })
        {
            Associations.Register(registry, catalog, spec);
        }

        foreach (var spec in new[]
                 {
                     new CollectionListSpec("ListLambdaFunctions", owner, "LambdaFunctions", "LambdaFunctions", (_, item) => item.DeepClone()),
                     new CollectionListSpec("ListLexBots", owner, "Bots", "LexBots", (_, item) => item["LexBot"]?.DeepClone())
                     {
                         Filter = (_, item) => item["LexBot"] is not null,
                     },
                     new CollectionListSpec("ListBots", owner, "Bots", "LexBots", (_, item) => item.DeepClone())
                     {
                         Filter = (call, item) => item[call.GetString("LexVersion") == "V2" ? "LexV2Bot" : "LexBot"] is not null,
                     },
                 })
        {
            Associations.Register(registry, catalog, spec);
        }
    }

    private static string Text(JsonNode item) => RecordPath.Text(item)!;

    /// <summary>AssociateBot / DisassociateBot carry exactly one of LexBot (V1) or LexV2Bot.</summary>
    private static IEnumerable<JsonNode> BotConfig(ApiCall call)
    {
        var v1 = call.GetObject("LexBot");
        var v2 = call.GetObject("LexV2Bot");
        if ((v1 is null) == (v2 is null))
        {
            throw ApiException.InvalidRequest("Exactly one of LexBot or LexV2Bot is required.");
        }

        if (v2 is not null && RecordPath.Text(v2["AliasArn"]) is null)
        {
            throw ApiException.InvalidRequest("LexV2Bot.AliasArn is required.");
        }

        return [v1 is not null ? new JsonObject { ["LexBot"] = v1.DeepClone() } : new JsonObject { ["LexV2Bot"] = v2!.DeepClone() }];
    }

    private static string BotKey(JsonNode item) => item["LexBot"] is JsonObject v1
        ? $"LexBot {RecordPath.Text(v1["Name"])} ({RecordPath.Text(v1["LexRegion"])})"
        : $"LexV2Bot {RecordPath.Text(item["LexV2Bot"]?["AliasArn"])}";
}
