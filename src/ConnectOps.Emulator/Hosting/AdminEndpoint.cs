using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectOps.Emulator.Protocols;
using Microsoft.AspNetCore.Http;

namespace ConnectOps.Emulator.Hosting;

/// <summary>
/// <c>/_connectops/</c>: a path no AWS operation uses. GET health, GET operations, GET calls, GET calls/log,
/// POST calls/reset,
/// GET|POST config, POST reset.
/// </summary>
internal sealed class AdminEndpoint(EmulatorRuntime runtime)
{
    public const string Prefix = "/_connectops";

    public async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value!.TrimEnd('/');
        var method = http.Request.Method;
        try
        {
            JsonNode result = (method, path) switch
            {
                ("GET", Prefix + "/health") => Health(),
                ("GET", Prefix + "/operations") => Operations(),
                ("GET", Prefix + "/calls") => runtime.Stats.ToJson(),
                ("GET", Prefix + "/calls/log") => runtime.Stats.LogJson(),
                ("POST", Prefix + "/calls/reset") => Done(runtime.Stats.Reset),
                ("GET", Prefix + "/config") => runtime.Config.ToJson(),
                ("POST", Prefix + "/config") => await ApplyConfigAsync(http),
                ("POST", Prefix + "/reset") => Done(runtime.ResetState),
                _ => throw new ApiException("UnknownOperationException", $"No admin operation {method} {path}. See GET {Prefix}/health.", status: 404),
            };
            await WriteAsync(http, 200, result);
        }
        catch (ApiException error)
        {
            http.Response.Headers["x-amzn-ErrorType"] = error.ShapeName;
            await WriteAsync(http, error.StatusFor(null), new JsonObject { ["Message"] = error.Message });
        }
    }

    private JsonObject Health()
    {
        var operations = new JsonObject();
        foreach (var (service, count) in runtime.Handlers.CountByService().OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            operations[service] = count;
        }

        return new JsonObject { ["Status"] = "ok", ["Operations"] = operations };
    }

    /// <summary>Every operation served, by service: {"Connect":["AssociateBot", …], "IAM":[…], …}.</summary>
    private JsonObject Operations()
    {
        var result = new JsonObject();
        foreach (var group in runtime.Handlers.Names.GroupBy(n => n[..n.IndexOf('.', StringComparison.Ordinal)]))
        {
            result[group.Key] = new JsonArray(group.Select(n => (JsonNode?)n[(n.IndexOf('.', StringComparison.Ordinal) + 1)..]).ToArray());
        }

        return result;
    }

    private async Task<JsonNode> ApplyConfigAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        JsonObject body;
        try
        {
            body = JsonNode.Parse(text.Length == 0 ? "{}" : text) as JsonObject
                ?? throw new ApiException("SerializationException", "Config body must be a JSON object.", status: 400);
        }
        catch (JsonException e)
        {
            throw new ApiException("SerializationException", $"Config body is not valid JSON: {e.Message}", status: 400);
        }

        runtime.Config.Apply(body);
        return runtime.Config.ToJson();
    }

    private static JsonObject Done(Action action)
    {
        action();
        return new JsonObject { ["Status"] = "ok" };
    }

    private static Task WriteAsync(HttpContext http, int status, JsonNode body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(body.ToJsonString(), Encoding.UTF8);
    }
}
