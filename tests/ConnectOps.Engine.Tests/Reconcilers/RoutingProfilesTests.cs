using System.Text.Json.Nodes;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Planning;

namespace ConnectOps.Engine.Tests.Reconcilers;

/// <summary>Routing profiles against the emulator: create, each facet's call, queue chunking, delete order, import.</summary>
public sealed class RoutingProfilesTests(EmulatorFixture emulator) : ComponentTestBase(emulator)
{
    private static JsonObject Config(string alias)
    {
        var config = Harness.BasicConfig(alias);
        config["RoutingProfiles"] = Json("""
            [ { "Name": "Agents", "Description": "Front line", "DefaultOutboundQueue": "CustomerService", "AgentAvailabilityTimer": "TIME_SINCE_LAST_ACTIVITY",
                "MediaConcurrencies": [ { "Channel": "VOICE", "Concurrency": 1 }, { "Channel": "CHAT", "Concurrency": 2, "CrossChannelBehavior": "ROUTE_ANY_CHANNEL" } ],
                "QueueConfigs": [ { "Queue": "CustomerService", "Channel": "VOICE", "Priority": 1, "Delay": 0 },
                                  { "Queue": "Billing", "Channel": "CHAT", "Priority": 2, "Delay": 5 } ],
                "Tags": { "Team": "front" } } ]
            """);
        return config;
    }

    private static JsonObject Profile(JsonObject config) => config["RoutingProfiles"]![0]!.AsObject();

    private static void AddQueues(JsonObject config, int count)
    {
        for (var i = 1; i <= count; i++)
            config["Queues"]!.AsArray().Add(new JsonObject { ["Name"] = $"Q{i:00}", ["HoursOfOperation"] = "Basic Hours" });
    }

    private static JsonArray QueueConfigs(int count) =>
        new(Enumerable.Range(1, count).Select(i => (JsonNode?)new JsonObject { ["Queue"] = $"Q{i:00}", ["Channel"] = "VOICE", ["Priority"] = i, ["Delay"] = 0 }).ToArray());

    private async Task<List<RoutingProfileQueueConfigSummary>> LiveQueuesAsync(Harness h, string address)
    {
        using var ws = await h.OpenAsync();
        var state = await h.StateAsync();
        var list = await ws.Aws.Connect.ListRoutingProfileQueuesAsync(new ListRoutingProfileQueuesRequest { InstanceId = state.Instance!.Id, RoutingProfileId = state.Resources[ResourceAddress.Parse(address)].Id, MaxResults = 100 });
        return list.RoutingProfileQueueConfigSummaryList!;
    }

    [Fact]
    public async Task A_profile_is_created_with_its_queues_concurrency_and_timer_in_one_call()
    {
        using var h = new Harness(Emulator, Config("rp-create"));
        var plan = await h.PlanAsync();
        Assert.Equal(ChangeAction.Create, Single(plan, "RoutingProfiles/Agents").Action);

        await ApplyOkAsync(h);

        var calls = await Emulator.CallsAsync();
        Assert.Equal(1, calls["Connect.CreateRoutingProfile"]);
        Assert.DoesNotContain(calls.Keys, k => k.Contains("RoutingProfileQueues", StringComparison.Ordinal) && !k.Contains("List", StringComparison.Ordinal));
        var queues = await LiveQueuesAsync(h, "RoutingProfiles/Agents");
        Assert.Equal([("Billing", "CHAT", 2, 5), ("CustomerService", "VOICE", 1, 0)],
            queues.Select(q => (q.QueueName, q.Channel, q.Priority ?? 0, q.Delay ?? 0)).OrderBy(q => q.QueueName, StringComparer.Ordinal));
        var state = await h.StateAsync();
        Assert.Contains(state.Resources[ResourceAddress.Parse("RoutingProfiles/Agents")].Id, state.Outputs["routing_profile_ids"], StringComparison.Ordinal);
        await AssertPlanEmptyAsync(h);
    }

    [Fact]
    public async Task Each_property_changes_with_exactly_its_own_call()
    {
        var config = Config("rp-update");
        using var h = new Harness(Emulator, config);
        await ApplyOkAsync(h);
        var profile = Profile(config);

        profile["Description"] = "Front line agents";
        Assert.Equal(Calls(("UpdateRoutingProfileName", 1)), await ApplyChangeAsync(h, config));

        profile["MediaConcurrencies"]![0]!["Concurrency"] = 2;
        Assert.Equal(Calls(("UpdateRoutingProfileConcurrency", 1)), await ApplyChangeAsync(h, config));

        // Cross-channel behaviour is compared too (the Terraform provider ignores it).
        profile["MediaConcurrencies"]![1]!.AsObject().Remove("CrossChannelBehavior");
        h.Write(config);
        var diff = Assert.Single(Single(await h.PlanAsync(), "RoutingProfiles/Agents").Diffs);
        Assert.Contains("ROUTE_ANY_CHANNEL", diff.Before!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(Calls(("UpdateRoutingProfileConcurrency", 1)), await ApplyChangeAsync(h, config));

        profile["DefaultOutboundQueue"] = "Billing";
        Assert.Equal(Calls(("UpdateRoutingProfileDefaultOutboundQueue", 1)), await ApplyChangeAsync(h, config));

        profile["AgentAvailabilityTimer"] = "TIME_SINCE_LAST_INBOUND";
        Assert.Equal(Calls(("UpdateRoutingProfileAgentAvailabilityTimer", 1)), await ApplyChangeAsync(h, config));

        // Priority and delay of queues that stay: UpdateRoutingProfileQueues only.
        profile["QueueConfigs"]![0]!["Priority"] = 3;
        profile["QueueConfigs"]![1]!["Delay"] = 30;
        Assert.Equal(Calls(("UpdateRoutingProfileQueues", 1)), await ApplyChangeAsync(h, config));

        profile["QueueConfigs"]!.AsArray().Add(Json("""{ "Queue": "BasicQueue", "Channel": "VOICE", "Priority": 9, "Delay": 0 }"""));
        Assert.Equal(Calls(("AssociateRoutingProfileQueues", 1)), await ApplyChangeAsync(h, config));

        profile["QueueConfigs"]!.AsArray().RemoveAt(0);
        Assert.Equal(Calls(("DisassociateRoutingProfileQueues", 1)), await ApplyChangeAsync(h, config));

        profile["Tags"] = Json("""{ "Team": "back" }""");
        Assert.Equal(Calls(("TagResource", 1)), await ApplyChangeAsync(h, config));

        Assert.Equal([("BasicQueue", "VOICE", 9, 0), ("Billing", "CHAT", 2, 30)],
            (await LiveQueuesAsync(h, "RoutingProfiles/Agents")).Select(q => (q.QueueName, q.Channel, q.Priority ?? 0, q.Delay ?? 0)).OrderBy(q => q.QueueName, StringComparer.Ordinal));
        await AssertPlanEmptyAsync(h);
    }

    [Fact]
    public async Task Twelve_queues_joining_a_profile_take_two_associate_calls_of_at_most_ten()
    {
        var config = Config("rp-chunks");
        AddQueues(config, 12);
        Profile(config)["QueueConfigs"] = new JsonArray();
        using var h = new Harness(Emulator, config);
        await ApplyOkAsync(h);

        Profile(config)["QueueConfigs"] = QueueConfigs(12);
        Assert.Equal(Calls(("AssociateRoutingProfileQueues", 2)), await ApplyChangeAsync(h, config));
        Assert.Equal(12, (await LiveQueuesAsync(h, "RoutingProfiles/Agents")).Count);
        await AssertPlanEmptyAsync(h);

        // All twelve get a new priority: two UpdateRoutingProfileQueues calls; all leave: two disassociate calls.
        foreach (var q in Profile(config)["QueueConfigs"]!.AsArray()) q!["Priority"] = 50;
        Assert.Equal(Calls(("UpdateRoutingProfileQueues", 2)), await ApplyChangeAsync(h, config));
        Profile(config)["QueueConfigs"] = new JsonArray();
        Assert.Equal(Calls(("DisassociateRoutingProfileQueues", 2)), await ApplyChangeAsync(h, config));
        Assert.Empty(await LiveQueuesAsync(h, "RoutingProfiles/Agents"));
        await AssertPlanEmptyAsync(h);
    }

    [Fact]
    public async Task A_profile_created_with_twelve_queues_carries_ten_and_associates_the_other_two()
    {
        var config = Config("rp-create12");
        AddQueues(config, 12);
        Profile(config)["QueueConfigs"] = QueueConfigs(12);
        using var h = new Harness(Emulator, config);
        await ApplyOkAsync(h);

        var calls = await Emulator.CallsAsync();
        Assert.Equal(1, calls["Connect.CreateRoutingProfile"]);
        Assert.Equal(1, calls["Connect.AssociateRoutingProfileQueues"]);
        Assert.Equal(12, (await LiveQueuesAsync(h, "RoutingProfiles/Agents")).Count);
        await AssertPlanEmptyAsync(h);
    }

    [Fact]
    public async Task A_removed_profile_is_deleted_before_the_queue_it_routes_to()
    {
        var config = Config("rp-delete");
        using var h = new Harness(Emulator, config);
        await ApplyOkAsync(h);
        Assert.Contains(ResourceAddress.Parse("Queues/Billing"), (await ResourceAsync(h, "RoutingProfiles/Agents")).DependsOn);

        // The profile names Billing; both leave the config. Deleting Billing first would be refused (in use).
        config.Remove("RoutingProfiles");
        config["Queues"]!.AsArray().RemoveAt(1);
        h.Write(config);
        var plan = await h.PlanAsync();
        Assert.Equal(ChangeAction.Delete, Single(plan, "RoutingProfiles/Agents").Action);
        Assert.Equal(ChangeAction.Delete, Single(plan, "Queues/Billing").Action);

        Assert.Equal(Calls(("DeleteRoutingProfile", 1), ("DeleteQueue", 1)), await ApplyChangeAsync(h, config));
        await AssertPlanEmptyAsync(h);
    }

    [Fact]
    public async Task A_profile_made_outside_ConnectOps_with_the_same_name_is_imported_not_created()
    {
        var config = Harness.BasicConfig("rp-import");
        using var h = new Harness(Emulator, config);
        await ApplyOkAsync(h);
        var state = await h.StateAsync();
        using (var ws = await h.OpenAsync())
        {
            await ws.Aws.Connect.CreateRoutingProfileAsync(new CreateRoutingProfileRequest
            {
                InstanceId = state.Instance!.Id, Name = "Agents", Description = "Front line",
                DefaultOutboundQueueId = state.Resources[ResourceAddress.Parse("Queues/CustomerService")].Id,
                MediaConcurrencies = [new MediaConcurrency { Channel = "VOICE", Concurrency = 1 }],
            });
        }

        config["RoutingProfiles"] = Config("x")["RoutingProfiles"]!.DeepClone();
        h.Write(config);
        var import = Single(await h.PlanAsync(), "RoutingProfiles/Agents");
        Assert.Equal(ChangeAction.Import, import.Action);
        Assert.Equal(["AgentAvailabilityTimer", "MediaConcurrencies", "QueueConfigs", "Tags"], import.Diffs.Select(d => d.Path).Order(StringComparer.Ordinal));

        Assert.Equal(Calls(("UpdateRoutingProfileConcurrency", 1), ("UpdateRoutingProfileAgentAvailabilityTimer", 1), ("AssociateRoutingProfileQueues", 1), ("TagResource", 1)),
            await ApplyChangeAsync(h, config));
        await AssertPlanEmptyAsync(h);
    }
}
