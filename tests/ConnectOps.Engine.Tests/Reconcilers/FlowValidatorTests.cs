using System.Text.Json.Nodes;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Reconcilers.ContactFlows;

namespace ConnectOps.Engine.Tests.Reconcilers;

/// <summary>The structural flow validator and the flow-file reader, without AWS.</summary>
public sealed class FlowValidatorTests
{
    private static IReadOnlyList<FlowProblem> Errors(JsonObject flow, Func<ResourceAddress, bool>? exists = null) =>
        FlowValidator.Validate(flow, exists).Where(p => p.Severity == FlowProblemSeverity.Error).ToList();

    [Fact]
    public void A_well_formed_flow_has_no_problems()
    {
        var flow = FlowSamples.Flow(
            FlowSamples.CheckHours("hours", "${HoursOfOperation/Basic Hours#Id}", "queue", "closed"),
            FlowSamples.SetQueue("queue", "${Queues/BasicQueue}", "bye"),
            FlowSamples.Message("closed", "Closed", "bye"),
            FlowSamples.Disconnect("bye"));
        Assert.Empty(FlowValidator.Validate(flow, _ => true));
    }

    [Fact]
    public void Version_must_be_2019_10_30()
    {
        var flow = FlowSamples.Greeting();
        flow["Version"] = "2020-01-01";
        var problem = Assert.Single(Errors(flow));
        Assert.Equal("Version", problem.Path);
        Assert.Contains("2019-10-30", problem.Message, StringComparison.Ordinal);

        flow.Remove("Version");
        Assert.Contains("missing", Assert.Single(Errors(flow)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartAction_must_name_an_action()
    {
        var flow = FlowSamples.Greeting();
        flow["StartAction"] = "nope";
        var problem = Assert.Single(Errors(flow));
        Assert.Equal("StartAction", problem.Path);
        Assert.Contains("'nope'", problem.Message, StringComparison.Ordinal);

        flow.Remove("StartAction");
        Assert.Contains("StartAction is missing", Assert.Single(Errors(flow)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Identifiers_are_unique_short_and_free_of_reserved_characters_and_names()
    {
        var flow = FlowSamples.Flow(
            FlowSamples.Message("a", "x", "b"),
            FlowSamples.Disconnect("a"),
            FlowSamples.Disconnect(new string('x', 51)),
            FlowSamples.Disconnect("has:colon"),
            FlowSamples.Disconnect("constructor"),
            FlowSamples.Disconnect("b"));
        var errors = Errors(flow);
        Assert.Contains(errors, e => e.Action == "a" && e.Message.Contains("more than one action", StringComparison.Ordinal) && e.Path == "Actions[1].Identifier");
        Assert.Contains(errors, e => e.Message.Contains("51 characters", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Action == "has:colon" && e.Message.Contains("not allowed", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Action == "constructor" && e.Message.Contains("reserved", StringComparison.Ordinal));
        Assert.Equal(4, errors.Count);
    }

    [Fact]
    public void Every_NextAction_of_plain_error_and_condition_transitions_must_resolve()
    {
        var flow = FlowSamples.Flow(
            FlowSamples.CheckHours("hours", "id", "open-missing", "bye"),
            FlowSamples.Message("msg", "x", "bye"),
            FlowSamples.Disconnect("bye"));
        flow["Actions"]![1]!["Transitions"]!["Errors"]![0]!["NextAction"] = "error-missing";
        flow["Actions"]![2]!["Transitions"] = new JsonObject { ["NextAction"] = "plain-missing" };

        var errors = Errors(flow);

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Action == "hours" && e.Path == "Actions[0].Transitions.Conditions[0].NextAction" && e.Message.Contains("'open-missing'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Action == "msg" && e.Path == "Actions[1].Transitions.Errors[0].NextAction");
        Assert.Contains(errors, e => e.Action == "bye" && e.Path == "Actions[2].Transitions.NextAction");
    }

    [Fact]
    public void Transitions_must_be_an_object_and_Actions_a_list()
    {
        var flow = FlowSamples.Greeting();
        flow["Actions"]![1]!["Transitions"] = new JsonArray();
        Assert.Contains("must be an object", Assert.Single(Errors(flow)).Message, StringComparison.Ordinal);

        flow["Actions"] = new JsonObject();
        Assert.Contains("Actions must be a list", Assert.Single(Errors(flow)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void At_most_250_actions()
    {
        var actions = Enumerable.Range(0, 251).Select(i => FlowSamples.Disconnect($"a{i}")).ToArray();
        var problem = Assert.Single(Errors(FlowSamples.Flow(actions)));
        Assert.Contains("at most 250", problem.Message, StringComparison.Ordinal);
        Assert.Empty(Errors(FlowSamples.Flow(actions[..250])));
    }

    [Fact]
    public void An_unknown_action_type_is_a_warning_not_an_error()
    {
        var flow = FlowSamples.Flow(
            new JsonObject { ["Identifier"] = "n", ["Type"] = "BrandNewThing", ["Parameters"] = new JsonObject(), ["Transitions"] = new JsonObject { ["NextAction"] = "bye" } },
            FlowSamples.Disconnect("bye"));
        var problem = Assert.Single(FlowValidator.Validate(flow));
        Assert.Equal(FlowProblemSeverity.Warning, problem.Severity);
        Assert.Equal("n", problem.Action);
        Assert.Equal("Actions[0].Type", problem.Path);
    }

    [Fact]
    public void Placeholders_must_name_declared_or_built_in_resources()
    {
        var flow = FlowSamples.Flow(FlowSamples.SetQueue("q", "${Queues/Nowhere}", "bye"), FlowSamples.Disconnect("bye"));
        var problem = Assert.Single(Errors(flow, a => a.Key == "BasicQueue"));
        Assert.Equal("q", problem.Action);
        Assert.Equal("Actions[0].Parameters.QueueId", problem.Path);
        Assert.Contains("Queues/Nowhere", problem.Message, StringComparison.Ordinal);
        Assert.Empty(Errors(flow, _ => true));

        flow["Actions"]![0]!["Parameters"]!["QueueId"] = "${Nonsense/x}";
        Assert.Contains("does not name a resource", Assert.Single(Errors(flow, _ => true)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pre_2019_export_format_is_recognised_and_refused()
    {
        var legacy = JsonNode.Parse("""{ "modules": [ { "id": "abc", "type": "PlayPrompt" } ], "version": "1", "start": "abc", "type": "contactFlow" }""")!.AsObject();
        Assert.True(FlowValidator.IsLegacy(legacy));
        var problem = Assert.Single(FlowValidator.Validate(legacy));
        Assert.Equal(FlowProblemSeverity.Error, problem.Severity);
        Assert.Contains("pre-2019", problem.Message, StringComparison.Ordinal);
        Assert.False(FlowValidator.IsLegacy(FlowSamples.Greeting()));
    }

    [Fact]
    public void The_reader_finds_the_flow_in_each_wrapper_and_keeps_file_positions()
    {
        var bare = FlowSamples.Greeting();
        var text = bare.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        var read = FlowDocument.Read(text);
        Assert.True(JsonNode.DeepEquals(bare, read.Flow));
        Assert.Equal("", read.Prefix);
        // "StartAction" is on the third line of the indented text.
        Assert.Equal(3, read.PositionOf("StartAction")!.Value.Line);

        var described = FlowDocument.Read(new JsonObject { ["ContactFlow"] = new JsonObject { ["Name"] = "X", ["Type"] = "CUSTOMER_QUEUE", ["Content"] = bare.ToJsonString() } }.ToJsonString());
        Assert.True(JsonNode.DeepEquals(bare, described.Flow));
        Assert.Equal("CUSTOMER_QUEUE", described.DeclaredType);
        Assert.True(described.Embedded);

        var exported = FlowDocument.Read(new JsonObject { ["Name"] = "X", ["Type"] = "CONTACT_FLOW", ["Content"] = bare.DeepClone() }.ToJsonString());
        Assert.True(JsonNode.DeepEquals(bare, exported.Flow));
        Assert.Equal("Content", exported.Prefix);
        Assert.False(exported.Embedded);

        var broken = FlowDocument.Read("""{ "Name": "X", "Content": "{ not json" }""");
        Assert.Null(broken.Flow);
        Assert.Contains("not valid flow JSON", broken.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Positions_are_indexed_by_path_with_lines_and_columns()
    {
        var positions = JsonPositions.Index("{\n  \"a\": [\n    { \"b\": 1 },\n    2\n  ]\n}");
        Assert.Equal((2, 3), positions.Find("a"));
        Assert.Equal((3, 5), positions.Find("a[0]"));
        Assert.Equal((3, 7), positions.Find("a[0].b"));
        Assert.Equal((4, 5), positions.Find("a[1]"));
        // A path that is not there falls back to its nearest parent.
        Assert.Equal((3, 5), positions.Find("a[0].missing"));
    }
}
