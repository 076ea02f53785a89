using System.Globalization;
using System.Net;
using System.Text;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Planning.Graph;

namespace ConnectOps.Engine.Planning.Compare;

/// <summary>
/// An <see cref="InstanceComparison"/> as a change-ticket report: a summary, a table of what differs, each
/// property difference, and the dependency graph of the differences (Mermaid), as Markdown or as one HTML page.
/// </summary>
public static class DeltaReport
{
    private sealed record Row(string Address, string Difference, IReadOnlyList<string> Properties);

    private static string Describe(ResourceDelta delta) => delta.Kind switch
    {
        DeltaKind.Same => "same",
        DeltaKind.Different => delta.Action == ChangeAction.Replace ? "differs (replace)" : "differs (update)",
        DeltaKind.OnlyInConfig => "only in the config (create)",
        _ => "only in the instance",
    };

    private static List<Row> Rows(InstanceComparison comparison) =>
        comparison.Deltas.Where(d => d.Kind != DeltaKind.Same).Select(d => new Row(d.Address.ToString(), Describe(d),
            d.Diffs.Select(p => $"{p.Path}: {PlanRenderer.Value(p.Before, p.Sensitive)} → {PlanRenderer.Value(p.After, p.Sensitive)}"
                + (p.ForcesReplacement ? " (forces replacement)" : "")).ToList())).ToList();

    /// <summary>"3 differ, 1 only in the config, 2 only in the instance, 10 the same."</summary>
    public static string Summary(InstanceComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        int Count(DeltaKind kind) => comparison.Deltas.Count(d => d.Kind == kind);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Count(DeltaKind.Different)} differ, {Count(DeltaKind.OnlyInConfig)} only in the config, {Count(DeltaKind.OnlyInInstance)} only in the instance, {Count(DeltaKind.Same)} the same.");
    }

    private static string Title(InstanceComparison c) => $"Delta: {Path.GetFileName(c.ConfigPath)} against instance {c.InstanceId}";

    /// <summary>The graph of what differs (unchanged resources drawn only where a difference needs them).</summary>
    private static string Graph(InstanceComparison comparison) => MermaidGraphWriter.Write(ResourceGraphBuilder.FromPlan(comparison.Plan with
    {
        Changes = comparison.Plan.Changes.Where(c => c.Action != ChangeAction.NoOp).ToValueList(),
    }));

    public static string Markdown(InstanceComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var sb = new StringBuilder();
        sb.Append("# ").Append(MarkdownText(Title(comparison))).Append("\n\n");
        sb.Append("Config: `").Append(CodeText(comparison.ConfigPath)).Append("`  \n");
        sb.Append("Instance: `").Append(CodeText(comparison.InstanceArn ?? comparison.InstanceId)).Append("`  \n");
        sb.Append("Compared: ").Append(comparison.ComparedAt.ToUniversalTime().ToString("u", CultureInfo.InvariantCulture)).Append("\n\n");
        sb.Append(Summary(comparison)).Append("\n\n");
        var rows = Rows(comparison);
        if (rows.Count == 0)
        {
            sb.Append("The instance matches the config.\n");
            return sb.ToString();
        }
        sb.Append("| Address | Difference | Properties |\n|---|---|---|\n");
        foreach (var row in rows)
        {
            sb.Append("| `").Append(CodeText(row.Address)).Append("` | ").Append(row.Difference).Append(" | ")
                .Append(string.Join("<br>", row.Properties.Select(p => "`" + CodeText(p) + "`"))).Append(" |\n");
        }
        sb.Append("\n## Dependency graph\n\n```mermaid\n").Append(Graph(comparison)).Append("```\n");
        return sb.ToString();
    }

    public static string Html(InstanceComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        string E(string text) => WebUtility.HtmlEncode(text);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(Title(comparison))).Append("</title>\n");
        sb.Append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px;vertical-align:top;text-align:left}code{font-size:90%}</style>\n");
        sb.Append("</head>\n<body>\n<h1>").Append(E(Title(comparison))).Append("</h1>\n");
        sb.Append("<p>Config: <code>").Append(E(comparison.ConfigPath)).Append("</code><br>Instance: <code>").Append(E(comparison.InstanceArn ?? comparison.InstanceId))
            .Append("</code><br>Compared: ").Append(E(comparison.ComparedAt.ToUniversalTime().ToString("u", CultureInfo.InvariantCulture))).Append("</p>\n");
        sb.Append("<p>").Append(E(Summary(comparison))).Append("</p>\n");
        var rows = Rows(comparison);
        if (rows.Count == 0)
        {
            sb.Append("<p>The instance matches the config.</p>\n</body>\n</html>\n");
            return sb.ToString();
        }
        sb.Append("<table>\n<tr><th>Address</th><th>Difference</th><th>Properties</th></tr>\n");
        foreach (var row in rows)
        {
            sb.Append("<tr><td><code>").Append(E(row.Address)).Append("</code></td><td>").Append(E(row.Difference)).Append("</td><td>")
                .Append(string.Join("<br>", row.Properties.Select(p => "<code>" + E(p) + "</code>"))).Append("</td></tr>\n");
        }
        sb.Append("</table>\n<h2>Dependency graph</h2>\n<pre class=\"mermaid\">\n").Append(E(Graph(comparison))).Append("</pre>\n");
        sb.Append("<script type=\"module\">import mermaid from 'https://cdn.jsdelivr.net/npm/mermaid@11/dist/mermaid.esm.min.mjs'; mermaid.initialize({ startOnLoad: true });</script>\n");
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>Text in a Markdown table cell: pipes, backslashes and HTML-significant characters escaped; line breaks as spaces.</summary>
    private static string MarkdownText(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '|' => "\\|",
                '\\' => "\\\\",
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '*' or '_' or '`' or '[' or ']' or '#' => "\\" + c,
                '\r' or '\n' => " ",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    /// <summary>Text inside a single-backtick code span in a table: backticks and pipes cannot appear raw.</summary>
    private static string CodeText(string text) => text.Replace('`', '\'').Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
}
