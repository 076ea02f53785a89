using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Config;

namespace ConnectOps.Engine.Model;

/// <summary>
/// Config <c>ContactFlows = @( @{ Name; Type; Path = './flows/x.json'; Description; Status; Tags } )</c>.
/// <see cref="Path"/> is resolved against the config file's folder; <see cref="Content"/> is the file's
/// text as read at load time (still holding its key placeholders, see FlowPlaceholders).
/// </summary>
public sealed record ContactFlowSpec(
    string Name,
    ContactFlowType Type,
    string? Description,
    string Path,
    string Content,
    ContactFlowStatus Status,
    TagSet Tags,
    SourcePosition Position) : IResourceSpec
{
    public ResourceAddress Address => new(Component.ContactFlows, Name);
}
