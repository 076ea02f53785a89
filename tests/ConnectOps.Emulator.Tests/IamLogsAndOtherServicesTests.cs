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
        var created = await emulator.AwsJsonAsync("iam", "create-role", "--role-name", "ConnectRole", "--assume-role-policy-document", TrustPolicy,
            "--tags", "Key=team,Value=ops", "--description", "Connect");
        Assert.Equal("arn:aws:iam::123456789012:role/ConnectRole", (string)created["Role"]!["Arn"]!);
        Assert.StartsWith("AROA", (string)created["Role"]!["RoleId"]!);

        var got = await emulator.AwsJsonAsync("iam", "get-role", "--role-name", "ConnectRole");
        Assert.Equal("connect.amazonaws.com", (string)got["Role"]!["AssumeRolePolicyDocument"]!["Statement"]![0]!["Principal"]!["Service"]!);
        Assert.Equal("Connect", (string)got["Role"]!["Description"]!);

        var duplicate = await emulator.RunAwsAsync("iam", "create-role", "--role-name", "ConnectRole", "--assume-role-policy-document", TrustPolicy);
        Assert.Contains("EntityAlreadyExists", duplicate.StandardError);
        var malformed = await emulator.RunAwsAsync("iam", "create-role", "--role-name", "Broken", "--assume-role-policy-document", "{not json");
        Assert.Contains("MalformedPolicyDocument", malformed.StandardError);

        await emulator.AwsJsonAsync("iam", "attach-role-policy", "--role-name", "ConnectRole", "--policy-arn", Policy);
        var attached = await emulator.AwsJsonAsync("iam", "list-attached-role-policies", "--role-name", "ConnectRole");
        Assert.Equal("AmazonConnect_FullAccess", (string)attached["AttachedPolicies"]![0]!["PolicyName"]!);

        var conflict = await emulator.RunAwsAsync("iam", "delete-role", "--role-name", "ConnectRole");
        Assert.NotEqual(0, conflict.ExitCode);
        Assert.Contains("DeleteConflict", conflict.StandardError);

        await emulator.AwsJsonAsync("iam", "update-assume-role-policy", "--role-name", "ConnectRole", "--policy-document", TrustPolicy.Replace("connect.amazonaws.com", "lambda.amazonaws.com", StringComparison.Ordinal));
        await emulator.AwsJsonAsync("iam", "tag-role", "--role-name", "ConnectRole", "--tags", "Key=env,Value=dev");
        await emulator.AwsJsonAsync("iam", "untag-role", "--role-name", "ConnectRole", "--tag-keys", "team");
        var tags = await emulator.AwsJsonAsync("iam", "list-role-tags", "--role-name", "ConnectRole");
        Assert.Equal("env", (string)tags["Tags"]!.AsArray().Single()!["Key"]!);

        await emulator.AwsJsonAsync("iam", "detach-role-policy", "--role-name", "ConnectRole", "--policy-arn", Policy);
        await emulator.AwsJsonAsync("iam", "delete-role", "--role-name", "ConnectRole");
        var gone = await emulator.RunAwsAsync("iam", "get-role", "--role-name", "ConnectRole");
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Contains("NoSuchEntity", gone.StandardError);
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
        await emulator.AwsJsonAsync("logs", "create-log-group", "--log-group-name", "/aws/connect/demo", "--tags", "team=ops");
        await emulator.AwsJsonAsync("logs", "create-log-group", "--log-group-name", "/aws/connect/other");
        await emulator.AwsJsonAsync("logs", "create-log-group", "--log-group-name", "/app/unrelated");

        var duplicate = await emulator.RunAwsAsync("logs", "create-log-group", "--log-group-name", "/aws/connect/demo");
        Assert.Contains("ResourceAlreadyExistsException", duplicate.StandardError);

        await emulator.AwsJsonAsync("logs", "put-retention-policy", "--log-group-name", "/aws/connect/demo", "--retention-in-days", "7");
        var invalid = await emulator.RunAwsAsync("logs", "put-retention-policy", "--log-group-name", "/aws/connect/demo", "--retention-in-days", "8");
        Assert.Contains("InvalidParameterException", invalid.StandardError);

        var described = await emulator.AwsJsonAsync("logs", "describe-log-groups", "--log-group-name-prefix", "/aws/connect", "--limit", "1");
        var groups = described["logGroups"]!.AsArray();
        Assert.Single(groups);
        Assert.Equal("/aws/connect/demo", (string)groups[0]!["logGroupName"]!);
        Assert.Equal(7, (int)groups[0]!["retentionInDays"]!);
        Assert.NotNull(described["nextToken"]);
        var all = await emulator.AwsJsonAsync("logs", "describe-log-groups", "--log-group-name-prefix", "/aws/connect");
        Assert.Equal(2, all["logGroups"]!.AsArray().Count);

        var arn = (string)groups[0]!["logGroupArn"]!;
        await emulator.AwsJsonAsync("logs", "tag-resource", "--resource-arn", arn, "--tags", "env=dev");
        await emulator.AwsJsonAsync("logs", "untag-resource", "--resource-arn", arn, "--tag-keys", "team");
        var tags = await emulator.AwsJsonAsync("logs", "list-tags-for-resource", "--resource-arn", arn);
        Assert.Equal("dev", (string)tags["tags"]!["env"]!);
        Assert.Null(tags["tags"]!["team"]);

        await emulator.AwsJsonAsync("logs", "delete-retention-policy", "--log-group-name", "/aws/connect/demo");
        await emulator.AwsJsonAsync("logs", "delete-log-group", "--log-group-name", "/aws/connect/demo");
        var gone = await emulator.RunAwsAsync("logs", "delete-log-group", "--log-group-name", "/aws/connect/demo");
        Assert.Contains("ResourceNotFoundException", gone.StandardError);
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
