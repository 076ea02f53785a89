using System.Text.Json.Nodes;
using ConnectOps.Emulator.Tests.Infrastructure;

namespace ConnectOps.Emulator.Tests;

public sealed class IamCliTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string TrustPolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"connect.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private const string Policy = "arn:aws:iam::aws:policy/AmazonConnect_FullAccess";

    [AwsCliFact]
    public async Task AwsIam_ManagesARoleItsPoliciesAndTags_WithIamErrors()
    {
        await emulator.ResetAsync();
        var r = await emulator.RunAwsBatchAsync(
            ["iam", "create-role", "--role-name", "ConnectRole", "--assume-role-policy-document", TrustPolicy, "--tags", "Key=team,Value=ops", "--description", "Connect"],
            ["iam", "get-role", "--role-name", "ConnectRole"],
            ["iam", "create-role", "--role-name", "ConnectRole", "--assume-role-policy-document", TrustPolicy],
            ["iam", "create-role", "--role-name", "Broken", "--assume-role-policy-document", "{not json"],
            ["iam", "attach-role-policy", "--role-name", "ConnectRole", "--policy-arn", Policy],
            ["iam", "list-attached-role-policies", "--role-name", "ConnectRole"],
            ["iam", "delete-role", "--role-name", "ConnectRole"],
            ["iam", "update-assume-role-policy", "--role-name", "ConnectRole", "--policy-document", TrustPolicy.Replace("connect.amazonaws.com", "lambda.amazonaws.com", StringComparison.Ordinal)],
            ["iam", "tag-role", "--role-name", "ConnectRole", "--tags", "Key=env,Value=dev"],
            ["iam", "untag-role", "--role-name", "ConnectRole", "--tag-keys", "team"],
            ["iam", "list-role-tags", "--role-name", "ConnectRole"],
            ["iam", "get-role", "--role-name", "ConnectRole"],
            ["iam", "detach-role-policy", "--role-name", "ConnectRole", "--policy-arn", Policy],
            ["iam", "delete-role", "--role-name", "ConnectRole"],
            ["iam", "get-role", "--role-name", "ConnectRole"]);

        var created = Json(r[0]);
        Assert.Equal("arn:aws:iam::123456789012:role/ConnectRole", (string)created["Role"]!["Arn"]!);
        Assert.StartsWith("AROA", (string)created["Role"]!["RoleId"]!);
        var got = Json(r[1]);
        Assert.Equal("connect.amazonaws.com", (string)got["Role"]!["AssumeRolePolicyDocument"]!["Statement"]![0]!["Principal"]!["Service"]!);
        Assert.Equal("Connect", (string)got["Role"]!["Description"]!);
        Assert.Contains("EntityAlreadyExists", r[2].StandardError);
        Assert.Contains("MalformedPolicyDocument", r[3].StandardError);
        Assert.Equal(0, r[4].ExitCode);
        Assert.Equal("AmazonConnect_FullAccess", (string)Json(r[5])["AttachedPolicies"]![0]!["PolicyName"]!);
        Assert.NotEqual(0, r[6].ExitCode);
        Assert.Contains("DeleteConflict", r[6].StandardError);
        Assert.All(r.Skip(7).Take(3), step => Assert.Equal(0, step.ExitCode));
        Assert.Equal("env", (string)Json(r[10])["Tags"]!.AsArray().Single()!["Key"]!);
        Assert.Equal("lambda.amazonaws.com", (string)Json(r[11])["Role"]!["AssumeRolePolicyDocument"]!["Statement"]![0]!["Principal"]!["Service"]!);
        Assert.Equal(0, r[12].ExitCode);
        Assert.Equal(0, r[13].ExitCode);
        Assert.NotEqual(0, r[14].ExitCode);
        Assert.Contains("NoSuchEntity", r[14].StandardError);
    }

    internal static JsonObject Json(ProcessResult step)
    {
        Assert.True(step.ExitCode == 0, step.ToString());
        return JsonNode.Parse(step.StandardOutput)!.AsObject();
    }

    [AwsCliFact]
    public async Task AwsSts_ReportsTheEmulatedAccount()
    {
        var identity = await emulator.AwsJsonAsync("sts", "get-caller-identity");
        Assert.Equal("123456789012", (string)identity["Account"]!);
    }
}

public sealed class LogsCliTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [AwsCliFact]
    public async Task AwsLogs_ManagesLogGroupsRetentionAndTags()
    {
        await emulator.ResetAsync();
        const string arn = "arn:aws:logs:eu-west-2:123456789012:log-group:/aws/connect/demo";
        var r = await emulator.RunAwsBatchAsync(
            ["logs", "create-log-group", "--log-group-name", "/aws/connect/demo", "--tags", "team=ops"],
            ["logs", "create-log-group", "--log-group-name", "/aws/connect/other"],
            ["logs", "create-log-group", "--log-group-name", "/app/unrelated"],
            ["logs", "create-log-group", "--log-group-name", "/aws/connect/demo"],
            ["logs", "put-retention-policy", "--log-group-name", "/aws/connect/demo", "--retention-in-days", "7"],
            ["logs", "put-retention-policy", "--log-group-name", "/aws/connect/demo", "--retention-in-days", "8"],
            ["logs", "describe-log-groups", "--log-group-name-prefix", "/aws/connect", "--limit", "1"],
            ["logs", "describe-log-groups", "--log-group-name-prefix", "/aws/connect"],
            ["logs", "tag-resource", "--resource-arn", arn, "--tags", "env=dev"],
            ["logs", "untag-resource", "--resource-arn", arn, "--tag-keys", "team"],
            ["logs", "list-tags-for-resource", "--resource-arn", arn],
            ["logs", "delete-retention-policy", "--log-group-name", "/aws/connect/demo"],
            ["logs", "delete-log-group", "--log-group-name", "/aws/connect/demo"],
            ["logs", "delete-log-group", "--log-group-name", "/aws/connect/demo"]);

        Assert.All(r.Take(3), step => Assert.Equal(0, step.ExitCode));
        Assert.Contains("ResourceAlreadyExistsException", r[3].StandardError);
        Assert.Equal(0, r[4].ExitCode);
        Assert.Contains("InvalidParameterException", r[5].StandardError);
        var firstPage = IamCliTests.Json(r[6]);
        var groups = firstPage["logGroups"]!.AsArray();
        Assert.Single(groups);
        Assert.Equal("/aws/connect/demo", (string)groups[0]!["logGroupName"]!);
        Assert.Equal(7, (int)groups[0]!["retentionInDays"]!);
        Assert.Equal(arn, (string)groups[0]!["logGroupArn"]!);
        Assert.NotNull(firstPage["nextToken"]);
        Assert.Equal(2, IamCliTests.Json(r[7])["logGroups"]!.AsArray().Count);
        var tags = IamCliTests.Json(r[10])["tags"]!;
        Assert.Equal("dev", (string)tags["env"]!);
        Assert.Null(tags["team"]);
        Assert.Equal(0, r[11].ExitCode);
        Assert.Equal(0, r[12].ExitCode);
        Assert.Contains("ResourceNotFoundException", r[13].StandardError);
    }
}

public sealed class SecretsAndStsTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Boto3Fact]
    public async Task SecretsManager_StoresRotatesAndDeletesSecrets_AndStsReportsTheAccount()
    {
        await emulator.ResetAsync();
        var r = await emulator.RunBoto3Async("secrets_sts.py");

        Assert.StartsWith("arn:aws:secretsmanager:eu-west-2:123456789012:secret:connect/users/admin-", (string)r["arn"]!);
        Assert.Equal("s3cret!", (string)r["value"]!);
        Assert.Equal("ResourceExistsException", (string)r["duplicate"]!);
        Assert.Equal("rotated", (string)r["rotated"]!["value"]!);
        Assert.Equal("AWSCURRENT", (string)r["rotated"]!["stages"]![0]!);
        Assert.Equal("ResourceNotFoundException", (string)r["afterDelete"]!);
        Assert.Equal(400, (int)r["missing"]!["Status"]!);
        Assert.Equal("123456789012", (string)r["account"]!);
    }
}
