using System.Text.Json.Nodes;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.State;

namespace ConnectOps.Engine.Migration.Terraform;

/// <summary>
/// What a Terraform state becomes, before anything is written: the config tree, the flow files (relative path →
/// content), the instance and the id/ARN of every adopted address, the skipped resources and the warnings.
/// <see cref="TerraformMigrationWriter"/> validates and writes it.
/// </summary>
public sealed class TerraformMigration
{
    public required string Source { get; init; }

    public required JsonObject Config { get; init; }

    public required IReadOnlyDictionary<string, string> FlowFiles { get; init; }

    public required InstanceState Instance { get; init; }

    public required IReadOnlyList<AdoptedResource> Adopted { get; init; }

    public required IReadOnlyList<SkippedResource> Skipped { get; init; }

    public required IReadOnlyList<string> Warnings { get; init; }

    internal IReadOnlyDictionary<ResourceAddress, (string Id, string? Arn)> Identities { get; init; } = new Dictionary<ResourceAddress, (string, string?)>();
}
