using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using ConnectOps.Aws.Connect;
using ConnectOps.Aws.Iam;
using ConnectOps.Aws.Logs;
using ConnectOps.Aws.RateLimiting;
using ConnectOps.Aws.Runtime;
using ConnectOps.Aws.SecretsManager;

namespace ConnectOps.Aws;

/// <summary>
/// How to reach AWS, spelled as AWS Tools for PowerShell spells it. Endpoint precedence per
/// service: <see cref="Endpoints"/>[service] &gt; <see cref="EndpointUrl"/> &gt;
/// AWS_ENDPOINT_URL_&lt;SERVICE&gt; &gt; AWS_ENDPOINT_URL &gt; the regional default.
/// </summary>
public sealed class AwsConnectionSettings
{
    /// <summary>e.g. eu-west-2; null: the SDK's fallback (AWS_REGION, AWS_DEFAULT_REGION, the profile's region).</summary>
    public string? Region { get; init; }

    /// <summary>A named profile from the shared config/credentials files (credentials and region).</summary>
    public string? ProfileName { get; init; }

    /// <summary>
    /// A shared credentials file to read <see cref="ProfileName"/> from (AWS Tools for PowerShell's
    /// -ProfileLocation); null: the SDK's default files. AWSSDK.Core reads AWS_SHARED_CREDENTIALS_FILE
    /// once per process, so a path given here is the way to switch files in a running session.
    /// </summary>
    public string? ProfileLocation { get; init; }

    /// <summary>One endpoint for every service (e.g. the ConnectOps emulator).</summary>
    public string? EndpointUrl { get; init; }

    /// <summary>Per-service endpoints, keyed connect, iam, logs, secretsmanager or sts (case-insensitive).</summary>
    public IReadOnlyDictionary<string, string>? Endpoints { get; init; }

    /// <summary>Explicit credentials; null: the profile, else the SDK's default chain.</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>Standard (default) or Adaptive.</summary>
    public RequestRetryMode? RetryMode { get; init; }

    /// <summary>Retries after the first attempt (the SDK's default in Standard mode is 2).</summary>
    public int? MaxErrorRetry { get; init; }

    /// <summary>Per-attempt HTTP timeout.</summary>
    public TimeSpan? Timeout { get; init; }

    public RateLimitSettings RateLimits { get; init; } = RateLimitSettings.Default;
}

/// <summary>
/// Builds the Connect, IAM, CloudWatch Logs, Secrets Manager and STS clients for one
/// <see cref="AwsConnectionSettings"/>, sharing one rate limiter and one <see cref="ApiCallStatistics"/>.
/// Clients are created on first use and disposed with the factory.
/// </summary>
public sealed class AwsClientFactory : IDisposable
{
    private readonly object _gate = new();
    private readonly AWSCredentials? _credentials;
    private readonly RegionEndpoint? _region;
    private ConnectClient? _connect;
    private IamClient? _iam;
    private LogsClient? _logs;
    private SecretsManagerClient? _secretsManager;
    private AmazonSecurityTokenServiceClient? _sts;
    private bool _disposed;

    public AwsClientFactory(AwsConnectionSettings settings, RateLimiterClock? clock = null)
    {
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        var limiter = settings.RateLimits.Enabled ? new TokenBucketRateLimiter(settings.RateLimits, clock) : null;
        Instrumentation = new ClientInstrumentation(new ApiCallStatistics(), limiter);
        _region = !string.IsNullOrWhiteSpace(settings.Region) ? RegionEndpoint.GetBySystemName(settings.Region) : ProfileRegion(settings);
        _credentials = settings.Credentials ?? ProfileCredentials(settings);
    }

    public AwsConnectionSettings Settings { get; }

    /// <summary>The Region the clients use: the settings', else the profile's, else the SDK's fallback (AWS_REGION …); null if none.</summary>
    public string? Region => (_region ?? FallbackRegion())?.SystemName;

    /// <summary>Statistics and rate limiter shared by every client of this factory.</summary>
    public ClientInstrumentation Instrumentation { get; }

    /// <summary>API calls per operation across all clients of this factory.</summary>
    public ApiCallStatistics Statistics => Instrumentation.Statistics;

    public ConnectClient Connect => Lazy(ref _connect, () => new ConnectClient(_credentials, Configure(new ConnectConfig(), "connect"), Instrumentation));

    public IamClient Iam => Lazy(ref _iam, () => new IamClient(_credentials, Configure(new IamConfig(), "iam"), Instrumentation));

    public LogsClient Logs => Lazy(ref _logs, () => new LogsClient(_credentials, Configure(new LogsConfig(), "logs"), Instrumentation));

    public SecretsManagerClient SecretsManager => Lazy(ref _secretsManager, () => new SecretsManagerClient(_credentials, Configure(new SecretsManagerConfig(), "secretsmanager"), Instrumentation));

    /// <summary>STS from AWSSDK.SecurityToken (GetCallerIdentity); same endpoint rules, AWS_ENDPOINT_URL_STS.</summary>
    public IAmazonSecurityTokenService Sts => Lazy(ref _sts, () =>
    {
        var config = Configure(new AmazonSecurityTokenServiceConfig(), "sts");
        return _credentials is null ? new AmazonSecurityTokenServiceClient(config) : new AmazonSecurityTokenServiceClient(_credentials, config);
    });

    /// <summary>
    /// Calls STS GetCallerIdentity and makes the account id the identity of every rate-limit key,
    /// so quotas are tracked per account and Region whatever credentials rotate underneath.
    /// </summary>
    public async Task<string> ResolveAccountIdAsync(CancellationToken cancellationToken = default)
    {
        var identity = await Sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken).ConfigureAwait(false);
        Instrumentation.RateLimitIdentity = identity.Account;
        return identity.Account;
    }

    /// <summary>The endpoint URL that settings give a service explicitly, if any (environment variables are the SDK's to apply).</summary>
    public string? ExplicitEndpoint(string serviceKey)
    {
        if (Settings.Endpoints is { } endpoints)
            foreach (var (key, url) in endpoints)
                if (string.Equals(key, serviceKey, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(url))
                    return url;
        return string.IsNullOrWhiteSpace(Settings.EndpointUrl) ? null : Settings.EndpointUrl;
    }

    private T Configure<T>(T config, string serviceKey) where T : ClientConfig
    {
        if (!string.IsNullOrWhiteSpace(Settings.ProfileName))
            config.Profile = new Profile(Settings.ProfileName, Settings.ProfileLocation);
        if (ExplicitEndpoint(serviceKey) is { } url)
        {
            // ServiceURL and RegionEndpoint exclude each other in AWSSDK.Core: a custom endpoint is
            // signed for AuthenticationRegion (IAM's endpoint rules always sign for its partition).
            config.ServiceURL = url;
            if (config is not IamConfig)
                config.AuthenticationRegion = (_region ?? FallbackRegion())?.SystemName ?? "us-east-1";
        }
        else if (_region is not null)
        {
            config.RegionEndpoint = _region;
        }
        if (Settings.RetryMode is { } mode)
            config.RetryMode = mode;
        if (Settings.MaxErrorRetry is { } retries)
            config.MaxErrorRetry = retries;
        if (Settings.Timeout is { } timeout)
            config.Timeout = timeout;
        return config;
    }

    /// <summary>The named profile's region (the SDK's region fallback only reads the default profile).</summary>
    private static RegionEndpoint? ProfileRegion(AwsConnectionSettings settings) =>
        !string.IsNullOrWhiteSpace(settings.ProfileName) && ProfileStore(settings).TryGetProfile(settings.ProfileName, out var profile)
            ? profile.Region
            : null;

    private static CredentialProfileStoreChain ProfileStore(AwsConnectionSettings settings) =>
        string.IsNullOrWhiteSpace(settings.ProfileLocation) ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(settings.ProfileLocation);

    private static RegionEndpoint? FallbackRegion()
    {
        try
        {
            return FallbackRegionFactory.GetRegionEndpoint();
        }
        catch (AmazonClientException)
        {
            return null;
        }
    }

    private static AWSCredentials? ProfileCredentials(AwsConnectionSettings settings)
    {
        var profileName = settings.ProfileName;
        if (string.IsNullOrWhiteSpace(profileName))
            return null;
        if (ProfileStore(settings).TryGetAWSCredentials(profileName, out var credentials))
            return credentials;
        throw new AmazonClientException(
            $"The AWS profile '{profileName}' was not found (or has no usable credentials) in the shared config and credentials files; check -ProfileName or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE.");
    }

    private T Lazy<T>(ref T? field, Func<T> create) where T : class
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return field ??= create();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            _connect?.Dispose();
            _iam?.Dispose();
            _logs?.Dispose();
            _secretsManager?.Dispose();
            _sts?.Dispose();
        }
    }
}
