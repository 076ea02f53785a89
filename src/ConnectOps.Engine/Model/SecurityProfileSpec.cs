using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Config;

namespace ConnectOps.Engine.Model;

/// <summary>Config <c>SecurityProfiles = @( @{ Name; Description; Permissions = @( ... ); Tags } )</c>.</summary>
public sealed record SecurityProfileSpec(
    string Name,
    string? Description,
    ValueList<string> Permissions,
    TagSet Tags,
    SourcePosition Position) : IResourceSpec
{
    public ResourceAddress Address => new(Component.SecurityProfiles, Name);
}
