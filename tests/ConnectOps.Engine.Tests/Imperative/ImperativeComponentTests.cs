using System.Text.Json.Nodes;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Imperative;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.State;
using ConnectOps.Engine.Tests.Reconcilers;

namespace ConnectOps.Engine.Tests.Imperative;

/// <summary>
/// The imperative mechanism on the components where a batch has most to get right: users from a CSV (per-row
/// validation, passwords that never reach state), a Set on a resource ConnectOps never managed, hierarchy groups that
/// name each other in one input, and the phone-number release that needs leave.
/// </summary>
public sealed class ImperativeComponentTests(EmulatorFixture emulator) : ComponentTestBase(emulator)
{
    private const string Password = "Init1al-Passw0rd";

    private static ResourceEdit User(EditKind kind, string username, string values, string? label = null, string? password = Password) => new()
    {
        Kind = kind, Component = Component.Users, Key = username, Values = Json(values).AsObject(), Label = label,
        Password = password is null ? null : () => password,
    };

    private async Task<Harness> AppliedAsync(JsonObject config)
    {
        var h = new Harness(Emulator, config);
        await ApplyOkAsync(h);
        await Emulator.ResetCallsAsync();
        h.Host.Asked.Clear();
        return h;
    }

    private static string Row(string username, string routingProfile = "Basic Routing Profile", string email = "@example.com") =>
        $$"""{ "Email": "{{(email.StartsWith('@') ? username + email : email)}}", "FirstName": "F", "LastName": "{{username}}", "RoutingProfile": "{{routingProfile}}", "SecurityProfiles": [ "Agent" ] }""";

    [Fact]
    public async Task A_batch_of_users_creates_the_good_rows_and_fails_each_bad_row_alone_with_no_call_for_it()
    {
        using var h = await AppliedAsync(Harness.BasicConfig("imp-users"));

        var result = await ImperativeEditTests.EditAsync(h,
            User(EditKind.New, "ann", Row("ann"), "row 1"),
            User(EditKind.New, "bob", Row("bob", "Nope Profile"), "row 2"),
            User(EditKind.New, "cat", """{ "FirstName": "Cat", "RoutingProfile": "Basic Routing Profile", "SecurityProfiles": [ "Agent" ] }""", "row 3"),
            User(EditKind.New, "ann", Row("ann", email: "other@example.com"), "row 4"),
            User(EditKind.New, "dan", Row("dan"), "row 5", password: null),
            User(EditKind.New, "eve", Row("eve"), "row 6"));

        var byLabel = result.Outcomes.ToDictionary(o => o.Edit.Label!);
        Assert.Equal([EditStatus.Succeeded, EditStatus.Failed, EditStatus.Failed, EditStatus.Failed, EditStatus.Failed, EditStatus.Succeeded], result.Outcomes.Select(o => o.Status));
        Assert.Equal("ConnectOps.Config.DanglingReference", byLabel["row 2"].ErrorId);
        Assert.StartsWith("row 2 (Users/bob): RoutingProfile: 'Nope Profile' names a routing profile that does not exist", byLabel["row 2"].Message, StringComparison.Ordinal);
        Assert.Equal("ConnectOps.Config.MissingValue", byLabel["row 3"].ErrorId);
        Assert.Contains("Email is required", byLabel["row 3"].Message, StringComparison.Ordinal);
        Assert.Equal("ConnectOps.DuplicateInput", byLabel["row 4"].ErrorId);
        Assert.Contains("A password is required", byLabel["row 5"].Message, StringComparison.Ordinal);
        Assert.Equal(Calls(("CreateUser", 2)), await WritesAsync());

        var state = await h.StateAsync();
        Assert.Equal(ResourceOrigin.Cmdlet, state.Resources[ResourceAddress.Parse("Users/ann")].Origin);
        Assert.DoesNotContain(Password, await File.ReadAllTextAsync(Path.Combine(h.Folder, ".connectops", "state.json")), StringComparison.Ordinal);
        Assert.DoesNotContain(h.Host.Verbose.Concat(h.Host.Warnings), m => m.Contains(Password, StringComparison.Ordinal));
        // The users the config does not declare stay out of the next plan's changes.
        var plan = await h.PlanAsync();
        Assert.True(plan.IsEmpty, PlanRenderer.Render(plan));
        Assert.True(Single(plan, "Users/eve").Unmanaged);
    }

    [Fact]
    public async Task A_Set_on_a_user_ConnectOps_never_managed_refuses_to_clear_what_the_bulk_read_cannot_see()
    {
        using var h = await AppliedAsync(Harness.BasicConfig("imp-adopt"));
        var instanceId = (await h.StateAsync()).Instance!.Id;
        using (var ws = await h.OpenAsync())
        {
            var profiles = await ws.Aws.Connect.SearchRoutingProfilesAsync(new SearchRoutingProfilesRequest { InstanceId = instanceId });
            var agent = await ws.Aws.Connect.SearchSecurityProfilesAsync(new SearchSecurityProfilesRequest { InstanceId = instanceId });
            await ws.Aws.Connect.CreateUserAsync(new CreateUserRequest
            {
                InstanceId = instanceId, Username = "console.made", Password = Password,
                IdentityInfo = new UserIdentityInfo { FirstName = "Con", LastName = "Sole", Email = "console@example.com" },
                PhoneConfig = new UserPhoneConfig { PhoneType = "SOFT_PHONE" },
                RoutingProfileId = profiles.RoutingProfiles!.Single(p => p.Name == "Basic Routing Profile").RoutingProfileId,
                SecurityProfileIds = [agent.SecurityProfiles!.Single(p => p.SecurityProfileName == "Agent").Id!],
            });
        }
        await Emulator.ResetCallsAsync();

        var refused = await ImperativeEditTests.EditAsync(h, User(EditKind.Set, "console.made", """{ "LastName": "Changed" }""", password: null));
        Assert.Equal("ConnectOps.UnknownSetting", refused.Outcomes[0].ErrorId);
        Assert.Contains("-Email", refused.Outcomes[0].Message, StringComparison.Ordinal);
        Assert.Empty(await WritesAsync());

        var moved = await ImperativeEditTests.EditAsync(h, User(EditKind.Set, "console.made", """{ "SecurityProfiles": [ "Agent", "CallCenterManager" ] }""", password: null));
        Assert.Equal(EditStatus.Succeeded, moved.Outcomes[0].Status);
        Assert.Equal(Calls(("UpdateUserSecurityProfiles", 1)), await WritesAsync());
        var entry = (await h.StateAsync()).Resources[ResourceAddress.Parse("Users/console.made")];
        Assert.Equal(ResourceOrigin.Cmdlet, entry.Origin);
        Assert.Null(entry.Attributes["Email"]);
    }

    [Fact]
    public async Task Hierarchy_groups_that_name_each_other_in_one_input_are_created_parent_first()
    {
        var config = Harness.BasicConfig("imp-groups");
        config["HierarchyStructure"] = Json("""[ "Division", "Team" ]""");
        using var h = await AppliedAsync(config);

        var result = await ImperativeEditTests.EditAsync(h,
            new ResourceEdit { Kind = EditKind.New, Component = Component.HierarchyGroups, Key = "Inside Sales", Values = Json("""{ "Parent": "Sales" }""").AsObject() },
            new ResourceEdit { Kind = EditKind.New, Component = Component.HierarchyGroups, Key = "Sales" });

        Assert.All(result.Outcomes, o => Assert.Equal(EditStatus.Succeeded, o.Status));
        var state = await h.StateAsync();
        Assert.Contains(ResourceAddress.Parse("HierarchyGroups/Sales"), state.Resources[ResourceAddress.Parse("HierarchyGroups/Inside Sales")].DependsOn);
        Assert.Equal(Calls(("CreateUserHierarchyGroup", 2)), await WritesAsync());
    }

    [Fact]
    public async Task A_group_made_without_a_HierarchyStructure_in_the_config_uses_the_instance_levels()
    {
        var config = Harness.BasicConfig("imp-levels");
        config["HierarchyStructure"] = Json("""[ "Division" ]""");
        using var h = await AppliedAsync(config);
        config.Remove("HierarchyStructure");
        h.Write(config);
        await Emulator.ResetCallsAsync();

        var result = await ImperativeEditTests.EditAsync(h, new ResourceEdit { Kind = EditKind.New, Component = Component.HierarchyGroups, Key = "Support" });

        Assert.Equal(EditStatus.Succeeded, result.Outcomes[0].Status);
        Assert.Equal(Calls(("CreateUserHierarchyGroup", 1)), await WritesAsync());
    }

    [Fact]
    public async Task Releasing_a_phone_number_needs_AllowDestroy_and_a_refused_release_makes_no_call()
    {
        using var h = await AppliedAsync(Harness.BasicConfig("imp-phone"));
        var claim = await ImperativeEditTests.EditAsync(h, new ResourceEdit
        {
            Kind = EditKind.New, Component = Component.PhoneNumbers, Key = "spare_line", Values = Json("""{ "CountryCode": "GB", "Type": "DID" }""").AsObject(),
        });
        Assert.Equal(EditStatus.Succeeded, claim.Outcomes[0].Status);
        var number = claim.Outcomes[0].Resource!.Properties["PhoneNumber"]!.GetValue<string>();
        await Emulator.ResetCallsAsync();

        var release = new ResourceEdit { Kind = EditKind.Remove, Component = Component.PhoneNumbers, Key = number };
        var refused = await ImperativeEditTests.EditAsync(h, release);
        Assert.Equal("ConnectOps.DestroyRefused", refused.Outcomes[0].ErrorId);
        Assert.Empty(await WritesAsync());

        var released = await ImperativeEditTests.EditAsync(h, new EditOptions { AllowDestroy = true }, release);
        Assert.Equal((EditStatus.Succeeded, ChangeAction.Delete), (released.Outcomes[0].Status, released.Outcomes[0].Action));
        Assert.Equal(Calls(("ReleasePhoneNumber", 1)), await WritesAsync());
        Assert.False((await h.StateAsync()).Resources.ContainsKey(ResourceAddress.Parse("PhoneNumbers/spare_line")));
    }
}
