using System.Text.Json.Nodes;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Planning;

namespace ConnectOps.Engine.Tests.Reconcilers;

/// <summary>Lex V1 (name + Region) and Lex V2 (alias ARN) associations against the emulator.</summary>
public sealed class LexBotsTests : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private const string AliasA = "arn:aws:lex:eu-west-2:123456789012:bot-alias/BOTAAAAAAA/ALIASAAAAA";
    private const string AliasB = "arn:aws:lex:eu-west-2:123456789012:bot-alias/BOTAAAAAAA/ALIASBBBBB";
    private readonly EmulatorFixture _emulator;

    public LexBotsTests(EmulatorFixture emulator) => _emulator = emulator;

    public async Task InitializeAsync()
    {
        await _emulator.ResetAccountAsync();
        await _emulator.ResetCallsAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static void AssertSucceeded(ApplyResult result) =>
        Assert.True(result.Failed == 0 && result.Skipped == 0, string.Join("\n", result.Outcomes.Select(o => $"{o.Address} {o.Status} {o.Message}")));

    private static async Task<List<string>> BotsAsync(Harness h)
    {
        var state = await h.StateAsync();
        using var ws = await h.OpenAsync();
        var result = new List<string>();
        foreach (var version in new[] { "V1", "V2" })
        {
            var page = await ws.Aws.Connect.ListBotsAsync(new ListBotsRequest { InstanceId = state.Instance!.Id, LexVersion = version, MaxResults = 25 });
            result.AddRange(page.LexBots!.Select(b => b.LexV2Bot?.AliasArn ?? $"{b.LexBot!.Name}@{b.LexBot.LexRegion}"));
        }
        return result.Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task V1_and_V2_bots_are_associated_replaced_and_disassociated_with_one_call_each()
    {
        var config = Harness.BasicConfig("lex");
        config["LexBots"] = new JsonArray(
            new JsonObject { ["Name"] = "CustomerServiceBot", ["LexRegion"] = "eu-west-2" },
            new JsonObject { ["Name"] = "Concierge", ["AliasArn"] = AliasA });
        using var h = new Harness(_emulator, config);

        AssertSucceeded(await h.ApplyAsync());
        var calls = await _emulator.CallsAsync();
        Assert.Equal(1, calls.GetValueOrDefault("Connect.AssociateLexBot"));
        Assert.Equal(1, calls.GetValueOrDefault("Connect.AssociateBot"));
        Assert.Equal(["CustomerServiceBot@eu-west-2", AliasA], await BotsAsync(h));
        var state = await h.StateAsync();
        Assert.Equal("arn:aws:lex:eu-west-2:123456789012:bot:CustomerServiceBot", state.Resources[ResourceAddress.Parse("LexBots/CustomerServiceBot")].Arn);
        Assert.Equal(AliasA, state.Resources[ResourceAddress.Parse("LexBots/Concierge")].Arn);
        Assert.Equal(AliasA, JsonNode.Parse(state.Outputs["lex_bot_associations"]!)!["Concierge"]!.GetValue<string>());

        await _emulator.ResetCallsAsync();
        Assert.True((await h.PlanAsync()).IsEmpty);
        Assert.Equal(2, (await _emulator.CallsAsync()).GetValueOrDefault("Connect.ListBots"));

        // Another alias: disassociate the old one, associate the new.
        config["LexBots"]![1]!["AliasArn"] = AliasB;
        h.Write(config);
        Assert.Equal(ChangeAction.Replace, Assert.Single((await h.PlanAsync()).Changes, c => c.IsWrite()).Action);
        await _emulator.ResetCallsAsync();
        AssertSucceeded(await h.ApplyAsync());
        Assert.Equal(new Dictionary<string, int> { ["Connect.DisassociateBot"] = 1, ["Connect.AssociateBot"] = 1 }, await FlowSamples.WritesAsync(_emulator));
        Assert.Equal(["CustomerServiceBot@eu-west-2", AliasB], await BotsAsync(h));

        // Another Region for the V1 bot: the same.
        config["LexBots"]![0]!["LexRegion"] = "us-east-1";
        h.Write(config);
        await _emulator.ResetCallsAsync();
        AssertSucceeded(await h.ApplyAsync());
        Assert.Equal(new Dictionary<string, int> { ["Connect.DisassociateLexBot"] = 1, ["Connect.AssociateLexBot"] = 1 }, await FlowSamples.WritesAsync(_emulator));
        Assert.Equal(["CustomerServiceBot@us-east-1", AliasB], await BotsAsync(h));
        Assert.True((await h.PlanAsync()).IsEmpty);

        config.Remove("LexBots");
        h.Write(config);
        await _emulator.ResetCallsAsync();
        AssertSucceeded(await h.ApplyAsync());
        Assert.Equal(new Dictionary<string, int> { ["Connect.DisassociateBot"] = 1, ["Connect.DisassociateLexBot"] = 1 }, await FlowSamples.WritesAsync(_emulator));
        Assert.Empty(await BotsAsync(h));
        Assert.True((await h.PlanAsync()).IsEmpty);
    }

    [Fact]
    public async Task Bots_associated_by_hand_are_adopted_without_calls()
    {
        var config = Harness.BasicConfig("lex-adopt");
        using var h = new Harness(_emulator, config);
        AssertSucceeded(await h.ApplyAsync());
        var state = await h.StateAsync();
        using (var ws = await h.OpenAsync())
        {
            await ws.Aws.Connect.AssociateBotAsync(new AssociateBotRequest { InstanceId = state.Instance!.Id, LexV2Bot = new LexV2Bot { AliasArn = AliasA } });
            await ws.Aws.Connect.AssociateBotAsync(new AssociateBotRequest { InstanceId = state.Instance.Id, LexBot = new LexBot { Name = "Legacy", LexRegion = "eu-west-2" } });
        }
        config["LexBots"] = new JsonArray(new JsonObject { ["AliasArn"] = AliasA }, new JsonObject { ["Name"] = "Legacy", ["LexRegion"] = "eu-west-2" });
        h.Write(config);

        var plan = await h.PlanAsync();
        Assert.Equal(2, plan.Changes.Count(c => c.Action == ChangeAction.Import));
        await _emulator.ResetCallsAsync();
        AssertSucceeded(await h.ApplyAsync());
        Assert.Empty(await FlowSamples.WritesAsync(_emulator));
        Assert.True((await h.PlanAsync()).IsEmpty);
        Assert.True((await h.StateAsync()).Resources.ContainsKey(ResourceAddress.Parse($"LexBots/{AliasA}")));
    }
}
