using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.Config;

// HierarchyStructure = @('Division', 'Team'); HierarchyGroups = @( @{ Name; Parent; Tags } )
public sealed partial class ConfigBinder
{
    private sealed record GroupDraft(string Name, string? Parent, TagSet Tags, SourcePosition Position, SourcePosition ParentPosition, string ParentPath);

    private HierarchyStructureSpec? BindHierarchyStructure(MapReader top)
    {
        if (!top.Has("HierarchyStructure"))
        {
            top.Node("HierarchyStructure");
            return null;
        }
        var levels = top.StringList("HierarchyStructure", minCount: 1, maxCount: HierarchyStructureSpec.MaxLevels, itemMax: 50);
        var duplicate = levels.GroupBy(l => l, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            _ctx.Error(ConfigErrorCodes.DuplicateName, $"HierarchyStructure names the level '{duplicate.Key}' twice. Level names must differ.",
                top.PositionOf("HierarchyStructure"), top.KeyPath("HierarchyStructure"));
        }
        return levels.Count == 0 ? null : new HierarchyStructureSpec(levels, top.PositionOf("HierarchyStructure"));
    }

    private GroupDraft? BindHierarchyGroup(MapReader r)
    {
        var name = r.String("Name", required: true, max: MaxNameLength, example: "'Sales'");
        if (name is not null) _names.Declare(Component.HierarchyGroups, name, r.PositionOf("Name"), r.KeyPath("Name"), "Hierarchy group");
        var parent = Ref(r, "Parent", Component.HierarchyGroups, example: "'Sales'");
        var tags = r.Tags();
        return name is null ? null : new GroupDraft(name, parent, tags, r.Map.Position, r.PositionOf("Parent"), r.KeyPath("Parent"));
    }

    /// <summary>Computes each group's level; reports parent cycles and groups deeper than the structure.</summary>
    private List<HierarchyGroupSpec> ResolveHierarchy(List<GroupDraft> drafts, HierarchyStructureSpec? structure, MapReader top)
    {
        var result = new List<HierarchyGroupSpec>(drafts.Count);
        if (drafts.Count == 0) return result;
        if (structure is null && !top.Has("HierarchyStructure"))
        {
            _ctx.Error(ConfigErrorCodes.MissingValue,
                "HierarchyGroups needs a HierarchyStructure naming the levels, top first. Add e.g. HierarchyStructure = @('Division', 'Team').",
                top.PositionOf("HierarchyGroups"), "HierarchyStructure");
        }
        var byName = new Dictionary<string, GroupDraft>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in drafts) byName.TryAdd(d.Name, d);
        var levels = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var draft in drafts)
        {
            var level = 1;
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { draft.Name };
            var current = draft;
            var cyclic = false;
            while (current.Parent is { } parentName && byName.TryGetValue(parentName, out var parent))
            {
                if (!seen.Add(parent.Name))
                {
                    cyclic = true;
                    break;
                }
                level++;
                current = parent;
            }
            if (cyclic)
            {
                _ctx.Error(ConfigErrorCodes.Cycle, $"Hierarchy group '{draft.Name}' is its own ancestor (Parent chain: {string.Join(" -> ", seen)}). Break the cycle.",
                    draft.ParentPosition, draft.ParentPath);
                continue;
            }
            if (structure is not null && level > structure.Levels.Count)
            {
                _ctx.Error(ConfigErrorCodes.OutOfRange,
                    $"Hierarchy group '{draft.Name}' is on level {level}, but HierarchyStructure has {structure.Levels.Count} level(s). Add a level or attach it higher up.",
                    draft.Position, draft.ParentPath);
                continue;
            }
            levels[draft.Name] = level;
            result.Add(new HierarchyGroupSpec(draft.Name, draft.Parent, level, draft.Tags, draft.Position));
        }
        return result;
    }
}
