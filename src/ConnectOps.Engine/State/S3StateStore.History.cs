using System.Globalization;
using Amazon.S3;
using Amazon.S3.Model;
using ConnectOps.Engine.State.S3;

namespace ConnectOps.Engine.State;

public sealed partial class S3StateStore
{
    /// <summary>
    /// The state object's versions, newest first: ListObjectVersions pages, then one HEAD per version for its
    /// metadata (serial, who, operation). Delete markers are listed too (where the state was deleted).
    /// </summary>
    public async Task<IReadOnlyList<StateVersion>> GetHistoryAsync(int max, CancellationToken cancellationToken = default)
    {
        if (max <= 0) return [];
        var found = new List<(string VersionId, DateTime Modified, bool IsLatest, bool IsDeleteMarker, long Size)>();
        var request = new ListVersionsRequest { BucketName = Settings.Bucket, Prefix = Settings.Key };
        while (true)
        {
            var page = await S3Errors.Call(Settings, "ListObjectVersions", $"s3://{Settings.Bucket}/{Settings.Key}",
                () => _s3.ListVersionsAsync(request, cancellationToken)).ConfigureAwait(false);
            var passedKey = false;
            // Versions (and delete markers: the SDK lists them here with IsDeleteMarker) come per key, newest first;
            // keys sort after their prefix, so once another key shows up ours are all listed.
            foreach (var v in page.Versions ?? [])
            {
                if (v.Key != Settings.Key)
                {
                    passedKey |= string.CompareOrdinal(v.Key, Settings.Key) > 0;
                    continue;
                }
                found.Add((v.VersionId ?? "null", v.LastModified ?? DateTime.MinValue, v.IsLatest ?? false, v.IsDeleteMarker ?? false, v.Size ?? 0));
            }
            if (page.IsTruncated != true || passedKey || found.Count >= max || page.NextKeyMarker is null) break;
            request.KeyMarker = page.NextKeyMarker;
            request.VersionIdMarker = page.NextVersionIdMarker;
        }
        var newest = found.OrderByDescending(v => v.Modified).ThenByDescending(v => v.IsLatest).Take(max).ToList();
        var result = new StateVersion[newest.Count];
        using var gate = new SemaphoreSlim(4);
        await Task.WhenAll(newest.Select(async (v, i) =>
        {
            if (v.IsDeleteMarker)
            {
                result[i] = new StateVersion(v.VersionId, null, new DateTimeOffset(DateTime.SpecifyKind(v.Modified, DateTimeKind.Utc)), null, "deleted", v.IsLatest, true, 0);
                return;
            }
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var head = await S3Errors.Call(Settings, "HeadObject", $"{Location} version {v.VersionId}",
                    () => _s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = Settings.Bucket, Key = Settings.Key, VersionId = v.VersionId == "null" ? null : v.VersionId }, cancellationToken)).ConfigureAwait(false);
                long? serial = long.TryParse(head.Metadata[MetaSerial], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;
                var who = head.Metadata[MetaWho] is { } w ? Uri.UnescapeDataString(w) : null;
                var operation = head.Metadata[MetaOperation] is { } o ? Uri.UnescapeDataString(o) : null;
                result[i] = new StateVersion(v.VersionId, serial, new DateTimeOffset(DateTime.SpecifyKind(v.Modified, DateTimeKind.Utc)), who, operation, v.IsLatest, false, v.Size);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
        return result;
    }

    public async Task<byte[]> ReadVersionAsync(string versionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(versionId);
        try
        {
            using var response = await S3Errors.Call(Settings, "GetObject", $"{Location} version {versionId}",
                () => _s3.GetObjectAsync(new GetObjectRequest { BucketName = Settings.Bucket, Key = Settings.Key, VersionId = versionId == "null" ? null : versionId }, cancellationToken),
                e => S3Errors.IsNotFound(e) || e.ErrorCode is "InvalidArgument" or "MethodNotAllowed").ConfigureAwait(false);
            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
        catch (AmazonS3Exception e) when (S3Errors.IsNotFound(e) || e.ErrorCode is "InvalidArgument" or "MethodNotAllowed")
        {
            throw new StateVersionNotFoundException(
                $"{Location} has no version '{versionId}'{(e.ErrorCode == "MethodNotAllowed" ? " with content (it is a delete marker)" : "")}. Get-ConnectStateHistory lists the versions there are.");
        }
    }
}
