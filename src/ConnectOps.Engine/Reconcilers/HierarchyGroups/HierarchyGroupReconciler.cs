using System.Text.Json.Nodes;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Engine.Reconcilers.HierarchyGroups;

/// <summary>
/// Agent hierarchy groups, nested: a group depends on its parent and on the structure, so parents are created
/// first and (through the dependencies recorded in state) deleted last. The name changes in place
/// (UpdateUserHierarchyGroupName: a group's key is its name, so this is a change of case); the parent cannot
/// change in place, so a new parent replaces the group (refused by AWS while it still has children or users).
/// Read: SearchUserHierarchyGroups (100 full groups a page); the parent comes from each group's HierarchyPath.
/// </summary>
public sealed class HierarchyGroupReconciler : Reconciler
{
    private const string NameFacet = "Name";

    private static readonly IReadOnlyList<PropertySpec> Specs =
    [
        new("Name") { Facet = NameFacet },
        new("Parent") { References = Component.HierarchyGroups, ForcesReplacement = true, ReplaceReason = "a hierarchy group cannot move to another parent in place" },
        ConnectTags.Property,
    ];

    public override Component Component => Component.HierarchyGroups;

    public override IReadOnlyList<PropertySpec> Properties => Specs;

    private static readonly ComponentCalls CallTable = new()
    {
        Read = ComponentCalls.Connect("SearchUserHierarchyGroups"),
        Write = [.. ComponentCalls.Connect("CreateUserHierarchyGroup UpdateUserHierarchyGroupName"), .. ConnectTags.Calls],
        Delete = ComponentCalls.Connect("DeleteUserHierarchyGroup"),
    };

    public override ComponentCalls Calls => CallTable;

    public override IEnumerable<DesiredResource> Desired(ConnectConfig config) =>
        config.HierarchyGroups.Select(g => new DesiredResource
        {
            Address = g.Address,
            Name = g.Name,
            Spec = g,
            DependsOn = Dependencies.Of(config,
                config.HierarchyStructure is null ? null : ResourceAddress.HierarchyStructure,
                Dependencies.Ref(Component.HierarchyGroups, g.Parent)),
            Properties = new JsonObject
            {
                ["Name"] = g.Name,
                ["Parent"] = g.Parent ?? "",
                ["Tags"] = TagsNode(config, g.Tags),
            },
        });

    public override async Task<IReadOnlyList<LiveResource>> ReadAsync(ReconcileContext context, CancellationToken cancellationToken)
    {
        var result = new List<LiveResource>();
        var request = new SearchUserHierarchyGroupsRequest { InstanceId = context.RequireInstanceId(), MaxResults = 100 };
        await foreach (var g in context.Aws.Connect.Paginators.SearchUserHierarchyGroups(request).UserHierarchyGroups.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new LiveResource
            {
                Id = g.Id!,
                Arn = g.Arn,
                Name = g.Name ?? "",
                Properties = new JsonObject
                {
                    ["Name"] = g.Name ?? "",
                    ["Parent"] = ParentOf(g),
                    ["Tags"] = ConnectTags.ToNode(g.Tags),
                },
            });
        }
        return result;
    }

    /// <summary>The group one level up its HierarchyPath ("" on level one).</summary>
    private static string ParentOf(HierarchyGroup group)
    {
        var p = group.HierarchyPath;
        var path = new[] { p?.LevelOne, p?.LevelTwo, p?.LevelThree, p?.LevelFour, p?.LevelFive }.TakeWhile(l => l is not null).Select(l => l!.Id ?? "").ToList();
        var own = path.LastIndexOf(group.Id ?? "");
        return own > 0 ? path[own - 1] : "";
    }

    public override async Task<LiveResource> CreateAsync(ReconcileContext context, DesiredResource desired, CancellationToken cancellationToken)
    {
        var p = desired.Properties;
        var parent = Str(p, "Parent");
        var response = await context.Aws.Connect.CreateUserHierarchyGroupAsync(new CreateUserHierarchyGroupRequest
        {
            InstanceId = context.RequireInstanceId(),
            Name = desired.Name,
            ParentGroupId = string.IsNullOrEmpty(parent) ? null : context.IdOf(Component.HierarchyGroups, parent),
            Tags = ConnectTags.ToRequest(p),
        }, cancellationToken).ConfigureAwait(false);
        return new LiveResource { Id = response.HierarchyGroupId!, Arn = response.HierarchyGroupArn, Name = desired.Name, Properties = (JsonObject)p.DeepClone() };
    }

    public override Task UpdateAsync(ReconcileContext context, string facet, DesiredResource desired, string id, string? arn, JsonObject? live, CancellationToken cancellationToken) => facet switch
    {
        NameFacet => context.Aws.Connect.UpdateUserHierarchyGroupNameAsync(new UpdateUserHierarchyGroupNameRequest
        {
            InstanceId = context.RequireInstanceId(), HierarchyGroupId = id, Name = desired.Name,
        }, cancellationToken),
        ConnectTags.Facet => ConnectTags.UpdateAsync(context, arn, desired.Properties, live, cancellationToken),
        _ => throw new InvalidOperationException($"HierarchyGroups has no facet '{facet}'."),
    };

    public override Task DeleteAsync(ReconcileContext context, string id, string? arn, CancellationToken cancellationToken) =>
        context.Aws.Connect.DeleteUserHierarchyGroupAsync(new DeleteUserHierarchyGroupRequest { InstanceId = context.RequireInstanceId(), HierarchyGroupId = id }, cancellationToken);
}
