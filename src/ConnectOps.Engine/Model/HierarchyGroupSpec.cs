using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Config;

namespace ConnectOps.Engine.Model;

/// <summary>
/// Config <c>HierarchyGroups = @( @{ Name; Parent; Tags } )</c>. A group without Parent is on level one;
/// <see cref="Level"/> (1-based) is its depth, checked against the HierarchyStructure.
/// </summary>
public sealed record HierarchyGroupSpec(
    string Name,
    string? Parent,
    int Level,
    TagSet Tags,
    SourcePosition Position) : IResourceSpec
{
    public ResourceAddress Address => new(Component.HierarchyGroups, Name);
}
