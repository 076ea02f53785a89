using ConnectOps.Aws.Connect.Model;
using ConnectOps.Aws.Tests.TestSupport;

namespace ConnectOps.Aws.Tests;

/// <summary>The SDK's Standard retry policy against a loopback stub: throttling and 5xx retried, validation errors not.</summary>
public class RetryTests
{
    private static readonly DescribeQueueRequest Request = new() { InstanceId = "i", QueueId = "q" };

    [Fact]
    public async Task Throttling_twice_then_success_takes_three_attempts()
    {
        using var server = new StubServer(
            StubResponse.Error(429, "ThrottlingException", "{\"Message\":\"Rate exceeded\"}"),
            StubResponse.Error(429, "ThrottlingException", "{\"Message\":\"Rate exceeded\"}"),
            StubResponse.Json("{\"Queue\":{\"Name\":\"Sales\"}}"));
        using var client = Clients.Connect(server);

        var response = await client.DescribeQueueAsync(Request);

        Assert.Equal("Sales", response.Queue!.Name);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(new[] { "attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3" },
            server.Requests.Select(r => r.Headers["amz-sdk-request"]));
        var stat = client.Statistics.Get("Connect", "DescribeQueue");
        Assert.Equal((1, 2, 2, 2), (stat.Calls, stat.Retries, stat.Throttled, stat.FailedAttempts));
        Assert.Equal(3, stat.Attempts);
    }

    [Fact]
    public async Task Server_error_is_retried()
    {
        using var server = new StubServer(
            StubResponse.Error(500, "InternalServiceException", "{\"Message\":\"oops\"}"),
            StubResponse.Json("{\"Queue\":{\"Name\":\"Sales\"}}"));
        using var client = Clients.Connect(server);

        var response = await client.DescribeQueueAsync(Request);

        Assert.Equal("Sales", response.Queue!.Name);
        Assert.Equal(2, server.Requests.Count);
        var stat = client.Statistics.Get("Connect", "DescribeQueue");
        Assert.Equal((1, 1, 0), (stat.Calls, stat.Retries, stat.Throttled));
    }

    [Fact]
    public async Task Unavailable_with_an_empty_body_is_retried_and_a_bodiless_404_surfaces_with_its_status()
    {
        using var server = new StubServer(new StubResponse(503), StubResponse.Json("{\"Queue\":{\"Name\":\"Sales\"}}"), new StubResponse(404));
        using var client = Clients.Connect(server);

        Assert.Equal("Sales", (await client.DescribeQueueAsync(Request)).Queue!.Name);
        var e = await Assert.ThrowsAnyAsync<AmazonConnectException>(() => client.DescribeQueueAsync(Request));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, e.StatusCode);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Validation_error_is_surfaced_at_once_without_retry()
    {
        using var server = new StubServer(StubResponse.Error(400, "InvalidParameterException", "{\"Message\":\"MaxContacts is invalid\"}"));
        using var client = Clients.Connect(server);

        var e = await Assert.ThrowsAsync<InvalidParameterException>(() => client.DescribeQueueAsync(Request));

        Assert.Equal("MaxContacts is invalid", e.Message);
        Assert.Single(server.Requests);
        var stat = client.Statistics.Get("Connect", "DescribeQueue");
        Assert.Equal((1, 0, 0, 1), (stat.Calls, stat.Retries, stat.Throttled, stat.FailedAttempts));
    }

    [Fact]
    public async Task Persistent_throttling_gives_up_after_max_error_retry()
    {
        using var server = new StubServer(StubResponse.Error(429, "ThrottlingException", "{\"Message\":\"Rate exceeded\"}"));
        using var client = Clients.Connect(server, maxErrorRetry: 1);

        var e = await Assert.ThrowsAsync<ThrottlingException>(() => client.DescribeQueueAsync(Request));

        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, e.StatusCode);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Statistics_count_calls_per_operation_and_reset()
    {
        using var server = new StubServer(StubResponse.Json("{}"));
        using var client = Clients.Connect(server);
        await client.DescribeQueueAsync(Request);
        await client.DescribeQueueAsync(Request);
        await client.ListQueuesAsync(new ListQueuesRequest { InstanceId = "i" });

        var snapshot = client.Statistics.Snapshot();
        Assert.Equal(new[] { ("DescribeQueue", 2L), ("ListQueues", 1L) }, snapshot.Select(s => (s.Operation, s.Calls)));
        Assert.Equal(3, client.Statistics.TotalCalls);

        client.Statistics.Reset();
        Assert.Empty(client.Statistics.Snapshot());
    }

    [Fact]
    public async Task Request_rejected_client_side_sends_nothing()
    {
        using var server = new StubServer(StubResponse.Json("{}"));
        using var client = Clients.Connect(server);
        var e = await Assert.ThrowsAsync<Runtime.RequestValidationException>(() =>
            client.CreateQueueAsync(new CreateQueueRequest { InstanceId = "i", Name = "q" }));
        Assert.Equal("CreateQueueRequest.HoursOfOperationId", e.MemberPath);
        Assert.Empty(server.Requests);
    }
}
