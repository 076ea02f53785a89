using System.Text.Json.Nodes;

namespace ConnectOps.Engine.Planning;

/// <summary>
/// One property that changes: <see cref="Path"/> ("MaxContacts", "OutboundCallerConfig.OutboundCallerIdName"),
/// the value before and after as JSON (null = absent). A sensitive diff never carries its values: the
/// constructor drops them, so they cannot reach a plan file, a log or the screen.
/// </summary>
public sealed record PropertyDiff
{
    public PropertyDiff(string path, JsonNode? before, JsonNode? after, bool forcesReplacement = false, bool sensitive = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
        Before = sensitive ? null : before?.DeepClone();
        After = sensitive ? null : after?.DeepClone();
        ForcesReplacement = forcesReplacement;
        Sensitive = sensitive;
    }

    public string Path { get; }

    public JsonNode? Before { get; }

    public JsonNode? After { get; }

    public bool ForcesReplacement { get; }

    public bool Sensitive { get; }

    public bool Equals(PropertyDiff? other) =>
        other is not null && Path == other.Path && ForcesReplacement == other.ForcesReplacement && Sensitive == other.Sensitive &&
        JsonNode.DeepEquals(Before, other.Before) && JsonNode.DeepEquals(After, other.After);

    public override int GetHashCode() => HashCode.Combine(Path, ForcesReplacement, Sensitive);
}
