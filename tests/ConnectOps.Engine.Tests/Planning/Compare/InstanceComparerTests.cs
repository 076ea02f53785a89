using System.Text.Json.Nodes;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.Planning.Compare;
using ConnectOps.Engine.Tests.Reconcilers;

namespace ConnectOps.Engine.Tests.Planning.Compare;

/// <summary>Compare-ConnectInstance's engine: a config against an instance as if nothing were managed, by name, reading only.</summary>
public sealed class InstanceComparerTests : ComponentTestBase
{
    public InstanceComparerTests(EmulatorFixture emulator) : base(emulator)
    {
    }

    /// <summary>Applies the basic config, then edits it: CustomerService's limit and description change, Billing goes, Sales is new.</summary>
    private async Task<(Harness Harness, string InstanceId)> AppliedThenEditedAsync(string alias)
    {
        var config = Harness.BasicConfig(alias);
        var h = new Harness(Emulator, config);
        await ApplyOkAsync(h);
        var instanceId = (await h.StateAsync()).Instance!.Id;
        config["Queues"] = JsonNode.Parse("""
            [
              { "Name": "CustomerService", "HoursOfOperation": "UK Business Hours", "MaxContacts": 200, "Description": "<script>alert('x')</script> | pipe" },
              { "Name": "Sales", "HoursOfOperation": "UK Business Hours", "MaxContacts": 5 }
            ]
            """);
        h.Write(config);
        return (h, instanceId);
    }

    private static async Task<InstanceComparison> CompareAsync(Harness h, string instanceId)
    {
        using var ws = await h.OpenAsync();
        return await new InstanceComparer(ws.Aws, h.Host).CompareAsync(h.Load(), instanceId, CancellationToken.None);
    }

    private static ResourceDelta Delta(InstanceComparison c, string address) => Assert.Single(c.Deltas, d => d.Address.ToString() == address);

    [Fact]
    public async Task A_config_compared_with_an_instance_lists_what_differs_by_name_without_writing_anything()
    {
        var (h, instanceId) = await AppliedThenEditedAsync("compare-basic");
        using var _ = h;
        var stateBefore = await h.StateAsync();
        await Emulator.ResetCallsAsync();

        var comparison = await CompareAsync(h, instanceId);

        var changed = Delta(comparison, "Queues/CustomerService");
        Assert.Equal((DeltaKind.Different, ChangeAction.Update), (changed.Kind, changed.Action));
        var limit = Assert.Single(changed.Diffs, d => d.Path == "MaxContacts");
        Assert.Equal((100, 200), (limit.Before!.GetValue<int>(), limit.After!.GetValue<int>()));
        Assert.Equal((DeltaKind.OnlyInConfig, ChangeAction.Create), (Delta(comparison, "Queues/Sales").Kind, Delta(comparison, "Queues/Sales").Action));
        Assert.Equal((DeltaKind.OnlyInInstance, ChangeAction.Delete), (Delta(comparison, "Queues/Billing").Kind, Delta(comparison, "Queues/Billing").Action));
        Assert.Equal(DeltaKind.Same, Delta(comparison, "HoursOfOperation/UK Business Hours").Kind);
        Assert.Equal(DeltaKind.Same, Delta(comparison, "Instance").Kind);
        // Defaults of the instance (BasicQueue, Basic Hours …) are not reported as extra.
        Assert.DoesNotContain(comparison.Deltas, d => d.Address.ToString() is "Queues/BasicQueue" or "HoursOfOperation/Basic Hours");
        Assert.False(comparison.IsSame);

        // Reads only: no write call, state untouched.
        var calls = await Emulator.CallsAsync();
        Assert.DoesNotContain(calls.Keys, op => !FlowSamples.IsRead(op));
        Assert.Equal(stateBefore.Serial, (await h.StateAsync()).Serial);
    }

    [Fact]
    public async Task Two_instances_compare_through_an_export_of_the_reference_and_only_their_differences_show()
    {
        // A: the basic config. B: the same config under another alias, then edited (a limit, a queue gone, one new).
        using var a = new Harness(Emulator, Harness.BasicConfig("compare-ref"));
        await ApplyOkAsync(a);
        var (b, bId) = await AppliedThenEditedAsync("compare-other");
        using var _ = b;
        await ApplyOkAsync(b);
        var aId = (await a.StateAsync()).Instance!.Id;
        await Emulator.ResetCallsAsync();

        InstanceComparison same, different;
        using (var ws = await a.OpenAsync())
        {
            var comparer = new InstanceComparer(ws.Aws, a.Host);
            same = await comparer.CompareInstancesAsync(aId, aId, CancellationToken.None);
            different = await comparer.CompareInstancesAsync(aId, bId, CancellationToken.None);
        }

        Assert.True(same.IsSame, string.Join("\n", same.Deltas.Where(d => d.Kind != DeltaKind.Same).Select(d => $"{d.Address} {d.Kind} {string.Join(",", d.Diffs.Select(x => x.Path))}")));
        Assert.Equal(bId, different.InstanceId);
        Assert.Contains(aId, different.ConfigPath, StringComparison.Ordinal);
        // What an apply of A's export would do to B: put CustomerService back to A's, create Billing, delete Sales.
        var limit = Assert.Single(Delta(different, "Queues/CustomerService").Diffs, d => d.Path == "MaxContacts");
        Assert.Equal((200, 100), (limit.Before!.GetValue<int>(), limit.After!.GetValue<int>()));
        Assert.Equal(DeltaKind.OnlyInConfig, Delta(different, "Queues/Billing").Kind);
        Assert.Equal(DeltaKind.OnlyInInstance, Delta(different, "Queues/Sales").Kind);
        Assert.Equal(DeltaKind.Same, Delta(different, "HoursOfOperation/UK Business Hours").Kind);
        Assert.DoesNotContain(different.Deltas, d => d.Address.ToString() == "Instance" && d.Kind != DeltaKind.Same);
        Assert.DoesNotContain((await Emulator.CallsAsync()).Keys, op => !FlowSamples.IsRead(op));
    }

    [Fact]
    public async Task The_instance_is_pinned_by_id_so_a_config_for_another_alias_compares_with_it()
    {
        var (h, instanceId) = await AppliedThenEditedAsync("compare-pinned");
        using var _ = h;
        var config = Harness.BasicConfig("some-other-alias");
        h.Write(config);

        var comparison = await CompareAsync(h, instanceId);

        var instance = Delta(comparison, "Instance");
        Assert.Equal(instanceId, instance.Id);
        Assert.Equal(DeltaKind.Different, instance.Kind);
        Assert.Contains(instance.Diffs, d => d.Path == "Alias" && d.After!.GetValue<string>() == "some-other-alias");
        Assert.Equal(DeltaKind.Same, Delta(comparison, "Queues/CustomerService").Kind);
        Assert.Equal(comparison.InstanceId, instanceId);
    }

    [Fact]
    public async Task An_unknown_instance_is_refused_with_a_message_naming_it()
    {
        using var h = new Harness(Emulator, Harness.BasicConfig("compare-missing"));

        var error = await Assert.ThrowsAsync<ImperativeException>(() => CompareAsync(h, "00000000-0000-0000-0000-00000000dead"));

        Assert.Equal(InstanceComparer.InstanceNotFoundId, error.ErrorId);
        Assert.Contains("00000000-0000-0000-0000-00000000dead", error.Message, StringComparison.Ordinal);
        Assert.Equal(EngineErrorKind.ObjectNotFound, EngineErrors.Classify(error)!.Kind);
    }

    [Fact]
    public async Task The_reports_list_each_difference_escape_what_they_quote_and_embed_the_graph()
    {
        var (h, instanceId) = await AppliedThenEditedAsync("compare-report");
        using var _ = h;
        var comparison = await CompareAsync(h, instanceId);

        var markdown = DeltaReport.Markdown(comparison);
        Assert.Contains("| `Queues/Sales` | only in the config (create) |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `Queues/Billing` | only in the instance |", markdown, StringComparison.Ordinal);
        Assert.Contains("`MaxContacts: 100 → 200`", markdown, StringComparison.Ordinal);
        // A pipe in a value cannot split the table row.
        Assert.Contains("\\| pipe", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Queues/CustomerService` | same", markdown, StringComparison.Ordinal);
        Assert.Contains("```mermaid\n", markdown, StringComparison.Ordinal);
        Assert.Matches("\n    class ([A-Za-z0-9_]+,)*Queues__Sales(,[A-Za-z0-9_]+)* create\n", markdown);
        Assert.Matches("\n    class ([A-Za-z0-9_]+,)*Queues__Billing(,[A-Za-z0-9_]+)* delete\n", markdown);

        var html = DeltaReport.Html(comparison);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert", html, StringComparison.Ordinal);
        Assert.Contains("<pre class=\"mermaid\">", html, StringComparison.Ordinal);
        Assert.Contains("Queues__Sales[&quot;+ Sales&quot;]", html, StringComparison.Ordinal);
    }
}
