using Amazon;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;

namespace ConnectOps.Engine.Tests.State.S3;

/// <summary>Direct S3/DynamoDB calls for test set-up and inspection (what an operator would do with the AWS CLI).</summary>
public sealed class MotoAdmin : IDisposable
{
    public MotoAdmin(MotoServer moto)
    {
        S3 = new AmazonS3Client(MotoServer.Credentials, new AmazonS3Config { ServiceURL = moto.Endpoint, ForcePathStyle = true, AuthenticationRegion = "eu-west-2" });
        Dynamo = new AmazonDynamoDBClient(MotoServer.Credentials, new AmazonDynamoDBConfig { ServiceURL = moto.Endpoint, AuthenticationRegion = "eu-west-2" });
    }

    public IAmazonS3 S3 { get; }

    public IAmazonDynamoDB Dynamo { get; }

    public async Task<string> CreateBucketAsync(bool versioned = true, string? name = null)
    {
        var bucket = name ?? MotoServer.NewBucket();
        await S3.PutBucketAsync(new PutBucketRequest { BucketName = bucket, BucketRegion = S3Region.EUWest2 });
        if (versioned)
        {
            await S3.PutBucketVersioningAsync(new PutBucketVersioningRequest
            {
                BucketName = bucket,
                VersioningConfig = new S3BucketVersioningConfig { Status = VersionStatus.Enabled },
            });
        }
        return bucket;
    }

    public async Task<string> CreateLockTableAsync()
    {
        var table = "locks-" + Guid.NewGuid().ToString("N")[..12];
        await Dynamo.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            AttributeDefinitions = [new AttributeDefinition("LockID", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("LockID", KeyType.HASH)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        return table;
    }

    public async Task PutTextAsync(string bucket, string key, string text) =>
        await S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = text });

    public async Task<string?> GetTextAsync(string bucket, string key)
    {
        try
        {
            using var r = await S3.GetObjectAsync(bucket, key);
            using var reader = new StreamReader(r.ResponseStream);
            return await reader.ReadToEndAsync();
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<GetObjectMetadataResponse> HeadAsync(string bucket, string key) => await S3.GetObjectMetadataAsync(bucket, key);

    public async Task DeleteAsync(string bucket, string key) => await S3.DeleteObjectAsync(bucket, key);

    public async Task<Dictionary<string, AttributeValue>?> GetLockItemAsync(string table, string lockId)
    {
        var r = await Dynamo.GetItemAsync(new GetItemRequest { TableName = table, Key = new() { ["LockID"] = new AttributeValue { S = lockId } }, ConsistentRead = true });
        return r.Item is { Count: > 0 } item ? item : null;
    }

    public void Dispose()
    {
        S3.Dispose();
        Dynamo.Dispose();
    }
}
