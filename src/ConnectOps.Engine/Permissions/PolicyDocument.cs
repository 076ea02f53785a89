using System.Text;
using System.Text.Json;

namespace ConnectOps.Engine.Permissions;

/// <summary>
/// An IAM identity-based policy document (Version 2012-10-17) of Allow statements, as ConnectOps prints it for the
/// role that runs it. <see cref="ToJson"/> gives the standard JSON; <see cref="Notes"/> explain choices a JSON policy
/// cannot carry (why a resource is wider than one ARN), for the host to show beside it.
/// </summary>
public sealed record PolicyDocument
{
    public const string CurrentVersion = "2012-10-17";

    public string Version { get; init; } = CurrentVersion;

    public required IReadOnlyList<PolicyStatement> Statements { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The instance the Connect statements are scoped to; null while it does not exist (they allow instance/*).</summary>
    public string? InstanceArn { get; init; }

    /// <summary>Every action the policy allows, sorted, once each.</summary>
    public IReadOnlyList<string> Actions =>
        Statements.SelectMany(s => s.Actions).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();

    /// <summary>The statement whose Sid is <paramref name="sid"/>, or null.</summary>
    public PolicyStatement? Statement(string sid) => Statements.FirstOrDefault(s => s.Sid == sid);

    /// <summary>
    /// The document as IAM takes it: what <c>aws iam create-policy --policy-document</c> and AWS Tools'
    /// <c>New-IAMPolicy -PolicyDocument</c> accept. Action and Resource are a string when single, else an array.
    /// </summary>
    public string ToJson(bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            w.WriteStartObject();
            w.WriteString("Version", Version);
            w.WriteStartArray("Statement");
            foreach (var s in Statements)
            {
                w.WriteStartObject();
                w.WriteString("Sid", s.Sid);
                w.WriteString("Effect", "Allow");
                WriteOneOrMany(w, "Action", s.Actions);
                WriteOneOrMany(w, "Resource", s.Resources);
                if (s.Condition is { Count: > 0 } condition)
                {
                    w.WriteStartObject("Condition");
                    foreach (var (op, keys) in condition.OrderBy(p => p.Key, StringComparer.Ordinal))
                    {
                        w.WriteStartObject(op);
                        foreach (var (key, values) in keys.OrderBy(p => p.Key, StringComparer.Ordinal)) WriteOneOrMany(w, key, values);
                        w.WriteEndObject();
                    }
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteOneOrMany(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 1)
        {
            w.WriteString(name, values[0]);
            return;
        }
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}

/// <summary>
/// One Allow statement: actions (<c>service:Operation</c>, wildcards allowed), resource ARNs (wildcards allowed) and an
/// optional condition block (operator → key → values).
/// </summary>
public sealed record PolicyStatement(string Sid, IReadOnlyList<string> Actions, IReadOnlyList<string> Resources)
{
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>? Condition { get; init; }
}
