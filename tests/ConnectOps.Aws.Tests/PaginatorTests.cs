using ConnectOps.Aws.Connect.Model;
using ConnectOps.Aws.Tests.TestSupport;

namespace ConnectOps.Aws.Tests;

/// <summary>Paginators walk every page as async streams of responses or items.</summary>
public class PaginatorTests
{
    [Fact]
    public async Task Search_paginator_yields_items_across_pages_passing_the_token()
    {
        using var server = new StubServer(
            StubResponse.Json("{\"Queues\":[{\"Name\":\"A\"},{\"Name\":\"B\"}],\"NextToken\":\"page2\",\"ApproximateTotalCount\":3}"),
            StubResponse.Json("{\"Queues\":[{\"Name\":\"C\"}],\"ApproximateTotalCount\":3}"));
        using var client = Clients.Connect(server);

        var names = new List<string>();
        await foreach (var queue in client.Paginators.SearchQueues(new SearchQueuesRequest { InstanceId = "i", MaxResults = 500 }).Queues)
            names.Add(queue.Name!);

        Assert.Equal(new[] { "A", "B", "C" }, names);
        Assert.Equal(2, server.Requests.Count);
        Assert.DoesNotContain("NextToken", server.Requests[0].Body);
        Assert.Contains("\"NextToken\":\"page2\"", server.Requests[1].Body);
    }

    [Fact]
    public async Task List_paginator_yields_responses_with_the_token_in_the_query_string()
    {
        using var server = new StubServer(
            StubResponse.Json("{\"QueueSummaryList\":[{\"Name\":\"A\"}],\"NextToken\":\"t/2\"}"),
            StubResponse.Json("{\"QueueSummaryList\":[{\"Name\":\"B\"}]}"));
        using var client = Clients.Connect(server);

        var pages = 0;
        await foreach (var page in client.Paginators.ListQueues(new ListQueuesRequest { InstanceId = "i" }).Responses)
            pages++;

        Assert.Equal(2, pages);
        Assert.Equal("/queues-summary/i?nextToken=t%2F2", server.Requests[1].RawUrl);
    }

    [Fact]
    public async Task Iam_paginator_stops_when_not_truncated()
    {
        static string Page(string arn, bool truncated) =>
            $"<ListAttachedRolePoliciesResponse><ListAttachedRolePoliciesResult><AttachedPolicies><member><PolicyName>p</PolicyName><PolicyArn>{arn}</PolicyArn></member></AttachedPolicies>" +
            $"<IsTruncated>{(truncated ? "true" : "false")}</IsTruncated>{(truncated ? "<Marker>m2</Marker>" : "")}</ListAttachedRolePoliciesResult></ListAttachedRolePoliciesResponse>";
        using var server = new StubServer(StubResponse.Xml(Page("arn:1", true)), StubResponse.Xml(Page("arn:2", false)));
        using var client = Clients.Iam(server);

        var arns = new List<string>();
        await foreach (var p in client.Paginators.ListAttachedRolePolicies(new Iam.Model.ListAttachedRolePoliciesRequest { RoleName = "r" }).AttachedPolicies)
            arns.Add(p.PolicyArn!);

        Assert.Equal(new[] { "arn:1", "arn:2" }, arns);
        Assert.Contains("Marker=m2", server.Requests[1].Body);
    }

    [Fact]
    public async Task Paginator_refuses_a_token_that_repeats()
    {
        using var server = new StubServer(StubResponse.Json("{\"QueueSummaryList\":[],\"NextToken\":\"same\"}"));
        using var client = Clients.Connect(server);
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in client.Paginators.ListQueues(new ListQueuesRequest { InstanceId = "i" }))
            {
            }
        });
        Assert.Equal(2, server.Requests.Count);
    }
}
