namespace ConnectOps.Aws.Tests.TestSupport;

/// <summary>Tests that change process environment variables run in this collection, one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "Environment variables";
}

/// <summary>Sets environment variables for one test and restores the previous values on dispose.</summary>
public sealed class EnvironmentScope : IDisposable
{
    /// <summary>Variables that would change what the SDK resolves; cleared unless a test sets them.</summary>
    private static readonly string[] Isolated =
    {
        "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_CONNECT", "AWS_ENDPOINT_URL_IAM", "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS",
        "AWS_ENDPOINT_URL_SECRETS_MANAGER", "AWS_ENDPOINT_URL_STS", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
        "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_DEFAULT_PROFILE",
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_EC2_METADATA_DISABLED",
    };

    private readonly Dictionary<string, string?> _saved = new();

    public EnvironmentScope(IReadOnlyDictionary<string, string?>? values = null)
    {
        var empty = Path.Combine(Path.GetTempPath(), "connectops-no-aws-config");
        var all = Isolated.ToDictionary(k => k, _ => (string?)null);
        // No ambient profile files or instance metadata: only what a test sets counts.
        all["AWS_CONFIG_FILE"] = empty;
        all["AWS_SHARED_CREDENTIALS_FILE"] = empty;
        all["AWS_EC2_METADATA_DISABLED"] = "true";
        foreach (var (k, v) in values ?? new Dictionary<string, string?>())
            all[k] = v;
        foreach (var (k, v) in all)
        {
            _saved[k] = Environment.GetEnvironmentVariable(k);
            Environment.SetEnvironmentVariable(k, v);
        }
    }

    public void Dispose()
    {
        foreach (var (k, v) in _saved)
            Environment.SetEnvironmentVariable(k, v);
    }
}
