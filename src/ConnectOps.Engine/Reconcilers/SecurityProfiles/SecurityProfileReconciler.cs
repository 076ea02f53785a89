using System.Text.Json.Nodes;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Engine.Reconcilers.SecurityProfiles;

/// <summary>
/// Security profiles. One UpdateSecurityProfile carries the description and replaces the whole permission
/// list (up to 500), so either change is one call; tags go through TagResource. Read: SearchSecurityProfiles
/// (100 summaries a page, with name, description and tags) plus one ListSecurityProfilePermissions list per
/// profile the config declares, or per profile for an export (permissions are in no Search or Describe output).
/// <para>The built-ins (Admin, Agent, CallCenterManager, QualityAnalyst) are referable without being
/// declared. Declaring one adopts it and manages only what the declaration says: its permissions and
/// description are left alone unless given, so a declaration that only adds tags cannot strip Admin.</para>
/// </summary>
public sealed class SecurityProfileReconciler : Reconciler
{
    private const string ProfileFacet = "Profile";

    /// <summary>ListSecurityProfilePermissions' largest page: one call per profile (a profile holds at most 500).</summary>
    public const int MaxPermissionsPage = 1000;

    private static readonly IReadOnlyList<PropertySpec> Specs =
    [
        new("Description") { Facet = ProfileFacet },
        new("Permissions") { Facet = ProfileFacet, Unordered = true },
        ConnectTags.Property,
    ];

    private readonly int _permissionsPage;

    /// <param name="permissionsPage">Page size of the permission lists (tests use a small one to read several pages).</param>
    public SecurityProfileReconciler(int permissionsPage = MaxPermissionsPage)
    {
        _permissionsPage = permissionsPage;
    }

    public override Component Component => Component.SecurityProfiles;

    public override IReadOnlyList<PropertySpec> Properties => Specs;

    private static readonly ComponentCalls CallTable = new()
    {
        Read = ComponentCalls.Connect("SearchSecurityProfiles ListSecurityProfilePermissions"),
        Write = [.. ComponentCalls.Connect("CreateSecurityProfile UpdateSecurityProfile"), .. ConnectTags.Calls],
        Delete = ComponentCalls.Connect("DeleteSecurityProfile"),
    };

    public override ComponentCalls Calls => CallTable;

    private static bool IsBuiltIn(string name) => BuiltInResources.SecurityProfiles.Contains(name, StringComparer.OrdinalIgnoreCase);

    public override IEnumerable<DesiredResource> Desired(ConnectConfig config) =>
        config.SecurityProfiles.Select(p =>
        {
            var builtIn = IsBuiltIn(p.Name);
            return new DesiredResource
            {
                Address = p.Address,
                Name = p.Name,
                Spec = p,
                DependsOn = Dependencies.Of(config),
                Properties = new JsonObject
                {
                    // Null = not managed (a built-in keeps what it has unless the config says otherwise).
                    ["Description"] = p.Description ?? (builtIn ? null : ""),
                    ["Permissions"] = builtIn && p.Permissions.Count == 0 ? null : JsonValues.StringArray(p.Permissions),
                    ["Tags"] = TagsNode(config, p.Tags),
                },
            };
        });

    public override async Task<IReadOnlyList<LiveResource>> ReadAsync(ReconcileContext context, CancellationToken cancellationToken)
    {
        var instanceId = context.RequireInstanceId();
        var profiles = new List<SecurityProfileSearchSummary>();
        var search = new SearchSecurityProfilesRequest { InstanceId = instanceId, MaxResults = 100 };
        await foreach (var p in context.Aws.Connect.Paginators.SearchSecurityProfiles(search).SecurityProfiles.WithCancellation(cancellationToken).ConfigureAwait(false)) profiles.Add(p);

        // Permission lists only for the profiles the config declares: one paged list each.
        var declared = context.Config.SecurityProfiles.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var permissions = await AssociationList.ReadPerParentAsync(
            profiles.Where(p => context.WantsAssociations(declared, p.SecurityProfileName)).Select(p => p.Id!),
            id => context.Aws.Connect.Paginators.ListSecurityProfilePermissions(new ListSecurityProfilePermissionsRequest
            {
                InstanceId = instanceId, SecurityProfileId = id, MaxResults = _permissionsPage,
            }).Permissions,
            cancellationToken).ConfigureAwait(false);

        return profiles.Select(p =>
        {
            var properties = new JsonObject
            {
                ["Description"] = p.Description ?? "",
                ["Tags"] = ConnectTags.ToNode(p.Tags),
            };
            if (permissions.TryGetValue(p.Id!, out var list)) properties["Permissions"] = JsonValues.StringArray(list);
            return new LiveResource
            {
                Id = p.Id!,
                Arn = p.Arn,
                Name = p.SecurityProfileName ?? "",
                IsDefault = IsBuiltIn(p.SecurityProfileName ?? ""),
                Properties = properties,
            };
        }).ToList();
    }

    public override async Task<LiveResource> CreateAsync(ReconcileContext context, DesiredResource desired, CancellationToken cancellationToken)
    {
        var p = desired.Properties;
        var permissions = JsonValues.Strings(p["Permissions"]);
        var response = await context.Aws.Connect.CreateSecurityProfileAsync(new CreateSecurityProfileRequest
        {
            InstanceId = context.RequireInstanceId(),
            SecurityProfileName = desired.Name,
            Description = string.IsNullOrEmpty(Str(p, "Description")) ? null : Str(p, "Description"),
            Permissions = permissions.Count > 0 ? permissions : null,
            Tags = ConnectTags.ToRequest(p),
        }, cancellationToken).ConfigureAwait(false);
        return new LiveResource { Id = response.SecurityProfileId!, Arn = response.SecurityProfileArn, Name = desired.Name, Properties = (JsonObject)p.DeepClone() };
    }

    public override Task UpdateAsync(ReconcileContext context, string facet, DesiredResource desired, string id, string? arn, JsonObject? live, CancellationToken cancellationToken)
    {
        var p = desired.Properties;
        return facet switch
        {
            // Replaces the permission list as a whole; what the config does not manage (null) is not sent.
            ProfileFacet => context.Aws.Connect.UpdateSecurityProfileAsync(new UpdateSecurityProfileRequest
            {
                InstanceId = context.RequireInstanceId(),
                SecurityProfileId = id,
                Description = Str(p, "Description"),
                Permissions = p["Permissions"] is JsonArray ? JsonValues.Strings(p["Permissions"]) : null,
            }, cancellationToken),
            ConnectTags.Facet => ConnectTags.UpdateAsync(context, arn, p, live, cancellationToken),
            _ => throw new InvalidOperationException($"SecurityProfiles has no facet '{facet}'."),
        };
    }

    public override Task DeleteAsync(ReconcileContext context, string id, string? arn, CancellationToken cancellationToken) =>
        context.Aws.Connect.DeleteSecurityProfileAsync(new DeleteSecurityProfileRequest { InstanceId = context.RequireInstanceId(), SecurityProfileId = id }, cancellationToken);
}
