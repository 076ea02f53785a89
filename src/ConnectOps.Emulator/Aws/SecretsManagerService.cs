using System.Text.Json.Nodes;
using ConnectOps.Emulator.Connect.Framework;
using ConnectOps.Emulator.Hosting;
using ConnectOps.Emulator.Models;
using ConnectOps.Emulator.Protocols;

namespace ConnectOps.Emulator.Aws;

/// <summary>
/// Secrets Manager: GetSecretValue (how ConnectOps reads user passwords), plus CreateSecret / PutSecretValue /
/// DeleteSecret so tests can seed secrets. Secrets are found by name or ARN.
/// </summary>
internal static class SecretsManagerService
{
    public static void Register(HandlerRegistry registry)
    {
        var model = ServiceModels.SecretsManager;
        registry.Add(model, "CreateSecret", CreateSecret);
        registry.Add(model, "GetSecretValue", call =>
        {
            var secret = Secret(call, forRead: true);
            var version = call.GetString("VersionId") ?? RecordPath.Text(secret["CurrentVersion"])!;
            var stored = secret["Versions"]?[version] as JsonObject
                ?? throw new ApiException("ResourceNotFoundException", $"Secrets Manager can't find the specified secret value for VersionId: {version}");
            return new JsonObject
            {
                ["ARN"] = secret["ARN"]?.DeepClone(),
                ["Name"] = secret["Name"]?.DeepClone(),
                ["VersionId"] = version,
                ["SecretString"] = stored["SecretString"]?.DeepClone(),
                ["SecretBinary"] = stored["SecretBinary"]?.DeepClone(),
                ["VersionStages"] = version == RecordPath.Text(secret["CurrentVersion"]) ? new JsonArray("AWSCURRENT") : new JsonArray("AWSPREVIOUS"),
                ["CreatedDate"] = stored["CreatedDate"]?.DeepClone(),
            };
        });
        registry.Add(model, "PutSecretValue", call =>
        {
            var secret = Secret(call, forRead: false);
            var version = AddVersion(call, secret);
            return new JsonObject
            {
                ["ARN"] = secret["ARN"]?.DeepClone(), ["Name"] = secret["Name"]?.DeepClone(), ["VersionId"] = version, ["VersionStages"] = new JsonArray("AWSCURRENT"),
            };
        });
        registry.Add(model, "DeleteSecret", call =>
        {
            var secret = Secret(call, forRead: false);
            var force = call.GetBool("ForceDeleteWithoutRecovery") ?? false;
            var window = call.GetInt("RecoveryWindowInDays") ?? 30;
            if (force && call.GetInt("RecoveryWindowInDays") is not null)
            {
                throw new ApiException("InvalidParameterException", "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
            }

            var deletion = call.EpochSeconds + (force ? 0 : window * 86400);
            if (force)
            {
                Secrets(call).Remove(RecordPath.Text(secret["Name"])!);
            }
            else
            {
                secret["DeletedDate"] = deletion;
            }

            return new JsonObject { ["ARN"] = secret["ARN"]?.DeepClone(), ["Name"] = secret["Name"]?.DeepClone(), ["DeletionDate"] = deletion };
        });
    }

    private static JsonObject CreateSecret(ApiCall call)
    {
        var name = call.RequireString("Name");
        var secrets = Secrets(call);
        if (secrets.ContainsKey(name))
        {
            throw new ApiException("ResourceExistsException", $"The operation failed because the secret {name} already exists.");
        }

        var suffix = Guid.NewGuid().ToString("N")[..6];
        var secret = new JsonObject
        {
            ["Name"] = name,
            ["ARN"] = $"arn:aws:secretsmanager:{call.Region}:{call.Account}:secret:{name}-{suffix}",
            ["Description"] = call.GetString("Description"),
            ["Tags"] = call.GetArray("Tags")?.DeepClone(),
            ["Versions"] = new JsonObject(),
        };
        var version = call.GetString("SecretString") is null && call.GetString("SecretBinary") is null ? null : AddVersion(call, secret);
        secrets[name] = secret;
        return new JsonObject { ["ARN"] = secret["ARN"]?.DeepClone(), ["Name"] = name, ["VersionId"] = version };
    }

    private static string AddVersion(ApiCall call, JsonObject secret)
    {
        var version = call.GetString("ClientRequestToken") ?? Guid.NewGuid().ToString();
        secret["Versions"]![version] = new JsonObject
        {
            ["SecretString"] = call.GetString("SecretString"),
            ["SecretBinary"] = call.GetString("SecretBinary"),
            ["CreatedDate"] = call.EpochSeconds,
        };
        secret["CurrentVersion"] = version;
        return version;
    }

    private static Dictionary<string, JsonObject> Secrets(ApiCall call) => call.State.Region(call.Region).Secrets;

    private static JsonObject Secret(ApiCall call, bool forRead)
    {
        var id = call.RequireString("SecretId");
        var secret = Secrets(call).Values.FirstOrDefault(s => RecordPath.Text(s["Name"]) == id || RecordPath.Text(s["ARN"]) == id)
            ?? throw new ApiException("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
        if (secret["DeletedDate"] is not null)
        {
            throw new ApiException("InvalidRequestException", $"You can't perform this operation on secret {id} because it was marked for deletion.");
        }

        if (forRead && secret["CurrentVersion"] is null)
        {
            throw new ApiException("ResourceNotFoundException", "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT");
        }

        return secret;
    }
}
