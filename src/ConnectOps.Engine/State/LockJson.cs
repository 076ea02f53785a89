using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConnectOps.Engine.State;

/// <summary>
/// The lock record stored in a remote lock (S3 lock object, DynamoDB <c>Info</c> attribute), in the shape
/// Terraform writes (<c>ID, Operation, Info, Who, Version, Created, Path</c>), so a team's existing tooling
/// and eyes read it the same way. Reads accept that shape and ConnectOps' own LockInfo JSON.
/// </summary>
public static class LockJson
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static string Serialize(LockInfo info, string path) => JsonSerializer.Serialize(new Record
    {
        ID = info.Id,
        Operation = info.Operation,
        Info = "ConnectOps",
        Who = info.Who,
        Version = info.Version,
        Created = info.Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        Path = path,
    });

    /// <summary>The lock holder, or null when the text is not a lock record.</summary>
    public static LockInfo? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            var r = JsonSerializer.Deserialize<Record>(text, Options);
            if (r?.ID is not { Length: > 0 } id) return null;
            var created = DateTimeOffset.TryParse(TrimFraction(r.Created), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var c) ? c : DateTimeOffset.MinValue;
            return new LockInfo(id, r.Who ?? "unknown", r.Operation ?? "unknown", created, r.Version ?? "unknown");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Terraform writes nanoseconds; DateTimeOffset parses at most 7 fractional digits.
    private static string? TrimFraction(string? text)
    {
        if (text is null) return null;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0) return text;
        var end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
        return end - dot - 1 <= 7 ? text : text[..(dot + 8)] + text[end..];
    }

    private sealed class Record
    {
        // Terraform's field names: ID (also read as "Id", ConnectOps' own LockInfo JSON).
        [JsonPropertyName("ID")]
        public string? ID { get; set; }
        public string? Operation { get; set; }
        public string? Info { get; set; }
        public string? Who { get; set; }
        public string? Version { get; set; }
        public string? Created { get; set; }
        public string? Path { get; set; }
    }
}
