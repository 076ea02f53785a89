using System.Text.Json.Nodes;

namespace ConnectOps.Engine.Reconcilers.Framework;

/// <summary>
/// A resource as AWS reports it, read in bulk. <see cref="Properties"/> uses the same names as the
/// desired side, with references still as AWS ids (the planner translates them to keys).
/// </summary>
public sealed class LiveResource
{
    public required string Id { get; init; }

    public string? Arn { get; init; }

    public required string Name { get; init; }

    public required JsonObject Properties { get; init; }

    /// <summary>A resource every new instance has (Basic Hours, BasicQueue …): referable, never deleted.</summary>
    public bool IsDefault { get; init; }
}
