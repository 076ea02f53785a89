using Amazon.Runtime;

namespace ConnectOps.Aws.Connect;

/// <summary>Configuration of <see cref="ConnectClient"/>: region, ServiceURL, retries, timeouts as on any AWSSDK config.</summary>
public sealed class ConnectConfig : AwsServiceConfig
{
    public ConnectConfig()
        : base(ConnectOperations.Service)
    {
    }
}

/// <summary>
/// Amazon Connect (rest-json) client for the operations in models/operations.txt; the per-operation
/// methods and <c>Paginators</c> are generated (Generated/Connect/ConnectClient.Operations.cs).
/// </summary>
public partial class ConnectClient : AwsServiceClientBase
{
    /// <summary>Credentials from the SDK's default chain (environment, profile, SSO, web identity, IMDS …).</summary>
    public ConnectClient(ConnectConfig config)
        : this(null, config, null)
    {
    }

    public ConnectClient(AWSCredentials? credentials, ConnectConfig config)
        : this(credentials, config, null)
    {
    }

    /// <param name="instrumentation">Statistics and rate limiter shared with other clients (null: this client's own, unlimited).</param>
    public ConnectClient(AWSCredentials? credentials, ConnectConfig config, ClientInstrumentation? instrumentation)
        : base(credentials, config, instrumentation)
    {
    }
}
