using System.Text.Json.Nodes;
using ConnectOps.Aws.Logs.Model;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Engine.Reconcilers.Logging;

/// <summary>
/// Logging/ContactFlowLogs: the CloudWatch Logs group Amazon Connect writes contact-flow logs to
/// (/aws/connect/&lt;alias&gt;), with its retention. Declared when Instance.ContactFlowLogsEnabled is true.
/// </summary>
public sealed class ContactFlowLogsReconciler : Reconciler
{
    public const string Key = "ContactFlowLogs";
    private const string RetentionFacet = "Retention";
    private const string TagsFacet = "Tags";

    private static readonly IReadOnlyList<PropertySpec> Specs =
    [
        new("RetentionInDays") { Facet = RetentionFacet },
        new("Tags") { Facet = TagsFacet },
    ];

    public override Component Component => Component.Logging;

    public override bool InsideInstance => false;

    public override IReadOnlyList<PropertySpec> Properties => Specs;

    private static readonly ComponentCalls CallTable = new()
    {
        Read = ComponentCalls.Of("logs", "DescribeLogGroups ListTagsForResource"),
        Write = ComponentCalls.Of("logs", "CreateLogGroup DescribeLogGroups PutRetentionPolicy DeleteRetentionPolicy TagResource UntagResource"),
        Delete = ComponentCalls.Of("logs", "DeleteLogGroup"),
    };

    public override ComponentCalls Calls => CallTable;

    public static string LogGroupName(ConnectConfig config) => $"/aws/connect/{config.Instance.Alias ?? config.Instance.Id}";

    public override IEnumerable<DesiredResource> Desired(ConnectConfig config)
    {
        if (config.Instance.ContactFlowLogsEnabled != true) yield break;
        yield return new DesiredResource
        {
            Address = new ResourceAddress(Component.Logging, Key),
            Name = LogGroupName(config),
            Spec = config.Instance,
            Properties = new JsonObject
            {
                // 0: never expire (no retention policy), as CloudWatch reports it.
                ["RetentionInDays"] = config.Instance.LogRetentionDays ?? 0,
                ["Tags"] = TagsNode(config, config.Instance.Tags),
            },
        };
    }

    public override async Task<IReadOnlyList<LiveResource>> ReadAsync(ReconcileContext context, CancellationToken cancellationToken)
    {
        var names = Desired(context.Config).Select(d => d.Name).ToList();
        if (context.Ids.TryGetId(Component.Logging, Key, out var stateName) && !names.Contains(stateName)) names.Add(stateName);
        var result = new List<LiveResource>();
        foreach (var name in names)
        {
            var page = await context.Aws.Logs.DescribeLogGroupsAsync(new DescribeLogGroupsRequest { LogGroupNamePrefix = name }, cancellationToken).ConfigureAwait(false);
            var group = page.LogGroups?.FirstOrDefault(g => g.LogGroupName == name);
            if (group is null) continue;
            var arn = TagArn(group);
            var tags = await context.Aws.Logs.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = arn }, cancellationToken).ConfigureAwait(false);
            result.Add(new LiveResource
            {
                Id = name,
                Arn = arn,
                Name = name,
                Properties = new JsonObject
                {
                    ["RetentionInDays"] = group.RetentionInDays ?? 0,
                    ["Tags"] = ConnectTags.ToNode(tags.Tags),
                },
            });
        }
        return result;
    }

    /// <summary>Tagging APIs want the group ARN without the trailing ":*".</summary>
    private static string? TagArn(LogGroup group) => group.LogGroupArn ?? group.Arn?.TrimEnd('*').TrimEnd(':');

    public override async Task<LiveResource> CreateAsync(ReconcileContext context, DesiredResource desired, CancellationToken cancellationToken)
    {
        var p = desired.Properties;
        await context.Aws.Logs.CreateLogGroupAsync(new CreateLogGroupRequest { LogGroupName = desired.Name, Tags = ConnectTags.ToRequest(p) }, cancellationToken).ConfigureAwait(false);
        if (Long(p, "RetentionInDays") is { } days and > 0)
            await context.Aws.Logs.PutRetentionPolicyAsync(new PutRetentionPolicyRequest { LogGroupName = desired.Name, RetentionInDays = (int)days }, cancellationToken).ConfigureAwait(false);
        var page = await context.Aws.Logs.DescribeLogGroupsAsync(new DescribeLogGroupsRequest { LogGroupNamePrefix = desired.Name }, cancellationToken).ConfigureAwait(false);
        var group = page.LogGroups?.FirstOrDefault(g => g.LogGroupName == desired.Name);
        return new LiveResource { Id = desired.Name, Arn = group is null ? null : TagArn(group), Name = desired.Name, Properties = (JsonObject)p.DeepClone() };
    }

    public override async Task UpdateAsync(ReconcileContext context, string facet, DesiredResource desired, string id, string? arn, JsonObject? live, CancellationToken cancellationToken)
    {
        var p = desired.Properties;
        var logs = context.Aws.Logs;
        switch (facet)
        {
            case RetentionFacet:
                if (Long(p, "RetentionInDays") is { } days and > 0)
                    await logs.PutRetentionPolicyAsync(new PutRetentionPolicyRequest { LogGroupName = id, RetentionInDays = (int)days }, cancellationToken).ConfigureAwait(false);
                else
                    await logs.DeleteRetentionPolicyAsync(new DeleteRetentionPolicyRequest { LogGroupName = id }, cancellationToken).ConfigureAwait(false);
                break;
            case TagsFacet:
                if (arn is null) throw new ReconcileException($"The ARN of log group {id} is unknown; run Invoke-ConnectPlan to refresh it.");
                var want = p["Tags"] as JsonObject ?? new JsonObject();
                var have = live?["Tags"] as JsonObject ?? new JsonObject();
                var remove = have.Select(t => t.Key).Where(k => !want.ContainsKey(k)).ToList();
                if (remove.Count > 0) await logs.UntagResourceAsync(new UntagResourceRequest { ResourceArn = arn, TagKeys = remove }, cancellationToken).ConfigureAwait(false);
                if (ConnectTags.ToRequest(p) is { } set) await logs.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = set }, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"Logging has no facet '{facet}'.");
        }
    }

    public override Task DeleteAsync(ReconcileContext context, string id, string? arn, CancellationToken cancellationToken) =>
        context.Aws.Logs.DeleteLogGroupAsync(new DeleteLogGroupRequest { LogGroupName = id }, cancellationToken);
}
