using Amazon.Runtime;
using Amazon.Runtime.Internal;
using ConnectOps.Aws.Runtime;

namespace ConnectOps.Aws.RateLimiting;

/// <summary>
/// Pipeline handler between the retry handler and the signer: every attempt (retries included)
/// first takes a token from the shared limiter, then is counted in the client's statistics.
/// Sitting before the signer means a request that waited is signed with a fresh date.
/// </summary>
internal sealed class RateLimitingHandler : PipelineHandler
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "RequestLimitExceeded", "RequestThrottled", "SlowDown", "PriorRequestNotComplete", "BandwidthLimitExceeded",
    };

    private readonly AwsServiceClientBase _client;

    public RateLimitingHandler(AwsServiceClientBase client) => _client = client;

    public override void InvokeSync(IExecutionContext executionContext)
    {
        var (service, operation, key) = Before(executionContext).AsTask().GetAwaiter().GetResult();
        try
        {
            base.InvokeSync(executionContext);
        }
        catch (Exception e)
        {
            After(service, operation, key, e);
            throw;
        }
    }

    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        var (service, operation, key) = await Before(executionContext).ConfigureAwait(false);
        try
        {
            return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            After(service, operation, key, e);
            throw;
        }
    }

    private async ValueTask<(string Service, string Operation, RateLimitKey? Key)> Before(IExecutionContext executionContext)
    {
        var rc = executionContext.RequestContext;
        var service = _client.ServiceModel.ServiceId;
        var operation = (rc.Options as OperationInvokeOptions)?.Operation.Name ?? rc.RequestName;
        var instrumentation = _client.Instrumentation;
        RateLimitKey? key = null;
        if (instrumentation.RateLimiter is { } limiter)
        {
            var region = rc.ClientConfig.RegionEndpoint?.SystemName ?? rc.ClientConfig.AuthenticationRegion ?? "";
            key = new RateLimitKey(RateLimitDefaults.ServiceKey(service), operation, region, instrumentation.RateLimitIdentity ?? IdentityOf(rc));
            var waited = await limiter.AcquireAsync(key.Value, rc.CancellationToken).ConfigureAwait(false);
            instrumentation.Statistics.RecordWait(service, operation, waited);
        }
        instrumentation.Statistics.RecordAttempt(service, operation, rc.Retries > 0);
        return (service, operation, key);
    }

    private void After(string service, string operation, RateLimitKey? key, Exception e)
    {
        var throttled = e is AmazonServiceException ase &&
            ((int)ase.StatusCode == 429 || (ase.ErrorCode is { } code && ThrottlingCodes.Contains(code)));
        _client.Instrumentation.Statistics.RecordFailure(service, operation, throttled);
        // The service's bucket is empty: ours follows it, so the retry and the calls queued behind it do not land on it.
        if (throttled && key is { } k) _client.Instrumentation.RateLimiter?.Throttled(k);
    }

    private static string IdentityOf(IRequestContext rc)
    {
        try
        {
            return rc.Identity is AWSCredentials credentials ? credentials.GetCredentials().AccessKey ?? "" : "";
        }
        catch (AmazonClientException)
        {
            return "";
        }
    }
}
