using System.Text.Json.Nodes;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Engine.Reconcilers.HierarchyStructure;

/// <summary>
/// The instance's agent hierarchy structure (a singleton): the names of levels one to five, top first. Every
/// change is one UpdateUserHierarchyStructure with all the levels; removing it from the config sends an empty
/// structure (after the groups, which depend on it, are gone). Read: one DescribeUserHierarchyStructure.
/// An instance without levels has no structure (so the first apply shows a Create); one with levels but not
/// in state is imported.
/// </summary>
public sealed class HierarchyStructureReconciler : Reconciler
{
    private const string StructureFacet = "Structure";

    /// <summary>The name the structure is known by (it has none in AWS; adoption matches on this).</summary>
    public const string ResourceName = "HierarchyStructure";

    private static readonly IReadOnlyList<PropertySpec> Specs = [new("Levels") { Facet = StructureFacet }];

    public override Component Component => Component.HierarchyStructure;

    public override IReadOnlyList<PropertySpec> Properties => Specs;

    // Deleting the structure is an update to no levels.
    private static readonly ComponentCalls CallTable = new()
    {
        Read = ComponentCalls.Connect("DescribeUserHierarchyStructure"),
        Write = ComponentCalls.Connect("UpdateUserHierarchyStructure"),
        Delete = ComponentCalls.Connect("UpdateUserHierarchyStructure"),
    };

    public override ComponentCalls Calls => CallTable;

    public override IEnumerable<DesiredResource> Desired(ConnectConfig config)
    {
        if (config.HierarchyStructure is not { } structure) yield break;
        yield return new DesiredResource
        {
            Address = ResourceAddress.HierarchyStructure,
            Name = ResourceName,
            Spec = structure,
            DependsOn = Dependencies.Of(config),
            Properties = new JsonObject { ["Levels"] = JsonValues.StringArray(structure.Levels) },
        };
    }

    public override async Task<IReadOnlyList<LiveResource>> ReadAsync(ReconcileContext context, CancellationToken cancellationToken)
    {
        var instanceId = context.RequireInstanceId();
        var response = await context.Aws.Connect.DescribeUserHierarchyStructureAsync(new DescribeUserHierarchyStructureRequest { InstanceId = instanceId }, cancellationToken).ConfigureAwait(false);
        var s = response.HierarchyStructure;
        var levels = new[] { s?.LevelOne, s?.LevelTwo, s?.LevelThree, s?.LevelFour, s?.LevelFive }.TakeWhile(l => l is not null).Select(l => l!.Name ?? "").ToList();
        if (levels.Count == 0) return [];
        return [new LiveResource { Id = instanceId, Arn = context.InstanceArn, Name = ResourceName, Properties = new JsonObject { ["Levels"] = JsonValues.StringArray(levels) } }];
    }

    private static Task SetAsync(ReconcileContext context, IReadOnlyList<string> levels, CancellationToken cancellationToken)
    {
        HierarchyLevelUpdate? Level(int i) => i < levels.Count ? new HierarchyLevelUpdate { Name = levels[i] } : null;
        return context.Aws.Connect.UpdateUserHierarchyStructureAsync(new UpdateUserHierarchyStructureRequest
        {
            InstanceId = context.RequireInstanceId(),
            HierarchyStructure = new HierarchyStructureUpdate { LevelOne = Level(0), LevelTwo = Level(1), LevelThree = Level(2), LevelFour = Level(3), LevelFive = Level(4) },
        }, cancellationToken);
    }

    public override async Task<LiveResource> CreateAsync(ReconcileContext context, DesiredResource desired, CancellationToken cancellationToken)
    {
        await SetAsync(context, JsonValues.Strings(desired.Properties["Levels"]), cancellationToken).ConfigureAwait(false);
        return new LiveResource { Id = context.RequireInstanceId(), Arn = context.InstanceArn, Name = ResourceName, Properties = (JsonObject)desired.Properties.DeepClone() };
    }

    public override Task UpdateAsync(ReconcileContext context, string facet, DesiredResource desired, string id, string? arn, JsonObject? live, CancellationToken cancellationToken) =>
        facet == StructureFacet
            ? SetAsync(context, JsonValues.Strings(desired.Properties["Levels"]), cancellationToken)
            : throw new InvalidOperationException($"HierarchyStructure has no facet '{facet}'.");

    /// <summary>An empty structure: refused by AWS (ResourceInUseException) while groups remain on a level.</summary>
    public override Task DeleteAsync(ReconcileContext context, string id, string? arn, CancellationToken cancellationToken) =>
        SetAsync(context, [], cancellationToken);
}
