using Microsoft.AspNetCore.Http;

namespace ConnectOps.Emulator.Protocols;

/// <summary>
/// The parts of a SigV4 signature the emulator uses: the credential scope's Region and service, and the access key.
/// Signatures are parsed but never verified.
/// </summary>
internal sealed record SigV4Scope(string? AccessKey, string Region, string? Service)
{
    public const string DefaultRegion = "us-east-1";

    public static SigV4Scope From(HttpRequest request)
    {
        var credential = ParseCredential(request.Headers.Authorization.ToString())
            ?? (request.Query.TryGetValue("X-Amz-Credential", out var q) ? q.ToString() : null);
        if (string.IsNullOrEmpty(credential))
        {
            return new SigV4Scope(null, DefaultRegion, null);
        }

        // AKID/20240101/eu-west-2/connect/aws4_request
        var parts = credential.Split('/');
        var region = parts.Length >= 5 && parts[2].Length > 0 ? parts[2] : DefaultRegion;
        var service = parts.Length >= 5 ? parts[3] : null;
        return new SigV4Scope(parts[0], region, service);
    }

    private static string? ParseCredential(string authorization)
    {
        if (!authorization.StartsWith("AWS4-", StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var part in authorization[(authorization.IndexOf(' ', StringComparison.Ordinal) + 1)..].Split(','))
        {
            var trimmed = part.Trim();
            if (trimmed.StartsWith("Credential=", StringComparison.Ordinal))
            {
                return trimmed["Credential=".Length..];
            }
        }

        return null;
    }
}
