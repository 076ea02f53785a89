using System.Text.Json.Nodes;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.Reconcilers.Framework;
using ConnectOps.Engine.State;

namespace ConnectOps.Engine.Tests.Reconcilers;

/// <summary>Plan and apply of the first five components against the emulator, end to end.</summary>
public sealed class ApplyTests : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private readonly EmulatorFixture _emulator;

    public ApplyTests(EmulatorFixture emulator) => _emulator = emulator;

    public async Task InitializeAsync()
    {
        await _emulator.ResetAccountAsync();
        await _emulator.ResetCallsAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Basic_config_applies_from_scratch_and_the_next_plan_is_empty()
    {
        using var h = new Harness(_emulator, Harness.BasicConfig("apply-basic"));

        var first = await h.PlanAsync();
        Assert.Equal(
            ["HoursOfOperation/UK Business Hours", "Iam/ConnectRole", "Instance", "Logging/ContactFlowLogs", "Queues/Billing", "Queues/CustomerService"],
            first.Changes.Where(c => c.Action == ChangeAction.Create).Select(c => c.Address.ToString()).Order(StringComparer.Ordinal));

        var result = await h.ApplyAsync();
        Assert.True(result.Failed == 0, string.Join("\n", result.Outcomes.Select(o => $"{o.Address} {o.Status} {o.Message}")));
        Assert.Equal(6, result.Succeeded);

        var state = await h.StateAsync();
        Assert.NotNull(state.Instance);
        Assert.Equal(6, state.Resources.Count);
        Assert.All(state.Resources.Values, r => Assert.Equal(ResourceOrigin.Config, r.Origin));
        Assert.Equal("arn:aws:connect:eu-west-2:123456789012:instance/" + state.Instance!.Id, state.Instance.Arn);
        Assert.Equal(state.Instance.Id, state.Outputs["instance_id"]);

        var second = await h.PlanAsync();
        Assert.True(second.IsEmpty, PlanRenderer.Render(second));
        Assert.Equal(PlanRenderer.NoChangesMessage, PlanRenderer.Render(second).Trim());
    }

    [Fact]
    public async Task A_plan_reads_in_bulk_and_never_describes_queues_or_hours_one_by_one()
    {
        using var h = new Harness(_emulator, Harness.BasicConfig("bulk-reads"));
        await h.ApplyAsync();
        await _emulator.ResetCallsAsync();

        var plan = await h.PlanAsync();

        var calls = await _emulator.CallsAsync();
        Assert.True(plan.IsEmpty);
        Assert.DoesNotContain(calls.Keys, k => k is "Connect.DescribeQueue" or "Connect.DescribeHoursOfOperation");
        Assert.Equal(1, calls.GetValueOrDefault("Connect.SearchQueues"));
        Assert.Equal(1, calls.GetValueOrDefault("Connect.SearchHoursOfOperations"));
        Assert.Equal(1, calls.GetValueOrDefault("Connect.DescribeInstance"));
        // Components the config neither declares nor references, and state does not hold, are not read at all.
        Assert.DoesNotContain(calls.Keys, k => k is "Connect.ListBots" or "Connect.ListLambdaFunctions" or "Connect.SearchUsers" or "Connect.SearchRoutingProfiles" or "Connect.SearchSecurityProfiles" or "Connect.SearchUserHierarchyGroups");
        // The client counts the same calls the emulator served.
        Assert.True(calls.Where(c => !c.Key.StartsWith("Sts.", StringComparison.OrdinalIgnoreCase)).Sum(c => c.Value) == plan.Statistics.TotalApiCalls,
            string.Join(", ", calls.Select(c => $"{c.Key}={c.Value}")) + " vs " + string.Join(", ", plan.Statistics.ApiCalls.Select(c => $"{c.Key}={c.Value}")));
    }

    [Fact]
    public async Task Changing_MaxContacts_makes_exactly_one_UpdateQueueMaxContacts_call()
    {
        var config = Harness.BasicConfig("one-facet");
        using var h = new Harness(_emulator, config);
        await h.ApplyAsync();

        config["Queues"]![0]!["MaxContacts"] = 250;
        h.Write(config);
        var plan = await h.PlanAsync();
        var change = Assert.Single(plan.Changes, c => c.IsWrite());
        Assert.Equal("Queues/CustomerService", change.Address.ToString());
        Assert.Equal(ChangeAction.Update, change.Action);
        var diff = Assert.Single(change.Diffs);
        Assert.Equal("MaxContacts", diff.Path);
        Assert.Equal(100, diff.Before!.GetValue<int>());
        Assert.Equal(250, diff.After!.GetValue<int>());

        await _emulator.ResetCallsAsync();
        var result = await h.ApplyAsync();
        Assert.Equal(1, result.Succeeded);
        var writes = (await _emulator.CallsAsync()).Where(c => !IsRead(c.Key)).ToDictionary();
        Assert.Equal(new Dictionary<string, int> { ["Connect.UpdateQueueMaxContacts"] = 1 }, writes);
        Assert.True((await h.PlanAsync()).IsEmpty);
    }

    [Fact]
    public async Task Tags_hours_and_attributes_change_with_their_own_calls()
    {
        var config = Harness.BasicConfig("facets");
        using var h = new Harness(_emulator, config);
        await h.ApplyAsync();

        config["Queues"]![1]!["Tags"] = new JsonObject { ["Team"] = "billing" };
        config["Queues"]![1]!["HoursOfOperation"] = "UK Business Hours";
        config["Instance"]!["ContactLensEnabled"] = true;
        config["HoursOfOperation"]![0]!["TimeZone"] = "Europe/Dublin";
        h.Write(config);
        await _emulator.ResetCallsAsync();
        var result = await h.ApplyAsync();

        Assert.Equal(0, result.Failed);
        var writes = (await _emulator.CallsAsync()).Where(c => !IsRead(c.Key)).ToDictionary();
        Assert.Equal(new Dictionary<string, int>
        {
            ["Connect.TagResource"] = 1,
            ["Connect.UpdateQueueHoursOfOperation"] = 1,
            ["Connect.UpdateInstanceAttribute"] = 1,
            ["Connect.UpdateHoursOfOperation"] = 1,
        }, writes);
        Assert.True((await h.PlanAsync()).IsEmpty);
    }

    [Fact]
    public async Task Removing_a_queue_from_the_config_deletes_it_and_its_state_entry()
    {
        var config = Harness.BasicConfig("delete-queue");
        using var h = new Harness(_emulator, config);
        await h.ApplyAsync();

        config["Queues"]!.AsArray().RemoveAt(1);
        h.Write(config);
        var plan = await h.PlanAsync();
        var delete = Assert.Single(plan.Changes, c => c.IsWrite());
        Assert.Equal(ChangeAction.Delete, delete.Action);
        Assert.Equal("Queues/Billing", delete.Address.ToString());

        await _emulator.ResetCallsAsync();
        await h.ApplyAsync();
        Assert.Equal(1, (await _emulator.CallsAsync()).GetValueOrDefault("Connect.DeleteQueue"));
        Assert.False((await h.StateAsync()).Resources.ContainsKey(ResourceAddress.Parse("Queues/Billing")));
        Assert.True((await h.PlanAsync()).IsEmpty);
    }

    [Fact]
    public async Task A_resource_made_by_a_cmdlet_is_listed_as_unmanaged_and_never_deleted()
    {
        var config = Harness.BasicConfig("unmanaged");
        using var h = new Harness(_emulator, config);
        await h.ApplyAsync();
        // What New-ConnectQueue records: origin Cmdlet.
        var state = await h.Store.ReadAsync();
        var billing = ResourceAddress.Parse("Queues/Billing");
        await h.Store.WriteAsync(state!.Document.WithResource(billing, state.Document.Resources[billing] with { Origin = ResourceOrigin.Cmdlet }), state);

        config["Queues"]!.AsArray().RemoveAt(1);
        h.Write(config);
        var plan = await h.PlanAsync();
        Assert.True(plan.IsEmpty);
        var change = Assert.Single(plan.Changes, c => c.Address.Equals(billing));
        Assert.True(change.Unmanaged);
        Assert.Contains("Managed outside the config", PlanRenderer.Render(plan), StringComparison.Ordinal);

        await _emulator.ResetCallsAsync();
        await h.ApplyAsync();
        Assert.False((await _emulator.CallsAsync()).ContainsKey("Connect.DeleteQueue"));
    }

    [Fact]
    public async Task A_targeted_plan_includes_the_creates_its_target_depends_on_and_nothing_else()
    {
        using var h = new Harness(_emulator, Harness.BasicConfig("targeting"));
        var plan = await h.PlanAsync(new PlanScope { Targets = [AddressPattern.Parse("Queues/CustomerService")] });

        Assert.Equal(
            ["HoursOfOperation/UK Business Hours", "Instance", "Queues/CustomerService"],
            plan.Changes.Where(c => c.IsWrite()).Select(c => c.Address.ToString()).Order(StringComparer.Ordinal));

        var result = await h.ApplyAsync(new PlanScope { Targets = [AddressPattern.Parse("Queues/Customer*")] });
        Assert.Equal(3, result.Succeeded);
        var state = await h.StateAsync();
        Assert.DoesNotContain(state.Resources.Keys, a => a.ToString() == "Queues/Billing");
    }

    [Fact]
    public async Task Component_scope_plans_only_that_component_once_the_instance_exists()
    {
        var config = Harness.BasicConfig("component-scope");
        using var h = new Harness(_emulator, config);
        await h.ApplyAsync();
        config["Queues"]![0]!["MaxContacts"] = 7;
        config["HoursOfOperation"]![0]!["TimeZone"] = "UTC";
        h.Write(config);

        var plan = await h.PlanAsync(new PlanScope { Components = [Component.HoursOfOperation] });
        Assert.Equal(["HoursOfOperation/UK Business Hours"], plan.Changes.Where(c => c.IsWrite()).Select(c => c.Address.ToString()));
    }

    [Fact]
    public async Task A_saved_plan_is_refused_once_state_has_moved_on()
    {
        var config = Harness.BasicConfig("stale");
        using var h = new Harness(_emulator, config);
        await h.ApplyAsync();
        config["Queues"]![0]!["MaxContacts"] = 9;
        h.Write(config);
        var plan = await h.PlanAsync();

        // Someone else applies first.
        config["Queues"]![0]!["MaxContacts"] = 8;
        h.Write(config);
        await h.ApplyAsync();
        config["Queues"]![0]!["MaxContacts"] = 9;
        h.Write(config);

        await Assert.ThrowsAsync<StalePlanException>(() => h.ApplyAsync(plan: plan));
    }

    [Fact]
    public async Task A_saved_plan_applies_when_nothing_moved()
    {
        var config = Harness.BasicConfig("saved-plan");
        using var h = new Harness(_emulator, config);
        var plan = PlanFile.Deserialize(PlanFile.Serialize(await h.PlanAsync()));
        var result = await h.ApplyAsync(plan: plan);
        Assert.Equal(6, result.Succeeded);
    }

    [Fact]
    public async Task A_second_apply_fails_at_once_while_the_lock_is_held_and_names_the_holder()
    {
        using var h = new Harness(_emulator, Harness.BasicConfig("locked"));
        await using (var held = await h.Store.AcquireLockAsync(LockInfo.Create("apply")))
        {
            var ex = await Assert.ThrowsAsync<StateLockedException>(() => h.ApplyAsync());
            Assert.Contains(held.Info.Id, ex.Message, StringComparison.Ordinal);
            Assert.Contains(held.Info.Who, ex.Message, StringComparison.Ordinal);
        }
        Assert.False((await _emulator.CallsAsync()).ContainsKey("Connect.CreateInstance"));
        Assert.Equal(6, (await h.ApplyAsync()).Succeeded);
    }

    [Fact]
    public async Task State_is_written_after_every_completed_change()
    {
        using var h = new Harness(_emulator, Harness.BasicConfig("serials"));
        var result = await h.ApplyAsync();
        var state = await h.StateAsync();
        // One write per change at least (the instance, role, log group, hours, two queues), plus outputs.
        Assert.True(state.Serial >= result.Succeeded + 1, $"serial {state.Serial} for {result.Succeeded} changes");
    }

    [Fact]
    public async Task Deleting_the_instance_is_refused_without_AllowDestroy_and_calls_nothing()
    {
        var config = Harness.BasicConfig("protect");
        using var h = new Harness(_emulator, config);
        await h.ApplyAsync();
        // A config for another instance alias: the old one would have to go.
        config["Instance"]!["Alias"] = "protect-renamed";
        h.Write(config);

        var plan = await h.PlanAsync();
        var replace = Assert.Single(plan.Changes, c => c.Address == ResourceAddress.Instance);
        Assert.Equal(ChangeAction.Replace, replace.Action);

        await _emulator.ResetCallsAsync();
        var result = await h.ApplyAsync(new PlanScope { Targets = [AddressPattern.Parse("Instance")] });
        var outcome = Assert.Single(result.Outcomes, o => o.Address == ResourceAddress.Instance);
        Assert.Equal(ChangeStatus.Failed, outcome.Status);
        Assert.Contains("AllowDestroy", outcome.Message, StringComparison.Ordinal);
        Assert.False((await _emulator.CallsAsync()).ContainsKey("Connect.DeleteInstance"));
    }

    [Fact]
    public async Task A_create_whose_state_write_was_lost_is_adopted_not_duplicated()
    {
        var config = Harness.BasicConfig("adopt");
        using var h = new Harness(_emulator, config);
        await h.ApplyAsync();
        // Forget a queue as if the process died after CreateQueue returned.
        var snapshot = await h.Store.ReadAsync();
        await h.Store.WriteAsync(snapshot!.Document.WithoutResource(ResourceAddress.Parse("Queues/Billing")), snapshot);

        var plan = await h.PlanAsync();
        var import = Assert.Single(plan.Changes, c => c.IsWrite());
        Assert.Equal(ChangeAction.Import, import.Action);

        await _emulator.ResetCallsAsync();
        await h.ApplyAsync();
        Assert.False((await _emulator.CallsAsync()).ContainsKey("Connect.CreateQueue"));
        Assert.True((await h.StateAsync()).Resources.ContainsKey(ResourceAddress.Parse("Queues/Billing")));
        Assert.True((await h.PlanAsync()).IsEmpty);
    }

    [Fact]
    public async Task With_a_tenth_of_write_responses_dropped_apply_converges_without_twins()
    {
        var config = Harness.BasicConfig("drops");
        config["Queues"]!.AsArray().Add(JsonNode.Parse("""{ "Name": "Q3", "HoursOfOperation": "Basic Hours" }"""));
        config["Queues"]!.AsArray().Add(JsonNode.Parse("""{ "Name": "Q4", "HoursOfOperation": "Basic Hours", "Status": "DISABLED" }"""));
        using var h = new Harness(_emulator, config);
        await _emulator.ConfigureAsync(new { FaultDropRate = 0.1, FaultOperations = new[] { "CreateQueue", "CreateHoursOfOperation", "UpdateQueueStatus", "CreateRole", "CreateLogGroup", "TagResource" } });
        try
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var result = await h.ApplyAsync();
                if (result.Failed == 0 && (await h.PlanAsync()).IsEmpty) break;
            }
        }
        finally
        {
            await _emulator.ConfigureAsync(new { FaultDropRate = 0.0 });
        }
        Assert.True((await h.PlanAsync()).IsEmpty);
        var state = await h.StateAsync();
        using var ws = await h.OpenAsync();
        var queues = await ws.Aws.Connect.SearchQueuesAsync(new Aws.Connect.Model.SearchQueuesRequest { InstanceId = state.Instance!.Id, SearchCriteria = new() { QueueTypeCondition = "STANDARD" } });
        var names = queues.Queues!.Select(q => q.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal(["Billing", "CustomerService", "Q3", "Q4"], names.Where(n => n != "BasicQueue").Order(StringComparer.Ordinal));
    }

    private static bool IsRead(string op) =>
        op.Split('.')[1] is var name && (name.StartsWith("Describe", StringComparison.Ordinal) || name.StartsWith("List", StringComparison.Ordinal) || name.StartsWith("Search", StringComparison.Ordinal) || name.StartsWith("Get", StringComparison.Ordinal));
}
