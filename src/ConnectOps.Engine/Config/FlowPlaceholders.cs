using System.Text.RegularExpressions;
using ConnectOps.Engine.Addressing;

namespace ConnectOps.Engine.Config;

/// <summary>
/// Key placeholders in contact-flow JSON, so a flow carries no instance-specific ids or ARNs:
/// <c>${Queues/CustomerService}</c> resolves to the resource's ARN, <c>${Queues/CustomerService#Id}</c> to its
/// id (<c>#Arn</c> may be written explicitly). The address is any ResourceAddress (keys may contain '/', '.',
/// ':'; not '}' or '#'). Each placeholder is a dependency edge from the flow to the resource; one naming a
/// resource that is neither declared nor built in is a config error at the flow file's line and column.
/// </summary>
public static partial class FlowPlaceholders
{
    [GeneratedRegex(@"\$\{(?<address>[A-Za-z]+(/[^}#]+)?)(#(?<attr>Arn|Id))?\}")]
    private static partial Regex Placeholder();

    public sealed record Match(ResourceAddress Address, string Attribute, int Line, int Column, int Index, int Length);

    /// <summary>Every placeholder in <paramref name="content"/>, with 1-based line and column; malformed addresses are returned in <paramref name="invalid"/>.</summary>
    public static IReadOnlyList<Match> Find(string content, out IReadOnlyList<(string Text, string Error, int Line, int Column)> invalid)
    {
        var found = new List<Match>();
        var bad = new List<(string, string, int, int)>();
        var lineStarts = LineStarts(content);
        foreach (System.Text.RegularExpressions.Match m in Placeholder().Matches(content))
        {
            var (line, column) = LineColumn(lineStarts, m.Index);
            if (ResourceAddress.TryParse(m.Groups["address"].Value, out var address, out var error))
            {
                var attr = m.Groups["attr"].Success ? m.Groups["attr"].Value : "Arn";
                found.Add(new Match(address, attr, line, column, m.Index, m.Length));
            }
            else
            {
                bad.Add((m.Value, error, line, column));
            }
        }
        invalid = bad;
        return found;
    }

    /// <summary>Replaces every placeholder with <paramref name="resolve"/>(address, "Arn"|"Id").</summary>
    public static string Resolve(string content, Func<ResourceAddress, string, string> resolve) =>
        Placeholder().Replace(content, m =>
            ResourceAddress.TryParse(m.Groups["address"].Value, out var address, out _)
                ? resolve(address, m.Groups["attr"].Success ? m.Groups["attr"].Value : "Arn")
                : m.Value);

    /// <summary>Formats a placeholder (used by export).</summary>
    public static string Format(ResourceAddress address, string attribute = "Arn") =>
        attribute == "Arn" ? $"${{{address}}}" : $"${{{address}#{attribute}}}";

    private static List<int> LineStarts(string content)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] == '\n') starts.Add(i + 1);
        }
        return starts;
    }

    private static (int Line, int Column) LineColumn(List<int> starts, int index)
    {
        var i = starts.BinarySearch(index);
        if (i < 0) i = ~i - 1;
        return (i + 1, index - starts[i] + 1);
    }
}
