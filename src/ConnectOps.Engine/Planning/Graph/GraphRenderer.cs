namespace ConnectOps.Engine.Planning.Graph;

/// <summary>Writes a graph in the format asked for.</summary>
public static class GraphRenderer
{
    public static string Render(ResourceGraph graph, GraphFormat format) => format switch
    {
        GraphFormat.Mermaid => MermaidGraphWriter.Write(graph),
        GraphFormat.Dot => DotGraphWriter.Write(graph),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Use Mermaid or Dot."),
    };
}
