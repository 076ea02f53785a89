using System.Text;
using Amazon.S3;
using Amazon.S3.Model;

namespace ConnectOps.Engine.State.S3;

/// <summary>
/// The lock as an S3 object beside the state (<c>&lt;Key&gt;.lock</c>), created with <c>If-None-Match: *</c> so
/// only one writer can create it, holding the lock record, and deleted with <c>If-Match</c> on its own ETag
/// so a lock someone else took after a force-unlock is never removed.
/// </summary>
internal sealed class S3LockObject(IAmazonS3 s3, S3BackendSettings settings) : IRemoteLock
{
    public string Location => $"s3://{settings.Bucket}/{settings.LockKey}";

    public async Task<(string? Token, LockProbe Current)> TryCreateAsync(LockInfo info, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(LockJson.Serialize(info, $"{settings.Bucket}/{settings.Key}"));
        var request = new PutObjectRequest
        {
            BucketName = settings.Bucket,
            Key = settings.LockKey,
            InputStream = new MemoryStream(body),
            ContentType = "application/json",
            IfNoneMatch = "*",
        };
        S3StateStore.Encrypt(request, settings);
        try
        {
            var response = await S3Errors.Call(settings, "PutObject (lock)", Location,
                () => s3.PutObjectAsync(request, cancellationToken), S3Errors.IsConditionFailed).ConfigureAwait(false);
            return (response.ETag, LockProbe.None);
        }
        catch (AmazonS3Exception e) when (S3Errors.IsConditionFailed(e))
        {
            var current = await ReadAsync(cancellationToken).ConfigureAwait(false);
            // A retried PUT whose first attempt created the lock sees its own lock: it is ours.
            if (current.Holder?.Id == info.Id && current.Token is not null) return (current.Token, LockProbe.None);
            return (null, current);
        }
    }

    public async Task<LockProbe> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await S3Errors.Call(settings, "GetObject (lock)", Location,
                () => s3.GetObjectAsync(settings.Bucket, settings.LockKey, cancellationToken), S3Errors.IsNotFound).ConfigureAwait(false);
            using var reader = new StreamReader(response.ResponseStream, Encoding.UTF8);
            var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            return new LockProbe(true, LockJson.Parse(text), response.ETag);
        }
        catch (AmazonS3Exception e) when (S3Errors.IsNotFound(e))
        {
            return LockProbe.None;
        }
    }

    public async Task<bool> RemoveAsync(string token, CancellationToken cancellationToken)
    {
        try
        {
            await S3Errors.Call(settings, "DeleteObject (lock)", Location,
                () => s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = settings.Bucket, Key = settings.LockKey, IfMatch = token }, cancellationToken),
                e => S3Errors.IsConditionFailed(e) || S3Errors.IsNotFound(e)).ConfigureAwait(false);
            return true;
        }
        catch (AmazonS3Exception e) when (S3Errors.IsConditionFailed(e) || S3Errors.IsNotFound(e))
        {
            return false;
        }
    }
}
