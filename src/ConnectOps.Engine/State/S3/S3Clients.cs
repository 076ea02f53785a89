using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.S3;

namespace ConnectOps.Engine.State.S3;

/// <summary>
/// Builds the S3 (and DynamoDB) clients of the state backend with the same rules as the rest of ConnectOps:
/// the SDK credential chain or a named profile; endpoint = explicit setting &gt; AWS_ENDPOINT_URL_&lt;SVC&gt; &gt;
/// AWS_ENDPOINT_URL &gt; the Region's; path-style addressing on custom endpoints (moto, MinIO, LocalStack).
/// Every request is counted per operation.
/// </summary>
internal static class S3Clients
{
    public static IAmazonS3 CreateS3(S3BackendSettings settings, StateRequestCounter counter)
    {
        var config = new AmazonS3Config();
        var endpoint = Endpoint(settings.S3Endpoint, "S3");
        Configure(config, settings, endpoint);
        if (endpoint is not null) config.ForcePathStyle = true;
        var credentials = Credentials(settings);
        var client = credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
        Count(client, "S3", counter);
        return client;
    }

    public static IAmazonDynamoDB CreateDynamoDb(S3BackendSettings settings, StateRequestCounter counter)
    {
        var config = new AmazonDynamoDBConfig();
        Configure(config, settings, Endpoint(settings.DynamoDbEndpoint, "DYNAMODB"));
        var credentials = Credentials(settings);
        var client = credentials is null ? new AmazonDynamoDBClient(config) : new AmazonDynamoDBClient(credentials, config);
        Count(client, "DynamoDB", counter);
        return client;
    }

    private static void Configure(ClientConfig config, S3BackendSettings settings, string? endpoint)
    {
        if (!string.IsNullOrWhiteSpace(settings.ProfileName)) config.Profile = new Profile(settings.ProfileName);
        var region = Region(settings);
        if (endpoint is not null)
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = region?.SystemName ?? "us-east-1";
        }
        else
        {
            config.RegionEndpoint = region ?? throw new StateBackendException("ConnectOps.StateRegionMissing", StateBackendFailure.Misconfigured,
                $"No Region for the state bucket '{settings.Bucket}'. Set State.Region (the bucket's Region) or Region in the config, pass -Region, or set AWS_REGION.");
        }
    }

    private static RegionEndpoint? Region(S3BackendSettings settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.Region)) return RegionEndpoint.GetBySystemName(settings.Region);
        if (!string.IsNullOrWhiteSpace(settings.ProfileName) && new CredentialProfileStoreChain().TryGetProfile(settings.ProfileName, out var profile) && profile.Region is { } r)
            return r;
        try { return FallbackRegionFactory.GetRegionEndpoint(); }
        catch (AmazonClientException) { return null; }
    }

    private static AWSCredentials? Credentials(S3BackendSettings settings)
    {
        if (settings.Credentials is not null) return settings.Credentials;
        if (string.IsNullOrWhiteSpace(settings.ProfileName)) return null;
        if (new CredentialProfileStoreChain().TryGetAWSCredentials(settings.ProfileName, out var credentials)) return credentials;
        throw new AmazonClientException(
            $"The AWS profile '{settings.ProfileName}' was not found (or has no usable credentials) in the shared config and credentials files; check -ProfileName or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE.");
    }

    /// <summary>The explicit endpoint, else AWS_ENDPOINT_URL_&lt;SERVICE&gt;, else AWS_ENDPOINT_URL (unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true).</summary>
    internal static string? Endpoint(string? explicitEndpoint, string serviceEnvName)
    {
        if (!string.IsNullOrWhiteSpace(explicitEndpoint)) return explicitEndpoint;
        if (string.Equals(Environment.GetEnvironmentVariable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase)) return null;
        var specific = Environment.GetEnvironmentVariable($"AWS_ENDPOINT_URL_{serviceEnvName}");
        if (!string.IsNullOrWhiteSpace(specific)) return specific;
        var global = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL");
        return string.IsNullOrWhiteSpace(global) ? null : global;
    }

    private static void Count(AmazonServiceClient client, string service, StateRequestCounter counter)
    {
        client.BeforeRequestEvent += (_, args) =>
        {
            if (args is WebServiceRequestEventArgs w) counter.Add($"{service}.{OperationName(w.Request)}");
        };
    }

    private static string OperationName(object? request)
    {
        var name = request?.GetType().Name ?? "Unknown";
        return name.EndsWith("Request", StringComparison.Ordinal) ? name[..^"Request".Length] : name;
    }
}
