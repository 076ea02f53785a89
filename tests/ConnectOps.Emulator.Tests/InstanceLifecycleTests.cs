using System.Text.Json.Nodes;
using ConnectOps.Emulator.Tests.Infrastructure;

namespace ConnectOps.Emulator.Tests;

public sealed class InstanceLifecycleTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Boto3Fact]
    public async Task CreateInstance_IsInProgressForAFewPolls_ThenActive_WithDefaultResourcesAttributesAndQuota()
    {
        await emulator.ResetAsync();
        var r = await emulator.RunBoto3Async("instance.py");

        Assert.StartsWith("arn:aws:connect:eu-west-2:123456789012:instance/", (string)r["arn"]!);
        Assert.Equal(["CREATION_IN_PROGRESS", "CREATION_IN_PROGRESS", "ACTIVE", "ACTIVE"], Strings(r["statuses"]));
        Assert.Contains("role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect_", (string)r["serviceRole"]!);
        Assert.True((bool)r["createdTimeIsDatetime"]!);
        Assert.False((bool)r["outbound"]!);
        Assert.Equal(["alpha"], Strings(r["listed"]));

        Assert.Equal(["BasicQueue"], Strings(r["queues"]));
        Assert.Equal(["Basic Hours"], Strings(r["hours"]));
        Assert.True((bool)r["routingProfiles"]!["Basic Routing Profile"]!);
        Assert.Equal(["Admin", "Agent", "CallCenterManager", "QualityAnalyst"], Strings(r["securityProfiles"]));
        var flows = r["flows"]!.AsObject();
        Assert.Equal("CUSTOMER_QUEUE", (string)flows["Default customer queue"]!);
        Assert.Equal("AGENT_WHISPER", (string)flows["Default agent whisper"]!);
        Assert.Equal("OUTBOUND_WHISPER", (string)flows["Default outbound"]!);
        Assert.Equal("CONTACT_FLOW", (string)flows["Sample inbound flow (first contact experience)"]!);
        Assert.True((int)r["adminPermissionCount"]! > 20);

        Assert.Equal(13, (int)r["attributeCount"]!);
        Assert.Equal(2, (int)r["attributePages"]!);
        Assert.Equal("true", (string)r["contactFlowLogs"]!);
        Assert.Equal("true", (string)r["inbound"]!);

        Assert.Equal("DuplicateResourceException", (string)r["duplicateAlias"]!["Code"]!);
        Assert.Equal("ServiceQuotaExceededException", (string)r["thirdInstance"]!["Code"]!);
        Assert.Equal(402, (int)r["thirdInstance"]!["Status"]!);
        Assert.Equal("InvalidRequestException", (string)r["missingAlias"]!);
        Assert.Equal("ResourceNotFoundException", (string)r["afterDelete"]!["Code"]!);
        Assert.Equal(404, (int)r["afterDelete"]!["Status"]!);
        Assert.Equal("CREATION_FAILED", (string)r["failedInstance"]!["Status"]!);
        Assert.Equal("Directory could not be created", (string)r["failedInstance"]!["Reason"]!);
    }

    [AwsCliFact]
    public async Task AwsCli_CreatesDescribesAndListsAnInstance()
    {
        await emulator.ResetAsync();
        var created = await emulator.AwsJsonAsync("connect", "create-instance", "--identity-management-type", "CONNECT_MANAGED",
            "--instance-alias", "cli-instance", "--inbound-calls-enabled", "--no-outbound-calls-enabled");
        var id = (string)created["Id"]!;

        var described = await emulator.AwsJsonAsync("connect", "describe-instance", "--instance-id", id);
        Assert.Equal("cli-instance", (string)described["Instance"]!["InstanceAlias"]!);
        Assert.Equal("CREATION_IN_PROGRESS", (string)described["Instance"]!["InstanceStatus"]!);

        var queues = await emulator.AwsJsonAsync("connect", "list-queues", "--instance-id", id);
        Assert.Contains(queues["QueueSummaryList"]!.AsArray(), q => (string?)q!["Name"] == "BasicQueue");

        var missing = await emulator.RunAwsAsync("connect", "describe-instance", "--instance-id", Guid.NewGuid().ToString());
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("ResourceNotFoundException", missing.StandardError);
    }

    internal static string[] Strings(JsonNode? node) => node!.AsArray().Select(n => (string?)n ?? "<null>").ToArray();
}
