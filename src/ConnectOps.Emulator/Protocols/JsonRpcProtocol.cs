using System.Text.Json.Nodes;
using ConnectOps.Emulator.Models;
using Microsoft.AspNetCore.Http;

namespace ConnectOps.Emulator.Protocols;

/// <summary>
/// json-1.1 (CloudWatch Logs, Secrets Manager): the operation comes from <c>X-Amz-Target: Prefix.Operation</c>,
/// members from the JSON body; errors are status + <c>{"__type": code, "message": …}</c>.
/// </summary>
internal sealed class JsonRpcProtocol(ServiceModel model) : WireProtocol
{
    public const string ContentType = "application/x-amz-json-1.1";

    public override ServiceModel Model { get; } = model;

    public bool Handles(string target) =>
        target.StartsWith(Model.TargetPrefix + ".", StringComparison.Ordinal);

    public ResolvedRequest Resolve(string target, ReadOnlyMemory<byte> body)
    {
        var name = target[(Model.TargetPrefix!.Length + 1)..];
        if (!Model.Operations.TryGetValue(name, out var operation))
        {
            throw new ApiException("UnknownOperationException", $"Unknown operation {target}.", status: 400);
        }

        return new ResolvedRequest(this, operation, () => ParseJsonBody(body));
    }

    public override Task WriteSuccessAsync(HttpContext http, Operation operation, JsonObject output, string requestId) =>
        WriteJsonAsync(http, 200, ContentType, output);

    public override Task WriteErrorAsync(HttpContext http, ApiException error, string requestId)
    {
        var code = error.CodeFor(Model);
        http.Response.Headers["x-amzn-ErrorType"] = code;
        var body = new JsonObject { ["__type"] = code, ["message"] = error.Message };
        if (error.Extra is not null)
        {
            foreach (var (key, value) in error.Extra)
            {
                body[key] = value?.DeepClone();
            }
        }

        return WriteJsonAsync(http, error.StatusFor(Model), ContentType, body);
    }
}
