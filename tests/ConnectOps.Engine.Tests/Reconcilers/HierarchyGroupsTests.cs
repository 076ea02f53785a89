using System.Text.Json.Nodes;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Planning;

namespace ConnectOps.Engine.Tests.Reconcilers;

/// <summary>Nested hierarchy groups against the emulator: parent-first create, rename, tags, re-parenting, child-first delete, import.</summary>
public sealed class HierarchyGroupsTests(EmulatorFixture emulator) : ComponentTestBase(emulator)
{
    private static JsonObject Config(string alias)
    {
        var config = Harness.BasicConfig(alias);
        config["HierarchyStructure"] = Json("""[ "Division", "Team", "Pod" ]""");
        config["HierarchyGroups"] = Json("""
            [ { "Name": "Inside Sales", "Parent": "Sales" },
              { "Name": "Sales", "Tags": { "Cost": "100" } },
              { "Name": "Support" } ]
            """);
        return config;
    }

    private static async Task<Dictionary<string, HierarchyGroup>> LiveAsync(Harness h)
    {
        using var ws = await h.OpenAsync();
        var result = await ws.Aws.Connect.SearchUserHierarchyGroupsAsync(new SearchUserHierarchyGroupsRequest { InstanceId = (await h.StateAsync()).Instance!.Id });
        return result.UserHierarchyGroups!.ToDictionary(g => g.Name!);
    }

    [Fact]
    public async Task Nested_groups_are_created_parent_first_under_the_structure()
    {
        using var h = new Harness(Emulator, Config("hg-create"));
        var plan = await h.PlanAsync();
        Assert.Equal(3, plan.Changes.Count(c => c.Address.Component == Component.HierarchyGroups && c.Action == ChangeAction.Create));

        // The child is declared before its parent: the dependency, not the order, decides.
        await ApplyOkAsync(h);

        Assert.Equal(3, (await Emulator.CallsAsync())["Connect.CreateUserHierarchyGroup"]);
        var live = await LiveAsync(h);
        Assert.Equal(live["Sales"].Id, live["Inside Sales"].HierarchyPath!.LevelOne!.Id);
        var child = await ResourceAsync(h, "HierarchyGroups/Inside Sales");
        Assert.Contains(ResourceAddress.Parse("HierarchyGroups/Sales"), child.DependsOn);
        Assert.Contains(ResourceAddress.HierarchyStructure, child.DependsOn);
        await AssertPlanEmptyAsync(h);
    }

    [Fact]
    public async Task Rename_and_tags_change_with_their_own_calls()
    {
        var config = Config("hg-update");
        using var h = new Harness(Emulator, config);
        await ApplyOkAsync(h);

        // A group's key is its name: a change of case keeps the group and renames it.
        config["HierarchyGroups"]![2]!["Name"] = "SUPPORT";
        h.Write(config);
        var rename = Single(await h.PlanAsync(), "HierarchyGroups/SUPPORT");
        Assert.Equal(ChangeAction.Update, rename.Action);
        Assert.Equal(Calls(("UpdateUserHierarchyGroupName", 1)), await ApplyChangeAsync(h, config));
        Assert.True((await LiveAsync(h)).ContainsKey("SUPPORT"));

        config["HierarchyGroups"]![1]!["Tags"] = Json("""{ "Cost": "200" }""");
        Assert.Equal(Calls(("TagResource", 1)), await ApplyChangeAsync(h, config));
        await AssertPlanEmptyAsync(h);
    }

    [Fact]
    public async Task A_new_parent_replaces_the_group()
    {
        var config = Config("hg-reparent");
        using var h = new Harness(Emulator, config);
        await ApplyOkAsync(h);
        var before = (await ResourceAsync(h, "HierarchyGroups/Inside Sales")).Id;

        config["HierarchyGroups"]![0]!["Parent"] = "Support";
        h.Write(config);
        var replace = Single(await h.PlanAsync(), "HierarchyGroups/Inside Sales");
        Assert.Equal(ChangeAction.Replace, replace.Action);
        Assert.Contains(replace.Reasons, r => r.Contains("cannot move to another parent", StringComparison.Ordinal));
        var diff = Assert.Single(replace.Diffs);
        Assert.Equal(("Sales", "Support"), (diff.Before!.GetValue<string>(), diff.After!.GetValue<string>()));

        Assert.Equal(Calls(("DeleteUserHierarchyGroup", 1), ("CreateUserHierarchyGroup", 1)), await ApplyChangeAsync(h, config));
        var live = await LiveAsync(h);
        Assert.NotEqual(before, live["Inside Sales"].Id);
        Assert.Equal(live["Support"].Id, live["Inside Sales"].HierarchyPath!.LevelOne!.Id);
        await AssertPlanEmptyAsync(h);
    }

    [Fact]
    public async Task Groups_removed_together_are_deleted_child_first_then_the_structure()
    {
        var config = Config("hg-delete");
        config["HierarchyGroups"]!.AsArray().Add(Json("""{ "Name": "Pod A", "Parent": "Inside Sales" }"""));
        using var h = new Harness(Emulator, config);
        await ApplyOkAsync(h);

        // Deleting a parent (or the structure) before its children is refused by Connect: the order must be right.
        config.Remove("HierarchyGroups");
        config.Remove("HierarchyStructure");
        h.Write(config);
        Assert.Equal(5, (await h.PlanAsync()).Changes.Count(c => c.Action == ChangeAction.Delete));
        Assert.Equal(Calls(("DeleteUserHierarchyGroup", 4), ("UpdateUserHierarchyStructure", 1)), await ApplyChangeAsync(h, config));
        Assert.Empty(await LiveAsync(h));
        await AssertPlanEmptyAsync(h);
    }

    [Fact]
    public async Task A_group_made_outside_ConnectOps_with_the_same_name_is_imported_not_created()
    {
        var config = Config("hg-import");
        var groups = config["HierarchyGroups"]!.DeepClone();
        config.Remove("HierarchyGroups");
        using var h = new Harness(Emulator, config);
        await ApplyOkAsync(h);
        using (var ws = await h.OpenAsync())
        {
            await ws.Aws.Connect.CreateUserHierarchyGroupAsync(new CreateUserHierarchyGroupRequest { InstanceId = (await h.StateAsync()).Instance!.Id, Name = "Sales" });
        }

        config["HierarchyGroups"] = groups;
        h.Write(config);
        var plan = await h.PlanAsync();
        var import = Single(plan, "HierarchyGroups/Sales");
        Assert.Equal(ChangeAction.Import, import.Action);
        Assert.Equal(["Tags"], import.Diffs.Select(d => d.Path));

        var writes = await ApplyChangeAsync(h, config);
        Assert.Equal(Calls(("TagResource", 1), ("CreateUserHierarchyGroup", 2)), writes);
        Assert.Equal((await ResourceAsync(h, "HierarchyGroups/Sales")).Id, (await LiveAsync(h))["Inside Sales"].HierarchyPath!.LevelOne!.Id);
        await AssertPlanEmptyAsync(h);
    }
}
