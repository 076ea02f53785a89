using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.Config;

/// <summary>
/// The config hash a plan records, so an apply can refuse a plan whose config has changed since.
/// It is SHA-256 over (1) the normalised config tree — hashtable keys sorted case-insensitively, list
/// order kept, scalars tagged with their type — and (2) each contact flow's name and content, in name
/// order. Comments, whitespace, quoting style and key order do not change it; any value, or any byte of a
/// flow file, does. Formatted "sha256:&lt;64 hex&gt;".
/// </summary>
public static class ConfigHasher
{
    public static string Compute(ConfigNode root, IEnumerable<ContactFlowSpec> flows)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var sb = new StringBuilder();
        Write(root, sb);
        foreach (var flow in flows.OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase))
        {
            sb.Append("\0flow:").Append(flow.Name.ToUpperInvariant()).Append('\0').Append(flow.Content);
        }
        hash.AppendData(Encoding.UTF8.GetBytes(sb.ToString()));
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Write(ConfigNode node, StringBuilder sb)
    {
        switch (node)
        {
            case ConfigMap map:
                sb.Append('{');
                foreach (var entry in map.Entries.OrderBy(e => e.Key.ToUpperInvariant(), StringComparer.Ordinal))
                {
                    Str(entry.Key.ToUpperInvariant(), sb);
                    sb.Append('=');
                    Write(entry.Value, sb);
                    sb.Append(';');
                }
                sb.Append('}');
                break;
            case ConfigList list:
                sb.Append('[');
                foreach (var item in list.Items)
                {
                    Write(item, sb);
                    sb.Append(',');
                }
                sb.Append(']');
                break;
            case ConfigScalar scalar:
                switch (scalar.Kind)
                {
                    case ConfigScalarKind.Null: sb.Append('n'); break;
                    case ConfigScalarKind.Boolean: sb.Append((bool)scalar.Value! ? 't' : 'f'); break;
                    case ConfigScalarKind.Integer: sb.Append('i').Append(((long)scalar.Value!).ToString(CultureInfo.InvariantCulture)); break;
                    case ConfigScalarKind.Double: sb.Append('d').Append(((double)scalar.Value!).ToString("R", CultureInfo.InvariantCulture)); break;
                    default: sb.Append('s'); Str((string)scalar.Value!, sb); break;
                }
                break;
        }
    }

    private static void Str(string s, StringBuilder sb) => sb.Append(s.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(s);
}
