using System.Text.Json.Nodes;
using ConnectOps.Emulator.Hosting;
using ConnectOps.Emulator.Models;

namespace ConnectOps.Emulator.Aws;

/// <summary>STS GetCallerIdentity: every caller is the emulated account 123456789012.</summary>
internal static class StsService
{
    public static void Register(HandlerRegistry registry) =>
        registry.Add(ServiceModels.Sts, "GetCallerIdentity", call => new JsonObject
        {
            ["Account"] = call.Account,
            ["Arn"] = $"arn:aws:iam::{call.Account}:user/connectops-emulator",
            ["UserId"] = "AIDACONNECTOPSEMULATOR",
        });
}
