using System.Text.Json.Nodes;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.State;

/// <summary>
/// What state knows about one managed resource: its AWS id and ARN, its origin, the attributes last read or
/// written (a JSON object in the component's own shape; never a secret) and the addresses it depends on.
/// Treat <see cref="Attributes"/> as read-only: build a new ResourceState to change it.
/// </summary>
public sealed record ResourceState(
    string Id,
    string? Arn,
    ResourceOrigin Origin,
    JsonObject Attributes,
    ValueList<ResourceAddress> DependsOn)
{
    public ResourceState(string id, string? arn, ResourceOrigin origin)
        : this(id, arn, origin, new JsonObject(), ValueList<ResourceAddress>.Empty)
    {
    }

    public bool Equals(ResourceState? other) =>
        other is not null && Id == other.Id && Arn == other.Arn && Origin == other.Origin &&
        JsonNode.DeepEquals(Attributes, other.Attributes) && DependsOn.Equals(other.DependsOn);

    public override int GetHashCode() => HashCode.Combine(Id, Arn, Origin, DependsOn);
}
