using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using ConnectOps.Engine.State;
using ConnectOps.Engine.State.S3;

namespace ConnectOps.Engine.Migration.Terraform;

/// <summary>How to reach S3 for an <c>s3://bucket/key</c> Terraform state (the backend Terraform wrote it to).</summary>
public sealed record TerraformStateConnection
{
    public string? Region { get; init; }

    public string? ProfileName { get; init; }

    /// <summary>An S3-compatible endpoint; null: AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, then the Region's.</summary>
    public string? S3Endpoint { get; init; }

    /// <summary>Explicit credentials (tests); null: the profile, else the SDK's chain.</summary>
    internal AWSCredentials? Credentials { get; init; }
}

/// <summary>Reads a Terraform state from a file or from S3 (one GetObject). Reading changes nothing.</summary>
public static class TerraformStateSource
{
    public static bool IsS3(string location) => location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase);

    public static async Task<byte[]> ReadAsync(string location, TerraformStateConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(connection);
        if (!IsS3(location))
        {
            if (!File.Exists(location))
            {
                throw new TerraformMigrationException("ConnectOps.Terraform.NotFound",
                    $"The Terraform state '{location}' does not exist. Give the path of terraform.tfstate (or run 'terraform state pull > terraform.tfstate' in the Terraform folder), or an s3://bucket/key location.", location);
            }
            return await File.ReadAllBytesAsync(location, cancellationToken).ConfigureAwait(false);
        }
        var rest = location["s3://".Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == rest.Length - 1)
        {
            throw new TerraformMigrationException("ConnectOps.Terraform.BadLocation",
                $"'{location}' is not an S3 location: write s3://<bucket>/<key>, with the bucket and key of the Terraform backend (e.g. s3://acme-terraform/connect/terraform.tfstate).", location);
        }
        var settings = new S3BackendSettings
        {
            Bucket = rest[..slash], Key = rest[(slash + 1)..], Region = connection.Region, ProfileName = connection.ProfileName,
            S3Endpoint = connection.S3Endpoint, Credentials = connection.Credentials,
        };
        using var s3 = S3Clients.CreateS3(settings, new StateRequestCounter());
        try
        {
            using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = settings.Bucket, Key = settings.Key }, cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode is "NoSuchKey" or "NoSuchBucket" || ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw new TerraformMigrationException("ConnectOps.Terraform.NotFound",
                $"The Terraform state '{location}' does not exist ({ex.ErrorCode}). Check the bucket and key in the Terraform backend block, and -Region.", location, ex);
        }
    }
}
