using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ConnectOps.Emulator.Tests.Infrastructure;

/// <summary>Hand-made requests, for what no SDK would send: garbage bodies, wrong types, unknown routes.</summary>
public static class RawHttp
{
    public sealed record Answer(int Status, string? ErrorType, string? RequestId, string Body)
    {
        public JsonObject? Json => Body.TrimStart().StartsWith('{') ? JsonNode.Parse(Body) as JsonObject : null;

        public string Message => (string?)Json?["Message"] ?? (string?)Json?["message"] ?? Body;
    }

    public static async Task<Answer> SendAsync(EmulatorFixture emulator, HttpMethod method, string pathAndQuery, string? body = null,
        string contentType = "application/json", string region = "eu-west-2", string service = "connect", IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(emulator.BaseAddress, pathAndQuery));
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=AKIDCONNECTOPSTEST/20250101/{region}/{service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20250101T000000Z");
        foreach (var (key, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(key, value);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await emulator.Http.SendAsync(request);
        return new Answer(
            (int)response.StatusCode,
            response.Headers.TryGetValues("x-amzn-ErrorType", out var type) ? type.First() : null,
            response.Headers.TryGetValues("x-amzn-RequestId", out var id) ? id.First() : null,
            await response.Content.ReadAsStringAsync());
    }

    /// <summary>Creates an instance the way an SDK would (PUT /instance) and returns its id.</summary>
    public static async Task<string> CreateInstanceAsync(EmulatorFixture emulator, string alias, string region = "eu-west-2")
    {
        var answer = await SendAsync(emulator, HttpMethod.Put, "/instance",
            $$"""{"IdentityManagementType":"CONNECT_MANAGED","InstanceAlias":"{{alias}}","InboundCallsEnabled":true,"OutboundCallsEnabled":true}""", region: region);
        Assert.True(answer.Status == 200, answer.Body);
        return (string)answer.Json!["Id"]!;
    }
}
