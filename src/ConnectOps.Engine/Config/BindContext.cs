using System.Text.RegularExpressions;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.Config;

/// <summary>Shared state of one bind: the collected errors, the config folder and the references to check.</summary>
internal sealed class BindContext(string configPath, string configDirectory)
{
    public string ConfigPath { get; } = configPath;

    public string ConfigDirectory { get; } = configDirectory;

    public List<ConfigError> Errors { get; } = [];

    public List<PendingReference> References { get; } = [];

    public void Error(string code, string message, SourcePosition position, string keyPath) =>
        Errors.Add(new ConfigError(code, message, position, keyPath));

    /// <summary>Problems worth saying that do not stop the config (see ConfigLoadResult.Warnings).</summary>
    public List<ConfigError> Warnings { get; } = [];

    public void Warning(string code, string message, SourcePosition position, string keyPath) =>
        Warnings.Add(new ConfigError(code, message, position, keyPath));

    /// <summary>Records a by-key reference, checked once every component is bound.</summary>
    public void Reference(Component target, string name, SourcePosition position, string keyPath, ContactFlowType? flowType = null) =>
        References.Add(new PendingReference(target, name, position, keyPath, flowType));

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    public static string Index(string path, int index) => $"{path}[{index}]";

    // ---- scalar conversions, used for map values and list items alike ----

    public string? AsString(ConfigNode node, string keyPath, string label, int min = 1, int max = int.MaxValue)
    {
        if (node is not ConfigScalar { Kind: ConfigScalarKind.String, Value: string s })
        {
            var hint = node is ConfigScalar { Kind: ConfigScalarKind.Integer or ConfigScalarKind.Double }
                ? $" Quote it: {label} = '{QuoteHint(node)}'."
                : "";
            Error(ConfigErrorCodes.WrongType, $"{label} must be a string, not {node.Describe()}.{hint}", node.Position, keyPath);
            return null;
        }
        if (s.Length < min)
        {
            Error(min == 1 ? ConfigErrorCodes.MissingValue : ConfigErrorCodes.OutOfRange,
                min == 1 ? $"{label} must not be empty." : $"{label} must be at least {min} characters long.", node.Position, keyPath);
            return null;
        }
        if (s.Length > max)
        {
            Error(ConfigErrorCodes.TooLong, $"{label} is {s.Length} characters long; Amazon Connect allows at most {max}. Shorten it.", node.Position, keyPath);
            return null;
        }
        return s;
    }

    public string? AsPattern(ConfigNode node, string keyPath, string label, Regex pattern, string expected, int max = int.MaxValue)
    {
        var s = AsString(node, keyPath, label, 1, max);
        if (s is null) return null;
        if (!pattern.IsMatch(s))
        {
            Error(ConfigErrorCodes.InvalidValue, $"{label} '{Shorten(s)}' is not valid: expected {expected}.", node.Position, keyPath);
            return null;
        }
        return s;
    }

    public long? AsLong(ConfigNode node, string keyPath, string label, long min, long max, string example = "")
    {
        if (node is not ConfigScalar { Kind: ConfigScalarKind.Integer, Value: long value })
        {
            var hint = node is ConfigScalar { Kind: ConfigScalarKind.String, Value: string s } && long.TryParse(s, out _)
                ? $" Remove the quotes: {label} = {s}."
                : example.Length > 0 ? $" For example: {label} = {example}." : "";
            Error(ConfigErrorCodes.WrongType, $"{label} must be a whole number, not {node.Describe()}.{hint}", node.Position, keyPath);
            return null;
        }
        if (value < min || value > max)
        {
            var range = max == long.MaxValue ? $"at least {min}" : $"between {min} and {max}";
            Error(ConfigErrorCodes.OutOfRange, $"{label} is {value}; it must be {range}.", node.Position, keyPath);
            return null;
        }
        return value;
    }

    public double? AsDouble(ConfigNode node, string keyPath, string label, double min, double max)
    {
        double value;
        switch (node)
        {
            case ConfigScalar { Kind: ConfigScalarKind.Integer, Value: long l }: value = l; break;
            case ConfigScalar { Kind: ConfigScalarKind.Double, Value: double d }: value = d; break;
            default:
                Error(ConfigErrorCodes.WrongType, $"{label} must be a number, not {node.Describe()}.", node.Position, keyPath);
                return null;
        }
        if (double.IsNaN(value) || value < min || value > max)
        {
            Error(ConfigErrorCodes.OutOfRange, $"{label} is {value}; it must be between {min} and {max}.", node.Position, keyPath);
            return null;
        }
        return value;
    }

    public bool? AsBool(ConfigNode node, string keyPath, string label)
    {
        if (node is ConfigScalar { Kind: ConfigScalarKind.Boolean, Value: bool b }) return b;
        var hint = node is ConfigScalar { Kind: ConfigScalarKind.String, Value: string s } &&
                   (s.Equals("true", StringComparison.OrdinalIgnoreCase) || s.Equals("false", StringComparison.OrdinalIgnoreCase))
            ? $" Write {label} = ${s.ToLowerInvariant()} (no quotes)."
            : $" Write {label} = $true or {label} = $false.";
        Error(ConfigErrorCodes.WrongType, $"{label} must be $true or $false, not {node.Describe()}.{hint}", node.Position, keyPath);
        return null;
    }

    public T? AsEnum<T>(ConfigNode node, string keyPath, string label) where T : struct, Enum
    {
        var valid = EnumWire.WireNames<T>();
        if (node is not ConfigScalar { Kind: ConfigScalarKind.String, Value: string s })
        {
            Error(ConfigErrorCodes.WrongType, $"{label} must be one of {string.Join(", ", valid)} (a quoted string), not {node.Describe()}.", node.Position, keyPath);
            return null;
        }
        if (EnumWire.TryParse<T>(s, out var value)) return value;
        var suggestion = NearestName.Find(s, valid);
        Error(ConfigErrorCodes.InvalidEnum,
            $"{label} '{Shorten(s)}' is not valid." + (suggestion is null ? "" : $" Did you mean '{suggestion}'?") +
            $" Valid values: {string.Join(", ", valid)}.", node.Position, keyPath);
        return null;
    }

    public ConfigMap? AsMap(ConfigNode node, string keyPath, string label)
    {
        if (node is ConfigMap map) return map;
        Error(ConfigErrorCodes.WrongType, $"{label} must be a hashtable @{{ ... }}, not {node.Describe()}.", node.Position, keyPath);
        return null;
    }

    /// <summary>A list; a single non-list value counts as a list of one (PowerShell users often drop the @()).</summary>
    public IReadOnlyList<ConfigNode> AsList(ConfigNode node) => node is ConfigList list ? list.Items : [node];

    public static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "...";

    private static string QuoteHint(ConfigNode node) => node is ConfigScalar { Value: { } v } ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)! : "...";
}

internal sealed record PendingReference(Component Target, string Name, SourcePosition Position, string KeyPath, ContactFlowType? FlowType)
{
    /// <summary>A ${Component/Key} placeholder in flow content rather than a config key.</summary>
    public bool IsPlaceholder { get; init; }
}
