using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace ConnectOps.Emulator.Tests.Infrastructure;

/// <summary>One in-process emulator on a free 127.0.0.1 port per test class.</summary>
public class EmulatorFixture : IAsyncLifetime
{
    private EmulatorServer? server;

    public Uri BaseAddress => server?.BaseAddress ?? throw new InvalidOperationException("The emulator is not started.");

    public string Endpoint => BaseAddress.GetLeftPart(UriPartial.Authority);

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    internal EmulatorServer Server => server ?? throw new InvalidOperationException("The emulator is not started.");

    protected virtual EmulatorOptions Options => new() { Port = 0, AsyncPolls = 2 };

    public async Task InitializeAsync() => server = await EmulatorServer.StartAsync(Options);

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>Wipes the emulated account and the call counts, so each test starts from nothing.</summary>
    public async Task ResetAsync()
    {
        (await Http.PostAsync(new Uri(BaseAddress, "/_connectops/reset"), null)).EnsureSuccessStatusCode();
        (await Http.PostAsync(new Uri(BaseAddress, "/_connectops/calls/reset"), null)).EnsureSuccessStatusCode();
    }

    public async Task<JsonObject> AdminGetAsync(string path) =>
        (await Http.GetFromJsonAsync<JsonObject>(new Uri(BaseAddress, "/_connectops/" + path)))!;

    public async Task<HttpResponseMessage> AdminPostAsync(string path, string json = "{}") =>
        await Http.PostAsync(new Uri(BaseAddress, "/_connectops/" + path), new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Runs Scripts/<paramref name="script"/> with boto3 against this emulator and returns what it recorded.</summary>
    public async Task<JsonObject> RunBoto3Async(string script, string region = "eu-west-2")
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Scripts", script);
        var result = await Peers.RunAsync("python3", [path], new Dictionary<string, string>
        {
            ["EMULATOR_URL"] = Endpoint,
            ["EMULATOR_REGION"] = region,
            ["PYTHONPATH"] = Path.Combine(AppContext.BaseDirectory, "Scripts"),
        });
        Assert.True(result.ExitCode == 0, $"{script} failed:\n{result}");
        var lastLine = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "{}";
        return JsonNode.Parse(lastLine)!.AsObject();
    }

    /// <summary>Runs one AWS CLI command against this emulator (eu-west-2, JSON output).</summary>
    public Task<ProcessResult> RunAwsAsync(params string[] arguments) =>
        Peers.RunAsync("aws", [.. arguments, "--endpoint-url", Endpoint, "--region", "eu-west-2", "--output", "json"]);

    /// <summary>
    /// Runs several AWS CLI commands, in order, in one process through the CLI's own driver (Scripts/aws_batch.py):
    /// the same CLI code as the <c>aws</c> command, without a process start-up per command.
    /// </summary>
    public async Task<IReadOnlyList<ProcessResult>> RunAwsBatchAsync(params string[][] commands)
    {
        var payload = new JsonArray(commands.Select(c => (JsonNode?)new JsonArray(
            [.. c.Select(a => (JsonNode?)JsonValue.Create(a)), "--endpoint-url", Endpoint, "--region", "eu-west-2", "--output", "json"])).ToArray());
        var result = await Peers.RunAsync("python3", [Path.Combine(AppContext.BaseDirectory, "Scripts", "aws_batch.py")], input: payload.ToJsonString());
        Assert.True(result.ExitCode == 0, $"aws_batch.py failed:\n{result}");
        var lastLine = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        return JsonNode.Parse(lastLine)!.AsArray()
            .Select(r => new ProcessResult((int)r!["rc"]!, (string)r["stdout"]!, (string)r["stderr"]!))
            .ToList();
    }

    public async Task<JsonObject> AwsJsonAsync(params string[] arguments)
    {
        var result = await RunAwsAsync(arguments);
        Assert.True(result.ExitCode == 0, $"aws {string.Join(' ', arguments)} failed:\n{result}");
        return string.IsNullOrWhiteSpace(result.StandardOutput) ? new JsonObject() : JsonNode.Parse(result.StandardOutput)!.AsObject();
    }
}

/// <summary>An emulator with Connect's default per-operation rate limits on.</summary>
public sealed class RateLimitedEmulatorFixture : EmulatorFixture
{
    protected override EmulatorOptions Options => new() { Port = 0, RateLimits = "aws-default" };
}
