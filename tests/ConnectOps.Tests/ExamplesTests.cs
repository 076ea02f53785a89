using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ConnectOps.Emulator;
using ConnectOps.Engine.Abstractions;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Config;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.Reconcilers;
using ConnectOps.Engine.Reconcilers.Framework;
using ConnectOps.Engine.State;
using ConnectOps.Hosting;

namespace ConnectOps.Tests;

/// <summary>One in-process emulator for the example tests, with its account wiped per test.</summary>
public sealed class ExampleEmulatorFixture : IAsyncLifetime
{
    private EmulatorServer? _server;

    public Uri Endpoint => _server?.BaseAddress ?? throw new InvalidOperationException("not started");

    public HttpClient Http { get; } = new();

    public async Task InitializeAsync()
    {
        // The emulator accepts any credentials; these keep the tests away from a developer's profile.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDEXAMPLES");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "examples-secret");
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", "/nonexistent/aws-config");
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials");
        _server = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, AsyncPolls = 2, Seed = 11 });
        Http.BaseAddress = _server.BaseAddress;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }

    public async Task ResetAsync() => (await Http.PostAsync("/_connectops/reset", null)).EnsureSuccessStatusCode();

    /// <summary>Seeds a Secrets Manager secret in <paramref name="region"/> (json-1.1, scoped by the credential).</summary>
    public async Task CreateSecretAsync(string region, string name, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent(new JsonObject { ["Name"] = name, ["SecretString"] = value }.ToJsonString(), Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-amz-json-1.1");
        request.Headers.Add("X-Amz-Target", "secretsmanager.CreateSecret");
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLES/20250101/{region}/secretsmanager/aws4_request, SignedHeaders=host, Signature=00");
        (await Http.SendAsync(request)).EnsureSuccessStatusCode();
    }
}

/// <summary>
/// Every example in examples/ read with the module's .psd1 reader, applied from scratch against the emulator, and
/// planned again: the second plan must be empty and every declared resource must be in state.
/// </summary>
public sealed class ExamplesTests : IClassFixture<ExampleEmulatorFixture>, IAsyncLifetime, IDisposable
{
    private readonly ExampleEmulatorFixture _emulator;
    private readonly string _work = Path.Combine(Path.GetTempPath(), "connectops-examples-" + Guid.NewGuid().ToString("n")[..8]);

    public ExamplesTests(ExampleEmulatorFixture emulator) => _emulator = emulator;

    public Task InitializeAsync() => _emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>A host that says yes to everything and keeps the warnings (the export round trip uses it too).</summary>
    internal sealed class YesHost : IHost
    {
        public ConcurrentQueue<string> Warnings { get; } = new();
        public CancellationToken CancellationToken => CancellationToken.None;
        public bool ShouldProcess(string target, string action, string renderedDiff) => true;
        public void WriteVerbose(string message) { }
        public void WriteWarning(string message) => Warnings.Enqueue(message);
        public void WriteDebug(string message) { }
        public void PostProgress(ProgressEvent progress) { }
    }

    internal static string ExamplesRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "examples");
            if (Directory.Exists(Path.Combine(candidate, "full-contact-center"))) return candidate;
        }
        throw new InvalidOperationException("examples/ not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A copy of the example (so its state never lands in the repository), loaded with the .psd1 reader.</summary>
    private ConnectConfig Load(string example)
    {
        var source = Path.Combine(ExamplesRoot(), example);
        var target = Path.Combine(_work, example);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith(".connectops", StringComparison.Ordinal)) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }
        var result = ConfigLoader.Load(Path.Combine(target, "connectops.psd1"), new PsdConfigReader());
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Errors));
        Assert.Empty(result.Warnings);
        return result.Config!;
    }

    private async Task<Workspace> OpenAsync(ConnectConfig config, YesHost host)
    {
        var aws = await AwsServicesFactory.CreateAsync(new AwsSettings { Region = config.Region, EndpointUrl = _emulator.Endpoint.ToString() }, CancellationToken.None);
        return new Workspace(config, new LocalStateStore(config.State.Path!), aws, host) { PollInterval = TimeSpan.FromMilliseconds(5) };
    }

    /// <summary>Applies from scratch, checks every declared resource is in state, and that the next plan is empty.</summary>
    private async Task<StateDocument> ApplyAndReplanAsync(ConnectConfig config)
    {
        // A component without a registered reconciler would silently stay out of state: say which.
        var registered = ReconcilerRegistry.All.Select(r => r.Component).ToHashSet();
        var missing = config.AllResources().Select(r => r.Address.Component).Distinct().Where(c => !registered.Contains(c)).ToList();
        Assert.True(missing.Count == 0, $"No reconciler is registered yet for: {string.Join(", ", missing)}.");

        foreach (var secret in config.Users.Select(u => u.PasswordSecret).OfType<string>().Distinct(StringComparer.Ordinal))
            await _emulator.CreateSecretAsync(config.Region!, secret, "Example-Passw0rd");

        var host = new YesHost();
        using (var ws = await OpenAsync(config, host))
        {
            var result = await ws.ApplyAsync(null, new PlanScope(), new ApplyOptions(), CancellationToken.None);
            Assert.True(result.Failed == 0 && result.Skipped == 0, string.Join(Environment.NewLine, result.Outcomes.Where(o => o.Status != ChangeStatus.Succeeded).Select(o => $"{o.Address} {o.Status}: {o.Message}")));
        }
        using (var ws = await OpenAsync(config, host))
        {
            var plan = await ws.PlanAsync(new PlanScope(), CancellationToken.None);
            Assert.True(plan.IsEmpty, PlanRenderer.Render(plan));
        }
        var state = (await new LocalStateStore(config.State.Path!).ReadAsync())!.Document;
        foreach (var resource in config.AllResources())
            Assert.True(state.Resources.ContainsKey(resource.Address) || resource.Address.Equals(ResourceAddress.Instance) && state.Instance is not null, $"{resource.Address} is not in state");
        return state;
    }

    private static JsonObject Output(StateDocument state, string name) => JsonNode.Parse(state.Outputs[name]!)!.AsObject();

    [Fact]
    public async Task Full_contact_center_applies_from_scratch_and_plans_empty_after()
    {
        var config = Load("full-contact-center");
        Assert.Equal(6, config.ContactFlows.Count);
        Assert.Equal(3, config.QuickConnects.Select(q => q.Type).Distinct().Count());

        var state = await ApplyAndReplanAsync(config);

        var numbers = Output(state, "phone_numbers");
        Assert.Equal(["freephone", "main_line"], numbers.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.StartsWith("+4420", numbers["main_line"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(6, Output(state, "contact_flow_ids").Count);
        Assert.Equal(2, Output(state, "lex_bot_associations").Count);
        Assert.Equal(6, Output(state, "summary")["Users"]!.GetValue<int>());
    }

    [Fact]
    public async Task Lex_lambda_integration_applies_from_scratch_and_plans_empty_after()
    {
        var config = Load("lex-lambda-integration");

        var state = await ApplyAndReplanAsync(config);

        Assert.Equal(2, Output(state, "lambda_function_associations").Count);
        Assert.Equal("arn:aws:lex:eu-west-2:123456789012:bot-alias/FRONTDOOR1/PRODALIAS1", Output(state, "lex_bot_associations")["FrontDoorBot"]!.GetValue<string>());
        Assert.Single(Output(state, "phone_numbers"));
        Assert.Single(Output(state, "contact_flow_ids"));
    }
}
