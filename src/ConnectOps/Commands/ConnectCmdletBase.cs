using System.Management.Automation;
using ConnectOps.Engine.Config;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.Reconcilers.Framework;
using ConnectOps.Engine.State;
using ConnectOps.Hosting;

namespace ConnectOps.Commands;

/// <summary>
/// What every cmdlet that reads a config shares: -ConfigPath and the AWS Tools for PowerShell common
/// parameters, config loading with one error record per config error, and the engine workspace.
/// </summary>
public abstract class ConnectCmdletBase : PSCmdlet
{
    public const string DefaultConfigFile = "connectops.psd1";

    /// <summary>The config file (default ./connectops.psd1).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? ConfigPath { get; set; }

    [Parameter]
    public string? Region { get; set; }

    [Parameter]
    [Alias("AWSProfileName")]
    public string? ProfileName { get; set; }

    [Parameter]
    public string? EndpointUrl { get; set; }

    private PipelineHost? _host;

    internal PipelineHost Engine => _host ??= new PipelineHost(this);

    protected override void StopProcessing() => _host?.Cancel();

    /// <summary>Parameters not given take the session's defaults (Set-ConnectDefault).</summary>
    protected override void BeginProcessing()
    {
        if (SessionDefaults.Current is not { } defaults) return;
        ConfigPath ??= defaults.ConfigPath;
        Region ??= defaults.Region;
        ProfileName ??= defaults.ProfileName;
        EndpointUrl ??= defaults.EndpointUrl;
    }

    protected override void EndProcessing()
    {
        try
        {
            Run();
            WriteStateRequests();
        }
        finally
        {
            DisposeStore();
            _host?.Dispose();
        }
    }

    /// <summary>The cmdlet's work (called once, at the end of the pipeline).</summary>
    protected abstract void Run();

    protected string ResolveConfigPath(string? path = null) =>
        SessionState.Path.GetUnresolvedProviderPathFromPSPath(path ?? ConfigPath ?? DefaultConfigFile);

    /// <summary>Reads and validates the config; on errors writes each one, then stops the cmdlet.</summary>
    protected ConnectConfig LoadConfig(string? path = null)
    {
        var full = ResolveConfigPath(path);
        if (!File.Exists(full))
        {
            ThrowTerminatingError(new ErrorRecord(
                new FileNotFoundException($"The config file '{full}' does not exist. Pass -ConfigPath, or run from the folder that holds connectops.psd1.", full),
                "ConnectOps.ConfigNotFound", ErrorCategory.ObjectNotFound, full));
        }
        var result = ConfigLoader.Load(full, new PsdConfigReader());
        if (result.Success) return result.Config!;
        foreach (var error in result.Errors) WriteError(ConfigErrorRecord(error));
        ThrowTerminatingError(new ErrorRecord(
            new InvalidOperationException($"{full} has {result.Errors.Count} error(s) (listed above). Fix them and run again; no AWS call was made."),
            "ConnectOps.InvalidConfig", ErrorCategory.InvalidData, full));
        return null!;
    }

    internal static ErrorRecord ConfigErrorRecord(ConfigError error) =>
        new(new ConfigException(error), error.Code, ErrorCategory.InvalidData, error.Position?.ToString() ?? error.KeyPath)
        {
            ErrorDetails = new ErrorDetails(error.ToString()),
        };

    protected AwsSettings AwsSettingsFor(ConnectConfig config) => new()
    {
        Region = Region ?? config.Region,
        ProfileName = ProfileName,
        EndpointUrl = EndpointUrl,
        ServiceEndpoints = EndpointsOf(config.Endpoints),
        RateLimits = config.RateLimits.ToDictionary(r => r.Operation, r => (r.RequestsPerSecond, r.Burst ?? Math.Max(1, (int)Math.Ceiling(r.RequestsPerSecond)))),
    };

    private static Dictionary<string, string> EndpointsOf(EndpointSettings e)
    {
        var d = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Add(string name, string? url) { if (url is not null) d[name] = url; }
        Add("Connect", e.Connect); Add("Iam", e.Iam); Add("Logs", e.Logs); Add("Sts", e.Sts); Add("SecretsManager", e.SecretsManager);
        return d;
    }

    private IStateStore? _store;

    /// <summary>How long this command's writes wait for a held state lock (-LockTimeout where the cmdlet has it).</summary>
    protected virtual TimeSpan StateLockTimeout => TimeSpan.Zero;

    /// <summary>How the state backend reaches AWS: the run's Region and profile, the config's S3/DynamoDB endpoints.</summary>
    protected StateConnection StateConnectionFor(ConnectConfig config) => new()
    {
        Region = Region ?? config.Region,
        ProfileName = ProfileName,
        S3Endpoint = config.Endpoints.S3,
        DynamoDbEndpoint = config.Endpoints.DynamoDb,
    };

    /// <summary>
    /// The config's state store (Local or S3), opened once per command: for S3 the bucket is checked (a clear
    /// error when it is missing or denied) and a warning is written when versioning is off. Disposed at the end.
    /// </summary>
    protected IStateStore StateStoreFor(ConnectConfig config)
    {
        if (_store is not null) return _store;
        try
        {
            var connection = StateConnectionFor(config);
            _store = Engine.Run(ct => StateStoreFactory.OpenAsync(config, connection, Engine.WriteWarning, ct));
        }
        catch (Exception ex) when (IsEngineError(ex))
        {
            ThrowEngineError(ex, config.State.Bucket ?? config.State.Path ?? config.ConfigPath);
        }
        return _store!;
    }

    /// <summary>State requests made by this command (S3 backend), as verbose lines.</summary>
    protected void WriteStateRequests()
    {
        if (_store is not S3StateStore s3) return;
        foreach (var (op, n) in s3.Requests.Snapshot()) WriteVerbose($"State requests: {op} × {n}");
    }

    private void DisposeStore()
    {
        (_store as IDisposable)?.Dispose();
        _store = null;
    }

    /// <summary>The engine workspace for a config: state store plus AWS clients (credentials resolved here).</summary>
    protected Workspace OpenWorkspace(ConnectConfig config)
    {
        var store = StateStoreFor(config);
        var aws = OpenAws(config);
        return new Workspace(config, store, aws, Engine)
        {
            PollInterval = EndpointUrl is null && config.Endpoints.Connect is null ? TimeSpan.FromSeconds(2) : TimeSpan.FromMilliseconds(200),
            LockTimeout = StateLockTimeout,
        };
    }

    /// <summary>The AWS clients for a config (credentials resolved here), for commands that need no state; the caller disposes them.</summary>
    protected AwsServices OpenAws(ConnectConfig config) => OpenAws(AwsSettingsFor(config));

    /// <summary>The AWS clients from -Region, -ProfileName and -EndpointUrl alone (and the session's defaults): for commands given an instance, not a config.</summary>
    protected AwsServices OpenAws() => OpenAws(new AwsSettings { Region = Region, ProfileName = ProfileName, EndpointUrl = EndpointUrl });

    private AwsServices OpenAws(AwsSettings settings)
    {
        try
        {
            return Engine.Run(ct => AwsServicesFactory.CreateAsync(settings, ct));
        }
        catch (Exception ex) when (IsEngineError(ex))
        {
            ThrowEngineError(ex, settings.Region);
            return null!;
        }
    }

    /// <summary>
    /// Turns an expected engine failure into a terminating error record with a stable id; anything else
    /// (a bug) is rethrown as it is.
    /// </summary>
    protected void ThrowEngineError(Exception ex, object? target)
    {
        var error = EngineErrors.Classify(ex);
        if (error is null) throw ex;
        ThrowTerminatingError(new ErrorRecord(ex is AggregateException { InnerException: { } inner } ? inner : ex, error.Id, Category(error.Kind), target)
        {
            ErrorDetails = new ErrorDetails(error.Message),
        });
    }

    internal static ErrorCategory Category(EngineErrorKind kind) => kind switch
    {
        EngineErrorKind.ResourceBusy => ErrorCategory.ResourceBusy,
        EngineErrorKind.InvalidOperation => ErrorCategory.InvalidOperation,
        EngineErrorKind.InvalidData => ErrorCategory.InvalidData,
        EngineErrorKind.PermissionDenied => ErrorCategory.PermissionDenied,
        EngineErrorKind.ConnectionError => ErrorCategory.ConnectionError,
        EngineErrorKind.OperationStopped => ErrorCategory.OperationStopped,
        EngineErrorKind.AuthenticationError => ErrorCategory.AuthenticationError,
        EngineErrorKind.ObjectNotFound => ErrorCategory.ObjectNotFound,
        _ => ErrorCategory.NotSpecified,
    };

    protected static bool IsEngineError(Exception ex) => EngineErrors.Classify(ex) is not null;
}

/// <summary>A config error as an exception, so it can travel in an ErrorRecord.</summary>
public sealed class ConfigException : Exception
{
    public ConfigException(ConfigError error) : base(error.ToString()) => Error = error;

    public ConfigError Error { get; }
}
