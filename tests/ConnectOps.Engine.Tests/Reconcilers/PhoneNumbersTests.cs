using System.Text.Json.Nodes;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.Reconcilers.PhoneNumbers;

namespace ConnectOps.Engine.Tests.Reconcilers;

/// <summary>Phone numbers against the emulator: claims, flow association, description, adoption and protection.</summary>
public sealed class PhoneNumbersTests : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private static readonly ResourceAddress MainLine = ResourceAddress.Parse("PhoneNumbers/main_line");
    private readonly EmulatorFixture _emulator;

    public PhoneNumbersTests(EmulatorFixture emulator) => _emulator = emulator;

    public async Task InitializeAsync()
    {
        await _emulator.ResetAccountAsync();
        await _emulator.ResetCallsAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The basic config, two inbound flows and one GB DID number routed to the first.</summary>
    private static JsonObject Config(string alias)
    {
        var config = Harness.BasicConfig(alias);
        config["ContactFlows"] = new JsonArray(
            new JsonObject { ["Name"] = "Inbound", ["Type"] = "CONTACT_FLOW", ["Content"] = FlowSamples.Greeting("Welcome").ToJsonString() },
            new JsonObject { ["Name"] = "Overflow", ["Type"] = "CONTACT_FLOW", ["Content"] = FlowSamples.Greeting("Busy").ToJsonString() });
        config["PhoneNumbers"] = new JsonObject
        {
            ["main_line"] = new JsonObject { ["CountryCode"] = "GB", ["Type"] = "DID", ["Description"] = "Main line", ["ContactFlow"] = "Inbound" },
        };
        return config;
    }

    private static async Task<ClaimedPhoneNumberSummary> DescribeAsync(Harness h, string id)
    {
        using var ws = await h.OpenAsync();
        return (await ws.Aws.Connect.DescribePhoneNumberAsync(new DescribePhoneNumberRequest { PhoneNumberId = id })).ClaimedPhoneNumberSummary!;
    }

    private static void AssertSucceeded(ApplyResult result) =>
        Assert.True(result.Failed == 0 && result.Skipped == 0, string.Join("\n", result.Outcomes.Select(o => $"{o.Address} {o.Status} {o.Message}")));

    [Fact]
    public async Task A_number_is_searched_claimed_waited_for_and_routed_to_its_flow_then_the_next_plan_is_empty()
    {
        using var h = new Harness(_emulator, Config("phone-create"));
        var plan = await h.PlanAsync();
        var create = Assert.Single(plan.Changes, c => c.Address.Equals(MainLine));
        Assert.Equal(ChangeAction.Create, create.Action);

        var result = await h.ApplyAsync();
        AssertSucceeded(result);

        var calls = await _emulator.CallsAsync();
        Assert.Equal(1, calls.GetValueOrDefault("Connect.SearchAvailablePhoneNumbers"));
        Assert.Equal(1, calls.GetValueOrDefault("Connect.ClaimPhoneNumber"));
        Assert.Equal(1, calls.GetValueOrDefault("Connect.AssociatePhoneNumberContactFlow"));
        // The emulator keeps a claim IN_PROGRESS for two polls: three describes see it CLAIMED.
        Assert.True(calls.GetValueOrDefault("Connect.DescribePhoneNumber") >= 3);

        var state = await h.StateAsync();
        var number = state.Resources[MainLine];
        var claimed = number.Attributes["PhoneNumber"]!.GetValue<string>();
        Assert.StartsWith("+44", claimed, StringComparison.Ordinal);
        var live = await DescribeAsync(h, number.Id);
        Assert.Equal("CLAIMED", live.PhoneNumberStatus!.Status);
        Assert.Equal("Main line", live.PhoneNumberDescription);
        Assert.Equal(state.Instance!.Arn, live.TargetArn);
        Assert.Equal("connectops", live.Tags!["ManagedBy"]);

        // Outputs: the id and the claimed number by key.
        Assert.Equal(number.Id, JsonNode.Parse(state.Outputs["phone_number_ids"]!)!["main_line"]!.GetValue<string>());
        Assert.Equal(claimed, JsonNode.Parse(state.Outputs["phone_numbers"]!)!["main_line"]!.GetValue<string>());
        Assert.Equal(1, JsonNode.Parse(state.Outputs["summary"]!)!["PhoneNumbers"]!.GetValue<int>());

        var second = await h.PlanAsync();
        Assert.True(second.IsEmpty, PlanRenderer.Render(second));
    }

    [Fact]
    public async Task A_plan_reads_numbers_and_their_flows_in_two_lists_and_describes_none()
    {
        using var h = new Harness(_emulator, Config("phone-reads"));
        AssertSucceeded(await h.ApplyAsync());
        // A number claimed to the same instance by someone else: listed, left alone.
        using (var ws = await h.OpenAsync())
        {
            var state = await h.StateAsync();
            var offer = await ws.Aws.Connect.SearchAvailablePhoneNumbersAsync(new SearchAvailablePhoneNumbersRequest { TargetArn = state.Instance!.Arn, PhoneNumberCountryCode = "US", PhoneNumberType = "DID", MaxResults = 1 });
            await ws.Aws.Connect.ClaimPhoneNumberAsync(new ClaimPhoneNumberRequest { TargetArn = state.Instance.Arn, PhoneNumber = offer.AvailableNumbersList![0].PhoneNumber });
        }
        await _emulator.ResetCallsAsync();

        var plan = await h.PlanAsync();

        Assert.True(plan.IsEmpty, PlanRenderer.Render(plan));
        var calls = await _emulator.CallsAsync();
        Assert.Equal(1, calls.GetValueOrDefault("Connect.ListPhoneNumbersV2"));
        Assert.Equal(1, calls.GetValueOrDefault("Connect.ListFlowAssociations"));
        Assert.False(calls.ContainsKey("Connect.DescribePhoneNumber"));
    }

    [Fact]
    public async Task Each_property_changes_with_its_own_single_call()
    {
        var config = Config("phone-update");
        using var h = new Harness(_emulator, config);
        AssertSucceeded(await h.ApplyAsync());
        var number = config["PhoneNumbers"]!["main_line"]!;

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

        Assert.Equal(new Dictionary<string, int> { ["Connect.UpdatePhoneNumberMetadata"] = 1 },
            await ApplyChange(() => number["Description"] = "Main line (UK)"));
        Assert.Equal(new Dictionary<string, int> { ["Connect.AssociatePhoneNumberContactFlow"] = 1 },
            await ApplyChange(() => number["ContactFlow"] = "Overflow"));
        Assert.Equal(new Dictionary<string, int> { ["Connect.DisassociatePhoneNumberContactFlow"] = 1 },
            await ApplyChange(() => number.AsObject().Remove("ContactFlow")));
        Assert.Equal(new Dictionary<string, int> { ["Connect.TagResource"] = 1 },
            await ApplyChange(() => number["Tags"] = new JsonObject { ["Line"] = "main" }));

        var state = await h.StateAsync();
        var live = await DescribeAsync(h, state.Resources[MainLine].Id);
        Assert.Equal("Main line (UK)", live.PhoneNumberDescription);
        Assert.Equal("main", live.Tags!["Line"]);
    }

    [Fact]
    public async Task Releasing_a_number_without_AllowDestroy_is_refused_marked_irreversible_and_calls_nothing()
    {
        var config = Config("phone-protect");
        using var h = new Harness(_emulator, config);
        AssertSucceeded(await h.ApplyAsync());
        var id = (await h.StateAsync()).Resources[MainLine].Id;

        config["PhoneNumbers"]!.AsObject().Remove("main_line");
        h.Write(config);
        var plan = await h.PlanAsync();
        var delete = Assert.Single(plan.Changes, c => c.IsWrite());
        Assert.Equal(ChangeAction.Delete, delete.Action);
        Assert.True(delete.Irreversible);
        Assert.Contains("irreversible", PlanRenderer.Render(plan), StringComparison.Ordinal);
        Assert.Contains("AllowDestroy", string.Join(" ", delete.Reasons), StringComparison.Ordinal);

        await _emulator.ResetCallsAsync();
        var result = await h.ApplyAsync();
        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ChangeStatus.Failed, outcome.Status);
        Assert.Contains("AllowDestroy", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(await FlowSamples.WritesAsync(_emulator));
        Assert.Equal("CLAIMED", (await DescribeAsync(h, id)).PhoneNumberStatus!.Status);
        Assert.True((await h.StateAsync()).Resources.ContainsKey(MainLine));

        // With leave, the number is released and leaves state.
        await _emulator.ResetCallsAsync();
        AssertSucceeded(await h.ApplyAsync(options: new ApplyOptions { AllowDestroy = [Component.PhoneNumbers] }));
        Assert.Equal(new Dictionary<string, int> { ["Connect.ReleasePhoneNumber"] = 1 }, await FlowSamples.WritesAsync(_emulator));
        Assert.False((await h.StateAsync()).Resources.ContainsKey(MainLine));
        Assert.True((await h.PlanAsync()).IsEmpty);
    }

    [Fact]
    public async Task Changing_a_numbers_country_is_a_replacement_refused_without_AllowDestroy()
    {
        var config = Config("phone-replace");
        using var h = new Harness(_emulator, config);
        AssertSucceeded(await h.ApplyAsync());

        config["PhoneNumbers"]!["main_line"]!["CountryCode"] = "US";
        h.Write(config);
        var plan = await h.PlanAsync();
        var replace = Assert.Single(plan.Changes, c => c.IsWrite());
        Assert.Equal(ChangeAction.Replace, replace.Action);
        Assert.True(replace.Irreversible);
        Assert.True(Assert.Single(replace.Diffs, d => d.Path == "CountryCode").ForcesReplacement);

        await _emulator.ResetCallsAsync();
        var result = await h.ApplyAsync();
        Assert.Equal(ChangeStatus.Failed, Assert.Single(result.Outcomes).Status);
        Assert.Empty(await FlowSamples.WritesAsync(_emulator));
    }

    [Fact]
    public async Task An_exact_number_already_claimed_to_the_instance_is_adopted_not_claimed_again()
    {
        var config = Harness.BasicConfig("phone-adopt");
        using var h = new Harness(_emulator, config);
        AssertSucceeded(await h.ApplyAsync());
        var state = await h.StateAsync();
        string number;
        using (var ws = await h.OpenAsync())
        {
            var offer = await ws.Aws.Connect.SearchAvailablePhoneNumbersAsync(new SearchAvailablePhoneNumbersRequest { TargetArn = state.Instance!.Arn, PhoneNumberCountryCode = "GB", PhoneNumberType = "TOLL_FREE", MaxResults = 1 });
            number = offer.AvailableNumbersList![0].PhoneNumber!;
            await ws.Aws.Connect.ClaimPhoneNumberAsync(new ClaimPhoneNumberRequest { TargetArn = state.Instance.Arn, PhoneNumber = number, PhoneNumberDescription = "Freephone" });
        }

        config["PhoneNumbers"] = new JsonObject
        {
            ["freephone"] = new JsonObject { ["CountryCode"] = "GB", ["Type"] = "TOLL_FREE", ["PhoneNumber"] = number, ["Description"] = "Freephone" },
        };
        h.Write(config);
        var plan = await h.PlanAsync();
        var import = Assert.Single(plan.Changes, c => c.IsWrite());
        Assert.Equal(ChangeAction.Import, import.Action);
        Assert.Equal("PhoneNumbers/freephone", import.Address.ToString());

        await _emulator.ResetCallsAsync();
        AssertSucceeded(await h.ApplyAsync());
        var calls = await _emulator.CallsAsync();
        Assert.False(calls.ContainsKey("Connect.ClaimPhoneNumber"));
        Assert.False(calls.ContainsKey("Connect.SearchAvailablePhoneNumbers"));
        Assert.Equal(number, (await h.StateAsync()).Resources[ResourceAddress.Parse("PhoneNumbers/freephone")].Attributes["PhoneNumber"]!.GetValue<string>());
        Assert.True((await h.PlanAsync()).IsEmpty);
    }

    [Fact]
    public async Task Five_numbers_claimed_in_parallel_are_five_different_numbers()
    {
        var config = Harness.BasicConfig("phone-parallel");
        var numbers = new JsonObject();
        for (var i = 1; i <= 5; i++) numbers[$"line{i}"] = new JsonObject { ["CountryCode"] = "GB", ["Type"] = "DID", ["Prefix"] = "+4420" };
        config["PhoneNumbers"] = numbers;
        using var h = new Harness(_emulator, config);

        AssertSucceeded(await h.ApplyAsync());

        var state = await h.StateAsync();
        var claimed = state.Resources.Where(r => r.Key.Component == Component.PhoneNumbers).Select(r => r.Value.Attributes["PhoneNumber"]!.GetValue<string>()).ToList();
        Assert.Equal(5, claimed.Count);
        Assert.Equal(5, claimed.Distinct().Count());
        Assert.All(claimed, n => Assert.StartsWith("+4420", n, StringComparison.Ordinal));
        Assert.Equal(5, (await _emulator.CallsAsync()).GetValueOrDefault("Connect.ClaimPhoneNumber"));
        Assert.True((await h.PlanAsync()).IsEmpty);
    }

    [Fact]
    public async Task A_claim_whose_state_write_was_lost_is_found_by_its_tag_and_adopted()
    {
        var config = Config("phone-lost");
        using var h = new Harness(_emulator, config);
        AssertSucceeded(await h.ApplyAsync());
        var snapshot = await h.Store.ReadAsync();
        var id = snapshot!.Document.Resources[MainLine].Id;
        await h.Store.WriteAsync(snapshot.Document.WithoutResource(MainLine), snapshot);

        var plan = await h.PlanAsync();
        var import = Assert.Single(plan.Changes, c => c.IsWrite());
        Assert.Equal(ChangeAction.Import, import.Action);
        Assert.Equal(id, import.Id);

        await _emulator.ResetCallsAsync();
        AssertSucceeded(await h.ApplyAsync());
        Assert.False((await _emulator.CallsAsync()).ContainsKey("Connect.ClaimPhoneNumber"));
        Assert.Equal(id, (await h.StateAsync()).Resources[MainLine].Id);
        Assert.True((await h.PlanAsync()).IsEmpty);
    }

    [Fact]
    public async Task A_failed_claim_is_reported_with_the_services_reason()
    {
        using var h = new Harness(_emulator, Config("phone-failed"));
        await _emulator.ConfigureAsync(new { ClaimFailureReason = "The number is not available in this Region." });

        var result = await h.ApplyAsync();

        var outcome = Assert.Single(result.Outcomes, o => o.Address.Equals(MainLine));
        Assert.Equal(ChangeStatus.Failed, outcome.Status);
        Assert.Contains("The number is not available in this Region.", outcome.Message, StringComparison.Ordinal);
        Assert.False((await h.StateAsync()).Resources.ContainsKey(MainLine));

        // The next apply claims again (the failed claim is not adopted).
        var retry = await h.ApplyAsync();
        AssertSucceeded(retry);
        Assert.True((await h.PlanAsync()).IsEmpty);
    }

    [Fact]
    public async Task A_flow_naming_the_number_that_routes_to_it_applies_from_scratch()
    {
        var config = Harness.BasicConfig("phone-flow-cycle");
        using var h = new Harness(_emulator, config);
        var inbound = FlowSamples.Flow(FlowSamples.Message("hi", "You called ${PhoneNumbers/main_line#Id}", "bye"), FlowSamples.Disconnect("bye"));
        config["ContactFlows"] = new JsonArray(new JsonObject { ["Name"] = "Inbound", ["Type"] = "CONTACT_FLOW", ["Path"] = FlowSamples.WriteFile(h, "inbound.json", inbound) });
        config["PhoneNumbers"] = new JsonObject { ["main_line"] = new JsonObject { ["CountryCode"] = "GB", ["Type"] = "DID", ["ContactFlow"] = "Inbound" } };
        h.Write(config);

        AssertSucceeded(await h.ApplyAsync());

        // The flow was created as a stand-in, the number claimed and routed to it, then the flow filled in.
        var state = await h.StateAsync();
        var numberId = state.Resources[MainLine].Id;
        using var ws = await h.OpenAsync();
        var flow = await ws.Aws.Connect.DescribeContactFlowAsync(new DescribeContactFlowRequest
        {
            InstanceId = state.Instance!.Id, ContactFlowId = state.Resources[ResourceAddress.Parse("ContactFlows/Inbound")].Id,
        });
        Assert.Contains($"You called {numberId}", flow.ContactFlow!.Content!, StringComparison.Ordinal);
        Assert.Equal("PUBLISHED", flow.ContactFlow.Status);
        Assert.Equal(1, (await _emulator.CallsAsync()).GetValueOrDefault("Connect.UpdateContactFlowContent"));
        Assert.True((await h.PlanAsync()).IsEmpty);
    }
}
