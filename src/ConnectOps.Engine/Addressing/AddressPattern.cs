using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;

namespace ConnectOps.Engine.Addressing;

/// <summary>
/// A -Target pattern: an address with PowerShell wildcards (<c>*</c>, <c>?</c>, <c>[a-c]</c>; a backtick
/// escapes the next character), matched case-insensitively. "Queues" alone (a keyed component) means
/// "Queues/*"; "*" means everything; the component part may itself be a wildcard ("*/Sales").
/// </summary>
public sealed class AddressPattern
{
    private readonly Regex? _componentRegex;
    private readonly Regex _keyRegex;
    private readonly Component? _component;

    private AddressPattern(string text, Component? component, Regex? componentRegex, Regex keyRegex)
    {
        Text = text;
        _component = component;
        _componentRegex = componentRegex;
        _keyRegex = keyRegex;
    }

    public string Text { get; }

    /// <summary>True when the pattern has no wildcard and so names exactly one address.</summary>
    public bool IsLiteral { get; private init; }

    public static AddressPattern Parse(string text) =>
        TryParse(text, out var pattern, out var error) ? pattern : throw new FormatException(error);

    public static bool TryParse(string? text, [NotNullWhen(true)] out AddressPattern? pattern, [NotNullWhen(false)] out string? error)
    {
        pattern = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "A target is empty. Write an address such as Queues/CustomerService, or a wildcard such as Queues/*.";
            return false;
        }
        var slash = text.IndexOf('/');
        var componentText = slash < 0 ? text : text[..slash];
        var keyText = slash < 0 ? null : text[(slash + 1)..];
        if (keyText is { Length: 0 })
        {
            error = $"'{text}' ends with '/': add a key or a wildcard, e.g. '{componentText}/*'.";
            return false;
        }

        Component? component = null;
        Regex? componentRegex = null;
        if (HasWildcard(componentText))
        {
            componentRegex = Compile(componentText);
        }
        else
        {
            if (!ComponentNames.TryParse(Unescape(componentText), out var c, out var componentError))
            {
                error = $"'{text}' is not a valid target: {componentError}";
                return false;
            }
            if (ResourceAddress.IsSingleton(c) && keyText is not null)
            {
                error = $"'{text}' is not a valid target: {c} is a single object and takes no key; write just '{c}'.";
                return false;
            }
            component = c;
        }
        var literal = componentRegex is null && (keyText is null ? component is { } cc && ResourceAddress.IsSingleton(cc) : !HasWildcard(keyText));
        pattern = new AddressPattern(text, component, componentRegex, Compile(keyText ?? "*")) { IsLiteral = literal };
        error = null;
        return true;
    }

    public bool Matches(ResourceAddress address)
    {
        if (_component is { } c)
        {
            if (address.Component != c) return false;
        }
        else if (!_componentRegex!.IsMatch(address.Component.ToString()))
        {
            return false;
        }
        return address.Key is null || _keyRegex.IsMatch(address.Key);
    }

    public override string ToString() => Text;

    private static bool HasWildcard(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '`') { i++; continue; }
            if (s[i] is '*' or '?' or '[') return true;
        }
        return false;
    }

    private static string Unescape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '`' && i + 1 < s.Length) i++;
            sb.Append(s[i]);
        }
        return sb.ToString();
    }

    /// <summary>A PowerShell wildcard (* ? [set], ` escapes) as a case-insensitive whole-string regex.</summary>
    internal static Regex Compile(string wildcard)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < wildcard.Length; i++)
        {
            var ch = wildcard[i];
            switch (ch)
            {
                case '`' when i + 1 < wildcard.Length:
                    sb.Append(Regex.Escape(wildcard[++i].ToString()));
                    break;
                case '*':
                    sb.Append(".*");
                    break;
                case '?':
                    sb.Append('.');
                    break;
                case '[':
                    var close = wildcard.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        sb.Append(Regex.Escape("["));
                        break;
                    }
                    var set = wildcard[(i + 1)..close];
                    sb.Append('[');
                    foreach (var sc in set) sb.Append(sc is '\\' or '^' or '[' ? "\\" + sc : sc.ToString());
                    sb.Append(']');
                    i = close;
                    break;
                default:
                    sb.Append(Regex.Escape(ch.ToString()));
                    break;
            }
        }
        sb.Append('$');
        return new Regex(sb.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }
}
