using Amazon.Runtime;

namespace ConnectOps.Aws.Iam;

/// <summary>Configuration of <see cref="IamClient"/>: region, ServiceURL, retries, timeouts as on any AWSSDK config.</summary>
public sealed class IamConfig : AwsServiceConfig
{
    public IamConfig()
        : base(IamOperations.Service)
    {
    }
}

/// <summary>
/// AWS IAM (query; the global endpoint, signed for us-east-1) client for the operations in models/operations.txt; the per-operation
/// methods and <c>Paginators</c> are generated (Generated/Iam/IamClient.Operations.cs).
/// </summary>
public partial class IamClient : AwsServiceClientBase
{
    /// <summary>Credentials from the SDK's default chain (environment, profile, SSO, web identity, IMDS …).</summary>
    public IamClient(IamConfig config)
        : this(null, config, null)
    {
    }

    public IamClient(AWSCredentials? credentials, IamConfig config)
        : this(credentials, config, null)
    {
    }

    /// <param name="instrumentation">Statistics and rate limiter shared with other clients (null: this client's own, unlimited).</param>
    public IamClient(AWSCredentials? credentials, IamConfig config, ClientInstrumentation? instrumentation)
        : base(credentials, config, instrumentation)
    {
    }
}
