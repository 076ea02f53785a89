using ConnectOps.Engine.Addressing;

namespace ConnectOps.Engine.Migration.Terraform;

/// <summary>A Terraform resource adopted into ConnectOps state under <see cref="Address"/>.</summary>
public sealed record AdoptedResource(string TerraformAddress, string Type, ResourceAddress Address, string Id);

/// <summary>A Terraform resource left out of the migration, and why.</summary>
public sealed record SkippedResource(string TerraformAddress, string Type, string Reason);
