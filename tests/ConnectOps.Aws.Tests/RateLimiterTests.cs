using ConnectOps.Aws.Connect.Model;
using ConnectOps.Aws.RateLimiting;
using ConnectOps.Aws.Tests.TestSupport;

namespace ConnectOps.Aws.Tests;

/// <summary>Token buckets per operation per account+Region, on a fake clock (no timed tests).</summary>
public class RateLimiterTests
{
    private static readonly RateLimitKey CreateQueue = new("connect", "CreateQueue", "eu-west-2", "123456789012");

    /// <summary>The quotas alone, without the headroom: the arithmetic of the buckets.</summary>
    private static readonly RateLimitSettings Exact = new() { Headroom = TimeSpan.Zero };

    [Fact]
    public async Task A_burst_never_exceeds_the_bucket()
    {
        var clock = new FakeClock(autoAdvance: false);
        var limiter = new TokenBucketRateLimiter(Exact, clock);

        var calls = Enumerable.Range(0, 20).Select(_ => limiter.AcquireAsync(CreateQueue).AsTask()).ToList();

        Assert.Equal(5, calls.Count(c => c.IsCompleted)); // Connect default: 2 rps, burst 5
        clock.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal(6, await CompletedAfterSettling(calls, 6));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(8, await CompletedAfterSettling(calls, 8));
        clock.Advance(TimeSpan.FromSeconds(6));
        await Task.WhenAll(calls);
    }

    [Theory]
    [InlineData(25, 2.0, 5)]
    [InlineData(100, 10.0, 10)]
    public async Task The_default_headroom_delays_calls_past_the_burst_by_a_constant_not_a_rate(int n, double rate, int burst)
    {
        var clock = new FakeClock(autoAdvance: true);
        var settings = new RateLimitSettings { Overrides = new Dictionary<string, RateLimit> { ["connect:CreateQueue"] = new(rate, burst) } };
        var limiter = new TokenBucketRateLimiter(settings, clock);
        var starts = new List<double>();

        for (var i = 0; i < n; i++)
        {
            await limiter.AcquireAsync(CreateQueue);
            starts.Add(clock.Now.TotalSeconds);
        }

        var headroom = RateLimitSettings.DefaultHeadroom.TotalSeconds;
        Assert.Equal(settings.Headroom, RateLimitSettings.DefaultHeadroom);
        // Call k (0-based) past the burst starts at (k + 1 - burst) / rate + headroom: a service whose bucket began
        // full when the first call arrived still has a token for it when it arrives up to `headroom` sooner than sent.
        for (var k = burst; k < n; k++)
        {
            Assert.Equal((k + 1 - burst) / rate + headroom, starts[k], 6);
            var serviceTokens = burst + rate * (starts[k] - headroom) - k;
            Assert.True(serviceTokens >= 1 - 1e-9, $"call {k} would find {serviceTokens} tokens at the service");
        }
        Assert.Equal((n - burst) / rate + headroom, clock.Now.TotalSeconds, 6);
    }

    /// <summary>Waits for released waiters' continuations to run; the count can only grow when the clock moves.</summary>
    private static async Task<int> CompletedAfterSettling(List<Task<TimeSpan>> calls, int expected)
    {
        for (var i = 0; i < 500 && calls.Count(c => c.IsCompleted) < expected; i++)
            await Task.Delay(10);
        await Task.Yield();
        return calls.Count(c => c.IsCompleted);
    }

    [Theory]
    [InlineData(25, 2.0, 5)]
    [InlineData(10, 0.1, 1)]
    [InlineData(100, 10.0, 10)]
    public async Task N_calls_at_rate_r_take_at_least_n_minus_burst_over_r(int n, double rate, int burst)
    {
        var clock = new FakeClock(autoAdvance: true);
        var limiter = new TokenBucketRateLimiter(new RateLimitSettings { Headroom = TimeSpan.Zero, Overrides = new Dictionary<string, RateLimit> { ["connect:CreateQueue"] = new(rate, burst) } }, clock);

        for (var i = 0; i < n; i++)
            await limiter.AcquireAsync(CreateQueue);

        var floor = (n - burst) / rate;
        Assert.True(clock.Now.TotalSeconds >= floor - 1e-6, $"{n} calls took {clock.Now.TotalSeconds}s, below the floor {floor}s");
        Assert.True(clock.Now.TotalSeconds <= floor + 1e-3, $"{n} calls took {clock.Now.TotalSeconds}s, more than needed ({floor}s)");
    }

    [Fact]
    public void A_Default_override_replaces_the_documented_quota_of_every_operation_without_its_own()
    {
        var s = new RateLimitSettings { Overrides = new Dictionary<string, RateLimit> { ["Default"] = new(1, 2), ["connect:SearchUsers"] = new(4, 8) } };
        Assert.Equal(new RateLimit(1, 2), s.Resolve("connect", "CreateQueue"));
        Assert.Equal(new RateLimit(1, 2), s.Resolve("connect", "DescribeQueue"));
        Assert.Equal(new RateLimit(1, 2), s.Resolve("logs", "TagResource"));
        Assert.Equal(new RateLimit(4, 8), s.Resolve("connect", "SearchUsers"));
    }

    [Fact]
    public void Defaults_follow_the_documented_connect_quotas()
    {
        var s = RateLimitSettings.Default;
        Assert.Equal(new RateLimit(2, 5), s.Resolve("connect", "SearchUsers"));
        Assert.Equal(new RateLimit(2, 5), s.Resolve("Connect", "CreateQueue"));
        Assert.Equal(new RateLimit(10, 10), s.Resolve("connect", "DescribeQueue"));
        Assert.Equal(new RateLimit(10, 10), s.Resolve("connect", "ListRoutingProfileQueues"));
        Assert.Equal(new RateLimit(0.1, 1), s.Resolve("connect", "CreateInstance"));
        Assert.Equal(new RateLimit(0.1, 1), s.Resolve("connect", "DeleteInstance"));
        Assert.Equal(RateLimitDefaults.IamDefault, s.Resolve("IAM", "CreateRole"));
        Assert.Equal(RateLimitDefaults.LogsReads, s.Resolve("CloudWatch Logs", "DescribeLogGroups"));
        Assert.Equal(RateLimitDefaults.LogsWrites, s.Resolve("logs", "TagResource"));
    }

    [Fact]
    public void Overrides_apply_per_service_and_operation_before_plain_operation_names()
    {
        var s = new RateLimitSettings
        {
            Overrides = new Dictionary<string, RateLimit>
            {
                ["TagResource"] = new(1, 1),
                ["logs:TagResource"] = new(3, 3),
                ["connect:searchusers"] = new(4, 8),
            },
        };
        Assert.Equal(new RateLimit(1, 1), s.Resolve("connect", "TagResource"));
        Assert.Equal(new RateLimit(3, 3), s.Resolve("logs", "TagResource"));
        Assert.Equal(new RateLimit(4, 8), s.Resolve("connect", "SearchUsers"));
        Assert.Equal(new RateLimit(2, 5), s.Resolve("connect", "SearchQueues"));
    }

    [Fact]
    public void Invalid_override_is_refused()
    {
        var settings = new RateLimitSettings { Overrides = new Dictionary<string, RateLimit> { ["CreateQueue"] = new(0, 5) } };
        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenBucketRateLimiter(settings));
    }

    [Fact]
    public async Task Disabled_limiting_never_waits()
    {
        var clock = new FakeClock(autoAdvance: true);
        var limiter = new TokenBucketRateLimiter(RateLimitSettings.Disabled, clock);
        for (var i = 0; i < 100; i++)
            Assert.Equal(TimeSpan.Zero, await limiter.AcquireAsync(CreateQueue));
        Assert.Equal(TimeSpan.Zero, clock.Now);
    }

    [Fact]
    public async Task Buckets_are_separate_per_operation_region_and_identity()
    {
        var clock = new FakeClock(autoAdvance: true);
        var limiter = new TokenBucketRateLimiter(Exact, clock);
        for (var i = 0; i < 5; i++)
            await limiter.AcquireAsync(CreateQueue);
        Assert.Equal(TimeSpan.Zero, await limiter.AcquireAsync(CreateQueue with { Operation = "CreateUser" }));
        Assert.Equal(TimeSpan.Zero, await limiter.AcquireAsync(CreateQueue with { Region = "us-east-1" }));
        Assert.Equal(TimeSpan.Zero, await limiter.AcquireAsync(CreateQueue with { Identity = "210987654321" }));
        Assert.Equal(TimeSpan.FromSeconds(0.5), await limiter.AcquireAsync(CreateQueue));
    }

    [Fact]
    public async Task A_throttle_from_the_service_empties_the_bucket_so_the_next_call_waits_a_full_interval()
    {
        var clock = new FakeClock(autoAdvance: true);
        var limiter = new TokenBucketRateLimiter(Exact, clock);
        await limiter.AcquireAsync(CreateQueue);
        Assert.Equal(4, limiter.Available(CreateQueue), 6);

        limiter.Throttled(CreateQueue);

        Assert.Equal(0, limiter.Available(CreateQueue), 6);
        Assert.Equal(TimeSpan.FromSeconds(0.5), await limiter.AcquireAsync(CreateQueue)); // 2 rps: one token accrues in 0.5 s
        limiter.Throttled(CreateQueue with { Operation = "CreateUser" }); // a bucket never used: nothing to empty
        Assert.Equal(5, limiter.Available(CreateQueue with { Operation = "CreateUser" }), 6);
    }

    [Fact]
    public async Task A_throttled_call_empties_its_bucket_before_the_retry()
    {
        using var server = new StubServer(
            StubResponse.Error(429, "ThrottlingException", "{\"Message\":\"Rate exceeded\"}"),
            StubResponse.Json("{}"));
        var clock = new FakeClock(autoAdvance: true);
        var instrumentation = new ClientInstrumentation(rateLimiter: new TokenBucketRateLimiter(Exact, clock)) { RateLimitIdentity = "acct" };
        using var client = Clients.Connect(server, instrumentation: instrumentation);

        await client.DescribeQueueAsync(new DescribeQueueRequest { InstanceId = "i", QueueId = "q" });

        Assert.Equal(2, server.Requests.Count);
        // DescribeQueue: 10 rps, burst 10. Without the drain the retry would have found 9 tokens and gone at once.
        Assert.Equal(TimeSpan.FromSeconds(0.1), clock.TotalDelayed);
    }

    [Fact]
    public async Task Cancelled_wait_throws_and_gives_its_token_back()
    {
        var clock = new FakeClock(autoAdvance: false);
        var limiter = new TokenBucketRateLimiter(new RateLimitSettings { Headroom = TimeSpan.Zero, Overrides = new Dictionary<string, RateLimit> { ["CreateQueue"] = new(1, 1) } }, clock);
        await limiter.AcquireAsync(CreateQueue);
        using var cts = new CancellationTokenSource();
        var waiting = limiter.AcquireAsync(CreateQueue, cts.Token).AsTask();
        Assert.False(waiting.IsCompleted);
        Assert.Equal(-1, limiter.Available(CreateQueue), 6);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, limiter.Available(CreateQueue), 6);
    }

    [Fact]
    public async Task Client_waits_for_a_token_before_each_call_and_records_the_wait()
    {
        using var server = new StubServer(StubResponse.Json("{\"QueueId\":\"q\"}"));
        var clock = new FakeClock(autoAdvance: true);
        var instrumentation = new ClientInstrumentation(rateLimiter: new TokenBucketRateLimiter(Exact, clock)) { RateLimitIdentity = "123456789012" };
        using var client = Clients.Connect(server, instrumentation: instrumentation);

        for (var i = 0; i < 7; i++)
            await client.CreateQueueAsync(new CreateQueueRequest { InstanceId = "i", Name = "q" + i, HoursOfOperationId = "h" });

        Assert.Equal(7, server.Requests.Count);
        Assert.Equal(TimeSpan.FromSeconds(1), clock.Now); // 2 calls beyond the burst of 5 at 2 rps
        var stat = client.Statistics.Get("Connect", "CreateQueue");
        Assert.Equal(7, stat.Calls);
        Assert.Equal(TimeSpan.FromSeconds(1), stat.RateLimitWait);
    }

    [Fact]
    public async Task Retries_also_wait_for_a_token()
    {
        using var server = new StubServer(
            StubResponse.Error(429, "ThrottlingException", "{\"Message\":\"Rate exceeded\"}"),
            StubResponse.Error(429, "ThrottlingException", "{\"Message\":\"Rate exceeded\"}"),
            StubResponse.Json("{}"));
        var clock = new FakeClock(autoAdvance: true);
        var settings = new RateLimitSettings { Headroom = TimeSpan.Zero, Overrides = new Dictionary<string, RateLimit> { ["connect:DescribeQueue"] = new(1, 1) } };
        var instrumentation = new ClientInstrumentation(rateLimiter: new TokenBucketRateLimiter(settings, clock)) { RateLimitIdentity = "acct" };
        using var client = Clients.Connect(server, instrumentation: instrumentation);

        await client.DescribeQueueAsync(new DescribeQueueRequest { InstanceId = "i", QueueId = "q" });

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(TimeSpan.FromSeconds(2), clock.TotalDelayed); // attempts 2 and 3 each waited a second for a token
    }

    [Fact]
    public void Rate_limit_handler_sits_inside_the_retry_loop_and_before_the_signer()
    {
        using var server = new StubServer();
        using var client = Clients.Connect(server);
        var handlers = client.PipelineHandlers().ToList();
        var retry = handlers.IndexOf("RetryHandler");
        var limiter = handlers.IndexOf("RateLimitingHandler");
        var signer = handlers.IndexOf("Signer");
        Assert.True(retry >= 0 && retry < limiter && limiter < signer, string.Join(" > ", handlers));
        Assert.Contains("AwsEndpointResolver", handlers);
        Assert.Contains("SigV4AuthSchemeHandler", handlers);
        Assert.DoesNotContain("EndpointResolver", handlers);
    }
}
