using System.Text;

namespace ConnectOps.Engine.Planning.Graph;

/// <summary>
/// Writes a <see cref="ResourceGraph"/> as a Graphviz digraph: a cluster per component, each node's id its
/// address as a quoted, backslash-escaped string, so keys with spaces, quotes, slashes or unicode stay intact.
/// </summary>
public static class DotGraphWriter
{
    private const string Indent = "    ";

    public static string Write(ResourceGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var sb = new StringBuilder();
        sb.Append("// ").Append(GraphStyle.Legend).Append('\n');
        sb.Append("digraph \"connectops\" {\n");
        sb.Append(Indent).Append("rankdir=LR;\n");
        sb.Append(Indent).Append("node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];\n");
        foreach (var group in graph.ByComponent())
        {
            var singleton = Addressing.ResourceAddress.IsSingleton(group.Key);
            var indent = singleton ? Indent : Indent + Indent;
            if (!singleton) sb.Append(Indent).Append("subgraph \"cluster_").Append(group.Key).Append("\" {\n").Append(indent).Append("label=\"").Append(group.Key).Append("\";\n");
            foreach (var node in group) sb.Append(indent).Append(Quote(node.Address.ToString())).Append(' ').Append(Attributes(graph, node)).Append(";\n");
            if (!singleton) sb.Append(Indent).Append("}\n");
        }
        foreach (var edge in graph.Edges)
        {
            sb.Append(Indent).Append(Quote(edge.From.ToString())).Append(" -> ").Append(Quote(edge.To.ToString()));
            sb.Append(edge.Deferred ? " [style=dashed];\n" : ";\n");
        }
        sb.Append("}\n");
        return sb.ToString();
    }

    private static string Attributes(ResourceGraph graph, GraphNode node)
    {
        var look = GraphStyle.Of(node);
        var style = node.Declared ? "rounded,filled" : "rounded,filled,dashed";
        var fill = look.Fill;
        var attributes = new List<string> { $"label={Quote(GraphStyle.Label(graph, node))}" };
        switch (node.Role)
        {
            case GraphScopeRole.Target: attributes.Add("penwidth=4"); break;
            case GraphScopeRole.PulledIn: attributes.Add("penwidth=2"); style += ",bold"; break;
            case GraphScopeRole.Outside: fill += "66"; attributes.Add("fontcolor=\"#9e9e9e\""); break;
        }
        attributes.Add($"style=\"{style}\"");
        attributes.Add($"fillcolor=\"{fill}\"");
        attributes.Add($"color=\"{look.Stroke}\"");
        return "[" + string.Join(", ", attributes) + "]";
    }

    /// <summary>
    /// A DOT quoted string: backslash and double quote escaped with a backslash, line breaks as <c>\n</c> and
    /// <c>\r</c> (so the string stays on one line and a key with a line break stays distinct from one without).
    /// </summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append('"').ToString();
    }
}
