using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using ConnectOps.Aws.Connect;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Aws.Runtime;
using ConnectOps.Aws.Tests.TestSupport;

namespace ConnectOps.Aws.Tests;

/// <summary>Error responses become the generated exception types, with code, message, status, request id and extra members.</summary>
public class ErrorUnmarshallingTests
{
    public static IEnumerable<object[]> ConnectErrorCodes() =>
        ConnectOperations.Service.Errors.Values.Distinct().Select(s => s.Name).OrderBy(n => n, StringComparer.Ordinal).Select(n => new object[] { n });

    [Fact]
    public void Every_connect_error_of_the_listed_operations_is_modeled()
    {
        var names = ConnectOperations.Service.Errors.Values.Select(s => s.Name).ToHashSet();
        foreach (var expected in new[]
        {
            "InvalidParameterException", "InvalidRequestException", "InvalidContactFlowException", "AccessDeniedException",
            "ResourceNotFoundException", "ContactFlowNotPublishedException", "DuplicateResourceException", "ResourceConflictException",
            "IdempotencyException", "ConditionalOperationFailedException", "ResourceInUseException", "LimitExceededException",
            "ThrottlingException", "ServiceQuotaExceededException", "InternalServiceException",
        })
            Assert.Contains(expected, names);
    }

    [Theory]
    [MemberData(nameof(ConnectErrorCodes))]
    public async Task Connect_error_becomes_its_exception_type_with_every_member(string code)
    {
        var shape = ConnectOperations.Service.Errors[code];
        var status = shape.HttpStatusCode ?? 400;
        var body = new Dictionary<string, object> { ["Message"] = $"{code} happened" };
        var expected = new Dictionary<string, string>();
        foreach (var member in shape.Members)
        {
            // A model-valid value for every extra member (Reason, ResourceType, problems …), as JSON.
            var json = ToJson(Samples.Value(member.Shape, member, true, new Stack<string>(), 0), member.Shape);
            body[member.WireName] = JsonDocument.Parse(json).RootElement;
            expected[member.Name] = json;
        }
        using var server = new StubServer(StubResponse.Error(status, code + ":http://internal.amazon.com/coral/com.amazonaws.connect/", JsonSerializer.Serialize(body), "rid-" + code));
        using var client = Clients.Connect(server, maxErrorRetry: 0);

        var e = await Assert.ThrowsAnyAsync<AmazonConnectException>(() => client.DescribeQueueAsync(new DescribeQueueRequest { InstanceId = "i", QueueId = "q" }));

        Assert.Equal(shape.ClrType, e.GetType());
        Assert.Equal(code, e.ErrorCode);
        Assert.Equal($"{code} happened", e.Message);
        Assert.Equal((HttpStatusCode)status, e.StatusCode);
        Assert.Equal("rid-" + code, e.RequestId);
        foreach (var member in shape.Members)
        {
            var value = member.Getter(e);
            Assert.NotNull(value);
            Assert.Equal(expected[member.Name], ToJson(value!, member.Shape));
        }
        Assert.Single(server.Requests);
    }

    private static string ToJson(object value, ShapeMetadata shape)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            Protocols.JsonCodec.WriteValue(writer, value, shape, 0);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public async Task Resource_in_use_carries_resource_type_and_id()
    {
        using var server = new StubServer(StubResponse.Error(409, "ResourceInUseException",
            "{\"Message\":\"Queue is in use\",\"ResourceType\":\"ROUTING_PROFILE\",\"ResourceId\":\"arn:rp\"}"));
        using var client = Clients.Connect(server, maxErrorRetry: 0);
        var e = await Assert.ThrowsAsync<ResourceInUseException>(() => client.DeleteQueueAsync(new DeleteQueueRequest { InstanceId = "i", QueueId = "q" }));
        Assert.Equal("ROUTING_PROFILE", e.ResourceType);
        Assert.Equal("arn:rp", e.ResourceId);
        Assert.Equal(HttpStatusCode.Conflict, e.StatusCode);
    }

    [Fact]
    public async Task Invalid_contact_flow_carries_its_problems()
    {
        using var server = new StubServer(StubResponse.Error(400, "InvalidContactFlowException",
            "{\"problems\":[{\"message\":\"StartAction missing\"},{\"message\":\"bad transition\"}]}"));
        using var client = Clients.Connect(server, maxErrorRetry: 0);
        var e = await Assert.ThrowsAsync<InvalidContactFlowException>(() => client.CreateContactFlowAsync(new CreateContactFlowRequest
        {
            InstanceId = "i", Name = "f", Type = ContactFlowType.CONTACT_FLOW, Content = "{}",
        }));
        Assert.Equal(new[] { "StartAction missing", "bad transition" }, e.Problems!.Select(p => p.Message));
    }

    [Fact]
    public async Task Service_quota_exceeded_carries_its_reason()
    {
        using var server = new StubServer(StubResponse.Error(402, "ServiceQuotaExceededException",
            "{\"Message\":\"quota\",\"Reason\":{\"AttachedFileServiceQuotaExceededReason\":\"TOTAL_FILE_SIZE_EXCEEDED\"}}"));
        using var client = Clients.Connect(server, maxErrorRetry: 0);
        var e = await Assert.ThrowsAsync<ServiceQuotaExceededException>(() => client.CreateInstanceAsync(new CreateInstanceRequest
        {
            IdentityManagementType = DirectoryType.CONNECT_MANAGED, InboundCallsEnabled = true, OutboundCallsEnabled = true,
        }));
        Assert.Equal((HttpStatusCode)402, e.StatusCode);
        Assert.Equal("quota", e.Message);
        Assert.NotNull(e.Reason);
    }

    [Fact]
    public async Task Error_code_falls_back_to_the_namespaced_type_field()
    {
        using var server = new StubServer(new StubResponse(404, "{\"__type\":\"com.amazonaws.connect#ResourceNotFoundException\",\"message\":\"no such queue\"}",
            new Dictionary<string, string> { ["Content-Type"] = "application/json", ["x-amzn-RequestId"] = "r-404" }));
        using var client = Clients.Connect(server, maxErrorRetry: 0);
        var e = await Assert.ThrowsAsync<ResourceNotFoundException>(() => client.DescribeQueueAsync(new DescribeQueueRequest { InstanceId = "i", QueueId = "q" }));
        Assert.Equal("no such queue", e.Message);
        Assert.Equal("ResourceNotFoundException", e.ErrorCode);
        Assert.Equal("r-404", e.RequestId);
    }

    [Fact]
    public async Task Error_code_falls_back_to_the_code_field()
    {
        using var server = new StubServer(new StubResponse(409, "{\"code\":\"DuplicateResourceException\",\"Message\":\"exists\"}",
            new Dictionary<string, string> { ["Content-Type"] = "application/json" }));
        using var client = Clients.Connect(server, maxErrorRetry: 0);
        var e = await Assert.ThrowsAsync<DuplicateResourceException>(() => client.CreateUserHierarchyGroupAsync(new CreateUserHierarchyGroupRequest { InstanceId = "i", Name = "g" }));
        Assert.Equal("exists", e.Message);
    }

    [Fact]
    public async Task Unmodeled_error_code_surfaces_as_the_service_base_exception()
    {
        using var server = new StubServer(StubResponse.Error(400, "BrandNewException", "{\"Message\":\"new\"}"));
        using var client = Clients.Connect(server, maxErrorRetry: 0);
        var e = await Assert.ThrowsAsync<AmazonConnectException>(() => client.DescribeQueueAsync(new DescribeQueueRequest { InstanceId = "i", QueueId = "q" }));
        Assert.Equal("BrandNewException", e.ErrorCode);
        Assert.Equal("new", e.Message);
    }

    [Fact]
    public async Task Iam_xml_error_becomes_its_exception_type()
    {
        const string xml = "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>NoSuchEntity</Code>" +
                           "<Message>The role with name r cannot be found.</Message></Error><RequestId>iam-req-1</RequestId></ErrorResponse>";
        using var server = new StubServer(StubResponse.Xml(xml, 404));
        using var client = Clients.Iam(server);
        var e = await Assert.ThrowsAsync<Iam.Model.NoSuchEntityException>(() => client.GetRoleAsync(new Iam.Model.GetRoleRequest { RoleName = "r" }));
        Assert.Equal("NoSuchEntity", e.ErrorCode);
        Assert.Equal("The role with name r cannot be found.", e.Message);
        Assert.Equal("iam-req-1", e.RequestId);
        Assert.Equal(ErrorType.Sender, e.ErrorType);
        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Logs_json_error_becomes_its_exception_type()
    {
        using var server = new StubServer(new StubResponse(400,
            "{\"__type\":\"ResourceAlreadyExistsException\",\"message\":\"The specified log group already exists\"}",
            new Dictionary<string, string> { ["Content-Type"] = "application/x-amz-json-1.1", ["x-amzn-RequestId"] = "logs-1" }));
        using var client = Clients.Logs(server);
        var e = await Assert.ThrowsAsync<Logs.Model.ResourceAlreadyExistsException>(() => client.CreateLogGroupAsync(new Logs.Model.CreateLogGroupRequest { LogGroupName = "/connect/x" }));
        Assert.Equal("The specified log group already exists", e.Message);
        Assert.Equal("logs-1", e.RequestId);
    }

    [Fact]
    public async Task Secrets_manager_error_without_exception_suffix_maps_to_its_type()
    {
        using var server = new StubServer(new StubResponse(400,
            "{\"__type\":\"DecryptionFailure\",\"Message\":\"cannot decrypt\"}",
            new Dictionary<string, string> { ["Content-Type"] = "application/x-amz-json-1.1" }));
        using var client = Clients.SecretsManager(server);
        var e = await Assert.ThrowsAsync<SecretsManager.Model.DecryptionFailureException>(() =>
            client.GetSecretValueAsync(new SecretsManager.Model.GetSecretValueRequest { SecretId = "s" }));
        Assert.Equal("DecryptionFailure", e.ErrorCode);
    }
}
