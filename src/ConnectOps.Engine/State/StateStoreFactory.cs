using ConnectOps.Engine.Model;
using ConnectOps.Engine.State.S3;

namespace ConnectOps.Engine.State;

/// <summary>
/// How the run reaches AWS, for the state backend: the run's Region (-Region or the config's; State.Region
/// wins for the bucket), the profile, and the config's per-service endpoints (Endpoints.S3 / Endpoints.DynamoDb).
/// </summary>
public sealed record StateConnection
{
    public string? Region { get; init; }

    public string? ProfileName { get; init; }

    /// <summary>The config's Endpoints.S3 (State.Endpoint wins over it).</summary>
    public string? S3Endpoint { get; init; }

    /// <summary>The config's Endpoints.DynamoDb (wins over State.Endpoint for the lock table).</summary>
    public string? DynamoDbEndpoint { get; init; }

    /// <summary>How often a waiting lock request tries again (S3); null: the backend's default.</summary>
    public TimeSpan? LockPollInterval { get; init; }
}

/// <summary>Builds the state store a config names: Local (a file beside the config) or S3.</summary>
public static class StateStoreFactory
{
    public static IStateStore Create(ConnectConfig config, StateConnection connection)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Create(config.State, config.ConfigPath, connection);
    }

    /// <summary>
    /// Endpoints: S3 = State.Endpoint &gt; Endpoints.S3 &gt; AWS_ENDPOINT_URL_S3 &gt; AWS_ENDPOINT_URL &gt; the Region's;
    /// DynamoDB = Endpoints.DynamoDb &gt; State.Endpoint &gt; AWS_ENDPOINT_URL_DYNAMODB &gt; AWS_ENDPOINT_URL &gt; the Region's
    /// (State.Endpoint is the state backend's endpoint; emulators such as moto serve both services on it).
    /// </summary>
    public static IStateStore Create(StateSettings state, string configPath, StateConnection connection)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(connection);
        return state.Backend switch
        {
            StateBackend.Local => new LocalStateStore(state.Path ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configPath))!, ".connectops", "state.json")),
            StateBackend.S3 => new S3StateStore(ToS3Settings(state, connection)),
            _ => throw new NotSupportedException($"The state backend '{state.Backend}' is not supported; use 'Local' or 'S3'."),
        };
    }

    public static S3BackendSettings ToS3Settings(StateSettings state, StateConnection connection)
    {
        if (state.Bucket is null) throw new StateBackendException("ConnectOps.StateBucketMissing", StateBackendFailure.Misconfigured, "State.Bucket is required for Backend = 'S3'.");
        var settings = new S3BackendSettings
        {
            Bucket = state.Bucket,
            Key = state.Key ?? StateSettings.DefaultS3Key,
            Region = state.Region ?? connection.Region,
            Encrypt = state.Encrypt,
            KmsKeyId = state.KmsKeyId,
            LockTable = state.LockTable,
            S3Endpoint = state.Endpoint ?? connection.S3Endpoint,
            DynamoDbEndpoint = connection.DynamoDbEndpoint ?? state.Endpoint,
            ProfileName = connection.ProfileName,
        };
        return connection.LockPollInterval is { } poll ? settings with { LockPollInterval = poll } : settings;
    }

    /// <summary>
    /// The store, checked: for S3, that the bucket exists and is reachable (a clear error if not) and whether
    /// versioning is on (<paramref name="warn"/> gets the warning when it is off).
    /// </summary>
    public static async Task<IStateStore> OpenAsync(ConnectConfig config, StateConnection connection, Action<string>? warn, CancellationToken cancellationToken)
    {
        var store = Create(config, connection);
        try
        {
            if (store is IVersionedStateStore versioned && await versioned.CheckAsync(cancellationToken).ConfigureAwait(false) is { } warning) warn?.Invoke(warning);
            return store;
        }
        catch
        {
            (store as IDisposable)?.Dispose();
            throw;
        }
    }
}
