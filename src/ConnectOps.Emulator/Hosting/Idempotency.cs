using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ConnectOps.Emulator.Protocols;
using ConnectOps.Emulator.State;

namespace ConnectOps.Emulator.Hosting;

/// <summary>
/// Idempotency tokens, for every operation whose model marks a member <c>idempotencyToken</c> (ClientToken …):
/// the same token with the same request replays the first response and creates no twin; the same token with a
/// different request is an IdempotencyException.
/// </summary>
internal static class Idempotency
{
    public static JsonObject Run(ApiCall call, Func<JsonObject> execute)
    {
        var tokenMember = call.Operation.Input?.Members.Values.FirstOrDefault(m => m.IdempotencyToken);
        var token = tokenMember is null ? null : call.GetString(tokenMember.Name);
        if (token is null)
        {
            return execute();
        }

        var key = $"{call.Service.Name}|{call.Region}|{call.Operation.Name}|{token}";
        var request = (JsonObject)call.Input.DeepClone();
        request.Remove(tokenMember!.Name);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.ToJsonString())));
        if (call.State.Idempotency.TryGetValue(key, out var previous))
        {
            if (previous.RequestHash != hash)
            {
                throw new ApiException("IdempotencyException", $"The token {token} was already used with different request parameters.", status: 409);
            }

            return (JsonObject?)previous.Output?.DeepClone() ?? new JsonObject();
        }

        var output = execute();
        call.State.Idempotency[key] = new IdempotentResult { RequestHash = hash, Output = (JsonObject)output.DeepClone() };
        return output;
    }
}
