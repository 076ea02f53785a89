namespace ConnectOps.Engine.Model;

/// <summary>
/// Config <c>State = @{ ... }</c>. Local: <see cref="Path"/> (default <c>.connectops/state.json</c> beside the
/// config, resolved to a full path by the binder). S3: <see cref="Bucket"/> and <see cref="Key"/> (default
/// <c>connectops/state.json</c>), optional Region, Encrypt, KmsKeyId, LockTable (DynamoDB) and Endpoint.
/// </summary>
public sealed record StateSettings(
    StateBackend Backend,
    string? Path,
    string? Bucket,
    string? Key,
    string? Region,
    bool Encrypt,
    string? KmsKeyId,
    string? LockTable,
    string? Endpoint)
{
    public const string DefaultS3Key = "connectops/state.json";
}
