using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ConnectOps.Engine.Planning.Graph;

/// <summary>
/// Writes a <see cref="ResourceGraph"/> as a Mermaid flowchart: a subgraph per component, node ids made only of
/// ASCII letters, digits and underscores (whatever the key holds), labels quoted with entity escapes.
/// </summary>
public static class MermaidGraphWriter
{
    private const string Indent = "    ";

    public static string Write(ResourceGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var sb = new StringBuilder();
        sb.Append("%% ").Append(GraphStyle.Legend).Append('\n');
        sb.Append("flowchart LR\n");
        foreach (var group in graph.ByComponent())
        {
            var singleton = Addressing.ResourceAddress.IsSingleton(group.Key);
            var indent = singleton ? Indent : Indent + Indent;
            if (!singleton) sb.Append(Indent).Append("subgraph component_").Append(group.Key).Append(" [\"").Append(group.Key).Append("\"]\n");
            foreach (var node in group) sb.Append(indent).Append(Id(node.Address)).Append("[\"").Append(Label(GraphStyle.Label(graph, node))).Append("\"]\n");
            if (!singleton) sb.Append(Indent).Append("end\n");
        }
        foreach (var edge in graph.Edges)
        {
            sb.Append(Indent).Append(Id(edge.From)).Append(edge.Deferred ? " -.-> " : " --> ").Append(Id(edge.To)).Append('\n');
        }
        var classes = graph.Nodes.Select(n => (Class: GraphStyle.Of(n).Class, n.Address))
            .Concat(graph.Nodes.Where(n => n.Role is not GraphScopeRole.Unscoped).Select(n => (Class: RoleClass(n.Role), n.Address)))
            .GroupBy(c => c.Class).ToDictionary(g => g.Key, g => g.Select(c => c.Address).ToList(), StringComparer.Ordinal);
        // Only the classes in use are defined, in a fixed order, so a small graph stays small.
        foreach (var look in GraphStyle.All.Where(l => classes.ContainsKey(l.Class)))
        {
            sb.Append(Indent).Append("classDef ").Append(look.Class).Append(" fill:").Append(look.Fill).Append(",stroke:").Append(look.Stroke).Append(",color:#000000");
            if (look.Class == "undeclared") sb.Append(",stroke-dasharray:5 5");
            sb.Append('\n');
        }
        foreach (var (name, style) in RoleStyles.Where(r => classes.ContainsKey(r.Class)))
        {
            sb.Append(Indent).Append("classDef ").Append(name).Append(' ').Append(style).Append('\n');
        }
        foreach (var (name, members) in classes.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            sb.Append(Indent).Append("class ").Append(string.Join(",", members.Select(Id))).Append(' ').Append(name).Append('\n');
        }
        return sb.ToString();
    }

    private static readonly (string Class, string Style)[] RoleStyles =
    [
        ("target", "stroke-width:4px"),
        ("pulledin", "stroke-width:2px,stroke-dasharray:8 3"),
        ("outside", "opacity:0.4"),
    ];

    private static string RoleClass(GraphScopeRole role) => role switch
    {
        GraphScopeRole.Target => "target",
        GraphScopeRole.PulledIn => "pulledin",
        _ => "outside",
    };

    /// <summary>
    /// The node id: the component, two underscores and the key's ASCII letters and digits. A key holding anything
    /// else (spaces, quotes, slashes, unicode, underscores) has it replaced by '_' and gets a hash of the whole
    /// address appended, so two keys never share an id and the id of a key never depends on the other nodes.
    /// </summary>
    public static string Id(Addressing.ResourceAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Key is null) return address.Component.ToString();
        // Keys compare case-insensitively, so the id of a lossy key hashes its upper-case form.
        var safe = new StringBuilder(address.Key.Length);
        var lossy = false;
        foreach (var c in address.Key)
        {
            var plain = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');
            safe.Append(plain ? c : '_');
            lossy |= !plain;
        }
        var id = $"{address.Component}__{safe}";
        if (!lossy) return id;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(address.ToString().ToUpperInvariant()));
        return id + "_" + Convert.ToHexString(hash, 0, 4).ToLowerInvariant();
    }

    /// <summary>
    /// Text inside a quoted Mermaid label: the characters Mermaid or the HTML it renders would read (quote, '#',
    /// angle brackets, ampersand, backtick) become entity codes; line breaks and other control characters a space.
    /// </summary>
    public static string Label(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': sb.Append("#quot;"); break;
                case '#' or '<' or '>' or '&' or '`': sb.Append('#').Append(((int)c).ToString(CultureInfo.InvariantCulture)).Append(';'); break;
                default: sb.Append(char.IsControl(c) ? ' ' : c); break;
            }
        }
        return sb.ToString();
    }
}
