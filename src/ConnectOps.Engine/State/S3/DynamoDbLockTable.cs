using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace ConnectOps.Engine.State.S3;

/// <summary>
/// The lock as an item of a DynamoDB table in the layout Terraform's S3 backend uses, so teams can reuse the
/// table they have: partition key <c>LockID</c> (string) = <c>bucket/key</c>, attribute <c>Info</c> = the lock
/// record JSON. Created with a conditional put (<c>attribute_not_exists(LockID)</c>), removed with a conditional
/// delete on the exact record, read with consistent reads.
/// </summary>
internal sealed class DynamoDbLockTable(IAmazonDynamoDB dynamo, S3BackendSettings settings) : IRemoteLock
{
    private string Table => settings.LockTable!;

    public string Location => $"DynamoDB table '{Table}' (LockID '{settings.LockId}')";

    public async Task<(string? Token, LockProbe Current)> TryCreateAsync(LockInfo info, CancellationToken cancellationToken)
    {
        var record = LockJson.Serialize(info, settings.LockId);
        try
        {
            await Call("PutItem", () => dynamo.PutItemAsync(new PutItemRequest
            {
                TableName = Table,
                Item = new Dictionary<string, AttributeValue>
                {
                    ["LockID"] = new() { S = settings.LockId },
                    ["Info"] = new() { S = record },
                },
                ConditionExpression = "attribute_not_exists(LockID)",
            }, cancellationToken)).ConfigureAwait(false);
            return (record, LockProbe.None);
        }
        catch (ConditionalCheckFailedException)
        {
            var current = await ReadAsync(cancellationToken).ConfigureAwait(false);
            if (current.Holder?.Id == info.Id && current.Token is not null) return (current.Token, LockProbe.None);
            return (null, current);
        }
    }

    public async Task<LockProbe> ReadAsync(CancellationToken cancellationToken)
    {
        var response = await Call("GetItem", () => dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = Table,
            Key = new Dictionary<string, AttributeValue> { ["LockID"] = new() { S = settings.LockId } },
            ConsistentRead = true,
        }, cancellationToken)).ConfigureAwait(false);
        if (response.Item is not { Count: > 0 } item) return LockProbe.None;
        var info = item.TryGetValue("Info", out var v) ? v.S : null;
        return new LockProbe(true, LockJson.Parse(info), info ?? "");
    }

    public async Task<bool> RemoveAsync(string token, CancellationToken cancellationToken)
    {
        var request = new DeleteItemRequest
        {
            TableName = Table,
            Key = new Dictionary<string, AttributeValue> { ["LockID"] = new() { S = settings.LockId } },
        };
        if (token.Length > 0)
        {
            request.ConditionExpression = "Info = :info";
            request.ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":info"] = new() { S = token } };
        }
        else
        {
            request.ConditionExpression = "attribute_exists(LockID) AND attribute_not_exists(Info)";
        }
        try
        {
            await Call("DeleteItem", () => dynamo.DeleteItemAsync(request, cancellationToken)).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private async Task<T> Call<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ResourceNotFoundException e)
        {
            throw new StateBackendException("ConnectOps.StateLockTableNotFound", StateBackendFailure.NotFound,
                $"The DynamoDB lock table '{Table}' does not exist{(settings.Region is null ? "" : $" in {settings.Region}")}. Create it with partition key 'LockID' (type String), " +
                $"e.g. aws dynamodb create-table --table-name {Table} --attribute-definitions AttributeName=LockID,AttributeType=S " +
                "--key-schema AttributeName=LockID,KeyType=HASH --billing-mode PAY_PER_REQUEST; or remove State.LockTable to lock with an S3 object.", e);
        }
        catch (AmazonDynamoDBException e) when (e is not ConditionalCheckFailedException)
        {
            if (e.StatusCode == System.Net.HttpStatusCode.Forbidden || e.ErrorCode is "AccessDeniedException" or "AccessDenied")
            {
                throw new StateBackendException("ConnectOps.StateAccessDenied", StateBackendFailure.AccessDenied,
                    $"Access denied: DynamoDB {operation} on table '{Table}' ({e.ErrorCode}: {e.Message}). The credentials need dynamodb:GetItem, dynamodb:PutItem and " +
                    "dynamodb:DeleteItem on the table; see docs/STATE_MANAGEMENT.md.", e);
            }
            var unavailable = (int)e.StatusCode >= 500 || e.ErrorCode is "ProvisionedThroughputExceededException" or "ThrottlingException" or "RequestLimitExceeded";
            throw new StateBackendException(unavailable ? "ConnectOps.StateBackendUnavailable" : "ConnectOps.StateBackendError",
                unavailable ? StateBackendFailure.Unavailable : StateBackendFailure.Misconfigured,
                $"DynamoDB {operation} on table '{Table}' failed: {e.ErrorCode}: {e.Message}" + (unavailable ? " Run the command again." : " Check State.LockTable."), e);
        }
        catch (AmazonServiceException e) when (e is not AmazonDynamoDBException)
        {
            throw new StateBackendException("ConnectOps.StateBackendError", StateBackendFailure.Misconfigured,
                $"DynamoDB {operation} on table '{Table}' failed: {e.ErrorCode}: {e.Message}", e);
        }
    }
}
