using Amazon.Runtime;

namespace ConnectOps.Aws.Logs;

/// <summary>Configuration of <see cref="LogsClient"/>: region, ServiceURL, retries, timeouts as on any AWSSDK config.</summary>
public sealed class LogsConfig : AwsServiceConfig
{
    public LogsConfig()
        : base(LogsOperations.Service)
    {
    }
}

/// <summary>
/// Amazon CloudWatch Logs (json-1.1) client for the operations in models/operations.txt; the per-operation
/// methods and <c>Paginators</c> are generated (Generated/Logs/LogsClient.Operations.cs).
/// </summary>
public partial class LogsClient : AwsServiceClientBase
{
    /// <summary>Credentials from the SDK's default chain (environment, profile, SSO, web identity, IMDS …).</summary>
    public LogsClient(LogsConfig config)
        : this(null, config, null)
    {
    }

    public LogsClient(AWSCredentials? credentials, LogsConfig config)
        : this(credentials, config, null)
    {
    }

    /// <param name="instrumentation">Statistics and rate limiter shared with other clients (null: this client's own, unlimited).</param>
    public LogsClient(AWSCredentials? credentials, LogsConfig config, ClientInstrumentation? instrumentation)
        : base(credentials, config, instrumentation)
    {
    }
}
