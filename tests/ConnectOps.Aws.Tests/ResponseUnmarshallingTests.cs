using System.Text;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Aws.Tests.TestSupport;

namespace ConnectOps.Aws.Tests;

/// <summary>Success responses of each protocol become the generated response objects.</summary>
public class ResponseUnmarshallingTests
{
    [Fact]
    public async Task Rest_json_response_reads_epoch_seconds_nested_structures_lists_and_maps()
    {
        const string body = """
            {"Queue":{"Name":"Sales","QueueId":"q-1","QueueArn":"arn:aws:connect:eu-west-2:1:instance/i/queue/q-1",
              "Description":"d","MaxContacts":25,"Status":"ENABLED","HoursOfOperationId":"h-1",
              "OutboundCallerConfig":{"OutboundCallerIdName":"Sales","OutboundCallerIdNumberId":"n-1","OutboundFlowId":"f-1"},
              "Tags":{"Team":"A","Env":"prod"},
              "LastModifiedTime":1700000000.5,"LastModifiedRegion":"eu-west-2","UnknownNewField":{"x":[1,2]}}}
            """;
        using var server = new StubServer(StubResponse.Json(body, requestId: "rid-7"));
        using var client = Clients.Connect(server);

        var response = await client.DescribeQueueAsync(new DescribeQueueRequest { InstanceId = "i", QueueId = "q-1" });

        var q = response.Queue!;
        Assert.Equal("Sales", q.Name);
        Assert.Equal(25, q.MaxContacts);
        Assert.Equal(QueueStatus.ENABLED, q.Status);
        Assert.Equal("n-1", q.OutboundCallerConfig!.OutboundCallerIdNumberId);
        Assert.Equal(new Dictionary<string, string> { ["Team"] = "A", ["Env"] = "prod" }, q.Tags);
        Assert.Equal(new DateTime(2023, 11, 14, 22, 13, 20, 500, DateTimeKind.Utc), q.LastModifiedTime);
        Assert.Equal(DateTimeKind.Utc, q.LastModifiedTime!.Value.Kind);
        Assert.Equal("rid-7", response.ResponseMetadata.RequestId);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.HttpStatusCode);
    }

    [Fact]
    public async Task Search_response_reads_lists_of_full_objects_and_the_total_count()
    {
        const string body = """
            {"Queues":[{"Name":"A","QueueId":"1","Status":"ENABLED"},{"Name":"B","QueueId":"2","Status":"DISABLED"}],
             "NextToken":"tok","ApproximateTotalCount":1234567890123}
            """;
        using var server = new StubServer(StubResponse.Json(body));
        using var client = Clients.Connect(server);
        var response = await client.SearchQueuesAsync(new SearchQueuesRequest { InstanceId = "i", MaxResults = 500 });
        Assert.Equal(new[] { "A", "B" }, response.Queues!.Select(q => q.Name));
        Assert.Equal(QueueStatus.DISABLED, response.Queues![1].Status);
        Assert.Equal("tok", response.NextToken);
        Assert.Equal(1234567890123L, response.ApproximateTotalCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    public async Task Operation_without_output_accepts_an_empty_body(string body)
    {
        using var server = new StubServer(new StubResponse(200, body));
        using var client = Clients.Connect(server);
        var response = await client.UpdateQueueNameAsync(new UpdateQueueNameRequest { InstanceId = "i", QueueId = "q", Name = "New" });
        Assert.NotNull(response);
        Assert.Equal("POST", server.Requests[0].Method);
        Assert.Equal("/queues/i/q/name", server.Requests[0].RawUrl);
        Assert.Equal("{\"Name\":\"New\"}", server.Requests[0].Body);
    }

    [Fact]
    public async Task Operation_with_output_tolerates_an_empty_body()
    {
        using var server = new StubServer(new StubResponse(200, ""));
        using var client = Clients.Connect(server);
        var response = await client.DescribeQueueAsync(new DescribeQueueRequest { InstanceId = "i", QueueId = "q" });
        Assert.Null(response.Queue);
    }

    [Fact]
    public async Task Hierarchy_structure_reads_deeply_nested_levels()
    {
        const string body = """
            {"HierarchyStructure":{"LevelOne":{"Id":"1","Name":"Division"},"LevelTwo":{"Id":"2","Name":"Team"}}}
            """;
        using var server = new StubServer(StubResponse.Json(body));
        using var client = Clients.Connect(server);
        var response = await client.DescribeUserHierarchyStructureAsync(new DescribeUserHierarchyStructureRequest { InstanceId = "i" });
        Assert.Equal("Team", response.HierarchyStructure!.LevelTwo!.Name);
        Assert.Null(response.HierarchyStructure.LevelThree);
    }

    [Fact]
    public async Task Query_xml_response_reads_iso8601_dates_member_lists_and_nested_structures()
    {
        const string xml = """
            <GetRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
              <GetRoleResult>
                <Role>
                  <Path>/service-role/</Path>
                  <RoleName>ConnectRole</RoleName>
                  <RoleId>AROA123</RoleId>
                  <Arn>arn:aws:iam::123456789012:role/service-role/ConnectRole</Arn>
                  <CreateDate>2024-03-04T05:06:07Z</CreateDate>
                  <AssumeRolePolicyDocument>%7B%22Version%22%3A%222012-10-17%22%7D</AssumeRolePolicyDocument>
                  <MaxSessionDuration>3600</MaxSessionDuration>
                  <Tags><member><Key>ManagedBy</Key><Value>connectops</Value></member><member><Key>Env</Key><Value>prod</Value></member></Tags>
                  <RoleLastUsed><LastUsedDate>2024-05-06T07:08:09.123Z</LastUsedDate><Region>eu-west-2</Region></RoleLastUsed>
                </Role>
              </GetRoleResult>
              <ResponseMetadata><RequestId>iam-ok-1</RequestId></ResponseMetadata>
            </GetRoleResponse>
            """;
        using var server = new StubServer(StubResponse.Xml(xml));
        using var client = Clients.Iam(server);

        var response = await client.GetRoleAsync(new Iam.Model.GetRoleRequest { RoleName = "ConnectRole" });

        var role = response.Role!;
        Assert.Equal("ConnectRole", role.RoleName);
        Assert.Equal(new DateTime(2024, 3, 4, 5, 6, 7, DateTimeKind.Utc), role.CreateDate);
        Assert.Equal(3600, role.MaxSessionDuration);
        Assert.Equal(new[] { ("ManagedBy", "connectops"), ("Env", "prod") }, role.Tags!.Select(t => (t.Key!, t.Value!)));
        Assert.Equal(new DateTime(2024, 5, 6, 7, 8, 9, 123, DateTimeKind.Utc), role.RoleLastUsed!.LastUsedDate);
        Assert.Equal("iam-ok-1", response.ResponseMetadata.RequestId);

        var sent = Assert.Single(server.Requests);
        Assert.Equal("POST", sent.Method);
        Assert.Equal("Action=GetRole&Version=2010-05-08&RoleName=ConnectRole", sent.Body);
        Assert.Contains("/us-east-1/iam/aws4_request", sent.Headers["Authorization"]);
    }

    [Fact]
    public async Task Query_request_flattens_lists_of_structures()
    {
        using var server = new StubServer(StubResponse.Xml("<TagRoleResponse><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></TagRoleResponse>"));
        using var client = Clients.Iam(server);
        await client.TagRoleAsync(new Iam.Model.TagRoleRequest
        {
            RoleName = "r",
            Tags = new() { new Iam.Model.Tag { Key = "a b", Value = "1" }, new Iam.Model.Tag { Key = "c", Value = "2/3" } },
        });
        Assert.Equal(
            "Action=TagRole&Version=2010-05-08&RoleName=r&Tags.member.1.Key=a%20b&Tags.member.1.Value=1&Tags.member.2.Key=c&Tags.member.2.Value=2%2F3",
            server.Requests[0].Body);
    }

    [Fact]
    public async Task Json_1_1_response_reads_epoch_milliseconds_as_long_and_lists()
    {
        const string body = """
            {"logGroups":[{"logGroupName":"/aws/connect/x","creationTime":1700000000123,"retentionInDays":7,"arn":"arn:aws:logs:eu-west-2:1:log-group:/aws/connect/x:*"}],"nextToken":"n2"}
            """;
        using var server = new StubServer(new StubResponse(200, body, new Dictionary<string, string> { ["Content-Type"] = "application/x-amz-json-1.1" }));
        using var client = Clients.Logs(server);

        var response = await client.DescribeLogGroupsAsync(new Logs.Model.DescribeLogGroupsRequest { LogGroupNamePrefix = "/aws/connect/" });

        var group = Assert.Single(response.LogGroups!);
        Assert.Equal(1700000000123L, group.CreationTime);
        Assert.Equal(7, group.RetentionInDays);
        Assert.Equal("n2", response.NextToken);
        var sent = Assert.Single(server.Requests);
        Assert.Equal("Logs_20140328.DescribeLogGroups", sent.Headers["X-Amz-Target"]);
        Assert.StartsWith("application/x-amz-json-1.1", sent.Headers["Content-Type"]);
        Assert.Equal("{\"logGroupNamePrefix\":\"/aws/connect/\"}", sent.Body);
    }

    [Fact]
    public async Task Secrets_manager_response_reads_epoch_seconds_blobs_and_string_lists()
    {
        var blob = Convert.ToBase64String(Encoding.UTF8.GetBytes("binary!"));
        var body = $$"""
            {"ARN":"arn:s","Name":"agent-password","SecretString":"p@ss","SecretBinary":"{{blob}}","VersionStages":["AWSCURRENT","AWSPREVIOUS"],"CreatedDate":1.7E9}
            """;
        using var server = new StubServer(new StubResponse(200, body, new Dictionary<string, string> { ["Content-Type"] = "application/x-amz-json-1.1" }));
        using var client = Clients.SecretsManager(server);

        var response = await client.GetSecretValueAsync(new SecretsManager.Model.GetSecretValueRequest { SecretId = "agent-password" });

        Assert.Equal("p@ss", response.SecretString);
        Assert.Equal("binary!", Encoding.UTF8.GetString(response.SecretBinary!));
        Assert.Equal(new[] { "AWSCURRENT", "AWSPREVIOUS" }, response.VersionStages);
        Assert.Equal(DateTime.UnixEpoch.AddSeconds(1.7e9), response.CreatedDate);
        Assert.Equal("secretsmanager.GetSecretValue", server.Requests[0].Headers["X-Amz-Target"]);
    }
}
