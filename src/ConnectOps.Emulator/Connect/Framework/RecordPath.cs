using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectOps.Emulator.Connect.Framework;

/// <summary>
/// Paths into stored records, used by the data descriptions: <c>Name</c>, <c>IdentityInfo.FirstName</c>,
/// <c>QueueConfigs[].QueueReference.QueueId</c> (<c>[]</c> walks every item of a list).
/// </summary>
internal static class RecordPath
{
    public static IEnumerable<JsonNode> Nodes(JsonNode? root, string path)
    {
        IEnumerable<JsonNode> current = root is null ? [] : [root];
        foreach (var raw in path.Split('.'))
        {
            var each = raw.EndsWith("[]", StringComparison.Ordinal);
            var name = each ? raw[..^2] : raw;
            current = current.SelectMany(node =>
            {
                var child = node is JsonObject obj ? obj[name] : null;
                if (child is null)
                {
                    return Enumerable.Empty<JsonNode>();
                }

                return each ? (child as JsonArray)?.Where(i => i is not null).Select(i => i!) ?? [] : [child];
            }).ToList();
        }

        return current;
    }

    /// <summary>The scalar values at a path, as text.</summary>
    public static IEnumerable<string> Strings(JsonNode? root, string path) =>
        Nodes(root, path).Select(Text).Where(t => t is not null).Select(t => t!);

    public static string? Text(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    /// <summary>The id in an id-or-ARN value: what follows the last '/', without a ":$SAVED"-style qualifier.</summary>
    public static string IdOf(string idOrArn)
    {
        var id = idOrArn.StartsWith("arn:", StringComparison.Ordinal) ? idOrArn[(idOrArn.LastIndexOf('/') + 1)..] : idOrArn;
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? id[..colon] : id;
    }

    /// <summary>The qualifier of an id such as "abc:$SAVED", or null.</summary>
    public static string? QualifierOf(string idOrArn)
    {
        var tail = idOrArn.StartsWith("arn:", StringComparison.Ordinal) ? idOrArn[(idOrArn.LastIndexOf('/') + 1)..] : idOrArn;
        var colon = tail.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? tail[(colon + 1)..] : null;
    }
}
