using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectOps.Emulator;

namespace ConnectOps.Engine.Tests.Reconcilers;

/// <summary>One in-process emulator on a free loopback port per test class, with its admin endpoint.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private EmulatorServer? _server;

    public Uri Endpoint => _server?.BaseAddress ?? throw new InvalidOperationException("not started");

    public HttpClient Admin { get; } = new();

    public async Task InitializeAsync()
    {
        // The emulator accepts any credentials; these keep the tests away from a developer's profile.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDTEST");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "test-secret");
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", "/nonexistent/aws-config");
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials");
        _server = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, AsyncPolls = 2, Seed = 7 });
        Admin.BaseAddress = _server.BaseAddress;
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }

    /// <summary>Calls served per operation since the last reset ("Connect.CreateQueue" → n).</summary>
    public async Task<Dictionary<string, int>> CallsAsync()
    {
        var doc = await Admin.GetFromJsonAsync<JsonObject>("/_connectops/calls");
        return (doc!["Calls"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value!.GetValue<int>());
    }

    public async Task ResetCallsAsync() => (await Admin.PostAsync("/_connectops/calls/reset", null)).EnsureSuccessStatusCode();

    public async Task ConfigureAsync(object settings)
    {
        var response = await Admin.PostAsync("/_connectops/config", JsonContent.Create(settings, options: new JsonSerializerOptions()));
        response.EnsureSuccessStatusCode();
    }

    public async Task ResetAccountAsync() => (await Admin.PostAsync("/_connectops/reset", null)).EnsureSuccessStatusCode();

    /// <summary>Seeds a secret through the emulator's Secrets Manager (json-1.1, Region from the signature), as the AWS CLI would.</summary>
    public async Task CreateSecretAsync(string name, string value, string region = "eu-west-2")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { Name = name, SecretString = value }), Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        request.Headers.Add("X-Amz-Target", "secretsmanager.CreateSecret");
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential=AKIDTEST/20260101/{region}/secretsmanager/aws4_request, SignedHeaders=host, Signature=0");
        var response = await Admin.SendAsync(request);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"CreateSecret {name}: {await response.Content.ReadAsStringAsync()}");
    }
}
