using System.Text;

namespace ConnectOps.Engine.Planning.Graph;

/// <summary>The text formats <see cref="GraphRenderer"/> writes.</summary>
public enum GraphFormat
{
    /// <summary>A Mermaid flowchart: renders in GitHub, GitLab and Azure DevOps markdown.</summary>
    Mermaid,

    /// <summary>Graphviz DOT: <c>dot -Tsvg graph.dot -o graph.svg</c>.</summary>
    Dot,
}

/// <summary>What a node looks like, shared by both formats so the two pictures always agree.</summary>
internal static class GraphStyle
{
    /// <summary>One look: a class name (Mermaid), fill and border colours, and the plan's symbol for the action.</summary>
    internal sealed record Look(string Class, string Fill, string Stroke, string Symbol);

    // Colours readable with black text; the symbols are the plan's, so the picture also reads without colour.
    private static readonly Look Declared = new("declared", "#ffffff", "#424242", "");
    private static readonly Look Undeclared = new("undeclared", "#fafafa", "#9e9e9e", "");

    public static readonly IReadOnlyList<(ChangeAction Action, Look Look)> Actions =
    [
        (ChangeAction.Create, new("create", "#c8e6c9", "#2e7d32", "+")),
        (ChangeAction.Update, new("update", "#ffe082", "#ff8f00", "~")),
        (ChangeAction.Replace, new("replace", "#ffcc80", "#e65100", "-/+")),
        (ChangeAction.Delete, new("delete", "#ef9a9a", "#c62828", "-")),
        (ChangeAction.Import, new("import", "#90caf9", "#1565c0", "<=")),
        (ChangeAction.NoOp, new("noop", "#e0e0e0", "#757575", "")),
        (ChangeAction.Read, new("read", "#f5f5f5", "#9e9e9e", "<=")),
    ];

    /// <summary>Every look a graph can use, in a fixed order (for the class definitions).</summary>
    public static IEnumerable<Look> All => Actions.Select(a => a.Look).Prepend(Undeclared).Prepend(Declared);

    public static Look Of(GraphNode node) =>
        !node.Declared ? Undeclared
        : node.Action is { } action ? Actions.First(a => a.Action == action).Look
        : Declared;

    /// <summary>The text in the box: the action's symbol, the key (the component for a singleton), and what is special about it.</summary>
    public static string Label(ResourceGraph graph, GraphNode node)
    {
        var text = new StringBuilder();
        var symbol = Of(node).Symbol;
        if (symbol.Length > 0) text.Append(symbol).Append(' ');
        text.Append(node.Address.Key ?? node.Address.Component.ToString());
        if (node.Unmanaged) text.Append(" (unmanaged)");
        if (!node.Declared) text.Append(graph.FromPlan ? " (not in the plan)" : " (not declared)");
        return text.ToString();
    }

    public const string Legend =
        "ConnectOps dependency graph: an arrow points from a resource to what it needs; " +
        "dashed arrows are references completed after the apply's graph walk (they do not order it).";
}
