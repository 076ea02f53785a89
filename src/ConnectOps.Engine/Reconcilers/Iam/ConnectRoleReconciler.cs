using System.Text.Json.Nodes;
using Amazon.Runtime;
using ConnectOps.Aws.Iam.Model;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Engine.Reconcilers.Iam;

/// <summary>
/// Iam/ConnectRole: the service role Amazon Connect assumes, with the config's managed policy attached
/// (Instance.IamPolicyArn), as the Terraform module creates it. Declared only when IamPolicyArn is set.
/// </summary>
public sealed class ConnectRoleReconciler : Reconciler
{
    public const string Key = "ConnectRole";
    private const string TrustFacet = "AssumeRolePolicy";
    private const string PoliciesFacet = "Policies";
    private const string TagsFacet = "Tags";

    private static readonly IReadOnlyList<PropertySpec> Specs =
    [
        new("AssumeRolePolicy") { Facet = TrustFacet },
        new("PolicyArns") { Facet = PoliciesFacet, Unordered = true },
        new("Tags") { Facet = TagsFacet },
    ];

    public override Component Component => Component.Iam;

    public override bool InsideInstance => false;

    public override IReadOnlyList<PropertySpec> Properties => Specs;

    private static readonly ComponentCalls CallTable = new()
    {
        Read = ComponentCalls.Of("iam", "GetRole ListAttachedRolePolicies"),
        Write = ComponentCalls.Of("iam", "CreateRole AttachRolePolicy DetachRolePolicy UpdateAssumeRolePolicy TagRole UntagRole"),
        Delete = ComponentCalls.Of("iam", "ListAttachedRolePolicies DetachRolePolicy DeleteRole"),
    };

    public override ComponentCalls Calls => CallTable;

    public static string RoleName(ConnectConfig config) => $"{config.Instance.Alias ?? config.Instance.Id}-connect-role";

    public override IEnumerable<DesiredResource> Desired(ConnectConfig config)
    {
        if (config.Instance.IamPolicyArn is not { } policy) yield break;
        yield return new DesiredResource
        {
            Address = new ResourceAddress(Component.Iam, Key),
            Name = RoleName(config),
            Spec = config.Instance,
            Properties = new JsonObject
            {
                ["AssumeRolePolicy"] = TrustPolicy(),
                ["PolicyArns"] = new JsonArray(policy),
                ["Tags"] = TagsNode(config, config.Instance.Tags),
            },
        };
    }

    private static JsonObject TrustPolicy() => new()
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["Service"] = "connect.amazonaws.com" },
            ["Action"] = "sts:AssumeRole",
        }),
    };

    public override async Task<IReadOnlyList<LiveResource>> ReadAsync(ReconcileContext context, CancellationToken cancellationToken)
    {
        // IAM has no cheap search by tag: read the one role this config (or its state) names.
        var names = Desired(context.Config).Select(d => d.Name).ToList();
        if (context.Ids.TryGetId(Component.Iam, Key, out var stateName) && !names.Contains(stateName)) names.Add(stateName);
        var result = new List<LiveResource>();
        foreach (var name in names)
        {
            Role role;
            try
            {
                role = (await context.Aws.Iam.GetRoleAsync(new GetRoleRequest { RoleName = name }, cancellationToken).ConfigureAwait(false)).Role!;
            }
            catch (AmazonServiceException ex) when (ex.ErrorCode == "NoSuchEntity")
            {
                continue;
            }
            var policies = new JsonArray();
            string? marker = null;
            do
            {
                var page = await context.Aws.Iam.ListAttachedRolePoliciesAsync(new ListAttachedRolePoliciesRequest { RoleName = name, Marker = marker }, cancellationToken).ConfigureAwait(false);
                foreach (var p in page.AttachedPolicies ?? []) policies.Add(p.PolicyArn);
                marker = page.IsTruncated == true ? page.Marker : null;
            }
            while (marker is not null);
            result.Add(new LiveResource
            {
                // The role's name is its identity in every IAM call.
                Id = role.RoleName!,
                Arn = role.Arn,
                Name = role.RoleName!,
                Properties = new JsonObject
                {
                    ["AssumeRolePolicy"] = ParsePolicy(role.AssumeRolePolicyDocument),
                    ["PolicyArns"] = policies,
                    ["Tags"] = ConnectTags.ToNode((role.Tags ?? []).ToDictionary(t => t.Key ?? "", t => t.Value ?? "")),
                },
            });
        }
        return result;
    }

    /// <summary>IAM returns policy documents URL-encoded.</summary>
    private static JsonNode? ParsePolicy(string? document)
    {
        if (string.IsNullOrEmpty(document)) return null;
        var text = document.TrimStart().StartsWith('{') ? document : Uri.UnescapeDataString(document);
        try { return JsonNode.Parse(text); }
        catch (System.Text.Json.JsonException) { return text; }
    }

    public override async Task<LiveResource> CreateAsync(ReconcileContext context, DesiredResource desired, CancellationToken cancellationToken)
    {
        var p = desired.Properties;
        var created = await context.Aws.Iam.CreateRoleAsync(new CreateRoleRequest
        {
            RoleName = desired.Name,
            AssumeRolePolicyDocument = p["AssumeRolePolicy"]!.ToJsonString(),
            Description = "Service role for Amazon Connect, managed by ConnectOps",
            Tags = TagList(p),
        }, cancellationToken).ConfigureAwait(false);
        foreach (var arn in (p["PolicyArns"] as JsonArray ?? []).Select(JsonValues.AsString).OfType<string>())
            await context.Aws.Iam.AttachRolePolicyAsync(new AttachRolePolicyRequest { RoleName = desired.Name, PolicyArn = arn }, cancellationToken).ConfigureAwait(false);
        return new LiveResource { Id = desired.Name, Arn = created.Role?.Arn, Name = desired.Name, Properties = (JsonObject)p.DeepClone() };
    }

    private static List<Tag>? TagList(JsonObject p) =>
        p["Tags"] is JsonObject tags && tags.Count > 0 ? tags.Select(t => new Tag { Key = t.Key, Value = JsonValues.AsString(t.Value) }).ToList() : null;

    public override async Task UpdateAsync(ReconcileContext context, string facet, DesiredResource desired, string id, string? arn, JsonObject? live, CancellationToken cancellationToken)
    {
        var p = desired.Properties;
        var iam = context.Aws.Iam;
        switch (facet)
        {
            case TrustFacet:
                await iam.UpdateAssumeRolePolicyAsync(new UpdateAssumeRolePolicyRequest { RoleName = id, PolicyDocument = p["AssumeRolePolicy"]!.ToJsonString() }, cancellationToken).ConfigureAwait(false);
                break;
            case PoliciesFacet:
                var want = (p["PolicyArns"] as JsonArray ?? []).Select(JsonValues.AsString).OfType<string>().ToHashSet();
                var have = (live?["PolicyArns"] as JsonArray ?? []).Select(JsonValues.AsString).OfType<string>().ToHashSet();
                foreach (var gone in have.Except(want)) await iam.DetachRolePolicyAsync(new DetachRolePolicyRequest { RoleName = id, PolicyArn = gone }, cancellationToken).ConfigureAwait(false);
                foreach (var added in want.Except(have)) await iam.AttachRolePolicyAsync(new AttachRolePolicyRequest { RoleName = id, PolicyArn = added }, cancellationToken).ConfigureAwait(false);
                break;
            case TagsFacet:
                var wantTags = p["Tags"] as JsonObject ?? new JsonObject();
                var haveTags = live?["Tags"] as JsonObject ?? new JsonObject();
                var remove = haveTags.Select(t => t.Key).Where(k => !wantTags.ContainsKey(k)).ToList();
                if (remove.Count > 0) await iam.UntagRoleAsync(new UntagRoleRequest { RoleName = id, TagKeys = remove }, cancellationToken).ConfigureAwait(false);
                if (TagList(p) is { } set) await iam.TagRoleAsync(new TagRoleRequest { RoleName = id, Tags = set }, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"Iam has no facet '{facet}'.");
        }
    }

    public override async Task DeleteAsync(ReconcileContext context, string id, string? arn, CancellationToken cancellationToken)
    {
        var page = await context.Aws.Iam.ListAttachedRolePoliciesAsync(new ListAttachedRolePoliciesRequest { RoleName = id }, cancellationToken).ConfigureAwait(false);
        foreach (var p in page.AttachedPolicies ?? [])
            await context.Aws.Iam.DetachRolePolicyAsync(new DetachRolePolicyRequest { RoleName = id, PolicyArn = p.PolicyArn }, cancellationToken).ConfigureAwait(false);
        await context.Aws.Iam.DeleteRoleAsync(new DeleteRoleRequest { RoleName = id }, cancellationToken).ConfigureAwait(false);
    }
}
