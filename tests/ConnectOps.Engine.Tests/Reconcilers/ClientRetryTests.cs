using Amazon.Runtime;
using ConnectOps.Aws;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Aws.RateLimiting;

namespace ConnectOps.Engine.Tests.Reconcilers;

/// <summary>
/// The generated clients against the emulator's own throttling and faults: throttling and 5xx are retried by
/// the SDK pipeline, validation errors surface at once, and the client's rate limiter keeps a burst under the
/// service quota so the emulator never throttles it.
/// </summary>
public sealed class ClientRetryTests : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private readonly EmulatorFixture _emulator;

    public ClientRetryTests(EmulatorFixture emulator) => _emulator = emulator;

    public async Task InitializeAsync()
    {
        await _emulator.ResetAccountAsync();
        await _emulator.ResetCallsAsync();
    }

    public async Task DisposeAsync() => await _emulator.ConfigureAsync(new { RateLimits = "off", Fault500Rate = 0.0, FaultOperations = (string[]?)null });

    private AwsClientFactory Factory(RateLimitSettings limits) => new(new AwsConnectionSettings
    {
        Region = "eu-west-2",
        EndpointUrl = _emulator.Endpoint.ToString(),
        RateLimits = limits,
        MaxErrorRetry = 4,
    });

    [Fact]
    public async Task Throttling_from_the_service_is_retried_until_it_succeeds()
    {
        // Service quota of 1 request/second, burst 1; the client's own limiter is off so it can overrun it.
        await _emulator.ConfigureAsync(new { RateLimits = "aws-default", RateLimitOverrides = new Dictionary<string, object> { ["ListInstances"] = new { Rate = 1.0, Burst = 1 } } });
        using var factory = Factory(RateLimitSettings.Disabled);

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => factory.Connect.ListInstancesAsync(new ListInstancesRequest())));

        Assert.Equal(3, results.Length);
        var stat = factory.Statistics.Get("Connect", "ListInstances");
        Assert.Equal(3, stat.Calls);
        Assert.True(stat.Throttled >= 1, $"expected throttled attempts, saw {stat.Throttled}");
        Assert.True(stat.Retries >= stat.Throttled, $"retries {stat.Retries} < throttled {stat.Throttled}");
    }

    [Fact]
    public async Task The_client_rate_limiter_keeps_a_burst_under_the_service_quota()
    {
        // An operation no other test here uses, so its service bucket starts full.
        await _emulator.ConfigureAsync(new { RateLimits = "aws-default", RateLimitOverrides = new Dictionary<string, object> { ["ListContactFlows"] = new { Rate = 4.0, Burst = 2 } } });
        using var factory = Factory(new RateLimitSettings { Overrides = new Dictionary<string, RateLimit> { ["ListContactFlows"] = new(2, 1) } });

        var failures = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            try { await factory.Connect.ListContactFlowsAsync(new ListContactFlowsRequest { InstanceId = "no-such-instance" }); return null; }
            catch (AmazonServiceException ex) { return ex.ErrorCode; }
        }));

        Assert.All(failures, code => Assert.Equal("ResourceNotFoundException", code));
        var stat = factory.Statistics.Get("Connect", "ListContactFlows");
        Assert.Equal(6, stat.Calls);
        Assert.Equal(0, stat.Throttled);
    }

    [Fact]
    public async Task Server_errors_are_retried()
    {
        await _emulator.ConfigureAsync(new { Fault500Rate = 0.5, FaultOperations = new[] { "ListInstances" } });
        using var factory = Factory(RateLimitSettings.Disabled);

        for (var i = 0; i < 6; i++) await factory.Connect.ListInstancesAsync(new ListInstancesRequest());

        var stat = factory.Statistics.Get("Connect", "ListInstances");
        Assert.Equal(6, stat.Calls);
        Assert.True(stat.Retries >= 1, "with half the responses failing, some call must have been retried");
        // The emulator saw every attempt: the first tries and the retries.
        Assert.Equal(6 + (int)stat.Retries, (await _emulator.CallsAsync())["Connect.ListInstances"]);
    }

    [Fact]
    public async Task A_validation_error_surfaces_after_one_attempt()
    {
        using var factory = Factory(RateLimitSettings.Disabled);

        var ex = await Assert.ThrowsAnyAsync<AmazonServiceException>(() =>
            factory.Connect.DescribeQueueAsync(new DescribeQueueRequest { InstanceId = "no-such-instance", QueueId = "q" }));

        Assert.Equal("ResourceNotFoundException", ex.ErrorCode);
        var stat = factory.Statistics.Get("Connect", "DescribeQueue");
        Assert.Equal(1, stat.Calls);
        Assert.Equal(0, stat.Retries);
        Assert.Equal(1, (await _emulator.CallsAsync())["Connect.DescribeQueue"]);
    }
}
