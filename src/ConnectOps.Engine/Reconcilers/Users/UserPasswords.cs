using System.Text.Json;
using Amazon.Runtime;
using ConnectOps.Aws.SecretsManager.Model;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Engine.Reconcilers.Users;

/// <summary>
/// Where a new user's initial password comes from: the host's provider (a cmdlet's -Password), else the
/// config's PasswordSecret read from Secrets Manager (the secret string, or its JSON key "password").
/// The value lives only in the CreateUser request: never in properties, state, plans, logs or messages.
/// </summary>
internal static class UserPasswords
{
    public static async Task<string?> ResolveAsync(ReconcileContext context, DesiredResource desired, UserSpec? spec, CancellationToken cancellationToken)
    {
        var identity = context.Config.Instance.IdentityManagementType;
        var managed = identity is null or IdentityManagementType.ConnectManaged;
        if (!managed && spec?.PasswordSecret is { } configured)
        {
            throw new ReconcileException(
                $"{desired.Address} names PasswordSecret '{configured}', but the instance's identity management is {EnumWire.ToWire(identity!.Value)}: " +
                "users sign in through that directory and Amazon Connect refuses a password. Remove PasswordSecret.");
        }
        if (!managed) return null;

        if (context.PasswordProvider is { } provider && await provider(desired.Address, cancellationToken).ConfigureAwait(false) is { Length: > 0 } supplied)
            return supplied;
        if (spec?.PasswordSecret is { } secret) return await ReadSecretAsync(context, desired, secret, cancellationToken).ConfigureAwait(false);
        if (identity == IdentityManagementType.ConnectManaged)
        {
            throw new ReconcileException(
                $"{desired.Address} needs an initial password: Amazon Connect requires one for users of a CONNECT_MANAGED instance. " +
                "Set PasswordSecret = '<Secrets Manager secret name or ARN>' on the user (the secret string, or a JSON secret with a 'password' key), " +
                "or create the user with New-ConnectUser -Password.");
        }
        return null; // An instance adopted by Id whose identity type the config does not say: let Connect decide.
    }

    private static async Task<string> ReadSecretAsync(ReconcileContext context, DesiredResource desired, string secretId, CancellationToken cancellationToken)
    {
        GetSecretValueResponse response;
        try
        {
            response = await context.Aws.SecretsManager.GetSecretValueAsync(new GetSecretValueRequest { SecretId = secretId }, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonServiceException ex)
        {
            throw new ReconcileException(
                $"{desired.Address}: the password secret '{secretId}' could not be read ({ex.ErrorCode}: {ex.Message}). " +
                "Check the secret's name or ARN and Region, and that these credentials may call secretsmanager:GetSecretValue on it.", ex);
        }
        var text = response.SecretString
            ?? throw new ReconcileException($"{desired.Address}: the password secret '{secretId}' holds binary data; store the password as a secret string.");
        if (!text.TrimStart().StartsWith('{')) return text;
        try
        {
            using var doc = JsonDocument.Parse(text);
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (string.Equals(property.Name, "password", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
                    return property.Value.GetString()!;
            }
        }
        catch (JsonException)
        {
            return text; // Not JSON after all: a password that starts with '{'.
        }
        throw new ReconcileException($"{desired.Address}: the password secret '{secretId}' is a JSON object without a string 'password' key. Add one, or store the password as the whole secret string.");
    }
}
