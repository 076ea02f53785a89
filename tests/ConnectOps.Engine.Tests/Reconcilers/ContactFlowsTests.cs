using System.Text.Json.Nodes;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Config;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Planning;
using ContactFlow = ConnectOps.Aws.Connect.Model.ContactFlow;

namespace ConnectOps.Engine.Tests.Reconcilers;

/// <summary>Contact flows against the emulator: file shapes, placeholders, cycles, each facet, adoption and deletion.</summary>
public sealed class ContactFlowsTests : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private const string LambdaArn = "arn:aws:lambda:eu-west-2:123456789012:function:CustomerLookup";
    private const string LexAliasArn = "arn:aws:lex:eu-west-2:123456789012:bot-alias/BOTID1234/ALIAS5678";
    private readonly EmulatorFixture _emulator;

    public ContactFlowsTests(EmulatorFixture emulator) => _emulator = emulator;

    public async Task InitializeAsync()
    {
        await _emulator.ResetAccountAsync();
        await _emulator.ResetCallsAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static void AssertSucceeded(ApplyResult result) =>
        Assert.True(result.Failed == 0 && result.Skipped == 0, string.Join("\n", result.Outcomes.Select(o => $"{o.Address} {o.Status} {o.Message}")));

    private static async Task<Dictionary<string, ContactFlow>> FlowsAsync(Harness h)
    {
        var state = await h.StateAsync();
        using var ws = await h.OpenAsync();
        var result = new Dictionary<string, ContactFlow>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var page = await ws.Aws.Connect.SearchContactFlowsAsync(new SearchContactFlowsRequest { InstanceId = state.Instance!.Id, MaxResults = 100, NextToken = token });
            foreach (var f in page.ContactFlows!) result[f.Name!] = f;
            token = page.NextToken;
        }
        while (token is not null);
        return result;
    }

    private static JsonObject Flow(string name, string path, string type = "CONTACT_FLOW") =>
        new() { ["Name"] = name, ["Type"] = type, ["Path"] = path };

    [Fact]
    public async Task Bare_describe_output_and_export_wrapper_files_all_apply_and_plan_empty_after()
    {
        var config = Harness.BasicConfig("flow-shapes");
        using var h = new Harness(_emulator, config);
        var bare = FlowSamples.Greeting("bare");
        var described = FlowSamples.Greeting("described");
        var exported = FlowSamples.Greeting("exported");
        config["ContactFlows"] = new JsonArray(
            Flow("Bare", FlowSamples.WriteFile(h, "bare.json", bare)),
            // aws connect describe-contact-flow output: Content is a JSON string.
            Flow("Described", FlowSamples.WriteFile(h, "described.json", new JsonObject
            {
                ["ContactFlow"] = new JsonObject
                {
                    ["Arn"] = "arn:aws:connect:eu-west-2:123456789012:instance/x/contact-flow/y", ["Id"] = "y", ["Name"] = "Described",
                    ["Type"] = "CONTACT_FLOW", ["State"] = "ACTIVE", ["Status"] = "PUBLISHED", ["Content"] = described.ToJsonString(),
                },
            })),
            // {Name, Type, Content} with Content as an object, and an inline Content string.
            Flow("Exported", FlowSamples.WriteFile(h, "exported.json", new JsonObject { ["Name"] = "Exported", ["Type"] = "CONTACT_FLOW", ["Content"] = exported })),
            new JsonObject { ["Name"] = "Inline", ["Type"] = "CONTACT_FLOW", ["Content"] = FlowSamples.Greeting("inline").ToJsonString() });
        h.Write(config);

        AssertSucceeded(await h.ApplyAsync());

        var flows = await FlowsAsync(h);
        Assert.True(JsonNode.DeepEquals(bare, JsonNode.Parse(flows["Bare"].Content!)));
        Assert.True(JsonNode.DeepEquals(described, JsonNode.Parse(flows["Described"].Content!)));
        Assert.True(JsonNode.DeepEquals(exported, JsonNode.Parse(flows["Exported"].Content!)));
        Assert.All(new[] { "Bare", "Described", "Exported", "Inline" }, n => Assert.Equal("PUBLISHED", flows[n].Status));
        Assert.Equal(4, (await _emulator.CallsAsync()).GetValueOrDefault("Connect.CreateContactFlow"));

        var plan = await h.PlanAsync();
        Assert.True(plan.IsEmpty, PlanRenderer.Render(plan));

        // Reformatting a file (key order, whitespace) is not a change.
        var reordered = new JsonObject { ["Actions"] = bare["Actions"]!.DeepClone(), ["StartAction"] = "greet", ["Version"] = "2019-10-30" };
        File.WriteAllText(Path.Combine(h.Folder, "flows", "bare.json"), reordered.ToJsonString());
        Assert.True((await h.PlanAsync()).IsEmpty);
    }

    [Fact]
    public async Task Placeholders_resolve_to_the_instances_arns_and_ids_and_add_dependency_edges()
    {
        var config = Harness.BasicConfig("flow-placeholders");
        config["LambdaFunctions"] = new JsonObject { ["lookup"] = new JsonObject { ["FunctionArn"] = LambdaArn } };
        config["LexBots"] = new JsonArray(new JsonObject { ["Name"] = "Concierge", ["AliasArn"] = LexAliasArn });
        using var h = new Harness(_emulator, config);
        var main = FlowSamples.Flow(
            FlowSamples.InvokeLambda("lookup", "${LambdaFunctions/lookup}", "hours"),
            FlowSamples.CheckHours("hours", "${HoursOfOperation/UK Business Hours#Id}", "bot", "closed"),
            FlowSamples.LexV2("bot", "${LexBots/Concierge}", "queue"),
            FlowSamples.SetQueue("queue", "${Queues/CustomerService}", "basic"),
            FlowSamples.SetQueue("basic", "${queues/basicqueue#Id}", "bye"),
            FlowSamples.Message("closed", "Closed", "bye"),
            FlowSamples.Disconnect("bye"));
        config["ContactFlows"] = new JsonArray(Flow("Main", FlowSamples.WriteFile(h, "main.json", main)));
        h.Write(config);

        var plan = await h.PlanAsync();
        Assert.Contains(plan.Changes, c => c.Address.ToString() == "ContactFlows/Main" && c.Action == ChangeAction.Create);
        AssertSucceeded(await h.ApplyAsync());

        var state = await h.StateAsync();
        var live = JsonNode.Parse((await FlowsAsync(h))["Main"].Content!)!;
        var actions = live["Actions"]!.AsArray().ToDictionary(a => a!["Identifier"]!.GetValue<string>(), a => a!["Parameters"]!);
        Assert.Equal(LambdaArn, actions["lookup"]["LambdaFunctionARN"]!.GetValue<string>());
        Assert.Equal(state.Resources[ResourceAddress.Parse("HoursOfOperation/UK Business Hours")].Id, actions["hours"]["HoursOfOperationId"]!.GetValue<string>());
        Assert.Equal(LexAliasArn, actions["bot"]["LexV2Bot"]!["AliasArn"]!.GetValue<string>());
        Assert.Equal(state.Resources[ResourceAddress.Parse("Queues/CustomerService")].Arn, actions["queue"]["QueueId"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f-]{36}$", actions["basic"]["QueueId"]!.GetValue<string>());
        Assert.DoesNotContain("${", live.ToJsonString(), StringComparison.Ordinal);

        // The flow depends on what its placeholders name (built-ins excluded).
        var dependsOn = state.Resources[ResourceAddress.Parse("ContactFlows/Main")].DependsOn.Select(a => a.ToString()).ToList();
        Assert.Contains("LambdaFunctions/lookup", dependsOn);
        Assert.Contains("LexBots/Concierge", dependsOn);
        Assert.Contains("Queues/CustomerService", dependsOn);
        Assert.Contains("HoursOfOperation/UK Business Hours", dependsOn);
        Assert.DoesNotContain("Queues/BasicQueue", dependsOn);

        var second = await h.PlanAsync();
        Assert.True(second.IsEmpty, PlanRenderer.Render(second));
    }

    [Fact]
    public async Task Flows_that_transfer_to_each_other_and_to_themselves_apply_from_scratch()
    {
        var config = Harness.BasicConfig("flow-cycle");
        using var h = new Harness(_emulator, config);
        var a = FlowSamples.Flow(FlowSamples.TransferToFlow("to-b", "${ContactFlows/B}", "bye"), FlowSamples.Disconnect("bye"));
        var b = FlowSamples.Flow(FlowSamples.TransferToFlow("to-a", "${ContactFlows/A#Id}", "bye"), FlowSamples.Disconnect("bye"));
        var self = FlowSamples.Flow(FlowSamples.Message("hi", "again", "loop"), FlowSamples.TransferToFlow("loop", "${ContactFlows/Self}", "bye"), FlowSamples.Disconnect("bye"));
        var plain = FlowSamples.Flow(FlowSamples.TransferToFlow("to-a", "${ContactFlows/A}", "bye"), FlowSamples.Disconnect("bye"));
        config["ContactFlows"] = new JsonArray(
            Flow("A", FlowSamples.WriteFile(h, "a.json", a)),
            Flow("B", FlowSamples.WriteFile(h, "b.json", b)),
            Flow("Self", FlowSamples.WriteFile(h, "self.json", self)),
            Flow("Plain", FlowSamples.WriteFile(h, "plain.json", plain)));
        h.Write(config);

        AssertSucceeded(await h.ApplyAsync());

        var calls = await _emulator.CallsAsync();
        Assert.Equal(4, calls.GetValueOrDefault("Connect.CreateContactFlow"));
        // The three flows in cycles were created as stand-ins and filled in once: one content update each.
        Assert.Equal(3, calls.GetValueOrDefault("Connect.UpdateContactFlowContent"));
        var state = await h.StateAsync();
        string Arn(string n) => state.Resources[ResourceAddress.Parse($"ContactFlows/{n}")].Arn!;
        string Id(string n) => state.Resources[ResourceAddress.Parse($"ContactFlows/{n}")].Id;
        var flows = await FlowsAsync(h);
        Assert.All(new[] { "A", "B", "Self", "Plain" }, n => Assert.Equal("PUBLISHED", flows[n].Status));
        Assert.Contains(Arn("B"), flows["A"].Content!, StringComparison.Ordinal);
        Assert.Contains(Id("A"), flows["B"].Content!, StringComparison.Ordinal);
        Assert.Contains(Arn("Self"), flows["Self"].Content!, StringComparison.Ordinal);
        Assert.Contains(Arn("A"), flows["Plain"].Content!, StringComparison.Ordinal);
        // Plain is not in a cycle: it waits for A and gets its content at create.
        Assert.Contains(ResourceAddress.Parse("ContactFlows/A"), state.Resources[ResourceAddress.Parse("ContactFlows/Plain")].DependsOn);
        Assert.DoesNotContain(ResourceAddress.Parse("ContactFlows/B"), state.Resources[ResourceAddress.Parse("ContactFlows/A")].DependsOn);

        var second = await h.PlanAsync();
        Assert.True(second.IsEmpty, PlanRenderer.Render(second));
    }

    [Fact]
    public async Task Each_facet_changes_with_its_own_single_call()
    {
        var config = Harness.BasicConfig("flow-facets");
        using var h = new Harness(_emulator, config);
        var path = FlowSamples.WriteFile(h, "main.json", FlowSamples.Greeting("v1"));
        config["ContactFlows"] = new JsonArray(new JsonObject { ["Name"] = "Main", ["Type"] = "CONTACT_FLOW", ["Path"] = path, ["Status"] = "SAVED" });
        h.Write(config);
        AssertSucceeded(await h.ApplyAsync());
        Assert.Equal("SAVED", (await FlowsAsync(h))["Main"].Status);
        var flow = config["ContactFlows"]![0]!;

        async Task<Dictionary<string, int>> ApplyChange(Action change)
        {
            change();
            h.Write(config);
            await _emulator.ResetCallsAsync();
            AssertSucceeded(await h.ApplyAsync());
            var writes = await FlowSamples.WritesAsync(_emulator);
            var after = await h.PlanAsync();
            Assert.True(after.IsEmpty, PlanRenderer.Render(after));
            return writes;
        }

        var one = new Dictionary<string, int> { ["Connect.UpdateContactFlowContent"] = 1 };
        Assert.Equal(one, await ApplyChange(() => FlowSamples.WriteFile(h, "main.json", FlowSamples.Greeting("v2"))));
        Assert.Equal(one, await ApplyChange(() => flow["Status"] = "PUBLISHED"));
        Assert.Equal("PUBLISHED", (await FlowsAsync(h))["Main"].Status);
        Assert.Equal(new Dictionary<string, int> { ["Connect.UpdateContactFlowName"] = 1 }, await ApplyChange(() => flow["Description"] = "The main flow"));
        Assert.Equal(new Dictionary<string, int> { ["Connect.TagResource"] = 1 }, await ApplyChange(() => flow["Tags"] = new JsonObject { ["Owner"] = "ivr" }));

        // Archived by hand: put back to ACTIVE with one metadata call.
        var state = await h.StateAsync();
        using (var ws = await h.OpenAsync())
        {
            await ws.Aws.Connect.UpdateContactFlowMetadataAsync(new UpdateContactFlowMetadataRequest
            {
                InstanceId = state.Instance!.Id, ContactFlowId = state.Resources[ResourceAddress.Parse("ContactFlows/Main")].Id, ContactFlowState = "ARCHIVED",
            });
        }
        Assert.Equal(new Dictionary<string, int> { ["Connect.UpdateContactFlowMetadata"] = 1 }, await ApplyChange(() => { }));

        // A new type is a new flow.
        flow["Type"] = "CUSTOMER_QUEUE";
        h.Write(config);
        var plan = await h.PlanAsync();
        var replace = Assert.Single(plan.Changes, c => c.IsWrite());
        Assert.Equal(ChangeAction.Replace, replace.Action);
        await _emulator.ResetCallsAsync();
        AssertSucceeded(await h.ApplyAsync());
        Assert.Equal(new Dictionary<string, int> { ["Connect.DeleteContactFlow"] = 1, ["Connect.CreateContactFlow"] = 1 }, await FlowSamples.WritesAsync(_emulator));
        Assert.Equal("CUSTOMER_QUEUE", (await FlowsAsync(h))["Main"].Type);
        Assert.True((await h.PlanAsync()).IsEmpty);
    }

    [Fact]
    public async Task A_flow_with_the_same_name_is_adopted_and_a_removed_flow_is_deleted()
    {
        var config = Harness.BasicConfig("flow-adopt");
        using var h = new Harness(_emulator, config);
        AssertSucceeded(await h.ApplyAsync());
        var state = await h.StateAsync();
        using (var ws = await h.OpenAsync())
        {
            await ws.Aws.Connect.CreateContactFlowAsync(new CreateContactFlowRequest
            {
                InstanceId = state.Instance!.Id, Name = "Handmade", Type = "CONTACT_FLOW", Content = FlowSamples.Greeting("handmade").ToJsonString(),
            });
        }

        config["ContactFlows"] = new JsonArray(new JsonObject { ["Name"] = "Handmade", ["Type"] = "CONTACT_FLOW", ["Content"] = FlowSamples.Greeting("handmade").ToJsonString() });
        h.Write(config);
        var plan = await h.PlanAsync();
        var import = Assert.Single(plan.Changes, c => c.IsWrite());
        Assert.Equal(ChangeAction.Import, import.Action);
        // Same content: adopting it only adds the config's tags.
        Assert.Equal(["Tags"], import.Diffs.Select(d => d.Path));
        await _emulator.ResetCallsAsync();
        AssertSucceeded(await h.ApplyAsync());
        Assert.Equal(new Dictionary<string, int> { ["Connect.TagResource"] = 1 }, await FlowSamples.WritesAsync(_emulator));
        Assert.False((await _emulator.CallsAsync()).ContainsKey("Connect.CreateContactFlow"));
        Assert.True((await h.PlanAsync()).IsEmpty);

        config.Remove("ContactFlows");
        h.Write(config);
        var delete = Assert.Single((await h.PlanAsync()).Changes, c => c.IsWrite());
        Assert.Equal(ChangeAction.Delete, delete.Action);
        await _emulator.ResetCallsAsync();
        AssertSucceeded(await h.ApplyAsync());
        Assert.Equal(new Dictionary<string, int> { ["Connect.DeleteContactFlow"] = 1 }, await FlowSamples.WritesAsync(_emulator));
        Assert.DoesNotContain("Handmade", (await FlowsAsync(h)).Keys);
    }

    [Fact]
    public async Task A_plan_reads_every_flow_with_one_search_page_per_hundred()
    {
        var config = Harness.BasicConfig("flow-reads");
        config["ContactFlows"] = new JsonArray(Enumerable.Range(1, 3)
            .Select(i => (JsonNode)new JsonObject { ["Name"] = $"F{i}", ["Type"] = "CONTACT_FLOW", ["Content"] = FlowSamples.Greeting($"f{i}").ToJsonString() }).ToArray());
        using var h = new Harness(_emulator, config);
        AssertSucceeded(await h.ApplyAsync());
        await _emulator.ResetCallsAsync();

        Assert.True((await h.PlanAsync()).IsEmpty);

        var calls = await _emulator.CallsAsync();
        Assert.Equal(1, calls.GetValueOrDefault("Connect.SearchContactFlows"));
        Assert.False(calls.ContainsKey("Connect.DescribeContactFlow"));
    }

    [Fact]
    public async Task Validation_errors_name_the_flow_file_line_and_action_and_nothing_is_called()
    {
        var config = Harness.BasicConfig("flow-invalid");
        using var h = new Harness(_emulator, config);
        var path = Path.Combine(h.Folder, "flows", "broken.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, """
            {
              "Version": "2019-10-30",
              "StartAction": "greet",
              "Actions": [
                {
                  "Identifier": "greet",
                  "Type": "MessageParticipant",
                  "Parameters": { "Text": "Hi" },
                  "Transitions": {
                    "NextAction": "nowhere"
                  }
                },
                { "Identifier": "bye", "Type": "FancyNewAction", "Transitions": {} }
              ]
            }
            """);
        config["ContactFlows"] = new JsonArray(Flow("Broken", "./flows/broken.json"));
        h.Write(config);

        var result = ConfigLoader.Load(h.ConfigPath, new JsonConfigReader());

        Assert.False(result.Success);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ConfigErrorCodes.InvalidFlow, error.Code);
        Assert.Equal(path, error.Position!.Value.File);
        Assert.Equal(10, error.Position.Value.Line);
        Assert.Contains("action 'greet'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'nowhere'", error.Message, StringComparison.Ordinal);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(13, warning.Position!.Value.Line);
        Assert.Contains("FancyNewAction", warning.Message, StringComparison.Ordinal);
        Assert.Empty(await _emulator.CallsAsync());
    }

    [Fact]
    public async Task An_unknown_action_type_is_a_warning_in_the_load_and_the_plan_and_the_flow_still_applies()
    {
        var config = Harness.BasicConfig("flow-warning");
        using var h = new Harness(_emulator, config);
        var flow = FlowSamples.Flow(
            new JsonObject { ["Identifier"] = "new", ["Type"] = "SomethingNewer", ["Parameters"] = new JsonObject(), ["Transitions"] = new JsonObject { ["NextAction"] = "bye" } },
            FlowSamples.Disconnect("bye"));
        config["ContactFlows"] = new JsonArray(Flow("Newer", FlowSamples.WriteFile(h, "newer.json", flow)));
        h.Write(config);

        var load = ConfigLoader.Load(h.ConfigPath, new JsonConfigReader());
        Assert.True(load.Success);
        Assert.Contains("SomethingNewer", Assert.Single(load.Warnings).Message, StringComparison.Ordinal);
        var plan = await h.PlanAsync();
        Assert.Contains(plan.Warnings, w => w.Message.Contains("SomethingNewer", StringComparison.Ordinal));
        AssertSucceeded(await h.ApplyAsync());
    }

    [Fact]
    public async Task A_legacy_export_is_refused_with_what_to_do()
    {
        var config = Harness.BasicConfig("flow-legacy");
        using var h = new Harness(_emulator, config);
        var legacy = new JsonObject
        {
            ["modules"] = new JsonArray(new JsonObject { ["id"] = "1", ["type"] = "PlayPrompt", ["branches"] = new JsonArray() }),
            ["version"] = "1",
            ["type"] = "contactFlow",
            ["start"] = "1",
            ["metadata"] = new JsonObject { ["name"] = "Old" },
        };
        config["ContactFlows"] = new JsonArray(Flow("Old", FlowSamples.WriteFile(h, "old.json", legacy)));
        h.Write(config);

        var result = ConfigLoader.Load(h.ConfigPath, new JsonConfigReader());

        var error = Assert.Single(result.Errors);
        Assert.Contains("pre-2019", error.Message, StringComparison.Ordinal);
        Assert.Contains("export it again", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("old.json", error.Position!.Value.File, StringComparison.Ordinal);
        Assert.Empty(await _emulator.CallsAsync());
    }
}
