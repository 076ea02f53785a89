using System.Text.Json.Nodes;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Planning;

namespace ConnectOps.Engine.Tests.Reconcilers;

/// <summary>The hierarchy structure (level names) against the emulator: create, change, removal, import.</summary>
public sealed class HierarchyStructureTests(EmulatorFixture emulator) : ComponentTestBase(emulator)
{
    private static JsonObject Config(string alias)
    {
        var config = Harness.BasicConfig(alias);
        config["HierarchyStructure"] = Json("""[ "Division", "Team" ]""");
        return config;
    }

    private static async Task<List<string>> LevelsAsync(Harness h)
    {
        using var ws = await h.OpenAsync();
        var s = (await ws.Aws.Connect.DescribeUserHierarchyStructureAsync(new DescribeUserHierarchyStructureRequest { InstanceId = (await h.StateAsync()).Instance!.Id })).HierarchyStructure;
        return new[] { s?.LevelOne, s?.LevelTwo, s?.LevelThree, s?.LevelFour, s?.LevelFive }.Where(l => l is not null).Select(l => l!.Name!).ToList();
    }

    [Fact]
    public async Task The_structure_is_set_with_one_call_and_the_next_plan_is_empty()
    {
        using var h = new Harness(Emulator, Config("hs-create"));
        Assert.Equal(ChangeAction.Create, Single(await h.PlanAsync(), "HierarchyStructure").Action);
        await ApplyOkAsync(h);

        Assert.Equal(1, (await Emulator.CallsAsync())["Connect.UpdateUserHierarchyStructure"]);
        Assert.Equal(["Division", "Team"], await LevelsAsync(h));
        Assert.True((await h.StateAsync()).Resources.ContainsKey(ResourceAddress.HierarchyStructure));
        await AssertPlanEmptyAsync(h);
    }

    [Fact]
    public async Task Renaming_or_adding_a_level_is_one_UpdateUserHierarchyStructure()
    {
        var config = Config("hs-update");
        using var h = new Harness(Emulator, config);
        await ApplyOkAsync(h);

        config["HierarchyStructure"] = Json("""[ "Division", "Squad" ]""");
        Assert.Equal(Calls(("UpdateUserHierarchyStructure", 1)), await ApplyChangeAsync(h, config));
        config["HierarchyStructure"] = Json("""[ "Division", "Squad", "Pod" ]""");
        Assert.Equal(Calls(("UpdateUserHierarchyStructure", 1)), await ApplyChangeAsync(h, config));
        Assert.Equal(["Division", "Squad", "Pod"], await LevelsAsync(h));
        await AssertPlanEmptyAsync(h);
    }

    [Fact]
    public async Task Removing_the_structure_from_the_config_clears_the_levels()
    {
        var config = Config("hs-delete");
        using var h = new Harness(Emulator, config);
        await ApplyOkAsync(h);

        config.Remove("HierarchyStructure");
        h.Write(config);
        Assert.Equal(ChangeAction.Delete, Single(await h.PlanAsync(), "HierarchyStructure").Action);
        Assert.Equal(Calls(("UpdateUserHierarchyStructure", 1)), await ApplyChangeAsync(h, config));
        Assert.Empty(await LevelsAsync(h));
        Assert.False((await h.StateAsync()).Resources.ContainsKey(ResourceAddress.HierarchyStructure));
        await AssertPlanEmptyAsync(h);
    }

    [Fact]
    public async Task A_structure_set_outside_ConnectOps_is_imported_without_a_call_when_it_matches()
    {
        var config = Harness.BasicConfig("hs-import");
        using var h = new Harness(Emulator, config);
        await ApplyOkAsync(h);
        using (var ws = await h.OpenAsync())
        {
            await ws.Aws.Connect.UpdateUserHierarchyStructureAsync(new UpdateUserHierarchyStructureRequest
            {
                InstanceId = (await h.StateAsync()).Instance!.Id,
                HierarchyStructure = new HierarchyStructureUpdate { LevelOne = new() { Name = "Division" }, LevelTwo = new() { Name = "Team" } },
            });
        }

        config["HierarchyStructure"] = Json("""[ "Division", "Team" ]""");
        h.Write(config);
        var import = Single(await h.PlanAsync(), "HierarchyStructure");
        Assert.Equal(ChangeAction.Import, import.Action);
        Assert.Empty(import.Diffs);
        Assert.Empty(await ApplyChangeAsync(h, config));
        Assert.True((await h.StateAsync()).Resources.ContainsKey(ResourceAddress.HierarchyStructure));
        await AssertPlanEmptyAsync(h);
    }
}
