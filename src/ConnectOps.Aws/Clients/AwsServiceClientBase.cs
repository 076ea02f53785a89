using Amazon.Runtime;
using Amazon.Runtime.Internal;
using ConnectOps.Aws.Protocols;
using ConnectOps.Aws.RateLimiting;
using ConnectOps.Aws.Runtime;

namespace ConnectOps.Aws;

/// <summary>What clients built together share: the call statistics and the rate limiter.</summary>
public sealed class ClientInstrumentation
{
    public ClientInstrumentation(ApiCallStatistics? statistics = null, TokenBucketRateLimiter? rateLimiter = null)
    {
        Statistics = statistics ?? new ApiCallStatistics();
        RateLimiter = rateLimiter;
    }

    public ApiCallStatistics Statistics { get; }

    /// <summary>Null: no client-side rate limiting.</summary>
    public TokenBucketRateLimiter? RateLimiter { get; }

    /// <summary>
    /// The identity part of the rate-limit key (quotas are per account and Region). Set it to the
    /// account id once known (<see cref="AwsClientFactory.ResolveAccountIdAsync"/>); until then the
    /// access key id stands in.
    /// </summary>
    public string? RateLimitIdentity { get; set; }
}

/// <summary>Carries the operation's metadata through the pipeline (the rate limiter keys on it).</summary>
public sealed class OperationInvokeOptions : InvokeOptions
{
    public OperationInvokeOptions(OperationMetadata operation)
    {
        Operation = operation;
        RequestMarshaller = ProtocolFactory.Marshaller(operation);
        ResponseUnmarshaller = ProtocolFactory.Unmarshaller(operation);
    }

    public OperationMetadata Operation { get; }
}

/// <summary>
/// AmazonServiceClient on AWSSDK.Core's pipeline for a generated service: credentials (default
/// chain, profiles, SSO …), SigV4, Standard/Adaptive retries and timeouts are the SDK's; the
/// endpoint resolver, SigV4 auth-scheme handler and the rate-limiting/statistics handler are ours.
/// </summary>
public abstract class AwsServiceClientBase : AmazonServiceClient
{
    private ClientInstrumentation? _instrumentation;
    private IServiceMetadata? _serviceMetadata;

    protected AwsServiceClientBase(AWSCredentials? credentials, AwsServiceConfig config, ClientInstrumentation? instrumentation)
        : base(credentials!, config)
    {
        _instrumentation = instrumentation ?? new ClientInstrumentation();
    }

    /// <summary>The model-level description of the service.</summary>
    public ServiceModelMetadata ServiceModel => ((AwsServiceConfig)Config).Service;

    public ClientInstrumentation Instrumentation => _instrumentation ??= new ClientInstrumentation();

    /// <summary>Calls made by this client per operation (shared with the other clients of a factory).</summary>
    public ApiCallStatistics Statistics => Instrumentation.Statistics;

    protected override IServiceMetadata ServiceMetadata => _serviceMetadata ??= new GeneratedServiceMetadata(ServiceModel.ServiceId);

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        pipeline.RemoveHandler<EndpointResolver>();
        pipeline.AddHandlerAfter<Marshaller>(new AwsEndpointResolver());
        pipeline.AddHandlerAfter<Marshaller>(new SigV4AuthSchemeHandler());
        pipeline.AddHandlerBefore<Signer>(new RateLimitingHandler(this));
    }

    /// <summary>Sends one operation through the pipeline; the generated per-operation methods call this.</summary>
    protected Task<TResponse> InvokeOperationAsync<TResponse>(AmazonWebServiceRequest request, OperationMetadata operation, CancellationToken cancellationToken)
        where TResponse : AmazonWebServiceResponse, new()
    {
        ArgumentNullException.ThrowIfNull(request);
        return InvokeAsync<TResponse>(request, new OperationInvokeOptions(operation), cancellationToken);
    }

    /// <summary>The handler types of this client's pipeline, outermost first (diagnostics and tests).</summary>
    public IReadOnlyList<string> PipelineHandlers() =>
        RuntimePipeline.EnumerateHandlers().Select(h => h.GetType().Name).ToList();

    private sealed class GeneratedServiceMetadata(string serviceId) : IServiceMetadata
    {
        public string ServiceId { get; } = serviceId;

        public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>();
    }
}
