using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.S3.Model;
using ConnectOps.Engine.State.S3;

namespace ConnectOps.Engine.State;

/// <summary>
/// State in S3 (the team backend).
/// <list type="bullet">
/// <item>Writes are conditional: <c>If-Match</c> on the ETag of the snapshot the change was based on (the
/// first write <c>If-None-Match: *</c>), so a concurrent writer is refused, never overwritten. One PUT per write.</item>
/// <item>Every write records who, which operation and the serial as object metadata: with bucket versioning
/// on, every version is history (<see cref="GetHistoryAsync"/>) and can be restored as a new version.</item>
/// <item>The lock is <c>&lt;Key&gt;.lock</c> created with <c>If-None-Match: *</c>, or, with a LockTable, a DynamoDB item
/// in Terraform's layout. A held lock fails at once with the holder's details or is waited for.</item>
/// <item>SSE-S3, or SSE-KMS with the key, when Encrypt / KmsKeyId are set.</item>
/// </list>
/// </summary>
public sealed partial class S3StateStore : IVersionedStateStore, IDisposable
{
    private const string MetaSerial = "connectops-serial";
    private const string MetaLineage = "connectops-lineage";
    private const string MetaWho = "connectops-who";
    private const string MetaOperation = "connectops-operation";
    private const string MetaLockId = "connectops-lock-id";
    private const string MetaWriteId = "connectops-write-id";

    private readonly IAmazonS3 _s3;
    private readonly IAmazonDynamoDB? _dynamo;
    private readonly IRemoteLock _lock;
    private LockInfo? _held;

    public S3StateStore(S3BackendSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        _s3 = S3Clients.CreateS3(settings, Requests);
        try
        {
            if (settings.LockTable is not null)
            {
                _dynamo = S3Clients.CreateDynamoDb(settings, Requests);
                _lock = new DynamoDbLockTable(_dynamo, settings);
            }
            else
            {
                _lock = new S3LockObject(_s3, settings);
            }
        }
        catch
        {
            _s3.Dispose();
            throw;
        }
    }

    public S3BackendSettings Settings { get; }

    /// <summary>Requests made so far, per operation ("S3.PutObject", "DynamoDB.PutItem" …).</summary>
    public StateRequestCounter Requests { get; } = new();

    public string Location => $"s3://{Settings.Bucket}/{Settings.Key}";

    /// <summary>Where the lock lives (the lock object's URL, or the DynamoDB table and LockID).</summary>
    public string LockLocation => _lock.Location;

    public async Task<bool> ExistsAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await S3Errors.Call(Settings, "HeadObject", Location, () => _s3.GetObjectMetadataAsync(Settings.Bucket, Settings.Key, cancellationToken), S3Errors.IsNotFound).ConfigureAwait(false);
            return true;
        }
        catch (AmazonS3Exception e) when (S3Errors.IsNotFound(e))
        {
            return false;
        }
    }

    public async Task<StateSnapshot?> ReadAsync(CancellationToken cancellationToken = default)
    {
        var raw = await ReadRawAsync(cancellationToken).ConfigureAwait(false);
        if (raw is null) return null;
        var document = StateSerializer.Deserialize(raw.Content, Location, RecoveryStep);
        return new StateSnapshot(document, raw.ETag);
    }

    public async Task<RawState?> ReadRawAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await S3Errors.Call(Settings, "GetObject", Location,
                () => _s3.GetObjectAsync(Settings.Bucket, Settings.Key, cancellationToken), S3Errors.IsNotFound).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return new RawState(buffer.ToArray(), response.ETag);
        }
        catch (AmazonS3Exception e) when (S3Errors.IsNotFound(e))
        {
            return null;
        }
    }

    public async Task<StateSnapshot> WriteAsync(StateDocument document, StateSnapshot? basedOn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (basedOn is not null && basedOn.Document.Lineage != document.Lineage)
        {
            throw LineageMismatch(document.Lineage, basedOn.Document.Lineage);
        }
        // If-Match guarantees the stored state is basedOn, so its serial is the one to increment.
        var written = document with
        {
            Serial = (basedOn?.Document.Serial ?? document.Serial) + 1,
            FormatVersion = StateDocument.CurrentFormatVersion,
        };
        return await PutStateAsync(written, basedOn?.ETag, checkLineage: true, cancellationToken).ConfigureAwait(false);
    }

    public Task<StateSnapshot> ReplaceAsync(StateDocument document, string? expectedETag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        return PutStateAsync(document with { FormatVersion = StateDocument.CurrentFormatVersion }, expectedETag, checkLineage: false, cancellationToken);
    }

    private async Task<StateSnapshot> PutStateAsync(StateDocument written, string? expectedETag, bool checkLineage, CancellationToken cancellationToken)
    {
        var bytes = StateSerializer.Serialize(written);
        var writeId = Guid.NewGuid().ToString("N");
        var who = _held is { } held ? StateWriteInfo.From(held) : StateWriteInfo.Current("write");
        for (var attempt = 0; ; attempt++)
        {
            var request = new PutObjectRequest
            {
                BucketName = Settings.Bucket,
                Key = Settings.Key,
                InputStream = new MemoryStream(bytes),
                ContentType = "application/json",
            };
            if (expectedETag is null) request.IfNoneMatch = "*";
            else request.IfMatch = expectedETag;
            request.Metadata[MetaSerial] = written.Serial.ToString(CultureInfo.InvariantCulture);
            request.Metadata[MetaLineage] = written.Lineage.ToString();
            request.Metadata[MetaWho] = Uri.EscapeDataString(who.Who);
            request.Metadata[MetaOperation] = Uri.EscapeDataString(who.Operation);
            if (who.LockId is not null) request.Metadata[MetaLockId] = who.LockId;
            request.Metadata[MetaWriteId] = writeId;
            Encrypt(request, Settings);
            try
            {
                var response = await S3Errors.Call(Settings, "PutObject", Location,
                    () => _s3.PutObjectAsync(request, cancellationToken),
                    e => S3Errors.IsConditionFailed(e) || S3Errors.IsNotFound(e)).ConfigureAwait(false);
                return new StateSnapshot(written, response.ETag);
            }
            catch (AmazonS3Exception e) when (S3Errors.IsConditionFailed(e) || S3Errors.IsNotFound(e))
            {
                var current = await HeadCurrentAsync(cancellationToken).ConfigureAwait(false);
                // The SDK retried a PUT whose first attempt did land: the object is our write.
                if (current is { } c && c.Metadata[MetaWriteId] == writeId) return new StateSnapshot(written, c.ETag);
                // 409 ConditionalRequestConflict: another conditional request on the key was in flight. S3 asks
                // for a retry; when the object is still the one expected, try again (a few times).
                var unchanged = expectedETag is null ? current is null : current?.ETag == expectedETag;
                if (e.ErrorCode == "ConditionalRequestConflict" && unchanged && attempt < 3)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100 << attempt), cancellationToken).ConfigureAwait(false);
                    continue;
                }
                throw await ConflictAsync(written, expectedETag, current, checkLineage, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<Exception> ConflictAsync(StateDocument written, string? expectedETag, GetObjectMetadataResponse? current, bool checkLineage, CancellationToken cancellationToken)
    {
        if (current is null)
        {
            return new StateConflictException(
                $"The state at {Location} was removed since it was read, so this write was not made. If that was not intended, " +
                "Get-ConnectStateHistory lists the versions and Restore-ConnectState brings one back; then run the command again.");
        }
        var lineageText = current.Metadata[MetaLineage];
        if (checkLineage && expectedETag is null && Guid.TryParse(lineageText, out var lineage) && lineage != written.Lineage)
        {
            return LineageMismatch(written.Lineage, lineage);
        }
        if (checkLineage && expectedETag is null && lineageText is null)
        {
            // Written by something else: look at the content for its lineage.
            try
            {
                var snapshot = await ReadAsync(cancellationToken).ConfigureAwait(false);
                if (snapshot is not null && snapshot.Document.Lineage != written.Lineage) return LineageMismatch(written.Lineage, snapshot.Document.Lineage);
            }
            catch (StateException)
            {
                // damaged: the conflict message below still applies
            }
        }
        var serial = current.Metadata[MetaSerial];
        var who = current.Metadata[MetaWho] is { } w ? Uri.UnescapeDataString(w) : null;
        var operation = current.Metadata[MetaOperation] is { } o ? Uri.UnescapeDataString(o) : null;
        var by = who is null ? "" : $" by {who}{(operation is null ? "" : $" ('{operation}')")}";
        return new StateConflictException(
            $"The state at {Location} changed since it was read (now serial {serial ?? "?"}, written{by} at {current.LastModified?.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC), " +
            "so this write was refused and nothing was overwritten. Another command wrote it: run this command again to work from the current state " +
            "(changes already made in AWS are found again by name and adopted, so nothing is created twice).");
    }

    private async Task<GetObjectMetadataResponse?> HeadCurrentAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await S3Errors.Call(Settings, "HeadObject", Location,
                () => _s3.GetObjectMetadataAsync(Settings.Bucket, Settings.Key, cancellationToken), S3Errors.IsNotFound).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (S3Errors.IsNotFound(e))
        {
            return null;
        }
    }

    private StateLineageMismatchException LineageMismatch(Guid writing, Guid stored) => new(
        $"Refusing to write state with lineage {writing} over {Location}, which has lineage {stored}: they belong to different contact centres " +
        "(or the state was re-created). Check the config's State settings point at the right bucket and key; to replace the state on purpose, use Import-ConnectState -Force.");

    internal static void Encrypt(PutObjectRequest request, S3BackendSettings settings)
    {
        if (settings.KmsKeyId is { Length: > 0 } key)
        {
            request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
            request.ServerSideEncryptionKeyManagementServiceKeyId = key;
        }
        else if (settings.Encrypt)
        {
            request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AES256;
        }
    }

    private string RecoveryStep =>
        "To recover: Get-ConnectStateHistory lists the earlier versions of the state (bucket versioning keeps them); " +
        "Restore-ConnectState -Version <serial> writes the last good one back as a new version (nothing is deleted). " +
        "Then run Invoke-ConnectPlan -RefreshOnly to see what changed since, and Sync-ConnectState to take it in.";

    public async Task<string?> CheckAsync(CancellationToken cancellationToken = default)
    {
        GetBucketVersioningResponse response;
        try
        {
            response = await S3Errors.Call(Settings, "GetBucketVersioning", $"s3://{Settings.Bucket}",
                () => _s3.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = Settings.Bucket }, cancellationToken), S3Errors.IsAccessDenied).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (S3Errors.IsAccessDenied(e))
        {
            return $"Could not check versioning on bucket '{Settings.Bucket}' (s3:GetBucketVersioning denied). Without versioning there is no state history or rollback; " +
                   "grant s3:GetBucketVersioning to have ConnectOps check it.";
        }
        var status = response.VersioningConfig?.Status?.Value;
        if (string.Equals(status, VersionStatus.Enabled.Value, StringComparison.Ordinal)) return null;
        return $"Versioning is {(string.IsNullOrEmpty(status) || status == "Off" ? "off" : status.ToLowerInvariant())} on the state bucket '{Settings.Bucket}': " +
               "ConnectOps cannot keep state history, and Get-ConnectStateHistory / Restore-ConnectState cannot roll back a bad write. Turn it on: " +
               $"aws s3api put-bucket-versioning --bucket {Settings.Bucket} --versioning-configuration Status=Enabled";
    }

    public void Dispose()
    {
        _s3.Dispose();
        _dynamo?.Dispose();
    }
}
