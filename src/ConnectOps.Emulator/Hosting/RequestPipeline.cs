using System.Text.Json.Nodes;
using ConnectOps.Emulator.Models;
using ConnectOps.Emulator.Protocols;
using ConnectOps.Emulator.State;
using Microsoft.AspNetCore.Http;

namespace ConnectOps.Emulator.Hosting;

/// <summary>
/// Every request: admin paths, else resolve service + operation (json-1.1 by X-Amz-Target, query by form Action and
/// the SigV4 scope's service, otherwise Connect rest-json), count it, throttle, inject latency and faults, bind and
/// validate from the model, replay idempotent tokens, run the handler under the state lock, persist, answer.
/// </summary>
internal sealed class RequestPipeline
{
    private readonly EmulatorRuntime runtime;
    private readonly RestJsonProtocol connect = new(ServiceModels.Connect);
    private readonly QueryProtocol iam = new(ServiceModels.Iam);
    private readonly QueryProtocol sts = new(ServiceModels.Sts);
    private readonly JsonRpcProtocol logs = new(ServiceModels.Logs);
    private readonly JsonRpcProtocol secrets = new(ServiceModels.SecretsManager);
    private readonly AdminEndpoint admin;

    public RequestPipeline(EmulatorRuntime runtime)
    {
        this.runtime = runtime;
        admin = new AdminEndpoint(runtime);
    }

    public async Task HandleAsync(HttpContext http)
    {
        var requestId = Guid.NewGuid().ToString();
        http.Response.Headers["x-amzn-RequestId"] = requestId;
        if (http.Request.Path.StartsWithSegments(AdminEndpoint.Prefix, StringComparison.Ordinal))
        {
            await admin.HandleAsync(http);
            return;
        }

        WireProtocol protocol = connect;
        try
        {
            var body = await ReadBodyAsync(http);
            var scope = SigV4Scope.From(http.Request);
            var (chosen, resolve) = Route(http, body, scope);
            protocol = chosen;
            var resolved = resolve();
            await ServeAsync(http, resolved, scope, requestId);
        }
        catch (ApiException error)
        {
            await WriteErrorSafelyAsync(http, protocol, error, requestId);
        }
        catch (BadHttpRequestException bad)
        {
            // Kestrel's own refusals (body too large, malformed framing) keep their status.
            await WriteErrorSafelyAsync(http, protocol, new ApiException("SerializationException", bad.Message, status: bad.StatusCode), requestId);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception unexpected)
        {
            await Console.Error.WriteLineAsync($"emulator: unexpected error on {http.Request.Method} {http.Request.Path}: {unexpected}");
            await WriteErrorSafelyAsync(http, protocol, InternalError(protocol, "The emulator hit an internal error: " + unexpected.Message), requestId);
        }
    }

    private async Task ServeAsync(HttpContext http, ResolvedRequest resolved, SigV4Scope scope, string requestId)
    {
        var operation = resolved.Operation;
        var key = $"{operation.Service.Name}.{operation.Name}";
        var settings = runtime.Config.Current;
        runtime.Stats.Called(key);

        if (!runtime.RateLimiter.TryAcquire(operation.Service.Name, EmulatorState.AccountId, scope.Region, operation.Name))
        {
            runtime.Stats.Throttled(key);
            throw new ApiException(operation.Service.Protocol == "query" ? "Throttling" : "ThrottlingException", "Rate exceeded", status: operation.Service.Protocol == "rest-json" ? 429 : 400);
        }

        if (settings.LatencyMs > 0)
        {
            await Task.Delay(settings.LatencyMs, http.RequestAborted);
        }

        var fault = runtime.Faults.Pick(settings, operation);
        if (fault != FaultKind.None)
        {
            runtime.Stats.Faulted(key);
        }

        if (fault == FaultKind.InternalError)
        {
            throw InternalError(resolved.Protocol, "Injected fault: internal error.");
        }

        if (fault == FaultKind.Timeout)
        {
            await Task.Delay(settings.FaultTimeoutMs, http.RequestAborted);
            throw new ApiException("GatewayTimeoutException", "Injected fault: the request timed out.", status: 504);
        }

        var input = resolved.Bind();
        InputValidator.Validate(operation, input);
        runtime.Stats.Served(key, scope.Region, input);
        if (!runtime.Handlers.TryGet(operation, out var handler))
        {
            throw new ApiException("NotImplementedException", $"The ConnectOps emulator does not implement {key}.", status: 501);
        }

        var call = new ApiCall
        {
            Operation = operation,
            Input = input,
            Region = scope.Region,
            Account = EmulatorState.AccountId,
            RequestId = requestId,
            State = runtime.State,
            Config = runtime.Config,
        };

        JsonObject output;
        lock (runtime.State.Sync)
        {
            output = Idempotency.Run(call, () => OutputShaper.ProjectOutput(handler(call), operation.Output));
        }

        if (!IsReadOnly(operation.Name))
        {
            runtime.Persister?.MarkDirty();
        }

        if (fault == FaultKind.Drop)
        {
            http.Abort();
            return;
        }

        await resolved.Protocol.WriteSuccessAsync(http, operation, output, requestId);
    }

    /// <summary>Picks the protocol (so even an unresolvable request is answered in it) and how to resolve the operation.</summary>
    private (WireProtocol Protocol, Func<ResolvedRequest> Resolve) Route(HttpContext http, ReadOnlyMemory<byte> body, SigV4Scope scope)
    {
        var target = http.Request.Headers["X-Amz-Target"].ToString();
        if (target.Length > 0)
        {
            var json = secrets.Handles(target) ? secrets : logs;
            return (json, () => json.Handles(target)
                ? json.Resolve(target, body)
                : throw new ApiException("UnknownOperationException", $"The emulator serves no service for X-Amz-Target {target}.", status: 400));
        }

        var contentType = http.Request.ContentType ?? string.Empty;
        if (HttpMethods.IsPost(http.Request.Method) && http.Request.Path == "/" && contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            var form = RestJsonProtocol.ParseQuery(System.Text.Encoding.UTF8.GetString(body.Span), plusIsSpace: true);
            var action = form.TryGetValue("Action", out var actions) ? actions[0] : null;
            var service = scope.Service switch
            {
                "iam" => iam,
                "sts" => sts,
                _ when action is not null && iam.HasAction(action) => iam,
                _ => sts,
            };
            return (service, () => action is null
                ? throw new ApiException("MissingAction", "The request must contain the parameter Action.", status: 400)
                : service.Resolve(action, form));
        }

        return (connect, () => connect.Resolve(http, body));
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        return buffer.ToArray();
    }

    private static bool IsReadOnly(string operation) =>
        operation.StartsWith("Describe", StringComparison.Ordinal) || operation.StartsWith("List", StringComparison.Ordinal)
        || operation.StartsWith("Get", StringComparison.Ordinal) || operation.StartsWith("Search", StringComparison.Ordinal);

    private static ApiException InternalError(WireProtocol protocol, string message) => protocol.Model.Protocol switch
    {
        "query" => new ApiException("ServiceFailure", message, status: 500),
        "json" => new ApiException("InternalFailure", message, status: 500),
        _ => new ApiException("InternalServiceException", message, status: 500),
    };

    private static async Task WriteErrorSafelyAsync(HttpContext http, WireProtocol protocol, ApiException error, string requestId)
    {
        if (http.Response.HasStarted)
        {
            http.Abort();
            return;
        }

        await protocol.WriteErrorAsync(http, error, requestId);
    }
}
