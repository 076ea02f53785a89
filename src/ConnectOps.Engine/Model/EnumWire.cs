using System.Collections.Concurrent;
using System.Text;

namespace ConnectOps.Engine.Model;

/// <summary>
/// Converts model enums to and from the Connect API's UPPER_SNAKE_CASE spelling
/// (<c>ConnectManaged</c> ↔ <c>CONNECT_MANAGED</c>, <c>ThirdPartyTf</c> ↔ <c>THIRD_PARTY_TF</c>).
/// </summary>
public static class EnumWire
{
    private static readonly ConcurrentDictionary<Type, (string[] Wire, Array Values)> Cache = new();

    public static string ToWire<T>(T value) where T : struct, Enum => ToWire(value.ToString());

    public static IReadOnlyList<string> WireNames<T>() where T : struct, Enum => Table<T>().Wire;

    /// <summary>Parses the wire spelling, case-insensitively (underscores matter: CONNECT_MANAGED).</summary>
    public static bool TryParse<T>(string text, out T value) where T : struct, Enum
    {
        var (wire, values) = Table<T>();
        for (var i = 0; i < wire.Length; i++)
        {
            if (string.Equals(wire[i], text, StringComparison.OrdinalIgnoreCase))
            {
                value = (T)values.GetValue(i)!;
                return true;
            }
        }
        value = default;
        return false;
    }

    internal static string ToWire(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(pascal[i - 1])) sb.Append('_');
            sb.Append(char.ToUpperInvariant(c));
        }
        return sb.ToString();
    }

    private static (string[] Wire, Array Values) Table<T>() where T : struct, Enum =>
        Cache.GetOrAdd(typeof(T), _ =>
        {
            var values = Enum.GetValues<T>();
            return (values.Select(v => ToWire(v.ToString())).ToArray(), values);
        });
}
