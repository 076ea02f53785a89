using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ConnectOps.Engine.Abstractions;
using ConnectOps.Engine.Config;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.Reconcilers.Framework;
using ConnectOps.Engine.State;

namespace ConnectOps.Engine.Tests.Reconcilers;

/// <summary>A host that says yes (or what the test wants) and records what the engine told it.</summary>
internal sealed class RecordingHost : IHost
{
    public ConcurrentQueue<string> Verbose { get; } = new();
    public ConcurrentQueue<string> Warnings { get; } = new();
    public ConcurrentQueue<(string Target, string Action)> Asked { get; } = new();
    public Func<string, string, bool> Answer { get; set; } = (_, _) => true;
    public CancellationToken CancellationToken => CancellationToken.None;

    public bool ShouldProcess(string target, string action, string renderedDiff)
    {
        Asked.Enqueue((target, action));
        return Answer(target, action);
    }

    public void WriteVerbose(string message) => Verbose.Enqueue(message);
    public void WriteWarning(string message) => Warnings.Enqueue(message);
    public void WriteDebug(string message) { }
    public void PostProgress(ProgressEvent progress) { }
}

/// <summary>A config in a temp folder (JSON, same tree as a .psd1), its local state, and the emulator.</summary>
internal sealed class Harness : IDisposable
{
    private readonly EmulatorFixture _emulator;

    public Harness(EmulatorFixture emulator, JsonObject config)
    {
        _emulator = emulator;
        Folder = Path.Combine(Path.GetTempPath(), "connectops-test-" + Guid.NewGuid().ToString("n")[..8]);
        Directory.CreateDirectory(Folder);
        Write(config);
    }

    public string Folder { get; }
    public string ConfigPath => Path.Combine(Folder, "connectops.json");
    public RecordingHost Host { get; } = new();
    public LocalStateStore Store => new(Path.Combine(Folder, ".connectops", "state.json"));

    public void Write(JsonObject config) => File.WriteAllText(ConfigPath, config.ToJsonString());

    public ConnectConfig Load()
    {
        var result = ConfigLoader.Load(ConfigPath, new JsonConfigReader());
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Errors));
        return result.Config!;
    }

    public async Task<Workspace> OpenAsync(Func<AwsSettings, AwsSettings>? tweak = null)
    {
        var config = Load();
        var settings = new AwsSettings { Region = "eu-west-2", EndpointUrl = _emulator.Endpoint.ToString() };
        var aws = await AwsServicesFactory.CreateAsync(tweak?.Invoke(settings) ?? settings, CancellationToken.None);
        return new Workspace(config, Store, aws, Host) { PollInterval = TimeSpan.FromMilliseconds(5) };
    }

    public async Task<Plan> PlanAsync(PlanScope? scope = null)
    {
        using var ws = await OpenAsync();
        return await ws.PlanAsync(scope ?? new PlanScope(), CancellationToken.None);
    }

    public async Task<ApplyResult> ApplyAsync(PlanScope? scope = null, Plan? plan = null, ApplyOptions? options = null)
    {
        using var ws = await OpenAsync();
        return await ws.ApplyAsync(plan, scope ?? new PlanScope(), options ?? new ApplyOptions(), CancellationToken.None);
    }

    public async Task<StateDocument> StateAsync() => (await Store.ReadAsync())?.Document ?? throw new InvalidOperationException("no state");

    /// <summary>The basic contact centre most tests start from (alias must be unique per emulator).</summary>
    public static JsonObject BasicConfig(string alias) => JsonNode.Parse($$"""
    {
      "Region": "eu-west-2",
      "Instance": { "Alias": "{{alias}}", "IdentityManagementType": "CONNECT_MANAGED", "InboundCallsEnabled": true,
                    "OutboundCallsEnabled": true, "ContactFlowLogsEnabled": true, "LogRetentionDays": 7,
                    "IamPolicyArn": "arn:aws:iam::aws:policy/AmazonConnect_FullAccess", "Tags": { "Environment": "test" } },
      "Tags": { "ManagedBy": "connectops" },
      "HoursOfOperation": [
        { "Name": "UK Business Hours", "TimeZone": "Europe/London",
          "Config": [ { "Day": "MONDAY", "Start": "09:00", "End": "17:00" }, { "Day": "TUESDAY", "Start": "09:00", "End": "17:00" } ] }
      ],
      "Queues": [
        { "Name": "CustomerService", "HoursOfOperation": "UK Business Hours", "MaxContacts": 100, "Description": "General" },
        { "Name": "Billing", "HoursOfOperation": "Basic Hours", "MaxContacts": 5 }
      ]
    }
    """)!.AsObject();

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
