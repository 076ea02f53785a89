using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectOps.Emulator.Models;
using Microsoft.AspNetCore.Http;

namespace ConnectOps.Emulator.Protocols;

/// <summary>One AWS wire protocol: how a request names its operation and members, and how answers are written.</summary>
internal abstract class WireProtocol
{
    public abstract ServiceModel Model { get; }

    public abstract Task WriteSuccessAsync(HttpContext http, Operation operation, JsonObject output, string requestId);

    public abstract Task WriteErrorAsync(HttpContext http, ApiException error, string requestId);

    protected static Task WriteJsonAsync(HttpContext http, int status, string contentType, JsonNode body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = contentType;
        return http.Response.WriteAsync(body.ToJsonString(), Encoding.UTF8);
    }

    /// <summary>Parses a JSON request body; an empty body is an empty object, anything else not an object is refused.</summary>
    protected static JsonObject ParseJsonBody(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty || body.Span.Trim((byte)' ').IsEmpty)
        {
            return new JsonObject();
        }

        try
        {
            return JsonNode.Parse(body.Span, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }) as JsonObject
                ?? throw new ApiException("SerializationException", "Request body must be a JSON object.", status: 400);
        }
        catch (JsonException e)
        {
            throw new ApiException("SerializationException", $"Request body is not valid JSON: {e.Message}", status: 400);
        }
    }
}

/// <summary>A request whose service and operation are known; binding its members may still fail validation.</summary>
internal sealed record ResolvedRequest(WireProtocol Protocol, Operation Operation, Func<JsonObject> Bind);
