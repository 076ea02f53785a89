using System.Text.Json.Nodes;
using ConnectOps.Emulator.Connect.Framework;
using ConnectOps.Emulator.Hosting;
using ConnectOps.Emulator.Models;
using ConnectOps.Emulator.Protocols;
using ConnectOps.Emulator.State;

namespace ConnectOps.Emulator.Connect.Components;

/// <summary>
/// User hierarchy groups (ARN segment agent-group): a group's level is its depth (no parent = level one) and must
/// exist in the hierarchy structure; LevelId and HierarchyPath are derived. A group with children or users is in use.
/// </summary>
internal sealed class HierarchyGroupKind : ResourceKind
{
    public HierarchyGroupKind()
    {
        Name = "hierarchy-group";
        ArnSegment = "agent-group";
        Noun = "Hierarchy group";
        ResourceType = "HIERARCHY_GROUP";
        CreateOperation = "CreateUserHierarchyGroup";
        DescribeOperation = "DescribeUserHierarchyGroup";
        DescribeMember = "HierarchyGroup";
        ListOperation = "ListUserHierarchyGroups";
        ListMember = "UserHierarchyGroupSummaryList";
        SearchOperation = "SearchUserHierarchyGroups";
        SearchMember = "UserHierarchyGroups";
        DeleteOperation = "DeleteUserHierarchyGroup";
        Updates = new Dictionary<string, UpdateFacet> { ["UpdateUserHierarchyGroupName"] = UpdateFacet.Of("Name") };
        References = [new Reference("ParentGroupId", "hierarchy-group")];
        Quota = 500;
        SearchFields = new Dictionary<string, string>
        {
            ["name"] = "Name", ["parentid"] = "ParentGroupId", ["levelid"] = "LevelId", ["resourceid"] = "Id",
        };
    }

    public override void OnCreate(ConnectContext ctx, Resource resource)
    {
        var parentId = RecordPath.Text(resource.Data["ParentGroupId"]);
        var level = 1;
        if (parentId is not null)
        {
            var parent = ctx.Get(this, parentId);
            resource.Data["ParentGroupId"] = parent.Id;
            level = LevelOf(parent) + 1;
        }

        if (level > HierarchyStructure.Levels.Length || !ctx.Instance.HierarchyLevels.ContainsKey(HierarchyStructure.Levels[level - 1]))
        {
            throw ApiException.InvalidRequest($"The hierarchy structure has no level {level}; define it with UpdateUserHierarchyStructure first.");
        }

        resource.Data["Level"] = level;
    }

    public override JsonObject View(ConnectContext ctx, Resource resource)
    {
        var view = (JsonObject)resource.Data.DeepClone();
        var levels = ctx.Instance.HierarchyLevels;
        var level = LevelOf(resource);
        view["LevelId"] = levels.TryGetValue(HierarchyStructure.Levels[level - 1], out var own) ? own["Id"]?.DeepClone() : null;
        var path = new JsonObject();
        for (var current = resource; current is not null; current = RecordPath.Text(current.Data["ParentGroupId"]) is { } parent ? Find(ctx, parent) : null)
        {
            var depth = LevelOf(current);
            path["Level" + HierarchyStructure.Levels[depth - 1]] = new JsonObject
            {
                ["Id"] = current.Id,
                ["Arn"] = current.Arn,
                ["Name"] = current.Data["Name"]?.DeepClone(),
                ["LastModifiedTime"] = current.Data["LastModifiedTime"]?.DeepClone(),
                ["LastModifiedRegion"] = current.Data["LastModifiedRegion"]?.DeepClone(),
            };
        }

        view["HierarchyPath"] = path;
        return view;
    }

    /// <summary>The group's depth: 1 for a group without parent.</summary>
    public static int LevelOf(Resource group) => JsonNumbers.Int(group.Data["Level"]) ?? 1;

    private Resource? Find(ConnectContext ctx, string id) => ctx.Find(this, id);
}

/// <summary>
/// The instance's hierarchy structure: levels One … Five, each named; removing a level that still has groups is
/// ResourceInUseException (HIERARCHY_LEVEL); levels cannot skip (no level three without level two).
/// </summary>
internal static class HierarchyStructure
{
    public static readonly string[] Levels = ["One", "Two", "Three", "Four", "Five"];

    public static void Register(HandlerRegistry registry, ResourceCatalog catalog)
    {
        registry.Add(ServiceModels.Connect, "DescribeUserHierarchyStructure", call => Describe(new ConnectContext(call, catalog)));
        registry.Add(ServiceModels.Connect, "UpdateUserHierarchyStructure", call => Update(new ConnectContext(call, catalog)));
    }

    private static JsonObject Describe(ConnectContext ctx)
    {
        var structure = new JsonObject();
        foreach (var level in Levels)
        {
            if (ctx.Instance.HierarchyLevels.TryGetValue(level, out var stored))
            {
                structure["Level" + level] = stored.DeepClone();
            }
        }

        return new JsonObject { ["HierarchyStructure"] = structure };
    }

    private static JsonObject Update(ConnectContext ctx)
    {
        var instance = ctx.Instance;
        var requested = ctx.Call.GetObject("HierarchyStructure") ?? new JsonObject();
        var missingSeen = false;
        for (var i = 0; i < Levels.Length; i++)
        {
            var present = requested["Level" + Levels[i]] is JsonObject;
            if (present && missingSeen)
            {
                throw ApiException.Validation(ctx.Call.Operation, $"HierarchyStructure.Level{Levels[i]} cannot be set without the levels above it.");
            }

            missingSeen |= !present;
        }

        var groups = ctx.All("hierarchy-group").ToList();
        for (var i = 0; i < Levels.Length; i++)
        {
            var removed = requested["Level" + Levels[i]] is null && instance.HierarchyLevels.TryGetValue(Levels[i], out var existing) ? existing : null;
            if (removed is not null && groups.FirstOrDefault(g => HierarchyGroupKind.LevelOf(g) == i + 1) is { } holder)
            {
                throw ApiException.InUse($"Hierarchy level {Levels[i]} still has groups (e.g. {holder.Id}); delete them before removing the level.", "HIERARCHY_LEVEL", RecordPath.Text(removed["Arn"])!);
            }
        }

        for (var i = 0; i < Levels.Length; i++)
        {
            var level = Levels[i];
            if (requested["Level" + level] is not JsonObject wanted)
            {
                instance.HierarchyLevels.Remove(level);
                continue;
            }

            if (!instance.HierarchyLevels.TryGetValue(level, out var stored))
            {
                var id = Guid.NewGuid().ToString();
                stored = new JsonObject { ["Id"] = id, ["Arn"] = $"{instance.Record.Arn}/agent-group-level/{id}" };
                instance.HierarchyLevels[level] = stored;
            }

            stored["Name"] = wanted["Name"]?.DeepClone();
            ctx.Stamp(stored);
        }

        return new JsonObject();
    }
}
