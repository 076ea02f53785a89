using System.Text.Json.Nodes;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Imperative;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.State;
using ConnectOps.Engine.Tests.Reconcilers;

namespace ConnectOps.Engine.Tests.Imperative;

/// <summary>
/// The imperative mechanism (Workspace.ApplyEditsAsync) against the emulator: one-resource plans through the shared
/// planner and executor, Origin=Cmdlet, per-edit validation with no call, warnings on config-managed resources, and
/// the declarative plan that leaves cmdlet-made resources alone.
/// </summary>
public sealed class ImperativeEditTests(EmulatorFixture emulator) : ComponentTestBase(emulator)
{
    private const string Password = "Init1al-Passw0rd";


    internal static async Task<EditResult> EditAsync(Harness h, EditOptions? options, params ResourceEdit[] edits)
    {
        using var ws = await h.OpenAsync();
        var root = new JsonConfigReader().Read(h.ConfigPath).Root!;
        return await ws.ApplyEditsAsync(root, edits, options ?? new EditOptions(), CancellationToken.None);
    }

    internal static Task<EditResult> EditAsync(Harness h, params ResourceEdit[] edits) => EditAsync(h, null, edits);

    private static ResourceEdit Queue(EditKind kind, string name, string values = "{}", string? label = null) => new()
    {
        Kind = kind, Component = Component.Queues, Key = name, Values = Json(values).AsObject(), Label = label,
    };

    private static void AssertAllSucceeded(EditResult result) =>
        Assert.True(result.Failed == 0, string.Join("\n", result.Outcomes.Where(o => o.Status == EditStatus.Failed).Select(o => $"{o.ErrorId} {o.Message}")));

    private async Task<Harness> AppliedAsync(string alias, JsonObject? config = null)
    {
        var h = new Harness(Emulator, config ?? Harness.BasicConfig(alias));
        await ApplyOkAsync(h);
        await Emulator.ResetCallsAsync();
        h.Host.Asked.Clear();
        h.Host.Warnings.Clear();
        return h;
    }

    [Fact]
    public async Task New_creates_one_queue_with_one_CreateQueue_and_records_it_with_Origin_Cmdlet()
    {
        using var h = await AppliedAsync("imp-new");

        var result = await EditAsync(h, Queue(EditKind.New, "Night Shift", """{ "HoursOfOperation": "UK Business Hours", "MaxContacts": 20, "Description": "after hours" }"""));

        AssertAllSucceeded(result);
        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal((EditStatus.Succeeded, ChangeAction.Create), (outcome.Status, outcome.Action));
        Assert.Equal(Calls(("CreateQueue", 1)), await WritesAsync());
        var entry = await ResourceAsync(h, "Queues/Night Shift");
        Assert.Equal(ResourceOrigin.Cmdlet, entry.Origin);
        Assert.Equal(20, entry.Attributes["MaxContacts"]!.GetValue<int>());
        Assert.Equal("UK Business Hours", entry.Attributes["HoursOfOperation"]!.GetValue<string>());
        Assert.Equal("Cmdlet", outcome.Resource!.Origin);
        Assert.Equal(entry.Id, outcome.Resource.Id);
        // Reads are the bulk reads of queues and what queues reference, never a Describe.
        Assert.DoesNotContain((await Emulator.CallsAsync()).Keys, k => k.Contains("Describe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_later_declarative_plan_lists_cmdlet_made_resources_as_unmanaged_and_never_deletes_them()
    {
        using var h = await AppliedAsync("imp-mixed");
        AssertAllSucceeded(await EditAsync(h, Queue(EditKind.New, "Overflow", """{ "HoursOfOperation": "Basic Hours" }""")));

        var plan = await h.PlanAsync();
        var change = Single(plan, "Queues/Overflow");
        Assert.Equal(ChangeAction.NoOp, change.Action);
        Assert.True(change.Unmanaged);
        Assert.True(plan.IsEmpty, PlanRenderer.Render(plan));

        await Emulator.ResetCallsAsync();
        await ApplyOkAsync(h);
        Assert.Empty(await WritesAsync());
        Assert.Equal(ResourceOrigin.Cmdlet, (await ResourceAsync(h, "Queues/Overflow")).Origin);
    }

    [Fact]
    public async Task Set_changes_only_the_given_setting_with_one_call_and_keeps_the_origin()
    {
        using var h = await AppliedAsync("imp-set");
        AssertAllSucceeded(await EditAsync(h, Queue(EditKind.New, "Overflow", """{ "HoursOfOperation": "Basic Hours", "Description": "spill", "MaxContacts": 5 }""")));
        await Emulator.ResetCallsAsync();

        var result = await EditAsync(h, Queue(EditKind.Set, "Overflow", """{ "MaxContacts": 50 }"""));

        AssertAllSucceeded(result);
        Assert.Equal(Calls(("UpdateQueueMaxContacts", 1)), await WritesAsync());
        var entry = await ResourceAsync(h, "Queues/Overflow");
        Assert.Equal(ResourceOrigin.Cmdlet, entry.Origin);
        Assert.Equal(50, entry.Attributes["MaxContacts"]!.GetValue<int>());
        Assert.Equal("spill", entry.Attributes["Description"]!.GetValue<string>());
        Assert.Empty(h.Host.Warnings);
    }

    [Fact]
    public async Task Set_with_what_AWS_has_already_makes_no_call_and_reports_Unchanged()
    {
        using var h = await AppliedAsync("imp-noop");
        var result = await EditAsync(h, Queue(EditKind.Set, "Billing", """{ "MaxContacts": 5 }"""));

        Assert.Equal(EditStatus.Unchanged, Assert.Single(result.Outcomes).Status);
        Assert.Empty(await WritesAsync());
        Assert.Empty(h.Host.Asked);
    }

    [Fact]
    public async Task Set_on_a_config_managed_resource_is_made_and_warns_that_the_next_apply_reverts_it()
    {
        using var h = await AppliedAsync("imp-warn");

        AssertAllSucceeded(await EditAsync(h, Queue(EditKind.Set, "CustomerService", """{ "Status": "DISABLED" }""")));

        Assert.Equal(Calls(("UpdateQueueStatus", 1)), await WritesAsync());
        var warning = Assert.Single(h.Host.Warnings);
        Assert.Contains("Queues/CustomerService is managed by connectops.json", warning, StringComparison.Ordinal);
        Assert.Contains("the next Invoke-ConnectApply will revert this change", warning, StringComparison.Ordinal);
        Assert.Equal(ResourceOrigin.Config, (await ResourceAsync(h, "Queues/CustomerService")).Origin);
        // ... and it does: the config says ENABLED.
        var plan = await h.PlanAsync();
        Assert.Equal(ChangeAction.Update, Single(plan, "Queues/CustomerService").Action);
    }

    [Fact]
    public async Task Remove_deletes_the_queue_and_its_state_entry()
    {
        using var h = await AppliedAsync("imp-remove");
        AssertAllSucceeded(await EditAsync(h, Queue(EditKind.New, "Temp", """{ "HoursOfOperation": "Basic Hours" }""")));
        await Emulator.ResetCallsAsync();

        var result = await EditAsync(h, Queue(EditKind.Remove, "Temp"));

        AssertAllSucceeded(result);
        Assert.Equal((EditStatus.Succeeded, ChangeAction.Delete), (result.Outcomes[0].Status, result.Outcomes[0].Action));
        Assert.Equal(Calls(("DeleteQueue", 1)), await WritesAsync());
        Assert.False((await h.StateAsync()).Resources.ContainsKey(ResourceAddress.Parse("Queues/Temp")));
    }

    [Fact]
    public async Task A_declined_change_makes_no_write_call()
    {
        using var h = await AppliedAsync("imp-whatif");
        h.Host.Answer = (_, _) => false;

        var result = await EditAsync(h, Queue(EditKind.New, "Never", """{ "HoursOfOperation": "Basic Hours" }"""), Queue(EditKind.Remove, "Billing"));

        Assert.All(result.Outcomes, o => Assert.Equal(EditStatus.Declined, o.Status));
        Assert.Equal([("Queues/Never", "Create"), ("Queues/Billing", "Delete")], h.Host.Asked.ToArray());
        Assert.Empty(await WritesAsync());
    }

    [Fact]
    public async Task Each_bad_edit_fails_alone_naming_its_label_with_no_call_for_it_while_the_good_ones_are_made()
    {
        using var h = await AppliedAsync("imp-bad");
        // Declared after the apply: in the config, not yet in AWS.
        var config = Harness.BasicConfig("imp-bad");
        config["Queues"]!.AsArray().Add(Json("""{ "Name": "Declared", "HoursOfOperation": "Basic Hours" }"""));
        h.Write(config);

        var result = await EditAsync(h,
            Queue(EditKind.New, "Good1", """{ "HoursOfOperation": "Basic Hours" }""", "row 1"),
            Queue(EditKind.New, "BadHours", """{ "HoursOfOperation": "UK Busines Hours" }""", "row 2"),
            Queue(EditKind.New, "BadMax", """{ "HoursOfOperation": "Basic Hours", "MaxContacts": -3 }""", "row 3"),
            Queue(EditKind.New, "Good1", """{ "HoursOfOperation": "Basic Hours" }""", "row 4"),
            Queue(EditKind.New, "CustomerService", """{ "HoursOfOperation": "Basic Hours" }""", "row 5"),
            Queue(EditKind.New, "BasicQueue", """{ "HoursOfOperation": "Basic Hours" }""", "row 6"),
            Queue(EditKind.New, "Good2", """{ "HoursOfOperation": "UK Business Hours" }""", "row 7"),
            Queue(EditKind.New, "Declared", """{ "HoursOfOperation": "Basic Hours" }""", "row 8"));

        var byLabel = result.Outcomes.ToDictionary(o => o.Edit.Label!);
        Assert.Equal(EditStatus.Succeeded, byLabel["row 1"].Status);
        Assert.Equal(EditStatus.Succeeded, byLabel["row 7"].Status);
        Assert.Equal("ConnectOps.Config.DanglingReference", byLabel["row 2"].ErrorId);
        Assert.StartsWith("row 2 (Queues/BadHours): HoursOfOperation: ", byLabel["row 2"].Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'UK Business Hours'?", byLabel["row 2"].Message, StringComparison.Ordinal);
        Assert.Equal("ConnectOps.Config.OutOfRange", byLabel["row 3"].ErrorId);
        Assert.Equal("ConnectOps.DuplicateInput", byLabel["row 4"].ErrorId);
        Assert.Contains("row 1", byLabel["row 4"].Message, StringComparison.Ordinal);
        Assert.Equal("ConnectOps.ResourceExists", byLabel["row 5"].ErrorId);
        Assert.Contains("managed by the config", byLabel["row 5"].Message, StringComparison.Ordinal);
        Assert.Equal("ConnectOps.ResourceExists", byLabel["row 6"].ErrorId);
        Assert.Equal("ConnectOps.DeclaredInConfig", byLabel["row 8"].ErrorId);
        Assert.Contains("Invoke-ConnectApply -Target 'Queues/Declared'", byLabel["row 8"].Message, StringComparison.Ordinal);
        Assert.Equal(Calls(("CreateQueue", 2)), await WritesAsync());
        // Nothing was asked about the refused ones.
        Assert.Equal(["Queues/Good1", "Queues/Good2"], h.Host.Asked.Select(a => a.Target).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Set_and_Remove_of_what_does_not_exist_fail_with_ResourceNotFound_and_no_call()
    {
        using var h = await AppliedAsync("imp-missing");

        var result = await EditAsync(h, Queue(EditKind.Set, "Nope", """{ "MaxContacts": 1 }"""), Queue(EditKind.Remove, "Nope2"));

        Assert.All(result.Outcomes, o => Assert.Equal("ConnectOps.ResourceNotFound", o.ErrorId));
        Assert.Contains("Get-ConnectQueue lists them", result.Outcomes[0].Message, StringComparison.Ordinal);
        Assert.Empty(await WritesAsync());
    }

    [Fact]
    public async Task A_cmdlet_made_resource_can_reference_another_cmdlet_made_resource_by_name()
    {
        using var h = await AppliedAsync("imp-refs");
        var hours = new ResourceEdit
        {
            Kind = EditKind.New, Component = Component.HoursOfOperation, Key = "Weekend",
            Values = Json("""{ "TimeZone": "Europe/London", "Config": [ { "Day": "SATURDAY", "Start": "10:00", "End": "16:00" } ] }""").AsObject(),
        };
        AssertAllSucceeded(await EditAsync(h, hours));

        var result = await EditAsync(h, Queue(EditKind.New, "Weekend Desk", """{ "HoursOfOperation": "Weekend" }"""));

        AssertAllSucceeded(result);
        var state = await h.StateAsync();
        var queue = state.Resources[ResourceAddress.Parse("Queues/Weekend Desk")];
        Assert.Contains(ResourceAddress.Parse("HoursOfOperation/Weekend"), queue.DependsOn);
        Assert.True((await h.PlanAsync()).IsEmpty);
    }

    [Fact]
    public async Task Without_an_instance_in_state_the_run_stops_with_NoInstance()
    {
        using var h = new Harness(Emulator, Harness.BasicConfig("imp-noinst"));
        var ex = await Assert.ThrowsAsync<ImperativeException>(() => EditAsync(h, Queue(EditKind.New, "X", """{ "HoursOfOperation": "Basic Hours" }""")));
        Assert.Equal("ConnectOps.NoInstance", ex.ErrorId);
        Assert.Contains("Run Invoke-ConnectApply first", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_reads_in_bulk_with_names_for_references_and_the_origin_from_state()
    {
        using var h = await AppliedAsync("imp-get");
        AssertAllSucceeded(await EditAsync(h, Queue(EditKind.New, "Overflow", """{ "HoursOfOperation": "UK Business Hours" }""")));
        await Emulator.ResetCallsAsync();

        using var ws = await h.OpenAsync();
        var views = await ResourceReader.ReadAsync(ws.Config, await h.StateAsync(), ws.Aws, h.Host, Component.Queues, null, CancellationToken.None);

        var byName = views.ToDictionary(v => v.Name);
        Assert.Equal("Cmdlet", byName["Overflow"].Origin);
        Assert.Equal("Config", byName["CustomerService"].Origin);
        Assert.Null(byName["BasicQueue"].Origin);
        Assert.Equal("UK Business Hours", byName["Overflow"].Properties["HoursOfOperation"]!.GetValue<string>());
        var calls = await Emulator.CallsAsync();
        Assert.Equal(1, calls.GetValueOrDefault("Connect.SearchQueues"));
        Assert.DoesNotContain(calls.Keys, k => k.Contains("Describe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_works_with_only_an_instance_id()
    {
        using var h = await AppliedAsync("imp-get-id");
        var instanceId = (await h.StateAsync()).Instance!.Id;
        var bare = new Harness(Emulator, Json("""{ "Region": "eu-west-2", "Instance": { "Id": "INSTANCE" } }""".Replace("INSTANCE", instanceId, StringComparison.Ordinal)).AsObject());
        using var _ = bare;
        using var ws = await bare.OpenAsync();

        var views = await ResourceReader.ReadAsync(ws.Config, null, ws.Aws, bare.Host, Component.HoursOfOperation, instanceId, CancellationToken.None);

        Assert.Contains(views, v => v.Name == "UK Business Hours" && v.Origin is null && v.Properties["TimeZone"]!.GetValue<string>() == "Europe/London");
    }
}
