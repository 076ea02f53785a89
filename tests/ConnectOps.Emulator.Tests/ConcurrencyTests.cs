using ConnectOps.Emulator.Tests.Infrastructure;

namespace ConnectOps.Emulator.Tests;

public sealed class ConcurrencyTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task ParallelCreates_AllLand_WithDistinctIds_AndDuplicatesLoseExactlyOnce()
    {
        await emulator.ResetAsync();
        var id = await RawHttp.CreateInstanceAsync(emulator, "parallel");
        var profiles = await RawHttp.SendAsync(emulator, HttpMethod.Get, $"/security-profiles-summary/{id}");
        var agent = profiles.Json!["SecurityProfileSummaryList"]!.AsArray().Single(p => (string?)p!["Name"] == "Agent")!["Id"]!.ToString();
        var routing = (await RawHttp.SendAsync(emulator, HttpMethod.Get, $"/routing-profiles-summary/{id}")).Json!["RoutingProfileSummaryList"]![0]!["Id"]!.ToString();

        var creates = Enumerable.Range(0, 120).Select(i => RawHttp.SendAsync(emulator, HttpMethod.Put, $"/users/{id}",
            $$$"""{"Username":"agent{{{i:D3}}}","Password":"Passw0rd{{{i}}}","SecurityProfileIds":["{{{agent}}}"],"RoutingProfileId":"{{{routing}}}","IdentityInfo":{"FirstName":"A{{{i}}}"}}"""));
        var answers = await Task.WhenAll(creates);
        Assert.All(answers, a => Assert.Equal(200, a.Status));
        Assert.Equal(120, answers.Select(a => (string)a.Json!["UserId"]!).Distinct().Count());

        var duplicates = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => RawHttp.SendAsync(emulator, HttpMethod.Put, $"/users/{id}",
            $$"""{"Username":"same.name","Password":"Passw0rdX","SecurityProfileIds":["{{agent}}"],"RoutingProfileId":"{{routing}}"}""")));
        Assert.Single(duplicates, d => d.Status == 200);
        Assert.Equal(5, duplicates.Count(d => d.ErrorType == "DuplicateResourceException"));

        var search = await RawHttp.SendAsync(emulator, HttpMethod.Post, "/search-users", $$"""{"InstanceId":"{{id}}"}""");
        Assert.Equal(121, search.Json!["Users"]!.AsArray().Count);
        Assert.Equal(121, (int)search.Json!["ApproximateTotalCount"]!);
        Assert.Null(search.Json!["NextToken"]);

        var queues = await RawHttp.SendAsync(emulator, HttpMethod.Get, $"/queues-summary/{id}?queueTypes=AGENT&maxResults=100");
        Assert.Equal(100, queues.Json!["QueueSummaryList"]!.AsArray().Count);
        var rest = await RawHttp.SendAsync(emulator, HttpMethod.Get, $"/queues-summary/{id}?queueTypes=AGENT&maxResults=100&nextToken={Uri.EscapeDataString((string)queues.Json!["NextToken"]!)}");
        Assert.Equal(21, rest.Json!["QueueSummaryList"]!.AsArray().Count);
        Assert.Null(rest.Json!["NextToken"]);
    }
}
