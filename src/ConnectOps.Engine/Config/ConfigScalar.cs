using System.Globalization;

namespace ConnectOps.Engine.Config;

/// <summary>A constant: string, 64-bit integer, double, boolean or null.</summary>
public sealed class ConfigScalar : ConfigNode
{
    private ConfigScalar(SourcePosition position, ConfigScalarKind kind, object? value) : base(position)
    {
        Kind = kind;
        Value = value;
    }

    public ConfigScalarKind Kind { get; }

    /// <summary>string, long, double, bool or null according to <see cref="Kind"/>.</summary>
    public object? Value { get; }

    public static ConfigScalar String(SourcePosition position, string value) => new(position, ConfigScalarKind.String, value);

    public static ConfigScalar Integer(SourcePosition position, long value) => new(position, ConfigScalarKind.Integer, value);

    public static ConfigScalar Double(SourcePosition position, double value) => new(position, ConfigScalarKind.Double, value);

    public static ConfigScalar Boolean(SourcePosition position, bool value) => new(position, ConfigScalarKind.Boolean, value);

    public static ConfigScalar Null(SourcePosition position) => new(position, ConfigScalarKind.Null, null);

    public bool IsNull => Kind == ConfigScalarKind.Null;

    public override string Describe() => Kind switch
    {
        ConfigScalarKind.Null => "$null",
        ConfigScalarKind.String => $"a string ('{Shorten((string)Value!)}')",
        ConfigScalarKind.Integer => $"a number ({((long)Value!).ToString(CultureInfo.InvariantCulture)})",
        ConfigScalarKind.Double => $"a number ({((double)Value!).ToString("R", CultureInfo.InvariantCulture)})",
        ConfigScalarKind.Boolean => (bool)Value! ? "$true" : "$false",
        _ => "a value",
    };

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..37] + "...";
}
