using System.Text.Json.Nodes;
using ConnectOps.Aws.Connect.Model;

namespace ConnectOps.Engine.Reconcilers.Framework;

/// <summary>The tag facet of every taggable Connect resource: TagResource / UntagResource on its ARN.</summary>
public static class ConnectTags
{
    public const string Facet = "Tags";

    public static PropertySpec Property { get; } = new("Tags") { Facet = Facet };

    /// <summary>What <see cref="UpdateAsync"/> calls: part of the write calls of every component that uses it.</summary>
    public static IReadOnlyList<AwsOperation> Calls { get; } = ComponentCalls.Connect("TagResource UntagResource");

    public static async Task UpdateAsync(ReconcileContext context, string? arn, JsonObject desired, JsonObject? live, CancellationToken cancellationToken)
    {
        if (arn is null) throw new ReconcileException("The resource's ARN is unknown, so its tags cannot be changed. Run Invoke-ConnectPlan to refresh it.");
        var want = desired["Tags"] as JsonObject ?? new JsonObject();
        var have = live?["Tags"] as JsonObject ?? new JsonObject();
        var remove = have.Select(p => p.Key).Where(k => !want.ContainsKey(k)).OrderBy(k => k, StringComparer.Ordinal).ToList();
        var set = want.Where(p => !have.TryGetPropertyValue(p.Key, out var v) || JsonValues.AsString(v) != JsonValues.AsString(p.Value))
            .ToDictionary(p => p.Key, p => JsonValues.AsString(p.Value) ?? "", StringComparer.Ordinal);
        if (remove.Count > 0)
            await context.Aws.Connect.UntagResourceAsync(new UntagResourceRequest { ResourceArn = arn, TagKeys = remove }, cancellationToken).ConfigureAwait(false);
        if (set.Count > 0)
            await context.Aws.Connect.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = set }, cancellationToken).ConfigureAwait(false);
    }

    public static Dictionary<string, string>? ToRequest(JsonObject desired)
    {
        if (desired["Tags"] is not JsonObject tags || tags.Count == 0) return null;
        return tags.ToDictionary(p => p.Key, p => JsonValues.AsString(p.Value) ?? "", StringComparer.Ordinal);
    }

    public static JsonObject ToNode(IReadOnlyDictionary<string, string>? tags)
    {
        var node = new JsonObject();
        if (tags is null) return node;
        foreach (var (k, v) in tags.OrderBy(p => p.Key, StringComparer.Ordinal)) node[k] = v;
        return node;
    }
}
