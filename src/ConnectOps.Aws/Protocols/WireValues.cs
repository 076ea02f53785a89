using System.Globalization;
using ConnectOps.Aws.Runtime;

namespace ConnectOps.Aws.Protocols;

/// <summary>Scalar values as text (URI labels, query strings, headers, query-protocol forms, XML).</summary>
internal static class WireValues
{
    /// <summary>Formats a scalar for a URI label, query string or form field.</summary>
    /// <param name="defaultTimestampFormat">The protocol's default for this location (iso8601 for URIs and query strings, rfc822 for headers).</param>
    public static string Format(object value, ShapeMetadata shape, string defaultTimestampFormat = "iso8601") => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        float f => FormatDouble(f),
        double d => FormatDouble(d),
        DateTime t => FormatTimestamp(t, shape.TimestampFormat ?? defaultTimestampFormat),
        byte[] bytes => Convert.ToBase64String(bytes),
        _ => throw new InvalidOperationException($"{shape.Name}: a {value.GetType().Name} cannot be written as text."),
    };

    public static string FormatDouble(double d) =>
        double.IsNaN(d) ? "NaN" :
        double.IsPositiveInfinity(d) ? "Infinity" :
        double.IsNegativeInfinity(d) ? "-Infinity" :
        d.ToString("R", CultureInfo.InvariantCulture);

    public static string FormatTimestamp(DateTime value, string format)
    {
        var utc = ToUtc(value);
        return format switch
        {
            "rfc822" => utc.ToString("r", CultureInfo.InvariantCulture),
            "unixTimestamp" => FormatDouble(ToEpochSeconds(utc)),
            _ => utc.Millisecond == 0
                ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                : utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        };
    }

    public static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    /// <summary>Seconds since the Unix epoch, to the millisecond.</summary>
    public static double ToEpochSeconds(DateTime utc) => Math.Round((utc - DateTime.UnixEpoch).TotalMilliseconds) / 1000.0;

    public static DateTime FromEpochSeconds(double seconds) => DateTime.UnixEpoch.AddMilliseconds(Math.Round(seconds * 1000.0));

    /// <summary>Parses an ISO 8601, RFC 822 or epoch-seconds timestamp, as UTC.</summary>
    public static DateTime ParseTimestamp(string text)
    {
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            return FromEpochSeconds(seconds);
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
            return DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
        throw new FormatException($"'{text}' is not a timestamp.");
    }

    /// <summary>Parses a scalar read as text (XML elements, headers).</summary>
    public static object Parse(string text, ShapeMetadata shape) => shape.Type switch
    {
        ShapeType.String => text,
        ShapeType.Boolean => bool.Parse(text.Trim()),
        ShapeType.Integer => int.Parse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture),
        ShapeType.Long => long.Parse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture),
        ShapeType.Float => (float)ParseDouble(text),
        ShapeType.Double => ParseDouble(text),
        ShapeType.Timestamp => ParseTimestamp(text),
        ShapeType.Blob => Convert.FromBase64String(text.Trim()),
        _ => throw new InvalidOperationException($"{shape.Name} ({shape.Type}) is not a scalar."),
    };

    public static double ParseDouble(string text) => text.Trim() switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        var t => double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
