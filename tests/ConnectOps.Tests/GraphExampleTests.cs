using ConnectOps.Engine.Config;
using ConnectOps.Engine.Planning.Graph;
using ConnectOps.Engine.Reconcilers;
using ConnectOps.Hosting;

namespace ConnectOps.Tests;

/// <summary>Get-ConnectGraph's picture of examples/full-contact-center, read with the module's .psd1 reader.</summary>
public sealed class GraphExampleTests
{
    private static string ExamplePath() => Path.Combine(ExamplesTests.ExamplesRoot(), "full-contact-center", "connectops.psd1");

    [Fact]
    public void Full_contact_center_graph_edges_are_the_reconcilers_dependencies()
    {
        var result = ConfigLoader.Load(ExamplePath(), new PsdConfigReader());
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Errors));
        var config = result.Config!;

        var graph = ResourceGraphBuilder.FromConfig(config);

        var solid = graph.Edges.Where(e => !e.Deferred).Select(e => $"{e.From} -> {e.To}").ToHashSet();
        var dashed = graph.Edges.Where(e => e.Deferred).Select(e => $"{e.From} -> {e.To}").ToHashSet();
        var hard = new HashSet<string>();
        var soft = new HashSet<string>();
        foreach (var reconciler in ReconcilerRegistry.All)
        {
            foreach (var d in reconciler.Desired(config))
            {
                hard.UnionWith(d.DependsOn.Select(dep => $"{d.Address} -> {dep}"));
                soft.UnionWith(d.SoftDependsOn.Select(dep => $"{d.Address} -> {dep}"));
            }
        }
        var associations = config.Queues.SelectMany(q => q.QuickConnects.Select(k => $"{q.Address} -> QuickConnects/{k}")).ToHashSet();

        Assert.NotEmpty(associations);
        Assert.Subset(solid, hard);
        Assert.Subset(dashed, associations);
        // Soft dependencies are drawn solid where they order the apply, dashed where they close a cycle; nothing else is drawn.
        Assert.Equal(hard.Union(soft).Union(associations).Order(StringComparer.Ordinal), solid.Union(dashed).Order(StringComparer.Ordinal));
        Assert.Subset(graph.Nodes.Where(n => n.Declared).Select(n => n.Address.ToString()).ToHashSet(), config.AllResources().Select(r => r.Address.ToString()).ToHashSet());
    }
}
