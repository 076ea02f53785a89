using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ConnectOps.Engine.Config;

/// <summary>
/// Writes a config tree (JSON objects, arrays and scalars, in the order given) as PowerShell data-file text that the
/// config reader reads back to the same tree: hashtables as <c>@{ }</c>, arrays as <c>@( )</c>, strings single-quoted,
/// <c>$true</c>/<c>$false</c>/<c>$null</c>. Small hashtables and arrays of scalars stay on one line so exported
/// configs read like hand-written ones. Used by Export-ConnectConfig and the Terraform state migration.
/// </summary>
public static partial class PsdWriter
{
    private const string Indent = "    ";
    private const int InlineWidth = 110;

    /// <summary>The whole document: optional comment lines (without '#'), then the root hashtable.</summary>
    public static string Write(JsonObject root, IEnumerable<string>? headerLines = null)
    {
        var sb = new StringBuilder();
        foreach (var line in headerLines ?? [])
        {
            sb.Append("# ").Append(line.ReplaceLineEndings(" ")).Append('\n');
        }
        sb.Append("@{\n");
        WriteEntries(sb, root, 1, blankLineBetweenBlocks: true);
        sb.Append("}\n");
        return sb.ToString();
    }

    /// <summary>A string as a single-quoted PowerShell literal (quotes, including the typographic ones PowerShell also accepts, doubled).</summary>
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            if (c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B') sb.Append(c);
            sb.Append(c);
        }
        return sb.Append('\'').ToString();
    }

    /// <summary>A hashtable key: bare when it is a plain name, quoted otherwise.</summary>
    public static string Key(string key) => BareKey().IsMatch(key) ? key : Quote(key);

    private static void WriteEntries(StringBuilder sb, JsonObject map, int depth, bool blankLineBetweenBlocks)
    {
        var pad = string.Concat(Enumerable.Repeat(Indent, depth));
        var width = map.Select(p => Key(p.Key).Length).DefaultIfEmpty(0).Max();
        var first = true;
        foreach (var (key, value) in map)
        {
            var inline = Inline(value);
            // Top-level blocks (Instance, Queues …) are separated by a blank line, as the examples are.
            if (blankLineBetweenBlocks && !first && inline is null) sb.Append('\n');
            first = false;
            var k = Key(key);
            sb.Append(pad).Append(k);
            if (inline is not null && pad.Length + width + 3 + inline.Length <= InlineWidth + 20)
            {
                sb.Append(' ', width - k.Length).Append(" = ").Append(inline).Append('\n');
                continue;
            }
            sb.Append(" = ");
            WriteBlock(sb, value, depth);
        }
    }

    private static void WriteBlock(StringBuilder sb, JsonNode? value, int depth)
    {
        var pad = string.Concat(Enumerable.Repeat(Indent, depth));
        switch (value)
        {
            case JsonObject o:
                sb.Append("@{\n");
                WriteEntries(sb, o, depth + 1, blankLineBetweenBlocks: false);
                sb.Append(pad).Append("}\n");
                break;
            case JsonArray a:
                sb.Append("@(\n");
                foreach (var item in a)
                {
                    // PowerShell flattens an array written inside @( ): the config format has no arrays of arrays.
                    if (item is JsonArray) throw new ArgumentException("A config value cannot be an array of arrays: PowerShell would flatten it.", nameof(value));
                    sb.Append(pad).Append(Indent);
                    if (Inline(item) is { } line && pad.Length + Indent.Length + line.Length <= InlineWidth + 20) sb.Append(line).Append('\n');
                    else WriteBlock(sb, item, depth + 1);
                }
                sb.Append(pad).Append(")\n");
                break;
            default:
                sb.Append(Scalar(value)).Append('\n');
                break;
        }
    }

    /// <summary>The value on one line, or null when it is too big or holds a nested block.</summary>
    private static string? Inline(JsonNode? value)
    {
        switch (value)
        {
            case JsonObject o:
                if (o.Count == 0) return "@{}";
                if (o.Any(p => p.Value is JsonObject or JsonArray)) return null;
                var pairs = string.Join("; ", o.Select(p => $"{Key(p.Key)} = {Scalar(p.Value)}"));
                return pairs.Length <= InlineWidth ? $"@{{ {pairs} }}" : null;
            case JsonArray a:
                if (a.Count == 0) return "@()";
                if (a.Any(i => i is JsonArray)) throw new ArgumentException("A config value cannot be an array of arrays: PowerShell would flatten it.", nameof(value));
                if (a.Any(i => i is JsonObject)) return null;
                var items = string.Join(", ", a.Select(Scalar));
                return items.Length <= InlineWidth ? $"@({items})" : null;
            default:
                return Scalar(value);
        }
    }

    private static string Scalar(JsonNode? value)
    {
        if (value is not JsonValue v) return "$null";
        return v.GetValueKind() switch
        {
            JsonValueKind.String => Quote(v.TryGetValue<string>(out var s) ? s : v.ToString()),
            JsonValueKind.True => "$true",
            JsonValueKind.False => "$false",
            JsonValueKind.Number => Number(v),
            _ => "$null",
        };
    }

    private static string Number(JsonValue v)
    {
        if (v.TryGetValue<long>(out var l)) return l.ToString(CultureInfo.InvariantCulture);
        if (v.TryGetValue<int>(out var i)) return i.ToString(CultureInfo.InvariantCulture);
        var d = v.TryGetValue<double>(out var dd) ? dd : double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture);
        if (Math.Floor(d) == d && Math.Abs(d) < 1e15) return ((long)d).ToString(CultureInfo.InvariantCulture);
        return d.ToString("R", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex BareKey();
}
