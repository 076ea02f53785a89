using System.Diagnostics;
using System.Text.Json.Nodes;
using ConnectOps.Emulator.Tests.Infrastructure;

namespace ConnectOps.Emulator.Tests;

public sealed class AdminEndpointTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => emulator.ResetAsync();

    /// <summary>Faults and latency are switched off again after every test, whatever it set.</summary>
    public async Task DisposeAsync() =>
        (await emulator.AdminPostAsync("config", """{"Fault500Rate":0,"FaultTimeoutRate":0,"FaultDropRate":0,"FaultOperations":null,"LatencyMs":0,"ResourceQuotas":"aws-default","RateLimits":"off"}""")).EnsureSuccessStatusCode();

    [Fact]
    public async Task Calls_AreCountedPerServiceAndOperation_AndReset()
    {
        var id = await RawHttp.CreateInstanceAsync(emulator, "counted");
        for (var i = 0; i < 3; i++)
        {
            await RawHttp.SendAsync(emulator, HttpMethod.Get, $"/queues-summary/{id}");
        }

        await RawHttp.SendAsync(emulator, HttpMethod.Post, "/", "Action=GetCallerIdentity&Version=2011-06-15", "application/x-www-form-urlencoded", service: "sts");
        var calls = await emulator.AdminGetAsync("calls");
        Assert.Equal(1, (int)calls["Calls"]!["Connect.CreateInstance"]!);
        Assert.Equal(3, (int)calls["Calls"]!["Connect.ListQueues"]!);
        Assert.Equal(1, (int)calls["Calls"]!["STS.GetCallerIdentity"]!);
        Assert.Empty(calls["Throttled"]!.AsObject());
        Assert.Empty(calls["Faults"]!.AsObject());

        (await emulator.AdminPostAsync("calls/reset")).EnsureSuccessStatusCode();
        Assert.Empty((await emulator.AdminGetAsync("calls"))["Calls"]!.AsObject());
    }

    [Fact]
    public async Task CallLog_ListsServedCallsInOrder_WithTheMembersThatNameTheirResources_AndResets()
    {
        var id = await RawHttp.CreateInstanceAsync(emulator, "logged");
        await RawHttp.SendAsync(emulator, HttpMethod.Get, $"/queues-summary/{id}");
        await RawHttp.SendAsync(emulator, HttpMethod.Post, "/", "Action=GetRole&Version=2010-05-08&RoleName=logged-role", "application/x-www-form-urlencoded", service: "iam");

        var log = (await emulator.AdminGetAsync("calls/log"))["Calls"]!.AsArray();
        var operations = log.Select(e => (string)e!["Operation"]!).ToList();
        Assert.Equal(["Connect.CreateInstance", "Connect.ListQueues", "IAM.GetRole"], operations);
        Assert.Equal(id, (string)log[1]!["Identifiers"]!["InstanceId"]!);
        Assert.Equal("logged-role", (string)log[2]!["Identifiers"]!["RoleName"]!);
        // Settings such as the alias and the switches are not identifiers.
        Assert.Null(log[0]!["Identifiers"]!["InstanceAlias"]);
        Assert.False(string.IsNullOrEmpty((string?)log[1]!["Region"]));

        (await emulator.AdminPostAsync("calls/reset")).EnsureSuccessStatusCode();
        Assert.Empty((await emulator.AdminGetAsync("calls/log"))["Calls"]!.AsArray());
    }

    [Fact]
    public async Task Config_ReportsAndChangesSettings_AndRefusesUnknownMembers()
    {
        var config = await emulator.AdminGetAsync("config");
        Assert.Equal("off", (string)config["RateLimits"]!);
        Assert.Equal("aws-default", (string)config["ResourceQuotas"]!);

        var changed = await emulator.AdminPostAsync("config", """{"LatencyMs":5,"RateLimitOverrides":{"ListQueues":{"Rate":3,"Burst":4}}}""");
        changed.EnsureSuccessStatusCode();
        var after = await emulator.AdminGetAsync("config");
        Assert.Equal(5, (int)after["LatencyMs"]!);
        Assert.Equal(4, (double)after["RateLimitOverrides"]!["ListQueues"]!["Burst"]!);

        Assert.Equal(400, (int)(await emulator.AdminPostAsync("config", """{"Colour":"blue"}""")).StatusCode);
        Assert.Equal(400, (int)(await emulator.AdminPostAsync("config", """{"Fault500Rate":2}""")).StatusCode);
        Assert.Equal(400, (int)(await emulator.AdminPostAsync("config", "not json")).StatusCode);
        Assert.Equal(404, (int)(await emulator.AdminPostAsync("launch")).StatusCode);

        var health = await emulator.AdminGetAsync("health");
        Assert.True((int)health["Operations"]!["Connect"]! > 90);
        Assert.Equal(10, (int)health["Operations"]!["IAM"]!);
    }

    [Fact]
    public async Task Operations_ListsEveryOperationConnectOpsCalls()
    {
        var served = await emulator.AdminGetAsync("operations");
        var services = new Dictionary<string, string> { ["connect"] = "Connect", ["iam"] = "IAM", ["logs"] = "Logs", ["secretsmanager"] = "SecretsManager" };
        var used = File.ReadAllLines(Path.Combine(RepositoryRoot(), "models", "operations.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        Assert.NotEmpty(used);
        var missing = used
            .Where(u => !served[services[u[0]]]!.AsArray().Any(o => (string?)o == u[1]))
            .Select(u => $"{u[0]} {u[1]}")
            .ToList();
        Assert.True(missing.Count == 0, "operations ConnectOps calls that the emulator does not serve: " + string.Join(", ", missing));
        Assert.Contains(served["STS"]!.AsArray(), o => (string?)o == "GetCallerIdentity");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "models", "operations.txt")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("models/operations.txt was not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public async Task Fault500_AnswersInternalServiceException_OnlyForTheListedOperations()
    {
        var id = await RawHttp.CreateInstanceAsync(emulator, "faulty");
        (await emulator.AdminPostAsync("config", """{"Fault500Rate":1,"FaultOperations":["ListQueues"]}""")).EnsureSuccessStatusCode();

        var failed = await RawHttp.SendAsync(emulator, HttpMethod.Get, $"/queues-summary/{id}");
        Assert.Equal(500, failed.Status);
        Assert.Equal("InternalServiceException", failed.ErrorType);
        var other = await RawHttp.SendAsync(emulator, HttpMethod.Get, $"/routing-profiles-summary/{id}");
        Assert.Equal(200, other.Status);
        Assert.Equal(1, (int)(await emulator.AdminGetAsync("calls"))["Faults"]!["Connect.ListQueues"]!);
    }

    [Fact]
    public async Task FaultDrop_ExecutesTheCall_ThenAbortsTheConnectionWithoutAnswer()
    {
        (await emulator.AdminPostAsync("config", """{"FaultDropRate":1,"FaultOperations":["Connect.CreateInstance"]}""")).EnsureSuccessStatusCode();
        await Assert.ThrowsAsync<HttpRequestException>(() => RawHttp.SendAsync(emulator, HttpMethod.Put, "/instance",
            """{"IdentityManagementType":"CONNECT_MANAGED","InstanceAlias":"dropped","InboundCallsEnabled":true,"OutboundCallsEnabled":true}"""));

        var listed = await RawHttp.SendAsync(emulator, HttpMethod.Get, "/instance");
        Assert.Equal("dropped", (string)listed.Json!["InstanceSummaryList"]![0]!["InstanceAlias"]!);
    }

    [Fact]
    public async Task FaultTimeout_HoldsTheRequest_ThenAnswers504()
    {
        (await emulator.AdminPostAsync("config", """{"FaultTimeoutRate":1,"FaultTimeoutMs":300,"FaultOperations":["ListInstances"]}""")).EnsureSuccessStatusCode();
        var watch = Stopwatch.StartNew();
        var answer = await RawHttp.SendAsync(emulator, HttpMethod.Get, "/instance");
        Assert.Equal(504, answer.Status);
        Assert.True(watch.ElapsedMilliseconds >= 280, $"answered after {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Latency_DelaysEveryCall()
    {
        (await emulator.AdminPostAsync("config", """{"LatencyMs":250}""")).EnsureSuccessStatusCode();
        var watch = Stopwatch.StartNew();
        Assert.Equal(200, (await RawHttp.SendAsync(emulator, HttpMethod.Get, "/instance")).Status);
        Assert.True(watch.ElapsedMilliseconds >= 230, $"answered after {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Reset_WipesTheEmulatedAccount()
    {
        await RawHttp.CreateInstanceAsync(emulator, "wiped");
        (await emulator.AdminPostAsync("reset")).EnsureSuccessStatusCode();
        var listed = await RawHttp.SendAsync(emulator, HttpMethod.Get, "/instance");
        Assert.Empty(listed.Json!["InstanceSummaryList"]!.AsArray());
    }
}

public sealed class StateFileTests
{
    [Fact]
    public async Task StateFile_KeepsTheAccountBetweenRuns_WrittenAtomically()
    {
        var directory = Directory.CreateTempSubdirectory("connectops-emulator-state-");
        try
        {
            var path = Path.Combine(directory.FullName, "account.json");
            string id;
            await using (var first = new StandaloneEmulator(new EmulatorOptions { StateFile = path }))
            {
                await first.StartAsync();
                id = await RawHttp.CreateInstanceAsync(first.Fixture, "persisted");
                var queue = await RawHttp.SendAsync(first.Fixture, HttpMethod.Get, $"/queues-summary/{id}");
                Assert.Equal(200, queue.Status);

                // Written in the background while the emulator runs, not only when it stops.
                var deadline = DateTime.UtcNow.AddSeconds(10);
                while (!(File.Exists(path) && (await File.ReadAllTextAsync(path)).Contains(id, StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(50);
                }

                Assert.Contains(id, await File.ReadAllTextAsync(path), StringComparison.Ordinal);
            }

            Assert.True(File.Exists(path));
            Assert.Equal([path], Directory.GetFiles(directory.FullName));

            await using var second = new StandaloneEmulator(new EmulatorOptions { StateFile = path });
            await second.StartAsync();
            var described = await RawHttp.SendAsync(second.Fixture, HttpMethod.Get, $"/instance/{id}");
            Assert.Equal("persisted", (string)described.Json!["Instance"]!["InstanceAlias"]!);
            var queues = await RawHttp.SendAsync(second.Fixture, HttpMethod.Get, $"/queues-summary/{id}");
            Assert.Equal("BasicQueue", (string)queues.Json!["QueueSummaryList"]![0]!["Name"]!);
            var created = await RawHttp.SendAsync(second.Fixture, HttpMethod.Put, $"/hours-of-operations/{id}",
                """{"Name":"After restart","TimeZone":"UTC","Config":[{"Day":"MONDAY","StartTime":{"Hours":9,"Minutes":0},"EndTime":{"Hours":17,"Minutes":0}}]}""");
            Assert.Equal(200, created.Status);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private sealed class StandaloneEmulator(EmulatorOptions options) : IAsyncDisposable
    {
        public Fixture Fixture { get; } = new(options);

        public Task StartAsync() => Fixture.InitializeAsync();

        public async ValueTask DisposeAsync() => await Fixture.DisposeAsync();
    }

    private sealed class Fixture(EmulatorOptions options) : EmulatorFixture
    {
        protected override EmulatorOptions Options => options;
    }
}

public sealed class CommandLineTests
{
    [Fact]
    public void Options_ParseEverySwitch_AndRefuseNonLoopbackOrUnknownOptions()
    {
        var options = EmulatorOptions.Parse(["--urls", "http://127.0.0.1:0", "--rate-limits", "aws-default", "--resource-quotas=off",
            "--latency-ms", "25", "--fault-500-rate", "0.1", "--fault-timeout-rate", "0.2", "--fault-drop-rate", "0.3", "--seed", "7",
            "--state-file", "/tmp/x.json", "--async-polls", "3", "--fault-timeout-ms", "100"]);
        Assert.Equal(0, options.Port);
        Assert.Equal("aws-default", options.RateLimits);
        Assert.Equal("off", options.ResourceQuotas);
        Assert.Equal(25, options.LatencyMs);
        Assert.Equal(0.1, options.Fault500Rate);
        Assert.Equal(0.2, options.FaultTimeoutRate);
        Assert.Equal(0.3, options.FaultDropRate);
        Assert.Equal(7, options.Seed);
        Assert.Equal("/tmp/x.json", options.StateFile);
        Assert.Equal(3, options.AsyncPolls);
        Assert.Equal(100, options.FaultTimeoutMs);
        Assert.Equal(4599, EmulatorOptions.Parse([]).Port);

        Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(["--urls", "http://0.0.0.0:4599"]));
        Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(["--rate-limits", "fast"]));
        Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(["--fault-500-rate", "1.5"]));
        Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(["--bogus"]));
    }

    [Fact]
    public async Task Dll_PrintsTheListeningLine_WithTheBoundPort_AndServes()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ConnectOps.Emulator.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        using var process = Process.Start(start)!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            var match = System.Text.RegularExpressions.Regex.Match(line ?? string.Empty, @"^ConnectOps emulator listening on (http://127\.0\.0\.1:(\d+))$");
            Assert.True(match.Success, $"unexpected first line: {line}");
            Assert.NotEqual("0", match.Groups[2].Value);

            using var http = new HttpClient();
            var health = JsonNode.Parse(await http.GetStringAsync(match.Groups[1].Value + "/_connectops/health"))!;
            Assert.Equal("ok", (string)health["Status"]!);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
