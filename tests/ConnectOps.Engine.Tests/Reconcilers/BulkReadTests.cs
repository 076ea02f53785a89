using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectOps.Engine.Tests.Reconcilers;

/// <summary>What a plan of routing and security profiles, hierarchy, users and quick connects costs in calls.</summary>
public sealed class BulkReadTests(EmulatorFixture emulator) : ComponentTestBase(emulator)
{
    [Fact]
    public async Task A_plan_reads_each_component_in_bulk_plus_one_list_per_declared_parent()
    {
        var config = Harness.BasicConfig("bulk-people");
        config["SecurityProfiles"] = Json("""[ { "Name": "Leads", "Permissions": [ "BasicAgentAccess" ] }, { "Name": "Coaches", "Permissions": [ "AgentsMonitor.View" ] } ]""");
        config["RoutingProfiles"] = Json("""
            [ { "Name": "Voice", "DefaultOutboundQueue": "CustomerService", "MediaConcurrencies": [ { "Channel": "VOICE", "Concurrency": 1 } ],
                "QueueConfigs": [ { "Queue": "CustomerService", "Channel": "VOICE", "Priority": 1 } ] },
              { "Name": "Chat", "DefaultOutboundQueue": "Billing", "MediaConcurrencies": [ { "Channel": "CHAT", "Concurrency": 3 } ],
                "QueueConfigs": [ { "Queue": "Billing", "Channel": "CHAT", "Priority": 1 } ] } ]
            """);
        config["HierarchyStructure"] = Json("""[ "Division", "Team" ]""");
        config["HierarchyGroups"] = Json("""[ { "Name": "Sales" }, { "Name": "Inside Sales", "Parent": "Sales" } ]""");
        var users = new JsonArray();
        for (var i = 0; i < 12; i++)
        {
            users.Add(new JsonObject
            {
                ["Username"] = $"agent{i:00}", ["RoutingProfile"] = i % 2 == 0 ? "Voice" : "Chat", ["SecurityProfiles"] = Json("""[ "Agent", "Leads" ]"""),
                ["HierarchyGroup"] = "Inside Sales", ["PasswordSecret"] = "connectops/agents",
            });
        }
        config["Users"] = users;
        config["QuickConnects"] = Json("""{ "lead": { "Name": "Lead", "Type": "USER", "User": "agent00" }, "desk": { "Name": "Desk", "Type": "PHONE_NUMBER", "PhoneNumber": "+442071234567" } }""");
        config["Queues"]![0]!["QuickConnects"] = Json("""[ "lead", "desk" ]""");

        await Emulator.CreateSecretAsync("connectops/agents", "Agent-Passw0rd");
        using var h = new Harness(Emulator, config);
        await ApplyOkAsync(h);
        // Twelve users, one secret read each (at create only).
        Assert.Equal(12, (await Emulator.CallsAsync())["SecretsManager.GetSecretValue"]);

        await Emulator.ResetCallsAsync();
        await AssertPlanEmptyAsync(h);
        var calls = await Emulator.CallsAsync();
        Assert.Equal(1, calls["Connect.SearchSecurityProfiles"]);
        Assert.Equal(2, calls["Connect.ListSecurityProfilePermissions"]);
        Assert.Equal(1, calls["Connect.SearchRoutingProfiles"]);
        Assert.Equal(2, calls["Connect.ListRoutingProfileQueues"]);
        Assert.Equal(1, calls["Connect.DescribeUserHierarchyStructure"]);
        Assert.Equal(1, calls["Connect.SearchUserHierarchyGroups"]);
        Assert.Equal(1, calls["Connect.SearchUsers"]);
        Assert.Equal(1, calls["Connect.SearchQuickConnects"]);
        Assert.Equal(1, calls["Connect.ListQueueQuickConnects"]);
        Assert.DoesNotContain(calls.Keys, k => k is "Connect.DescribeUser" or "Connect.DescribeRoutingProfile" or "Connect.DescribeSecurityProfile"
            or "Connect.DescribeQuickConnect" or "Connect.DescribeUserHierarchyGroup" or "SecretsManager.GetSecretValue");
        Assert.DoesNotContain(calls.Keys, k => !IsRead(k));
    }
}
