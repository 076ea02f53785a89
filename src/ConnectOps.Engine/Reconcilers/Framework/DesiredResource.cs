using System.Text.Json.Nodes;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.Reconcilers.Framework;

/// <summary>A resource as the config wants it: properties in key space (references are keys, not ids).</summary>
public sealed class DesiredResource
{
    public required ResourceAddress Address { get; init; }

    /// <summary>The name AWS knows the resource by (used to adopt an existing one instead of making a twin).</summary>
    public required string Name { get; init; }

    public required JsonObject Properties { get; init; }

    /// <summary>What must exist before this resource can be created (references, the instance).</summary>
    public IReadOnlyList<ResourceAddress> DependsOn { get; init; } = [];

    public IResourceSpec? Spec { get; init; }
}
