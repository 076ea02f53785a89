using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Config;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.Planning.Graph;
using ConnectOps.Engine.Reconcilers;
using ConnectOps.Engine.Reconcilers.Framework;
using ConnectOps.Engine.Tests.Reconcilers;

namespace ConnectOps.Engine.Tests.Planning.Graph;

/// <summary>The dependency graph: its edges are the planner's, targets pull in what a targeted plan would, and both texts survive any key.</summary>
public sealed partial class GraphTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "connectops-graph-" + Guid.NewGuid().ToString("n")[..8]);

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>
    /// Basic config plus a queue ↔ quick connect cycle and flows that transfer to each other (A ↔ B), to themselves
    /// (Self) and to A without a cycle (Plain).
    /// </summary>
    private ConnectConfig CyclicConfig()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "flows"));
        var config = Harness.BasicConfig("graph");
        config["Queues"]![0]!["QuickConnects"] = new JsonArray("escalate");
        config["QuickConnects"] = JsonNode.Parse("""{ "escalate": { "Name": "Escalate", "Type": "QUEUE", "Queue": "CustomerService" } }""");
        string Flow(string name, string target)
        {
            var flow = FlowSamples.Flow(FlowSamples.TransferToFlow("go", "${ContactFlows/" + target + "}", "bye"), FlowSamples.Disconnect("bye"));
            File.WriteAllText(Path.Combine(_folder, "flows", name + ".json"), flow.ToJsonString());
            return "./flows/" + name + ".json";
        }
        config["ContactFlows"] = new JsonArray(
            new JsonObject { ["Name"] = "A", ["Type"] = "CONTACT_FLOW", ["Path"] = Flow("A", "B") },
            new JsonObject { ["Name"] = "B", ["Type"] = "CONTACT_FLOW", ["Path"] = Flow("B", "A") },
            new JsonObject { ["Name"] = "Self", ["Type"] = "CONTACT_FLOW", ["Path"] = Flow("Self", "Self") },
            new JsonObject { ["Name"] = "Plain", ["Type"] = "CONTACT_FLOW", ["Path"] = Flow("Plain", "A") });
        var path = Path.Combine(_folder, "connectops.json");
        File.WriteAllText(path, config.ToJsonString());
        var result = ConfigLoader.Load(path, new JsonConfigReader());
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Errors));
        return result.Config!;
    }

    private static HashSet<string> Edges(ResourceGraph graph, bool deferred) =>
        graph.Edges.Where(e => e.Deferred == deferred).Select(e => $"{e.From} -> {e.To}").ToHashSet();

    private static ResourceAddress A(string text) => ResourceAddress.Parse(text);

    private static ValueList<ResourceAddress> L(params ResourceAddress[] addresses) => addresses.ToValueList();

    [Fact]
    public void Config_graph_draws_what_the_reconcilers_declare_with_cycles_and_associations_dashed()
    {
        var config = CyclicConfig();
        var graph = ResourceGraphBuilder.FromConfig(config);

        var solid = Edges(graph, deferred: false);
        var dashed = Edges(graph, deferred: true);
        Assert.Contains("Queues/CustomerService -> HoursOfOperation/UK Business Hours", solid);
        Assert.Contains("QuickConnects/escalate -> Queues/CustomerService", solid);
        Assert.Contains("ContactFlows/Plain -> ContactFlows/A", solid);
        // The association and the flow cycles are completed after the walk: dashed, never solid.
        Assert.Contains("Queues/CustomerService -> QuickConnects/escalate", dashed);
        Assert.Contains("ContactFlows/A -> ContactFlows/B", dashed);
        Assert.Contains("ContactFlows/B -> ContactFlows/A", dashed);
        Assert.Contains("ContactFlows/Self -> ContactFlows/Self", dashed);
        Assert.Empty(solid.Intersect(dashed));
        // 'Basic Hours' is built in: Billing needs only the instance.
        Assert.Equal(["Queues/Billing -> Instance"], solid.Where(e => e.StartsWith("Queues/Billing", StringComparison.Ordinal)));
        Assert.All(graph.Nodes, n => Assert.Null(n.Action));

        // Every edge is one the reconcilers declare (hard, soft, or a deferred reference property), and every declared edge is drawn.
        var declared = new HashSet<string>();
        var drawnAsDeclared = new HashSet<string>();
        foreach (var reconciler in ReconcilerRegistry.All)
        {
            foreach (var d in reconciler.Desired(config))
            {
                foreach (var dep in d.DependsOn) { declared.Add($"{d.Address} -> {dep}"); drawnAsDeclared.Add($"{d.Address} -> {dep}"); }
                foreach (var dep in d.SoftDependsOn) declared.Add($"{d.Address} -> {dep}");
            }
        }
        declared.Add("Queues/CustomerService -> QuickConnects/escalate");
        Assert.Equal(declared.Order(), solid.Union(dashed).Order());
        Assert.DoesNotContain(graph.Nodes, n => !n.Declared);
        Assert.Subset(solid, drawnAsDeclared);
    }

    [Fact]
    public void Config_graph_solid_edges_are_exactly_what_the_planner_waits_for()
    {
        var config = CyclicConfig();
        var desired = DesiredResources.Of(ReconcilerRegistry.All, config).Values.SelectMany(x => x).ToList();
        var planned = desired.SelectMany(d => d.DependsOn.Select(dep => $"{d.Address} -> {dep}")).ToHashSet();

        var graph = ResourceGraphBuilder.FromConfig(config);

        Assert.Equal(planned.Order(), Edges(graph, deferred: false).Order());
        Assert.Equal(desired.Select(d => d.Address.ToString()).Order(), graph.Nodes.Where(n => n.Declared).Select(n => n.Address.ToString()).Order());
    }

    [Fact]
    public void A_target_in_a_config_pulls_in_everything_it_needs_and_nothing_else()
    {
        var graph = ResourceGraphBuilder.FromConfig(CyclicConfig(), new PlanScope { Targets = [AddressPattern.Parse("QuickConnects/escalate")] });

        GraphScopeRole Role(string address) => graph.Nodes.Single(n => n.Address.Equals(A(address))).Role;
        Assert.Equal(GraphScopeRole.Target, Role("QuickConnects/escalate"));
        Assert.Equal(GraphScopeRole.PulledIn, Role("Queues/CustomerService"));
        Assert.Equal(GraphScopeRole.PulledIn, Role("HoursOfOperation/UK Business Hours"));
        Assert.Equal(GraphScopeRole.PulledIn, Role("Instance"));
        // Deferred references do not pull in: the queue's association waits for the quick connect, not the other way.
        Assert.Equal(GraphScopeRole.Outside, Role("Queues/Billing"));
        Assert.Equal(GraphScopeRole.Outside, Role("ContactFlows/A"));
    }

    /// <summary>A small plan: a user updated, its new routing profile created, the queue the profile uses already there.</summary>
    private static Plan TargetPlan() => new()
    {
        ConfigPath = "/cc/connectops.psd1",
        ConfigHash = "sha256:" + new string('b', 64),
        Changes = new[]
        {
            new ResourceChange(A("Instance"), ChangeAction.NoOp, "i-1"),
            new ResourceChange(A("Queues/Sales"), ChangeAction.NoOp, "q-1") { DependsOn = L(A("Instance")) },
            new ResourceChange(A("Queues/Other"), ChangeAction.Create) { DependsOn = L(A("Instance")) },
            new ResourceChange(A("RoutingProfiles/Agents"), ChangeAction.Create) { DependsOn = L(A("Instance"), A("Queues/Sales")) },
            new ResourceChange(A("Users/jo"), ChangeAction.Update, "u-1") { DependsOn = L(A("Instance"), A("RoutingProfiles/Agents")) },
            new ResourceChange(A("Users/gone"), ChangeAction.Delete, "u-2") { DependsOn = L(A("Instance"), A("RoutingProfiles/Old")) },
        }.ToValueList(),
    };

    [Fact]
    public void A_target_in_a_plan_pulls_in_only_the_dependencies_the_plan_creates()
    {
        var graph = ResourceGraphBuilder.FromPlan(TargetPlan(), new PlanScope { Targets = [AddressPattern.Parse("Users/j*")] });

        var roles = graph.Nodes.ToDictionary(n => n.Address.ToString(), n => n.Role);
        Assert.Equal(GraphScopeRole.Target, roles["Users/jo"]);
        Assert.Equal(GraphScopeRole.PulledIn, roles["RoutingProfiles/Agents"]);
        Assert.Equal(GraphScopeRole.Outside, roles["Queues/Sales"]);
        Assert.Equal(GraphScopeRole.Outside, roles["Instance"]);
        Assert.Equal(GraphScopeRole.Outside, roles["Queues/Other"]);
        Assert.Equal(GraphScopeRole.Outside, roles["Users/gone"]);
    }

    [Fact]
    public void A_plan_graph_colours_by_action_and_shows_deletes_and_what_they_needed()
    {
        var graph = ResourceGraphBuilder.FromPlan(TargetPlan());

        Assert.Equal(ChangeAction.Delete, graph.Nodes.Single(n => n.Address.Equals(A("Users/gone"))).Action);
        // The deleted user's old routing profile is in no change: drawn as an edge end, not declared.
        var old = graph.Nodes.Single(n => n.Address.Equals(A("RoutingProfiles/Old")));
        Assert.False(old.Declared);
        Assert.Null(old.Action);

        var mermaid = MermaidGraphWriter.Write(graph);
        Assert.Contains("class Queues__Other,RoutingProfiles__Agents create\n", mermaid);
        Assert.Contains("class Users__gone delete\n", mermaid);
        Assert.Contains("class Users__jo update\n", mermaid);
        Assert.Contains("Users__gone[\"- gone\"]", mermaid);
        Assert.Contains("RoutingProfiles__Agents[\"+ Agents\"]", mermaid);
        Assert.Contains("RoutingProfiles__Old[\"Old (not in the plan)\"]", mermaid);
        var dot = DotGraphWriter.Write(graph);
        Assert.Matches("\"Users/gone\" \\[label=\"- gone\", [^\\]]*fillcolor=\"#ef9a9a\"", dot);
        Assert.Matches("\"Users/jo\" \\[label=\"~ jo\", [^\\]]*fillcolor=\"#ffe082\"", dot);
    }

    private static readonly string[] HostileKeys =
    [
        "Customer Service", "say \"hi\"", "a/b/c", "Zürich Støtte 客服", "#quot;", "end", "<b>bold</b> & co", "back\\slash\\",
        "line\nbreak", "tick`", "semi;colon", "[brackets](parens){braces}|pipe", "under_score", "under score",
    ];

    private static ResourceGraph HostileGraph()
    {
        var changes = HostileKeys.Select((k, i) => new ResourceChange(new ResourceAddress(Component.Queues, k), (ChangeAction)(i % 6), null)
        {
            DependsOn = L(ResourceAddress.Instance, new ResourceAddress(Component.HoursOfOperation, k)),
            DeferredDependsOn = L(new ResourceAddress(Component.QuickConnects, k + " qc")),
        }).Append(new ResourceChange(ResourceAddress.Instance, ChangeAction.NoOp, "i-1"));
        return ResourceGraphBuilder.FromPlan(new Plan { ConfigPath = "x", ConfigHash = "y", Changes = changes.ToValueList() });
    }

    [GeneratedRegex("^ +([A-Za-z0-9_]+)\\[\"([^\"]*)\"\\]$")]
    private static partial Regex MermaidNode();

    [GeneratedRegex("^ +([A-Za-z0-9_]+) (-->|-\\.->) ([A-Za-z0-9_]+)$")]
    private static partial Regex MermaidEdge();

    [GeneratedRegex("#(quot|\\d+);")]
    private static partial Regex MermaidEntity();

    [Fact]
    public void Mermaid_ids_are_plain_and_unique_and_labels_give_back_any_key()
    {
        var graph = HostileGraph();
        var text = MermaidGraphWriter.Write(graph);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var nodes = lines.Select(l => MermaidNode().Match(l)).Where(m => m.Success).ToList();
        Assert.Equal(graph.Nodes.Count, nodes.Count);
        Assert.Equal(nodes.Count, nodes.Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).Count());
        var ids = nodes.Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain("end", ids);
        foreach (var key in HostileKeys)
        {
            // The label, entities decoded, is the key (line breaks become spaces); nothing in it can end the quoted string.
            var label = nodes.Single(m => m.Groups[1].Value == MermaidGraphWriter.Id(new ResourceAddress(Component.Queues, key))).Groups[2].Value;
            Assert.DoesNotContain('<', label);
            var decoded = MermaidEntity().Replace(label, m => m.Groups[1].Value == "quot" ? "\"" : ((char)int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToString());
            Assert.EndsWith(key.Replace('\n', ' '), decoded, StringComparison.Ordinal);
        }
        // Every edge joins declared ids; every other line is a known statement; subgraphs are balanced.
        var edges = lines.Select(l => MermaidEdge().Match(l)).Where(m => m.Success).ToList();
        Assert.Equal(graph.Edges.Count, edges.Count);
        Assert.All(edges, m => Assert.True(ids.Contains(m.Groups[1].Value) && ids.Contains(m.Groups[3].Value), m.Value));
        Assert.Equal(graph.Edges.Count(e => e.Deferred), edges.Count(m => m.Groups[2].Value == "-.->"));
        var other = lines.Where(l => !MermaidNode().IsMatch(l) && !MermaidEdge().IsMatch(l)).Select(l => l.Trim().Split(' ')[0]).ToList();
        Assert.All(other, word => Assert.Contains(word, new[] { "%%", "flowchart", "subgraph", "end", "classDef", "class" }));
        Assert.Equal(other.Count(w => w == "subgraph"), other.Count(w => w == "end"));
        var classLines = lines.Where(l => l.TrimStart().StartsWith("class ", StringComparison.Ordinal)).Select(l => l.Trim().Split(' ')).ToList();
        Assert.All(classLines, words => Assert.All(words[1].Split(','), id => Assert.Contains(id, ids)));
        var defined = lines.Where(l => l.TrimStart().StartsWith("classDef ", StringComparison.Ordinal)).Select(l => l.Trim().Split(' ')[1]).ToList();
        Assert.Equal(classLines.Select(words => words[2]).Order(StringComparer.Ordinal), defined.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Mermaid_id_of_a_resource_does_not_depend_on_the_other_resources()
    {
        var address = new ResourceAddress(Component.Queues, "Customer Service");
        var alone = MermaidGraphWriter.Id(address);
        Assert.Matches("^Queues__Customer_Service_[0-9a-f]{8}$", alone);
        Assert.NotEqual(alone, MermaidGraphWriter.Id(new ResourceAddress(Component.Queues, "Customer_Service")));
        Assert.Equal("Queues__Sales", MermaidGraphWriter.Id(new ResourceAddress(Component.Queues, "Sales")));
        Assert.Equal("Instance", MermaidGraphWriter.Id(ResourceAddress.Instance));
    }

    /// <summary>The quoted strings of a DOT line, unescaped the way Graphviz reads an id (only \" is an escape).</summary>
    private static List<string> DotStrings(string line)
    {
        var result = new List<string>();
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] != '"') continue;
            var sb = new System.Text.StringBuilder();
            for (i++; line[i] != '"'; i++)
            {
                if (line[i] == '\\' && line[i + 1] is '"') { sb.Append('"'); i++; }
                else if (line[i] == '\\') { sb.Append(line[i]).Append(line[i + 1]); i++; }
                else sb.Append(line[i]);
            }
            result.Add(sb.ToString());
        }
        return result;
    }

    private static string DotName(ResourceAddress address) => DotGraphWriter.Quote(address.ToString())[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal);

    [Fact]
    public void Dot_ids_keep_any_key_and_graphviz_reads_them_back()
    {
        var graph = HostileGraph();
        var text = DotGraphWriter.Write(graph);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.DoesNotContain(lines, l => l.Contains('\r', StringComparison.Ordinal));
        var nodeLines = lines.Where(l => l.Contains("[label=", StringComparison.Ordinal)).ToList();
        Assert.Equal(graph.Nodes.Count, nodeLines.Count);
        var names = nodeLines.Select(l => DotStrings(l)[0]).ToList();
        Assert.Equal(graph.Nodes.Select(n => DotName(n.Address)).Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        var edgeLines = lines.Where(l => l.Contains(" -> ", StringComparison.Ordinal) && !l.StartsWith("//", StringComparison.Ordinal)).ToList();
        Assert.Equal(graph.Edges.Count, edgeLines.Count);
        Assert.Equal(graph.Edges.Count(e => e.Deferred), edgeLines.Count(l => l.EndsWith("[style=dashed];", StringComparison.Ordinal)));
        Assert.Equal(text.Count(c => c == '{'), text.Count(c => c == '}'));

        var dot = FindOnPath("dot");
        if (dot is null) return; // structural checks only where Graphviz is not installed
        var json = JsonNode.Parse(RunDot(dot, text))!;
        var parsed = json["objects"]!.AsArray().Where(o => o!["nodes"] is null).Select(o => o!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), parsed.Order(StringComparer.Ordinal));
        Assert.Equal(graph.Edges.Count, json["edges"]!.AsArray().Count);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    private static string RunDot(string dot, string input)
    {
        var start = new ProcessStartInfo(dot, "-Tjson") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "dot did not finish");
        Assert.True(process.ExitCode == 0 && stderr.Length == 0, $"dot refused the graph: {stderr}");
        return stdout.Result;
    }

    [Fact]
    public void The_same_plan_in_any_order_renders_the_same_text()
    {
        var plan = TargetPlan();
        var shuffled = plan with { Changes = plan.Changes.Reverse().ToValueList() };

        Assert.Equal(GraphRenderer.Render(ResourceGraphBuilder.FromPlan(plan), GraphFormat.Mermaid), GraphRenderer.Render(ResourceGraphBuilder.FromPlan(shuffled), GraphFormat.Mermaid));
        Assert.Equal(GraphRenderer.Render(ResourceGraphBuilder.FromPlan(plan), GraphFormat.Dot), GraphRenderer.Render(ResourceGraphBuilder.FromPlan(shuffled), GraphFormat.Dot));
    }

    [Fact]
    public void Plan_files_keep_the_dependency_edges_and_older_files_read_without_them()
    {
        var plan = TargetPlan() with { CreatedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero) };
        var read = PlanFile.Deserialize(PlanFile.Serialize(plan));
        Assert.Equal(plan.Changes, read.Changes);
        Assert.Equal([A("Instance"), A("RoutingProfiles/Agents")], read.Changes.Single(c => c.Address.Equals(A("Users/jo"))).DependsOn);

        var old = JsonNode.Parse(PlanFile.Serialize(plan))!;
        foreach (var change in old["Changes"]!.AsArray()) { change!.AsObject().Remove("DependsOn"); change.AsObject().Remove("DeferredDependsOn"); }
        var legacy = PlanFile.Deserialize(old.ToJsonString());
        Assert.All(legacy.Changes, c => Assert.Empty(c.DependsOn));

        var broken = JsonNode.Parse(PlanFile.Serialize(plan))!;
        broken["Changes"]![0]!["DependsOn"] = new JsonArray("NoSuchComponent/x");
        var error = Assert.Throws<PlanFileException>(() => PlanFile.Deserialize(broken.ToJsonString(), "plan.json"));
        Assert.Contains("plan.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("DependsOn", error.Message, StringComparison.Ordinal);
    }
}
