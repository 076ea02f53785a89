using Amazon.Runtime;

namespace ConnectOps.Aws.SecretsManager;

/// <summary>Configuration of <see cref="SecretsManagerClient"/>: region, ServiceURL, retries, timeouts as on any AWSSDK config.</summary>
public sealed class SecretsManagerConfig : AwsServiceConfig
{
    public SecretsManagerConfig()
        : base(SecretsManagerOperations.Service)
    {
    }
}

/// <summary>
/// AWS Secrets Manager (json-1.1) client for the operations in models/operations.txt; the per-operation
/// methods and <c>Paginators</c> are generated (Generated/SecretsManager/SecretsManagerClient.Operations.cs).
/// </summary>
public partial class SecretsManagerClient : AwsServiceClientBase
{
    /// <summary>Credentials from the SDK's default chain (environment, profile, SSO, web identity, IMDS …).</summary>
    public SecretsManagerClient(SecretsManagerConfig config)
        : this(null, config, null)
    {
    }

    public SecretsManagerClient(AWSCredentials? credentials, SecretsManagerConfig config)
        : this(credentials, config, null)
    {
    }

    /// <param name="instrumentation">Statistics and rate limiter shared with other clients (null: this client's own, unlimited).</param>
    public SecretsManagerClient(AWSCredentials? credentials, SecretsManagerConfig config, ClientInstrumentation? instrumentation)
        : base(credentials, config, instrumentation)
    {
    }
}
