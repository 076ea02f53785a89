using System.Text.Json.Nodes;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.Reconcilers.Framework;
using ConnectOps.Engine.State;
using ConnectOps.Engine.Tests.Reconcilers;
using Xunit.Abstractions;

namespace ConnectOps.Engine.Tests.State.S3;

/// <summary>Plans and applies against the emulator with state in S3 (moto): request counts, and two applies racing.</summary>
[Collection(nameof(S3ConcurrencyCollection))]
public sealed class S3WorkspaceTests(EmulatorFixture emulator, MotoServer moto, ITestOutputHelper output)
    : IClassFixture<EmulatorFixture>, IClassFixture<MotoServer>, IAsyncLifetime, IDisposable
{
    private readonly MotoAdmin _admin = new(moto);

    public async Task InitializeAsync() => await emulator.ResetAccountAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _admin.Dispose();

    private async Task<Workspace> OpenAsync(Harness h, IStateStore store)
    {
        var aws = await AwsServicesFactory.CreateAsync(new AwsSettings { Region = "eu-west-2", EndpointUrl = emulator.Endpoint.ToString() }, CancellationToken.None);
        return new Workspace(h.Load(), store, aws, h.Host) { PollInterval = TimeSpan.FromMilliseconds(5) };
    }

    private static void SetMaxContacts(Harness h, string alias, int value)
    {
        var config = Harness.BasicConfig(alias);
        config["Queues"]![0]!["MaxContacts"] = value;
        h.Write(config);
    }

    [MotoFact]
    public async Task OnePlanReadsTheStateOnceAndOneApplyLocksReadsWritesPerChangeAndUnlocks()
    {
        using var h = new Harness(emulator, Harness.BasicConfig("s3-counts"));
        var bucket = await _admin.CreateBucketAsync();
        using var store = new S3StateStore(moto.Settings(bucket));

        using (var ws = await OpenAsync(h, store))
        {
            var first = await ws.ApplyAsync(null, new PlanScope(), new ApplyOptions(), CancellationToken.None);
            Assert.Equal(0, first.Failed);
            output.WriteLine($"first apply ({first.Succeeded} creates): {Format(store.Requests.Snapshot())}");
        }

        store.Requests.Reset();
        using (var ws = await OpenAsync(h, store))
        {
            var plan = await ws.PlanAsync(new PlanScope(), CancellationToken.None);
            Assert.True(plan.IsEmpty, PlanRenderer.Render(plan));
        }
        var planCounts = store.Requests.Snapshot();
        output.WriteLine($"plan: {Format(planCounts)}");
        Assert.Equal(new Dictionary<string, long> { ["S3.GetObject"] = 1 }, planCounts);

        SetMaxContacts(h, "s3-counts", 150);
        store.Requests.Reset();
        using (var ws = await OpenAsync(h, store))
        {
            var apply = await ws.ApplyAsync(null, new PlanScope(), new ApplyOptions(), CancellationToken.None);
            Assert.Equal(1, apply.Succeeded);
        }
        var applyCounts = store.Requests.Snapshot();
        output.WriteLine($"apply of one update: {Format(applyCounts)} (lock: PutObject If-None-Match + DeleteObject If-Match; state: GetObject + one PutObject If-Match per change + one for the outputs)");
        Assert.Equal(new Dictionary<string, long> { ["S3.DeleteObject"] = 1, ["S3.GetObject"] = 1, ["S3.PutObject"] = 3 }, applyCounts);
        Assert.Null(await store.GetLockAsync());
    }

    [MotoFact]
    public async Task TwoAppliesAtOnceOneProceedsTheOtherFailsOnTheLockAndNoUpdateIsLost()
    {
        const string alias = "s3-apply-race";
        using var h = new Harness(emulator, Harness.BasicConfig(alias));
        var bucket = await _admin.CreateBucketAsync();
        var settings = moto.Settings(bucket);
        using (var seed = new S3StateStore(settings))
        using (var ws = await OpenAsync(h, seed))
        {
            Assert.Equal(0, (await ws.ApplyAsync(null, new PlanScope(), new ApplyOptions(), CancellationToken.None)).Failed);
        }

        var outcomes = new List<string>();
        for (var rep = 1; rep <= 10; rep++)
        {
            SetMaxContacts(h, alias, 100 + rep);
            // Two independent stores and clients, as two machines would have.
            using var storeA = new S3StateStore(settings);
            using var storeB = new S3StateStore(settings);
            using var a = await OpenAsync(h, storeA);
            using var b = await OpenAsync(h, storeB);
            using var go = new ManualResetEventSlim();
            var runs = new[] { a, b }.Select(ws => Task.Run(async () =>
            {
                go.Wait();
                try
                {
                    var result = await ws.ApplyAsync(null, new PlanScope(), new ApplyOptions(), CancellationToken.None);
                    return result.Succeeded == 1 ? "applied" : result.Outcomes.Count == 0 ? "nothing to do" : $"failed: {result.Summary}";
                }
                catch (StateLockedException)
                {
                    return "locked";
                }
            })).ToList();
            go.Set();
            var results = (await Task.WhenAll(runs)).Order(StringComparer.Ordinal).ToList();
            outcomes.Add(string.Join("+", results));

            Assert.Contains("applied", results);
            Assert.Single(results, r => r == "applied");
            Assert.All(results, r => Assert.Contains(r, new[] { "applied", "locked", "nothing to do" }));
            var state = (await storeA.ReadAsync())!.Document;
            Assert.Equal(100 + rep, JsonValues.AsLong(state.Get(ConnectOps.Engine.Addressing.ResourceAddress.Parse("Queues/CustomerService"))!.Attributes["MaxContacts"]));
            Assert.Null(await storeA.GetLockAsync());
        }
        output.WriteLine("apply race, 10 repetitions: " + string.Join(", ", outcomes.GroupBy(o => o).Select(g => $"{g.Key} x{g.Count()}")));
        using var check = new S3StateStore(settings);
        using var last = await OpenAsync(h, check);
        Assert.True((await last.PlanAsync(new PlanScope(), CancellationToken.None)).IsEmpty);
    }

    private static string Format(IReadOnlyDictionary<string, long> counts) => string.Join(", ", counts.Select(p => $"{p.Key} x{p.Value}"));
}
