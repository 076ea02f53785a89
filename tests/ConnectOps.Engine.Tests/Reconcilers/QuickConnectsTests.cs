using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Planning;

namespace ConnectOps.Engine.Tests.Reconcilers;

/// <summary>
/// Quick connects against the emulator: each type with its default transfer flow, each facet's call, type
/// change as a replace, delete order, import by name, and the queue ↔ quick connect cycle with > 50 chunked.
/// </summary>
public sealed class QuickConnectsTests(EmulatorFixture emulator) : ComponentTestBase(emulator)
{
    private static readonly string QueueTransferFlow = FlowSamples.Flow(
        FlowSamples.Message("announce", "Transferring you.", "transfer"),
        new JsonObject
        {
            ["Identifier"] = "transfer", ["Type"] = "TransferContactToQueue", ["Parameters"] = new JsonObject(),
            ["Transitions"] = new JsonObject
            {
                ["NextAction"] = "bye",
                ["Errors"] = new JsonArray(
                    new JsonObject { ["ErrorType"] = "QueueAtCapacity", ["NextAction"] = "bye" },
                    new JsonObject { ["ErrorType"] = "NoMatchingError", ["NextAction"] = "bye" }),
            },
        },
        FlowSamples.Disconnect("bye")).ToJsonString();

    private static JsonObject Config(string alias)
    {
        var config = Harness.BasicConfig(alias);
        config["RoutingProfiles"] = Json("""
            [ { "Name": "Agents", "DefaultOutboundQueue": "CustomerService", "MediaConcurrencies": [ { "Channel": "VOICE", "Concurrency": 1 } ] } ]
            """);
        config["Users"] = Json("""
            [ { "Username": "team.lead", "FirstName": "Team", "LastName": "Lead", "RoutingProfile": "Agents", "SecurityProfiles": [ "Agent" ],
                "PasswordSecret": "connectops/users/lead" } ]
            """);
        config["QuickConnects"] = Json("""
            {
              "escalate":  { "Name": "Escalate", "Type": "QUEUE", "Queue": "CustomerService", "Description": "To the service queue" },
              "team_lead": { "Name": "Team lead", "Type": "USER", "User": "team.lead" },
              "helpdesk":  { "Name": "Helpdesk", "Type": "PHONE_NUMBER", "PhoneNumber": "+442071234567" }
            }
            """);
        return config;
    }

    private static JsonObject Qc(JsonObject config, string key) => config["QuickConnects"]![key]!.AsObject();

    private async Task<Harness> NewAsync(JsonObject config)
    {
        await Emulator.CreateSecretAsync("connectops/users/lead", "Lead-Passw0rd");
        return new Harness(Emulator, config);
    }

    private static async Task<Dictionary<string, QuickConnect>> LiveAsync(Harness h)
    {
        using var ws = await h.OpenAsync();
        var found = await ws.Aws.Connect.SearchQuickConnectsAsync(new SearchQuickConnectsRequest { InstanceId = (await h.StateAsync()).Instance!.Id, MaxResults = 100 });
        return found.QuickConnects!.ToDictionary(q => q.Name!);
    }

    private static async Task<string> FlowIdAsync(Harness h, string name)
    {
        using var ws = await h.OpenAsync();
        var flows = await ws.Aws.Connect.SearchContactFlowsAsync(new SearchContactFlowsRequest { InstanceId = (await h.StateAsync()).Instance!.Id, MaxResults = 100 });
        return flows.ContactFlows!.Single(f => f.Name == name).Id!;
    }

    private static async Task<List<string>> QueueQuickConnectsAsync(Harness h, string queue)
    {
        using var ws = await h.OpenAsync();
        var state = await h.StateAsync();
        var ids = new List<string>();
        var request = new ListQueueQuickConnectsRequest { InstanceId = state.Instance!.Id, QueueId = state.Resources[ResourceAddress.Parse("Queues/" + queue)].Id, MaxResults = 100 };
        await foreach (var s in ws.Aws.Connect.Paginators.ListQueueQuickConnects(request).QuickConnectSummaryList) ids.Add(s.Id!);
        return ids;
    }

    [Fact]
    public async Task AQueueWhoseQuickConnectDidNotCompleteIsCreatedAndAssociatesOnTheNextApply()
    {
        // No password secret yet: the user fails, so the USER quick connect is skipped, and the queue that lists it
        // must neither fail nor call AWS with a key that has no id.
        var config = Config("qc-blocked");
        config["Queues"]![0]!["QuickConnects"] = Json("""[ "escalate", "team_lead" ]""");
        using var h = new Harness(Emulator, config);

        var first = await h.ApplyAsync();

        var queue = Assert.Single(first.Outcomes, o => o.Address.ToString() == "Queues/CustomerService");
        Assert.Equal(ChangeStatus.Skipped, queue.Status);
        Assert.Contains("QuickConnects/team_lead did not complete", queue.Message, StringComparison.Ordinal);
        Assert.Equal(ChangeStatus.Failed, Assert.Single(first.Outcomes, o => o.Address.ToString() == "Users/team.lead").Status);
        Assert.NotNull((await h.StateAsync()).Get(ResourceAddress.Parse("Queues/CustomerService")));

        await Emulator.CreateSecretAsync("connectops/users/lead", "Lead-Passw0rd");
        await Emulator.ResetCallsAsync();
        await ApplyOkAsync(h);

        Assert.Equal(1, (await WritesAsync()).GetValueOrDefault("Connect.AssociateQueueQuickConnects"));
        await AssertPlanEmptyAsync(h);
    }

    [Fact]
    public async Task Each_type_is_created_with_its_target_and_the_default_transfer_flow()
    {
        using var h = await NewAsync(Config("qc-create"));
        var plan = await h.PlanAsync();
        Assert.Equal(3, plan.Changes.Count(c => c.Address.Component == Component.QuickConnects && c.Action == ChangeAction.Create));
        await ApplyOkAsync(h);

        Assert.Equal(3, (await Emulator.CallsAsync())["Connect.CreateQuickConnect"]);
        var live = await LiveAsync(h);
        var state = await h.StateAsync();
        Assert.Equal(state.Resources[ResourceAddress.Parse("Queues/CustomerService")].Id, live["Escalate"].QuickConnectConfig!.QueueConfig!.QueueId);
        Assert.Equal(await FlowIdAsync(h, "Default queue transfer"), live["Escalate"].QuickConnectConfig!.QueueConfig!.ContactFlowId);
        Assert.Equal(state.Resources[ResourceAddress.Parse("Users/team.lead")].Id, live["Team lead"].QuickConnectConfig!.UserConfig!.UserId);
        Assert.Equal(await FlowIdAsync(h, "Default agent transfer"), live["Team lead"].QuickConnectConfig!.UserConfig!.ContactFlowId);
        Assert.Equal("+442071234567", live["Helpdesk"].QuickConnectConfig!.PhoneConfig!.PhoneNumber);
        Assert.Equal(live["Team lead"].QuickConnectId, (await ResourceAsync(h, "QuickConnects/team_lead")).Id);
        Assert.Contains(ResourceAddress.Parse("Users/team.lead"), (await ResourceAsync(h, "QuickConnects/team_lead")).DependsOn);
        await AssertPlanEmptyAsync(h);
    }

    [Fact]
    public async Task Each_facet_changes_with_exactly_its_own_call()
    {
        var config = Config("qc-update");
        config["ContactFlows"] = new JsonArray(new JsonObject { ["Name"] = "Transfer with notice", ["Type"] = "QUEUE_TRANSFER", ["Content"] = QueueTransferFlow });
        using var h = await NewAsync(config);
        await ApplyOkAsync(h);

        // The key stays; the Name is a property.
        Qc(config, "escalate")["Name"] = "Escalate to service";
        Assert.Equal(Calls(("UpdateQuickConnectName", 1)), await ApplyChangeAsync(h, config));
        Qc(config, "escalate")["Description"] = "Service queue";
        Assert.Equal(Calls(("UpdateQuickConnectName", 1)), await ApplyChangeAsync(h, config));

        // Target and transfer flow together are one UpdateQuickConnectConfig.
        Qc(config, "escalate")["Queue"] = "Billing";
        Qc(config, "escalate")["ContactFlow"] = "Transfer with notice";
        Assert.Equal(Calls(("UpdateQuickConnectConfig", 1)), await ApplyChangeAsync(h, config));
        Qc(config, "helpdesk")["PhoneNumber"] = "+442079460000";
        Assert.Equal(Calls(("UpdateQuickConnectConfig", 1)), await ApplyChangeAsync(h, config));

        Qc(config, "team_lead")["Tags"] = Json("""{ "Tier": "2" }""");
        Assert.Equal(Calls(("TagResource", 1)), await ApplyChangeAsync(h, config));

        var live = await LiveAsync(h);
        Assert.Equal(await FlowIdAsync(h, "Transfer with notice"), live["Escalate to service"].QuickConnectConfig!.QueueConfig!.ContactFlowId);
        Assert.Equal((await ResourceAsync(h, "Queues/Billing")).Id, live["Escalate to service"].QuickConnectConfig!.QueueConfig!.QueueId);
        await AssertPlanEmptyAsync(h);
    }

    [Fact]
    public async Task A_new_type_replaces_the_quick_connect()
    {
        var config = Config("qc-type");
        using var h = await NewAsync(config);
        await ApplyOkAsync(h);

        config["QuickConnects"]!["escalate"] = Json("""{ "Name": "Escalate", "Type": "PHONE_NUMBER", "PhoneNumber": "+442079460001" }""");
        h.Write(config);
        var replace = Single(await h.PlanAsync(), "QuickConnects/escalate");
        Assert.Equal(ChangeAction.Replace, replace.Action);
        Assert.Contains(replace.Reasons, r => r.Contains("type cannot change in place", StringComparison.Ordinal));

        Assert.Equal(Calls(("DeleteQuickConnect", 1), ("CreateQuickConnect", 1)), await ApplyChangeAsync(h, config));
        Assert.Equal("PHONE_NUMBER", (await LiveAsync(h))["Escalate"].QuickConnectConfig!.QuickConnectType);
        await AssertPlanEmptyAsync(h);
    }

    [Fact]
    public async Task A_quick_connect_removed_with_its_target_queue_is_deleted_first()
    {
        var config = Config("qc-delete");
        Qc(config, "escalate")["Queue"] = "Billing";
        using var h = await NewAsync(config);
        await ApplyOkAsync(h);

        // Connect refuses to delete a queue a quick connect still targets.
        config["QuickConnects"]!.AsObject().Remove("escalate");
        config["Queues"]!.AsArray().RemoveAt(1);
        Assert.Equal(Calls(("DeleteQuickConnect", 1), ("DeleteQueue", 1)), await ApplyChangeAsync(h, config));
        Assert.False((await LiveAsync(h)).ContainsKey("Escalate"));
        await AssertPlanEmptyAsync(h);
    }

    [Fact]
    public async Task A_quick_connect_made_outside_ConnectOps_with_the_same_name_is_imported_under_its_key()
    {
        var config = Config("qc-import");
        var quickConnects = config["QuickConnects"]!.DeepClone();
        config.Remove("QuickConnects");
        using var h = await NewAsync(config);
        await ApplyOkAsync(h);
        using (var ws = await h.OpenAsync())
        {
            await ws.Aws.Connect.CreateQuickConnectAsync(new CreateQuickConnectRequest
            {
                InstanceId = (await h.StateAsync()).Instance!.Id, Name = "Helpdesk",
                QuickConnectConfig = new QuickConnectConfig { QuickConnectType = "PHONE_NUMBER", PhoneConfig = new PhoneNumberQuickConnectConfig { PhoneNumber = "+442071234567" } },
            });
        }

        config["QuickConnects"] = quickConnects;
        h.Write(config);
        var import = Single(await h.PlanAsync(), "QuickConnects/helpdesk");
        Assert.Equal(ChangeAction.Import, import.Action);
        Assert.Equal(["Tags"], import.Diffs.Select(d => d.Path));

        Assert.Equal(Calls(("CreateQuickConnect", 2), ("TagResource", 1)), await ApplyChangeAsync(h, config));
        Assert.Equal(3, (await LiveAsync(h)).Count);
        await AssertPlanEmptyAsync(h);
    }

    [Fact]
    public async Task A_queue_listing_a_quick_connect_that_targets_it_applies_from_scratch_in_one_run()
    {
        var config = Config("qc-cycle");
        config["Queues"]![0]!["QuickConnects"] = Json("""[ "escalate", "helpdesk" ]""");
        using var h = await NewAsync(config);

        var result = await ApplyOkAsync(h);

        var calls = await Emulator.CallsAsync();
        Assert.Equal(1, calls["Connect.AssociateQueueQuickConnects"]);
        var expected = new[] { "QuickConnects/escalate", "QuickConnects/helpdesk" };
        var ids = new List<string>();
        foreach (var address in expected) ids.Add((await ResourceAsync(h, address)).Id);
        Assert.Equal(ids.Order(StringComparer.Ordinal), (await QueueQuickConnectsAsync(h, "CustomerService")).Order(StringComparer.Ordinal));
        await AssertPlanEmptyAsync(h);

        // Dropping one from the list is one disassociate call.
        config["Queues"]![0]!["QuickConnects"] = Json("""[ "escalate" ]""");
        Assert.Equal(Calls(("DisassociateQueueQuickConnects", 1)), await ApplyChangeAsync(h, config));
        await AssertPlanEmptyAsync(h);
    }

    [Fact]
    public async Task More_than_fifty_quick_connects_on_a_queue_are_associated_fifty_at_a_time()
    {
        var config = Config("qc-many");
        var many = config["QuickConnects"]!.AsObject();
        for (var i = 0; i < 55; i++)
            many[$"line_{i:00}"] = new JsonObject { ["Name"] = $"Line {i:00}", ["Type"] = "PHONE_NUMBER", ["PhoneNumber"] = $"+4420794600{i:00}" };
        config["Queues"]![1]!["QuickConnects"] = new JsonArray(Enumerable.Range(0, 55).Select(i => (JsonNode?)JsonValue.Create($"line_{i:00}")).ToArray());
        using var h = await NewAsync(config);
        await ApplyOkAsync(h);

        Assert.Equal(2, (await Emulator.CallsAsync())["Connect.AssociateQueueQuickConnects"]);
        Assert.Equal(55, (await QueueQuickConnectsAsync(h, "Billing")).Count);
        await AssertPlanEmptyAsync(h);

        config["Queues"]![1]!["QuickConnects"] = Json("""[ "line_00", "line_01", "helpdesk" ]""");
        Assert.Equal(Calls(("DisassociateQueueQuickConnects", 2), ("AssociateQueueQuickConnects", 1)), await ApplyChangeAsync(h, config));
        Assert.Equal(3, (await QueueQuickConnectsAsync(h, "Billing")).Count);
        await AssertPlanEmptyAsync(h);
    }
}
