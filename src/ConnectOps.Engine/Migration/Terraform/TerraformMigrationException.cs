namespace ConnectOps.Engine.Migration.Terraform;

/// <summary>
/// A Terraform state that cannot be migrated (not JSON, another format version, two resources for one address …):
/// <see cref="ErrorId"/> is stable (<c>ConnectOps.Terraform.*</c>), the message names the file (and the Terraform
/// address) and says what to do. Thrown before anything is written.
/// </summary>
public sealed class TerraformMigrationException : Exception
{
    public TerraformMigrationException(string errorId, string message, string? target = null, Exception? inner = null)
        : base(message, inner)
    {
        ErrorId = errorId;
        Target = target;
    }

    public TerraformMigrationException()
        : this("ConnectOps.Terraform.Failed", "The Terraform state could not be migrated.")
    {
    }

    public TerraformMigrationException(string message)
        : this("ConnectOps.Terraform.Failed", message)
    {
    }

    public TerraformMigrationException(string message, Exception innerException)
        : this("ConnectOps.Terraform.Failed", message, null, innerException)
    {
    }

    public string ErrorId { get; }

    /// <summary>The file, or the Terraform address, the error is about.</summary>
    public string? Target { get; }
}
