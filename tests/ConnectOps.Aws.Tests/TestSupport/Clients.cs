using Amazon.Runtime;
using ConnectOps.Aws.Connect;
using ConnectOps.Aws.Iam;
using ConnectOps.Aws.Logs;
using ConnectOps.Aws.SecretsManager;

namespace ConnectOps.Aws.Tests.TestSupport;

/// <summary>Clients pointed at a stub server with fixed test credentials.</summary>
public static class Clients
{
    public static readonly BasicAWSCredentials Credentials = new("AKIDTESTEXAMPLE", "secret-key-for-tests");

    public static T Configure<T>(T config, StubServer server, int maxErrorRetry = 2) where T : AwsServiceConfig
    {
        // ServiceURL and RegionEndpoint exclude each other in AWSSDK.Core; with a custom endpoint the
        // signing region comes from AuthenticationRegion.
        config.ServiceURL = server.Url;
        // (IAM's endpoint rules sign for us-east-1 whatever the endpoint.)
        if (config is not IamConfig)
            config.AuthenticationRegion = "eu-west-2";
        config.MaxErrorRetry = maxErrorRetry;
        config.Timeout = TimeSpan.FromSeconds(20);
        return config;
    }

    public static ConnectClient Connect(StubServer server, int maxErrorRetry = 2, ClientInstrumentation? instrumentation = null) =>
        new(Credentials, Configure(new ConnectConfig(), server, maxErrorRetry), instrumentation);

    public static IamClient Iam(StubServer server) => new(Credentials, Configure(new IamConfig(), server));

    public static LogsClient Logs(StubServer server) => new(Credentials, Configure(new LogsConfig(), server));

    public static SecretsManagerClient SecretsManager(StubServer server) => new(Credentials, Configure(new SecretsManagerConfig(), server));
}
