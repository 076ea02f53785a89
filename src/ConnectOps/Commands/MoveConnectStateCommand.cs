using System.Management.Automation;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.State;
using ConnectOps.Engine.State.Operations;

namespace ConnectOps.Commands;

/// <summary>
/// Migrates the state to another backend under both locks, keeping lineage and serial: -To S3 copies local state
/// into a bucket (terraform init -migrate-state), -To Local the other way. The source is left in place; point the
/// config's State at the destination afterwards (the command prints the setting).
/// </summary>
[Cmdlet(VerbsCommon.Move, "ConnectState", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = S3Set)]
[OutputType(typeof(MigrationResult))]
public sealed class MoveConnectStateCommand : StateCmdletBase
{
    private const string S3Set = "S3";
    private const string LocalSet = "Local";

    /// <summary>The destination backend: S3 or Local.</summary>
    /// <remarks>
    /// A string, not the engine's StateBackend enum: an enum-typed auto-property gives the cmdlet class a
    /// value-type field from the engine, so PowerShell's scan of exported types (before the module's load
    /// context exists) would have to load the engine and fail.
    /// </remarks>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateSet("S3", "Local")]
    public string To { get; set; } = "";

    private StateBackend Destination => string.Equals(To, "S3", StringComparison.OrdinalIgnoreCase) ? StateBackend.S3 : StateBackend.Local;

    [Parameter(Mandatory = true, ParameterSetName = S3Set)]
    public string Bucket { get; set; } = "";

    [Parameter(ParameterSetName = S3Set)]
    public string Key { get; set; } = StateSettings.DefaultS3Key;

    /// <summary>The bucket's Region (default: -Region, then the config's Region).</summary>
    [Parameter(ParameterSetName = S3Set)]
    public string? BucketRegion { get; set; }

    [Parameter(ParameterSetName = S3Set)]
    public string? LockTable { get; set; }

    [Parameter(ParameterSetName = S3Set)]
    public string? KmsKeyId { get; set; }

    /// <summary>Writes without server-side encryption (default: SSE-S3, or SSE-KMS with -KmsKeyId).</summary>
    [Parameter(ParameterSetName = S3Set)]
    public SwitchParameter NoEncryption { get; set; }

    /// <summary>The S3 (and DynamoDB) endpoint, e.g. moto or MinIO.</summary>
    [Parameter(ParameterSetName = S3Set)]
    public string? StateEndpoint { get; set; }

    /// <summary>The local state file to write.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LocalSet)]
    public string Path { get; set; } = "";

    /// <summary>Replaces state already at the destination (with a warning), and skips confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void Run()
    {
        if ((Destination == StateBackend.S3) != (ParameterSetName == S3Set))
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(Destination == StateBackend.S3 ? "-To S3 needs -Bucket (and optionally -Key)." : "-To Local needs -Path."),
                "ConnectOps.InvalidArgument", ErrorCategory.InvalidArgument, To));
        }
        var config = LoadConfig();
        var ops = StateOperationsFor(config);
        var destinationSettings = Destination == StateBackend.S3
            ? new StateSettings(StateBackend.S3, null, Bucket, Key, BucketRegion, !NoEncryption, KmsKeyId, LockTable, StateEndpoint)
            : new StateSettings(StateBackend.Local, SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path), null, null, null, false, null, null, null);
        IVersionedStateStore? destination = null;
        try
        {
            destination = (IVersionedStateStore)StateStoreFactory.Create(destinationSettings, config.ConfigPath, StateConnectionFor(config));
            SkipConfirmationWhen(Force);
            var result = RunEngine(ct => ops.MigrateAsync(destination, Force, ct), destination.Location);
            if (result is null) return;
            var setting = Destination == StateBackend.S3
                ? $"State = @{{ Backend = 'S3'; Bucket = '{Bucket}'; Key = '{Key}'{(BucketRegion is null ? "" : $"; Region = '{BucketRegion}'")}{(LockTable is null ? "" : $"; LockTable = '{LockTable}'")}{(KmsKeyId is null ? "" : $"; KmsKeyId = '{KmsKeyId}'")}{(StateEndpoint is null ? "" : $"; Endpoint = '{StateEndpoint}'")} }}"
                : $"State = @{{ Backend = 'Local'; Path = '{destination.Location}' }}";
            WriteWarning($"The state is now at {result.To} (serial {result.Serial}). Point the config at it: {setting}. The old state at {result.From} was left as it was; delete it once the config is changed.");
            WriteObject(result);
        }
        catch (Exception ex) when (IsEngineError(ex))
        {
            ThrowEngineError(ex, Bucket);
        }
        finally
        {
            (destination as IDisposable)?.Dispose();
        }
    }
}
