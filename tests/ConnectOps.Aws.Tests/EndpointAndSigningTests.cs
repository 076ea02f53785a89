using Amazon;
using Amazon.Runtime;
using ConnectOps.Aws.Connect;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Aws.Iam;
using ConnectOps.Aws.Logs;
using ConnectOps.Aws.RateLimiting;
using ConnectOps.Aws.SecretsManager;
using ConnectOps.Aws.Tests.TestSupport;

namespace ConnectOps.Aws.Tests;

/// <summary>
/// Endpoint precedence: explicit ServiceURL/EndpointUrl &gt; AWS_ENDPOINT_URL_&lt;SERVICE&gt; &gt;
/// AWS_ENDPOINT_URL &gt; the regional default; SigV4 scope per service. Environment variables are
/// set within each test and restored after.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public class EndpointAndSigningTests
{
    private static readonly DescribeQueueRequest Describe = new() { InstanceId = "i", QueueId = "q" };

    private static ConnectConfig RegionalConfig() => new() { RegionEndpoint = RegionEndpoint.EUWest2, MaxErrorRetry = 0 };

    [Fact]
    public async Task Explicit_service_url_beats_both_environment_variables()
    {
        using var explicitServer = new StubServer(StubResponse.Json("{}"));
        using var specific = new StubServer(StubResponse.Json("{}"));
        using var global = new StubServer(StubResponse.Json("{}"));
        using var env = new EnvironmentScope(new Dictionary<string, string?> { ["AWS_ENDPOINT_URL_CONNECT"] = specific.Url, ["AWS_ENDPOINT_URL"] = global.Url });
        var config = new ConnectConfig { ServiceURL = explicitServer.Url, AuthenticationRegion = "eu-west-2", MaxErrorRetry = 0 };
        using var client = new ConnectClient(Clients.Credentials, config);

        await client.DescribeQueueAsync(Describe);

        Assert.Single(explicitServer.Requests);
        Assert.Empty(specific.Requests);
        Assert.Empty(global.Requests);
    }

    [Fact]
    public async Task Service_specific_variable_beats_the_global_one()
    {
        using var specific = new StubServer(StubResponse.Json("{}"));
        using var global = new StubServer(StubResponse.Json("{}"));
        using var env = new EnvironmentScope(new Dictionary<string, string?> { ["AWS_ENDPOINT_URL_CONNECT"] = specific.Url, ["AWS_ENDPOINT_URL"] = global.Url });
        using var client = new ConnectClient(Clients.Credentials, RegionalConfig());

        await client.DescribeQueueAsync(Describe);

        Assert.Single(specific.Requests);
        Assert.Empty(global.Requests);
        Assert.Contains("/eu-west-2/connect/aws4_request", specific.Requests[0].Headers["Authorization"]);
    }

    [Fact]
    public async Task Global_variable_applies_when_no_service_specific_one_is_set()
    {
        using var global = new StubServer(StubResponse.Json("{}"));
        using var env = new EnvironmentScope(new Dictionary<string, string?> { ["AWS_ENDPOINT_URL"] = global.Url });
        using var client = new ConnectClient(Clients.Credentials, RegionalConfig());

        await client.DescribeQueueAsync(Describe);

        Assert.Single(global.Requests);
    }

    [Fact]
    public async Task Each_service_reads_its_own_sdk_service_id_variable()
    {
        using var iam = new StubServer(StubResponse.Xml("<GetRoleResponse><GetRoleResult/></GetRoleResponse>"));
        using var logs = new StubServer(StubResponse.Json("{}"));
        using var secrets = new StubServer(StubResponse.Json("{\"SecretString\":\"s\"}"));
        using var env = new EnvironmentScope(new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL_IAM"] = iam.Url,
            ["AWS_ENDPOINT_URL_CLOUDWATCH_LOGS"] = logs.Url,
            ["AWS_ENDPOINT_URL_SECRETS_MANAGER"] = secrets.Url,
        });
        using var iamClient = new IamClient(Clients.Credentials, new IamConfig { RegionEndpoint = RegionEndpoint.EUWest2 });
        using var logsClient = new LogsClient(Clients.Credentials, new LogsConfig { RegionEndpoint = RegionEndpoint.EUWest2 });
        using var secretsClient = new SecretsManagerClient(Clients.Credentials, new SecretsManagerConfig { RegionEndpoint = RegionEndpoint.EUWest2 });

        await iamClient.GetRoleAsync(new Iam.Model.GetRoleRequest { RoleName = "r" });
        await logsClient.DeleteLogGroupAsync(new Logs.Model.DeleteLogGroupRequest { LogGroupName = "g" });
        await secretsClient.GetSecretValueAsync(new SecretsManager.Model.GetSecretValueRequest { SecretId = "s" });

        Assert.Contains("/us-east-1/iam/aws4_request", Assert.Single(iam.Requests).Headers["Authorization"]);
        Assert.Contains("/eu-west-2/logs/aws4_request", Assert.Single(logs.Requests).Headers["Authorization"]);
        Assert.Contains("/eu-west-2/secretsmanager/aws4_request", Assert.Single(secrets.Requests).Headers["Authorization"]);
    }

    [Fact]
    public void Without_overrides_each_service_uses_its_regional_or_global_default()
    {
        using var env = new EnvironmentScope();
        Assert.Equal(("https://connect.eu-west-2.amazonaws.com", "eu-west-2"), Resolve(new ConnectConfig { RegionEndpoint = RegionEndpoint.EUWest2 }));
        Assert.Equal(("https://logs.eu-west-2.amazonaws.com", "eu-west-2"), Resolve(new LogsConfig { RegionEndpoint = RegionEndpoint.EUWest2 }));
        Assert.Equal(("https://secretsmanager.eu-west-2.amazonaws.com", "eu-west-2"), Resolve(new SecretsManagerConfig { RegionEndpoint = RegionEndpoint.EUWest2 }));
        Assert.Equal(("https://iam.amazonaws.com", "us-east-1"), Resolve(new IamConfig { RegionEndpoint = RegionEndpoint.EUWest2 }));
        Assert.Equal(("https://connect-fips.us-east-1.amazonaws.com", "us-east-1"), Resolve(new ConnectConfig { RegionEndpoint = RegionEndpoint.USEast1, UseFIPSEndpoint = true }));
    }

    [Fact]
    public void Missing_region_without_an_endpoint_is_a_clear_error()
    {
        using var env = new EnvironmentScope();
        var e = Assert.Throws<AmazonClientException>(() => new AwsEndpointProvider(ConnectOperations.Service).Resolve(null, null));
        Assert.Contains("Region", e.Message);
    }

    private static (string Url, string SigningRegion) Resolve(AwsServiceConfig config)
    {
        var parameters = AwsEndpointResolver.Parameters(config);
        var endpoint = config.EndpointProvider.ResolveEndpoint(parameters);
        var schemes = (System.Collections.IList)endpoint.Attributes["authSchemes"];
        var scheme = (Amazon.Runtime.Endpoints.PropertyBag)schemes[0]!;
        Assert.Equal(config.AuthenticationServiceName, (string)scheme["signingName"]);
        return (endpoint.URL.TrimEnd('/'), (string)scheme["signingRegion"]);
    }

    [Fact]
    public async Task Requests_are_signed_with_sigv4_for_connect_and_the_region()
    {
        using var server = new StubServer(StubResponse.Json("{}"));
        using var env = new EnvironmentScope();
        using var client = Clients.Connect(server);

        await client.DescribeQueueAsync(Describe);

        var headers = server.Requests[0].Headers;
        var authorization = headers["Authorization"];
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDTESTEXAMPLE/", authorization);
        Assert.Matches(@"Credential=AKIDTESTEXAMPLE/\d{8}/eu-west-2/connect/aws4_request", authorization);
        Assert.Contains("SignedHeaders=", authorization);
        Assert.Contains("host", authorization);
        Assert.Contains("x-amz-date", authorization);
        Assert.Matches(@"Signature=[0-9a-f]{64}$", authorization);
        Assert.Matches(@"^\d{8}T\d{6}Z$", headers["X-Amz-Date"]);
    }

    [Fact]
    public async Task Default_credential_chain_reads_environment_credentials_with_session_token()
    {
        using var server = new StubServer(StubResponse.Json("{}"));
        using var env = new EnvironmentScope(new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIDFROMENV",
            ["AWS_SECRET_ACCESS_KEY"] = "secret",
            ["AWS_SESSION_TOKEN"] = "session-token-1",
            ["AWS_ENDPOINT_URL"] = server.Url,
            ["AWS_REGION"] = "eu-west-2",
        });
        using var factory = new AwsClientFactory(new AwsConnectionSettings { RateLimits = RateLimitSettings.Disabled });

        await factory.Connect.DescribeQueueAsync(Describe);

        var headers = server.Requests[0].Headers;
        Assert.Contains("Credential=AKIDFROMENV/", headers["Authorization"]);
        Assert.Contains("/eu-west-2/connect/", headers["Authorization"]);
        Assert.Equal("session-token-1", headers["X-Amz-Security-Token"]);
    }

    [Fact]
    public async Task Factory_endpoint_url_beats_environment_variables_and_serves_every_client()
    {
        using var server = new StubServer();
        using var other = new StubServer(StubResponse.Json("{}"));
        using var env = new EnvironmentScope(new Dictionary<string, string?> { ["AWS_ENDPOINT_URL_CONNECT"] = other.Url, ["AWS_ENDPOINT_URL"] = other.Url });
        using var factory = new AwsClientFactory(new AwsConnectionSettings
        {
            Region = "eu-west-2",
            EndpointUrl = server.Url,
            Credentials = Clients.Credentials,
            MaxErrorRetry = 0,
        });

        server.Enqueue(StubResponse.Json("{}"));
        await factory.Connect.DescribeQueueAsync(Describe);
        server.Enqueue(StubResponse.Xml("<GetRoleResponse><GetRoleResult/></GetRoleResponse>"));
        await factory.Iam.GetRoleAsync(new Iam.Model.GetRoleRequest { RoleName = "r" });
        server.Enqueue(StubResponse.Json("{}"));
        await factory.Logs.PutRetentionPolicyAsync(new Logs.Model.PutRetentionPolicyRequest { LogGroupName = "g", RetentionInDays = 7 });
        server.Enqueue(StubResponse.Json("{\"SecretString\":\"x\"}"));
        await factory.SecretsManager.GetSecretValueAsync(new SecretsManager.Model.GetSecretValueRequest { SecretId = "s" });
        server.Enqueue(StubResponse.Xml("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/u</Arn><UserId>AIDA</UserId><Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>sts-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>"));
        var account = await factory.ResolveAccountIdAsync();

        Assert.Equal("123456789012", account);
        Assert.Equal("123456789012", factory.Instrumentation.RateLimitIdentity);
        Assert.Empty(other.Requests);
        Assert.Equal(5, server.Requests.Count);
        Assert.Contains("/eu-west-2/sts/aws4_request", server.Requests[4].Headers["Authorization"]);
        Assert.Equal(new[] { "Connect", "IAM", "CloudWatch Logs", "Secrets Manager" }.OrderBy(s => s, StringComparer.Ordinal),
            factory.Statistics.Snapshot().Select(s => s.Service));
    }

    [Fact]
    public async Task Per_service_endpoint_beats_the_factory_endpoint_url()
    {
        using var connect = new StubServer(StubResponse.Json("{}"));
        using var general = new StubServer(StubResponse.Json("{}"));
        using var env = new EnvironmentScope();
        using var factory = new AwsClientFactory(new AwsConnectionSettings
        {
            Region = "eu-west-2",
            EndpointUrl = general.Url,
            Endpoints = new Dictionary<string, string> { ["Connect"] = connect.Url },
            Credentials = Clients.Credentials,
        });
        await factory.Connect.DescribeQueueAsync(Describe);
        await factory.Logs.DeleteLogGroupAsync(new Logs.Model.DeleteLogGroupRequest { LogGroupName = "g" });
        Assert.Single(connect.Requests);
        Assert.Single(general.Requests);
    }

    [Fact]
    public async Task Named_profile_supplies_credentials_and_region()
    {
        var dir = Directory.CreateTempSubdirectory("connectops-profile-");
        try
        {
            var credentials = Path.Combine(dir.FullName, "credentials");
            File.WriteAllText(credentials, "[other]\naws_access_key_id = AKIDOTHER\naws_secret_access_key = x\n\n[ops]\naws_access_key_id = AKIDFROMPROFILE\naws_secret_access_key = profile-secret\nregion = ap-southeast-2\n");
            using var server = new StubServer(StubResponse.Json("{}"));
            using var env = new EnvironmentScope();
            using var factory = new AwsClientFactory(new AwsConnectionSettings { ProfileName = "ops", ProfileLocation = credentials, EndpointUrl = server.Url });

            await factory.Connect.DescribeQueueAsync(Describe);

            Assert.Matches(@"Credential=AKIDFROMPROFILE/\d{8}/ap-southeast-2/connect/aws4_request", server.Requests[0].Headers["Authorization"]);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Unknown_profile_is_a_clear_error_naming_it()
    {
        using var env = new EnvironmentScope();
        var e = Assert.Throws<AmazonClientException>(() => new AwsClientFactory(new AwsConnectionSettings { ProfileName = "no-such-profile" }));
        Assert.Contains("no-such-profile", e.Message);
    }
}
