using Amazon.Runtime;

namespace ConnectOps.Engine.State.S3;

/// <summary>
/// Where and how the S3 backend keeps state: the bucket and key, the bucket's Region, encryption, the
/// optional DynamoDB lock table, endpoints and the profile. Built by <see cref="StateStoreFactory"/> from the
/// config's <c>State</c> table and the run's common parameters.
/// </summary>
public sealed record S3BackendSettings
{
    public required string Bucket { get; init; }

    public required string Key { get; init; }

    /// <summary>The bucket's Region; null: the SDK's chain (AWS_REGION, the profile).</summary>
    public string? Region { get; init; }

    /// <summary>Server-side encryption: SSE-S3 (AES256), or SSE-KMS when <see cref="KmsKeyId"/> is set.</summary>
    public bool Encrypt { get; init; } = true;

    public string? KmsKeyId { get; init; }

    /// <summary>A DynamoDB table (partition key <c>LockID</c>, string) to lock in instead of the S3 lock object.</summary>
    public string? LockTable { get; init; }

    /// <summary>S3 endpoint; null: AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, then the Region's.</summary>
    public string? S3Endpoint { get; init; }

    /// <summary>DynamoDB endpoint; null: AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL, then the Region's.</summary>
    public string? DynamoDbEndpoint { get; init; }

    public string? ProfileName { get; init; }

    /// <summary>How often a waiting lock request tries again.</summary>
    public TimeSpan LockPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Explicit credentials (tests); null: the profile, else the SDK's default chain.</summary>
    internal AWSCredentials? Credentials { get; init; }

    /// <summary>The lock object's key: the state key plus <c>.lock</c>.</summary>
    public string LockKey => Key + ".lock";

    /// <summary>The DynamoDB LockID, as Terraform's S3 backend spells it: bucket/key.</summary>
    public string LockId => $"{Bucket}/{Key}";
}
