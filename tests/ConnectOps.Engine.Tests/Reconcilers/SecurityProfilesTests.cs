using System.Text.Json.Nodes;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.Reconcilers;
using ConnectOps.Engine.Reconcilers.Framework;
using ConnectOps.Engine.Reconcilers.SecurityProfiles;

namespace ConnectOps.Engine.Tests.Reconcilers;

/// <summary>Security profiles against the emulator: create, each property's update call, delete, import, paged permissions.</summary>
public sealed class SecurityProfilesTests(EmulatorFixture emulator) : ComponentTestBase(emulator)
{
    private static JsonObject Config(string alias)
    {
        var config = Harness.BasicConfig(alias);
        config["SecurityProfiles"] = Json("""
            [ { "Name": "Supervisors", "Description": "Team leads", "Permissions": [ "BasicAgentAccess", "OutboundCallAccess", "RealTimeMetrics.View" ],
                "Tags": { "Team": "ops" } } ]
            """);
        return config;
    }

    [Fact]
    public async Task A_profile_is_created_with_its_permissions_description_and_tags_in_one_call()
    {
        using var h = new Harness(Emulator, Config("sp-create"));
        var plan = await h.PlanAsync();
        var create = Single(plan, "SecurityProfiles/Supervisors");
        Assert.Equal(ChangeAction.Create, create.Action);
        Assert.Equal(["Description", "Permissions", "Tags"], create.Diffs.Select(d => d.Path).Order(StringComparer.Ordinal));

        await ApplyOkAsync(h);

        var calls = await Emulator.CallsAsync();
        Assert.Equal(1, calls["Connect.CreateSecurityProfile"]);
        Assert.False(calls.ContainsKey("Connect.UpdateSecurityProfile"));
        Assert.False(calls.ContainsKey("Connect.TagResource"));
        var state = await ResourceAsync(h, "SecurityProfiles/Supervisors");
        using var ws = await h.OpenAsync();
        var instanceId = (await h.StateAsync()).Instance!.Id;
        var permissions = await ws.Aws.Connect.ListSecurityProfilePermissionsAsync(new ListSecurityProfilePermissionsRequest { InstanceId = instanceId, SecurityProfileId = state.Id });
        Assert.Equal(["BasicAgentAccess", "OutboundCallAccess", "RealTimeMetrics.View"], permissions.Permissions!.Order(StringComparer.Ordinal));
        Assert.Contains(state.Id, (await h.StateAsync()).Outputs["security_profile_ids"], StringComparison.Ordinal);
        await AssertPlanEmptyAsync(h);
    }

    [Fact]
    public async Task Each_property_changes_with_exactly_its_own_call()
    {
        var config = Config("sp-update");
        using var h = new Harness(Emulator, config);
        await ApplyOkAsync(h);

        config["SecurityProfiles"]![0]!["Description"] = "Team leads and coaches";
        Assert.Equal(Calls(("UpdateSecurityProfile", 1)), await ApplyChangeAsync(h, config));
        await AssertPlanEmptyAsync(h);

        // Order does not matter; a changed list replaces the whole list in one call.
        config["SecurityProfiles"]![0]!["Permissions"] = Json("""[ "RealTimeMetrics.View", "OutboundCallAccess", "BasicAgentAccess" ]""");
        h.Write(config);
        await AssertPlanEmptyAsync(h);
        config["SecurityProfiles"]![0]!["Permissions"] = Json("""[ "BasicAgentAccess", "AgentsMonitor.View" ]""");
        h.Write(config);
        var diff = Assert.Single(Single(await h.PlanAsync(), "SecurityProfiles/Supervisors").Diffs);
        Assert.Equal("Permissions", diff.Path);
        Assert.Equal(Calls(("UpdateSecurityProfile", 1)), await ApplyChangeAsync(h, config));
        await AssertPlanEmptyAsync(h);

        config["SecurityProfiles"]![0]!["Tags"] = Json("""{ "Team": "support", "Cost": "42" }""");
        Assert.Equal(Calls(("TagResource", 1)), await ApplyChangeAsync(h, config));
        config["SecurityProfiles"]![0]!.AsObject().Remove("Tags");
        Assert.Equal(Calls(("UntagResource", 1)), await ApplyChangeAsync(h, config));
        await AssertPlanEmptyAsync(h);
    }

    [Fact]
    public async Task Removing_a_profile_from_the_config_deletes_it()
    {
        var config = Config("sp-delete");
        using var h = new Harness(Emulator, config);
        await ApplyOkAsync(h);

        config.Remove("SecurityProfiles");
        h.Write(config);
        Assert.Equal(ChangeAction.Delete, Single(await h.PlanAsync(), "SecurityProfiles/Supervisors").Action);
        Assert.Equal(Calls(("DeleteSecurityProfile", 1)), await ApplyChangeAsync(h, config));
        Assert.DoesNotContain((await h.StateAsync()).Resources.Keys, a => a.Component == Component.SecurityProfiles);
        await AssertPlanEmptyAsync(h);
    }

    [Fact]
    public async Task A_profile_made_outside_ConnectOps_with_the_same_name_is_imported_not_created()
    {
        var config = Harness.BasicConfig("sp-import");
        using var h = new Harness(Emulator, config);
        await ApplyOkAsync(h);
        using (var ws = await h.OpenAsync())
        {
            await ws.Aws.Connect.CreateSecurityProfileAsync(new CreateSecurityProfileRequest
            {
                InstanceId = (await h.StateAsync()).Instance!.Id, SecurityProfileName = "Supervisors", Description = "made by hand", Permissions = ["BasicAgentAccess"],
            });
        }

        config["SecurityProfiles"] = Config("x")["SecurityProfiles"]!.DeepClone();
        h.Write(config);
        var import = Single(await h.PlanAsync(), "SecurityProfiles/Supervisors");
        Assert.Equal(ChangeAction.Import, import.Action);
        Assert.Equal(["Description", "Permissions", "Tags"], import.Diffs.Select(d => d.Path).Order(StringComparer.Ordinal));

        var writes = await ApplyChangeAsync(h, config);
        Assert.Equal(Calls(("UpdateSecurityProfile", 1), ("TagResource", 1)), writes);
        await AssertPlanEmptyAsync(h);
    }

    [Fact]
    public async Task A_built_in_profile_declared_only_for_tags_keeps_its_permissions_and_is_never_deleted()
    {
        var config = Harness.BasicConfig("sp-builtin");
        using var h = new Harness(Emulator, config);
        await ApplyOkAsync(h);

        config["SecurityProfiles"] = Json("""[ { "Name": "Admin", "Tags": { "Owner": "platform" } } ]""");
        h.Write(config);
        var import = Single(await h.PlanAsync(), "SecurityProfiles/Admin");
        Assert.Equal(ChangeAction.Import, import.Action);
        Assert.Equal(["Tags"], import.Diffs.Select(d => d.Path));
        Assert.Equal(Calls(("TagResource", 1)), await ApplyChangeAsync(h, config));

        using var ws = await h.OpenAsync();
        var admin = await ResourceAsync(h, "SecurityProfiles/Admin");
        var permissions = await ws.Aws.Connect.ListSecurityProfilePermissionsAsync(new ListSecurityProfilePermissionsRequest { InstanceId = (await h.StateAsync()).Instance!.Id, SecurityProfileId = admin.Id });
        Assert.Contains("SecurityProfiles.Edit", permissions.Permissions!);
        await AssertPlanEmptyAsync(h);

        // Dropping the declaration stops managing Admin; it never deletes it.
        config.Remove("SecurityProfiles");
        h.Write(config);
        var forget = Single(await h.PlanAsync(), "SecurityProfiles/Admin");
        Assert.Equal(ChangeAction.Delete, forget.Action);
        Assert.Contains(forget.Reasons, r => r.Contains("never deleted", StringComparison.Ordinal));
        Assert.Empty(await ApplyChangeAsync(h, config));
        Assert.False((await h.StateAsync()).Resources.ContainsKey(ResourceAddress.Parse("SecurityProfiles/Admin")));
        var still = await ws.Aws.Connect.SearchSecurityProfilesAsync(new SearchSecurityProfilesRequest { InstanceId = (await h.StateAsync()).Instance!.Id });
        Assert.Contains(still.SecurityProfiles!, p => p.Id == admin.Id);
        await AssertPlanEmptyAsync(h);
    }

    [Fact]
    public async Task Permission_lists_longer_than_a_page_are_read_page_by_page_and_compare_whole()
    {
        var config = Harness.BasicConfig("sp-paging");
        var permissions = Enumerable.Range(0, 150).Select(i => $"Custom.Permission{i:000}").ToList();
        config["SecurityProfiles"] = new JsonArray(new JsonObject { ["Name"] = "Everything", ["Permissions"] = JsonValues.StringArray(permissions) });
        using var h = new Harness(Emulator, config);
        await ApplyOkAsync(h);

        // With pages of 100, 150 permissions take two list calls; the plan still sees all of them.
        var reconcilers = ReconcilerRegistry.All.Select(r => r is SecurityProfileReconciler ? new SecurityProfileReconciler(permissionsPage: 100) : r).ToList();
        await Emulator.ResetCallsAsync();
        using (var ws = await OpenWithAsync(h, reconcilers))
        {
            var plan = await ws.PlanAsync(new PlanScope(), CancellationToken.None);
            Assert.True(plan.IsEmpty, PlanRenderer.Render(plan));
        }
        Assert.Equal(2, (await Emulator.CallsAsync())["Connect.ListSecurityProfilePermissions"]);

        // The default page holds a whole profile (at most 500): one call.
        await Emulator.ResetCallsAsync();
        await AssertPlanEmptyAsync(h);
        Assert.Equal(1, (await Emulator.CallsAsync())["Connect.ListSecurityProfilePermissions"]);

        // One permission gone by hand: the plan puts the list back with one UpdateSecurityProfile.
        using (var ws = await h.OpenAsync())
        {
            await ws.Aws.Connect.UpdateSecurityProfileAsync(new UpdateSecurityProfileRequest
            {
                InstanceId = (await h.StateAsync()).Instance!.Id, SecurityProfileId = (await ResourceAsync(h, "SecurityProfiles/Everything")).Id, Permissions = permissions.Skip(1).ToList(),
            });
        }
        var diff = Assert.Single(Single(await h.PlanAsync(), "SecurityProfiles/Everything").Diffs);
        Assert.Equal(149, diff.Before!.AsArray().Count);
        Assert.Equal(Calls(("UpdateSecurityProfile", 1)), await ApplyChangeAsync(h, config));
        await AssertPlanEmptyAsync(h);
    }

    private async Task<Workspace> OpenWithAsync(Harness h, IReadOnlyList<Reconciler> reconcilers)
    {
        var aws = await AwsServicesFactory.CreateAsync(new AwsSettings { Region = "eu-west-2", EndpointUrl = Emulator.Endpoint.ToString() }, CancellationToken.None);
        return new Workspace(h.Load(), h.Store, aws, h.Host, reconcilers) { PollInterval = TimeSpan.FromMilliseconds(5) };
    }
}
