using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using ConnectOps.Aws.Runtime;

namespace ConnectOps.Aws;

/// <summary>
/// ClientConfig for a generated service: Standard retry mode by default, SigV4 with the model's
/// signing name, and <see cref="AwsEndpointProvider"/>. Because <c>ServiceId</c> is the model's
/// service id, AWSSDK.Core itself applies <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> and
/// <c>AWS_ENDPOINT_URL</c> (and a profile's <c>endpoint_url</c>) when <c>ServiceURL</c> is not set.
/// </summary>
public abstract class AwsServiceConfig : ClientConfig
{
    protected AwsServiceConfig(ServiceModelMetadata service)
        : base(new DefaultConfigurationProvider(new IDefaultConfiguration[]
        {
            new DefaultConfiguration { Name = DefaultConfigurationMode.Standard, RetryMode = RequestRetryMode.Standard },
        }))
    {
        Service = service;
        base.ServiceId = service.ServiceId;
        AuthenticationServiceName = service.SigningName;
        EndpointProvider = new AwsEndpointProvider(service);
    }

    /// <summary>The model-level description of the service this config is for.</summary>
    public ServiceModelMetadata Service { get; }

    public override string RegionEndpointServiceName => Service.EndpointPrefix;

    public override string ServiceVersion => Service.ApiVersion;

    public override string UserAgent => "ConnectOps/" + typeof(AwsServiceConfig).Assembly.GetName().Version?.ToString(3);

    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) =>
        EndpointProvider.ResolveEndpoint(AwsEndpointResolver.Parameters(this));
}
