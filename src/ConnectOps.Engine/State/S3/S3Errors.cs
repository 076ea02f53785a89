using System.Net;
using Amazon.Runtime;
using Amazon.S3;

namespace ConnectOps.Engine.State.S3;

/// <summary>Turns S3 failures into state errors whose message says what is wrong and what to do.</summary>
internal static class S3Errors
{
    public static bool IsNotFound(AmazonServiceException e) =>
        e.StatusCode == HttpStatusCode.NotFound && !IsNoSuchBucket(e) || e.ErrorCode is "NoSuchKey" or "NoSuchVersion" or "NotFound";

    public static bool IsNoSuchBucket(AmazonServiceException e) => e.ErrorCode == "NoSuchBucket";

    /// <summary>412 (If-Match / If-None-Match did not hold) or 409 (a concurrent conditional write won).</summary>
    public static bool IsConditionFailed(AmazonServiceException e) =>
        e.StatusCode is HttpStatusCode.PreconditionFailed || e.ErrorCode is "PreconditionFailed" or "ConditionalRequestConflict" ||
        (e.StatusCode == HttpStatusCode.Conflict && e.ErrorCode is not "OperationAborted");

    public static bool IsAccessDenied(AmazonServiceException e) =>
        e.StatusCode == HttpStatusCode.Forbidden || e.ErrorCode is "AccessDenied" or "AllAccessDisabled";

    /// <summary>The state error for an S3 failure of <paramref name="operation"/> on <paramref name="target"/>.</summary>
    public static StateException Translate(AmazonServiceException e, S3BackendSettings s, string operation, string target)
    {
        if (IsNoSuchBucket(e))
        {
            return new StateBackendException("ConnectOps.StateBucketNotFound", StateBackendFailure.NotFound,
                $"The state bucket '{s.Bucket}' does not exist{RegionText(s)}. Create it with versioning on (see docs/STATE_MANAGEMENT.md, 'Bucket set-up'), " +
                "or correct State.Bucket / State.Region in the config.", e);
        }
        if (IsAccessDenied(e))
        {
            return new StateBackendException("ConnectOps.StateAccessDenied", StateBackendFailure.AccessDenied,
                $"Access denied: S3 {operation} on {target} ({e.ErrorCode}: {e.Message}). The credentials need s3:GetObject, s3:PutObject and s3:DeleteObject on " +
                $"arn:aws:s3:::{s.Bucket}/{s.Key} and {s.LockKey}, and s3:ListBucket, s3:ListBucketVersions, s3:GetBucketVersioning on the bucket " +
                "(plus kms:Encrypt/Decrypt/GenerateDataKey on the KMS key when KmsKeyId is set); see docs/STATE_MANAGEMENT.md for the policy. " +
                "Check -ProfileName / AWS_PROFILE.", e);
        }
        if (e.ErrorCode is "KMS.NotFoundException" or "KMS.DisabledException" or "KMS.KMSInvalidStateException" or "KMSKeyNotFound" or "InvalidArgument" && e.Message.Contains("KMS", StringComparison.OrdinalIgnoreCase))
        {
            return new StateBackendException("ConnectOps.StateKmsKey", StateBackendFailure.Misconfigured,
                $"S3 {operation} on {target} failed on the KMS key '{s.KmsKeyId}': {e.ErrorCode}: {e.Message} Check State.KmsKeyId and the key policy.", e);
        }
        var unavailable = (int)e.StatusCode >= 500 || e.ErrorCode is "SlowDown" or "RequestTimeout";
        return new StateBackendException(unavailable ? "ConnectOps.StateBackendUnavailable" : "ConnectOps.StateBackendError",
            unavailable ? StateBackendFailure.Unavailable : StateBackendFailure.Misconfigured,
            $"S3 {operation} on {target} failed: {e.ErrorCode} (HTTP {(int)e.StatusCode}): {e.Message}" +
            (unavailable ? " S3 did not answer after retries; nothing was lost. Run the command again." : " Check the State settings in the config."), e);
    }

    private static string RegionText(S3BackendSettings s) => s.Region is null ? "" : $" (Region {s.Region})";

    /// <summary>Runs an S3 call, translating failures other than those <paramref name="handled"/> claims.</summary>
    public static async Task<T> Call<T>(S3BackendSettings s, string operation, string target, Func<Task<T>> call, Func<AmazonServiceException, bool>? handled = null)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (handled is null || !handled(e))
        {
            throw Translate(e, s, operation, target);
        }
        catch (AmazonServiceException e) when (e is not AmazonS3Exception && (handled is null || !handled(e)))
        {
            throw Translate(e, s, operation, target);
        }
    }
}
