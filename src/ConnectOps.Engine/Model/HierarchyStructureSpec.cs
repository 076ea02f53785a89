using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Config;

namespace ConnectOps.Engine.Model;

/// <summary>Config <c>HierarchyStructure = @('Division', 'Team')</c>: one to five level names, top first.</summary>
public sealed record HierarchyStructureSpec(ValueList<string> Levels, SourcePosition Position) : IResourceSpec
{
    public const int MaxLevels = 5;

    public ResourceAddress Address => ResourceAddress.HierarchyStructure;
}
