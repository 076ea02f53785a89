using System.Text.Json.Nodes;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Permissions;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.Reconcilers.Framework;
using ConnectOps.Engine.State;
using ConnectOps.Engine.Tests.Reconcilers;
using ConnectOps.Engine.Tests.State.S3;

namespace ConnectOps.Engine.Tests.Iam;

/// <summary>
/// The S3 backend's statements against the requests the state store really makes (counted per operation) for an
/// apply from scratch, a plan and an update, with the lock object and with a DynamoDB lock table, state in moto.
/// </summary>
[Collection(nameof(S3ConcurrencyCollection))]
public sealed class StatePolicyTests(EmulatorFixture emulator, MotoServer moto) : IClassFixture<EmulatorFixture>, IClassFixture<MotoServer>, IAsyncLifetime, IDisposable
{
    private const string Key = "prod/connect.json";
    private readonly MotoAdmin _admin = new(moto);

    public Task InitializeAsync() => emulator.ResetAccountAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _admin.Dispose();

    /// <summary>The IAM action and resource each counted request needs (S3 authorises HEAD as s3:GetObject).</summary>
    private static PolicyRequest Needed(string request, string bucket, string? table, string account) => request switch
    {
        "S3.GetObject" or "S3.GetObjectMetadata" => new("s3:GetObject", $"arn:aws:s3:::{bucket}/{Key}"),
        "S3.PutObject" => new("s3:PutObject", $"arn:aws:s3:::{bucket}/{Key}"),
        "S3.DeleteObject" => new("s3:DeleteObject", $"arn:aws:s3:::{bucket}/{Key}.lock"),
        "S3.GetBucketVersioning" => new("s3:GetBucketVersioning", $"arn:aws:s3:::{bucket}"),
        _ when request.StartsWith("DynamoDB.", StringComparison.Ordinal) => new("dynamodb:" + request["DynamoDB.".Length..], $"arn:aws:dynamodb:eu-west-2:{account}:table/{table}"),
        _ => throw new InvalidOperationException($"The test does not know what IAM action {request} needs."),
    };

    [MotoFact]
    public Task With_the_lock_object_state_statements_allow_every_state_request_and_no_other_state_action() => CheckAsync(lockTable: false);

    [MotoFact]
    public Task With_a_lock_table_state_statements_allow_every_state_request_and_no_other_state_action() => CheckAsync(lockTable: true);

    private async Task CheckAsync(bool lockTable)
    {
        var alias = lockTable ? "iam-state-table" : "iam-state-object";
        var bucket = await _admin.CreateBucketAsync();
        var table = lockTable ? await _admin.CreateLockTableAsync() : null;
        var config = Harness.BasicConfig(alias);
        config["State"] = new JsonObject { ["Backend"] = "S3", ["Bucket"] = bucket, ["Key"] = Key, ["LockTable"] = table };
        using var h = new Harness(emulator, config);
        using var store = new S3StateStore(moto.Settings(bucket, Key, table));

        async Task<Workspace> OpenAsync()
        {
            var aws = await AwsServicesFactory.CreateAsync(new AwsSettings { Region = "eu-west-2", EndpointUrl = emulator.Endpoint.ToString() }, CancellationToken.None);
            return new Workspace(h.Load(), store, aws, h.Host) { PollInterval = TimeSpan.FromMilliseconds(5) };
        }

        await store.CheckAsync(CancellationToken.None); // what opening the store does first (versioning check)
        using (var ws = await OpenAsync()) Assert.Equal(0, (await ws.ApplyAsync(null, new PlanScope(), new ApplyOptions(), CancellationToken.None)).Failed);
        config["Queues"]![0]!["MaxContacts"] = 150;
        h.Write(config);
        using (var ws = await OpenAsync()) Assert.Equal(1, (await ws.ApplyAsync(null, new PlanScope(), new ApplyOptions(), CancellationToken.None)).Succeeded);
        var applyRequests = store.Requests.Snapshot().Keys.ToList();

        store.Requests.Reset();
        await store.CheckAsync(CancellationToken.None);
        using (var ws = await OpenAsync()) Assert.True((await ws.PlanAsync(new PlanScope(), CancellationToken.None)).IsEmpty);
        var planRequests = store.Requests.Snapshot().Keys.ToList();

        var state = (await store.ReadAsync())!.Document;
        var options = new PolicyRequestOptions { AccountId = state.Instance!.AccountId, Region = "eu-west-2" };
        var policy = LeastPrivilegePolicy.Build(h.Load(), state, options);
        var readOnly = LeastPrivilegePolicy.Build(h.Load(), state, options with { ReadOnly = true });

        var applied = applyRequests.Select(r => Needed(r, bucket, table, options.AccountId)).ToList();
        var planned = planRequests.Select(r => Needed(r, bucket, table, options.AccountId)).ToList();
        Assert.Contains(applied, r => r.Action == (lockTable ? "dynamodb:PutItem" : "s3:DeleteObject"));
        Assert.Empty(PolicyEvaluator.Denied(policy, applied));
        Assert.Empty(PolicyEvaluator.Denied(readOnly, planned));
        Assert.DoesNotContain(planned, r => r.Action is "s3:PutObject" or "s3:DeleteObject" || r.Action.StartsWith("dynamodb:", StringComparison.Ordinal));

        // Every state action in the policy was used, except s3:ListBucket (needed so that a missing state object is a
        // 404, not a 403) and reading the lock (s3:GetObject on the lock object, dynamodb:GetItem on the table), which
        // happens only while another run holds it, to name the holder.
        var used = applied.Select(r => r.Action).ToHashSet();
        var stateActions = policy.Statements.Where(s => s.Sid.StartsWith("State", StringComparison.Ordinal)).SelectMany(s => s.Actions).Distinct();
        Assert.DoesNotContain(stateActions, a => !used.Contains(a) && a is not ("s3:ListBucket" or "dynamodb:GetItem"));
        Assert.Equal(lockTable, policy.Statement("StateLockTable") is not null);
        Assert.Equal(!lockTable, policy.Statement("StateLockObject") is not null);
    }
}
