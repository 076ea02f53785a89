using ConnectOps.Emulator.Tests.Infrastructure;

namespace ConnectOps.Emulator.Tests;

/// <summary>What no SDK sends: the emulator answers the service's error, never crashes, never says 200.</summary>
public sealed class BadInputTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task BadRequests_GetTheServiceErrorNamingTheMember_AndTheServerStaysUp()
    {
        await emulator.ResetAsync();
        var id = await RawHttp.CreateInstanceAsync(emulator, "bad-input");
        var hours = await RawHttp.SendAsync(emulator, HttpMethod.Get, $"/hours-of-operations-summary/{id}");
        var hoursId = (string)hours.Json!["HoursOfOperationSummaryList"]![0]!["Id"]!;

        var garbage = await RawHttp.SendAsync(emulator, HttpMethod.Put, $"/queues/{id}", "{not json at all");
        AssertError(garbage, 400, "SerializationException");

        var array = await RawHttp.SendAsync(emulator, HttpMethod.Put, $"/queues/{id}", "[1, 2, 3]");
        AssertError(array, 400, "SerializationException");

        var deep = await RawHttp.SendAsync(emulator, HttpMethod.Put, $"/queues/{id}", new string('[', 5000) + new string(']', 5000));
        AssertError(deep, 400, "SerializationException");

        var wrongType = await RawHttp.SendAsync(emulator, HttpMethod.Put, $"/queues/{id}", $$"""{"Name":"Q","HoursOfOperationId":"{{hoursId}}","MaxContacts":"lots"}""");
        AssertError(wrongType, 400, "InvalidParameterException", "MaxContacts");

        var negative = await RawHttp.SendAsync(emulator, HttpMethod.Put, $"/queues/{id}", $$"""{"Name":"Q","HoursOfOperationId":"{{hoursId}}","MaxContacts":-1}""");
        AssertError(negative, 400, "InvalidParameterException", "MaxContacts");

        var tooLong = await RawHttp.SendAsync(emulator, HttpMethod.Put, $"/queues/{id}", $$"""{"Name":"{{new string('q', 128)}}","HoursOfOperationId":"{{hoursId}}"}""");
        AssertError(tooLong, 400, "InvalidParameterException", "Name");

        var missing = await RawHttp.SendAsync(emulator, HttpMethod.Put, $"/queues/{id}", """{"Name":"Q"}""");
        AssertError(missing, 400, "InvalidParameterException", "HoursOfOperationId");

        var badEnum = await RawHttp.SendAsync(emulator, HttpMethod.Put, "/instance", """{"IdentityManagementType":"LDAP","InboundCallsEnabled":true,"OutboundCallsEnabled":true}""");
        AssertError(badEnum, 400, "InvalidRequestException", "IdentityManagementType");

        var wrongBool = await RawHttp.SendAsync(emulator, HttpMethod.Put, "/instance", """{"IdentityManagementType":"SAML","InboundCallsEnabled":"yes","OutboundCallsEnabled":true}""");
        AssertError(wrongBool, 400, "InvalidRequestException", "InboundCallsEnabled");

        var nested = await RawHttp.SendAsync(emulator, HttpMethod.Put, $"/hours-of-operations/{id}",
            """{"Name":"H","TimeZone":"UTC","Config":[{"Day":"MONDAY","StartTime":{"Hours":25,"Minutes":0},"EndTime":{"Hours":1,"Minutes":0}}]}""");
        AssertError(nested, 400, "InvalidParameterException", "Config[0].StartTime.Hours");

        var badPattern = await RawHttp.SendAsync(emulator, HttpMethod.Put, $"/security-profiles/{id}", """{"SecurityProfileName":"Bad/Name!"}""");
        AssertError(badPattern, 400, "InvalidParameterException", "SecurityProfileName");

        var badAlias = await RawHttp.SendAsync(emulator, HttpMethod.Put, "/instance", """{"IdentityManagementType":"CONNECT_MANAGED","InstanceAlias":"bad alias!","InboundCallsEnabled":true,"OutboundCallsEnabled":true}""");
        AssertError(badAlias, 400, "InvalidRequestException", "InstanceAlias");

        var emptyList = await RawHttp.SendAsync(emulator, HttpMethod.Put, $"/users/{id}", """{"Username":"u","SecurityProfileIds":[],"RoutingProfileId":"r"}""");
        AssertError(emptyList, 400, "InvalidParameterException", "SecurityProfileIds");

        var oversizedPage = await RawHttp.SendAsync(emulator, HttpMethod.Get, $"/queues-summary/{id}?maxResults=5000");
        AssertError(oversizedPage, 400, "InvalidParameterException", "MaxResults");

        var textPage = await RawHttp.SendAsync(emulator, HttpMethod.Get, $"/queues-summary/{id}?maxResults=ten");
        AssertError(textPage, 400, "InvalidParameterException", "MaxResults");

        var oversizedSearch = await RawHttp.SendAsync(emulator, HttpMethod.Post, "/search-queues", $$"""{"InstanceId":"{{id}}","MaxResults":501}""");
        AssertError(oversizedSearch, 400, "InvalidParameterException", "MaxResults");

        var badToken = await RawHttp.SendAsync(emulator, HttpMethod.Get, $"/queues-summary/{id}?nextToken=not-a-token");
        AssertError(badToken, 400, "InvalidParameterException", "NextToken");

        var unknownRoute = await RawHttp.SendAsync(emulator, HttpMethod.Get, "/no/such/operation");
        AssertError(unknownRoute, 404, "UnknownOperationException");

        var wrongMethod = await RawHttp.SendAsync(emulator, HttpMethod.Patch, "/instance");
        Assert.True(wrongMethod.Status is 404 or 405, wrongMethod.Body);

        var unknownInstance = await RawHttp.SendAsync(emulator, HttpMethod.Get, $"/queues-summary/{Guid.NewGuid()}");
        AssertError(unknownInstance, 404, "ResourceNotFoundException");

        var unknownTarget = await RawHttp.SendAsync(emulator, HttpMethod.Post, "/", "{}", "application/x-amz-json-1.1",
            headers: new Dictionary<string, string> { ["X-Amz-Target"] = "DynamoDB_20120810.ListTables" });
        Assert.Equal(400, unknownTarget.Status);

        var unknownAction = await RawHttp.SendAsync(emulator, HttpMethod.Post, "/", "Action=LaunchRockets&Version=2010-05-08",
            "application/x-www-form-urlencoded", service: "iam");
        Assert.Equal(400, unknownAction.Status);
        Assert.Contains("<Code>InvalidAction</Code>", unknownAction.Body);

        var notImplemented = await RawHttp.SendAsync(emulator, HttpMethod.Get, $"/prompts-summary/{id}");
        Assert.Equal(501, notImplemented.Status);
        Assert.Contains("ListPrompts", notImplemented.Message);

        // Past the 16 MiB body limit Kestrel answers 413 and may close the connection before the client finished sending.
        try
        {
            var huge = await RawHttp.SendAsync(emulator, HttpMethod.Put, $"/queues/{id}", "{\"Name\":\"" + new string('x', 17 * 1024 * 1024) + "\"}");
            Assert.Equal(413, huge.Status);
        }
        catch (HttpRequestException)
        {
        }

        var health = await emulator.AdminGetAsync("health");
        Assert.Equal("ok", (string)health["Status"]!);
        var ok = await RawHttp.SendAsync(emulator, HttpMethod.Get, $"/queues-summary/{id}");
        Assert.Equal(200, ok.Status);
    }

    [Fact]
    public async Task JsonAndQueryServices_ValidateFromTheirModelsToo()
    {
        var logs = await RawHttp.SendAsync(emulator, HttpMethod.Post, "/", """{"logGroupName": 5}""", "application/x-amz-json-1.1", service: "logs",
            headers: new Dictionary<string, string> { ["X-Amz-Target"] = "Logs_20140328.CreateLogGroup" });
        Assert.Equal(400, logs.Status);
        Assert.Equal("InvalidParameterException", (string?)logs.Json!["__type"]);
        Assert.Contains("logGroupName", logs.Message);

        var garbage = await RawHttp.SendAsync(emulator, HttpMethod.Post, "/", "not json", "application/x-amz-json-1.1", service: "secretsmanager",
            headers: new Dictionary<string, string> { ["X-Amz-Target"] = "secretsmanager.GetSecretValue" });
        Assert.Equal(400, garbage.Status);
        Assert.Equal("SerializationException", (string?)garbage.Json!["__type"]);

        var iam = await RawHttp.SendAsync(emulator, HttpMethod.Post, "/",
            $"Action=CreateRole&Version=2010-05-08&RoleName={new string('r', 65)}&AssumeRolePolicyDocument=%7B%7D", "application/x-www-form-urlencoded", service: "iam");
        Assert.Equal(400, iam.Status);
        Assert.Contains("<Type>Sender</Type>", iam.Body);
        Assert.Contains("RoleName", iam.Body);
        Assert.Contains("https://iam.amazonaws.com/doc/2010-05-08/", iam.Body);
    }

    [Fact]
    public async Task EveryAnswer_CarriesARequestId_AndErrorsCarryTheErrorTypeHeader()
    {
        await emulator.ResetAsync();
        var ok = await RawHttp.SendAsync(emulator, HttpMethod.Get, "/instance");
        Assert.Equal(200, ok.Status);
        Assert.False(string.IsNullOrEmpty(ok.RequestId));
        Assert.Null(ok.ErrorType);

        var error = await RawHttp.SendAsync(emulator, HttpMethod.Get, $"/instance/{Guid.NewGuid()}");
        Assert.Equal(404, error.Status);
        Assert.Equal("ResourceNotFoundException", error.ErrorType);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.NotEqual(ok.RequestId, error.RequestId);
        Assert.Contains("was not found", error.Message);
    }

    [Fact]
    public async Task LabelsArePercentDecoded_AndRegionComesFromTheCredentialScope()
    {
        await emulator.ResetAsync();
        var id = await RawHttp.CreateInstanceAsync(emulator, "encoded", region: "ap-southeast-2");
        var arn = $"arn:aws:connect:ap-southeast-2:123456789012:instance/{id}";

        var tagged = await RawHttp.SendAsync(emulator, HttpMethod.Post, "/tags/" + Uri.EscapeDataString(arn), """{"tags":{"a":"b"}}""", region: "ap-southeast-2");
        Assert.Equal(200, tagged.Status);
        var listed = await RawHttp.SendAsync(emulator, HttpMethod.Get, "/tags/" + Uri.EscapeDataString(arn), region: "ap-southeast-2");
        Assert.Equal("b", (string)listed.Json!["tags"]!["a"]!);

        var byArn = await RawHttp.SendAsync(emulator, HttpMethod.Get, "/instance/" + Uri.EscapeDataString(arn), region: "ap-southeast-2");
        Assert.Equal(200, byArn.Status);

        var otherRegion = await RawHttp.SendAsync(emulator, HttpMethod.Get, $"/instance/{id}", region: "eu-west-2");
        AssertError(otherRegion, 404, "ResourceNotFoundException");
    }

    private static void AssertError(RawHttp.Answer answer, int status, string errorType, string? member = null)
    {
        Assert.True(answer.Status == status, $"expected {status} {errorType}, got {answer.Status} {answer.ErrorType}: {answer.Body}");
        Assert.Equal(errorType, answer.ErrorType);
        Assert.False(string.IsNullOrEmpty(answer.RequestId));
        if (member is not null)
        {
            Assert.Contains(member, answer.Message);
        }
    }
}
