using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using ConnectOps.Aws.Runtime;

namespace ConnectOps.Aws;

/// <summary>
/// Endpoint rules for the generated services: an explicit or configured endpoint URL (ServiceURL,
/// which AWSSDK.Core fills from AWS_ENDPOINT_URL_&lt;SERVICE&gt; / AWS_ENDPOINT_URL) wins; otherwise
/// <c>https://{prefix}.{region}.amazonaws.com</c> (<c>-fips</c>, <c>.api.aws</c> dual-stack,
/// <c>.amazonaws.com.cn</c> in China), and for IAM the partition's global endpoint, signed for
/// us-east-1. The resolved endpoint carries the SigV4 signing name and region.
/// </summary>
public sealed class AwsEndpointProvider : IEndpointProvider
{
    private readonly ServiceModelMetadata _service;

    public AwsEndpointProvider(ServiceModelMetadata service) => _service = service;

    public Endpoint ResolveEndpoint(EndpointParameters parameters)
    {
        var region = parameters["Region"] as string;
        var explicitEndpoint = parameters["Endpoint"] as string;
        var fips = parameters["UseFIPS"] as bool? ?? false;
        var dualStack = parameters["UseDualStack"] as bool? ?? false;
        var (url, signingRegion) = Resolve(region, explicitEndpoint, fips, dualStack);
        var attributes = JsonSerializer.Serialize(new
        {
            authSchemes = new[] { new { name = "sigv4", signingName = _service.SigningName, signingRegion } },
        });
        return new Endpoint(url, attributes, null);
    }

    /// <summary>The URL and signing region for a region / explicit endpoint.</summary>
    public (string Url, string SigningRegion) Resolve(string? region, string? explicitEndpoint, bool fips = false, bool dualStack = false)
    {
        var chinese = region?.StartsWith("cn-", StringComparison.Ordinal) == true;
        var gov = region?.StartsWith("us-gov-", StringComparison.Ordinal) == true;
        if (_service.GlobalEndpoint is not null)
        {
            // IAM: one endpoint per partition.
            var signing = chinese ? "cn-north-1" : gov ? "us-gov-west-1" : "us-east-1";
            if (!string.IsNullOrEmpty(explicitEndpoint))
                return (explicitEndpoint, signing);
            if (chinese)
                return ($"https://{_service.EndpointPrefix}.cn-north-1.amazonaws.com.cn", signing);
            if (gov)
                return ($"https://{_service.EndpointPrefix}.us-gov.amazonaws.com", signing);
            return (fips ? $"https://{_service.EndpointPrefix}-fips.amazonaws.com" : "https://" + _service.GlobalEndpoint, signing);
        }
        if (!string.IsNullOrEmpty(explicitEndpoint))
            return (explicitEndpoint, string.IsNullOrEmpty(region) ? "us-east-1" : region);
        if (string.IsNullOrEmpty(region))
            throw new AmazonClientException(
                $"No AWS Region is configured for {_service.ServiceId}: pass -Region, set AWS_REGION, or give the profile a region.");
        var host = _service.EndpointPrefix + (fips ? "-fips" : "") + "." + region;
        var suffix = dualStack ? (chinese ? ".api.amazonwebservices.com.cn" : ".api.aws") : chinese ? ".amazonaws.com.cn" : ".amazonaws.com";
        return ("https://" + host + suffix, region);
    }
}

/// <summary>The pipeline handler that maps the client config onto endpoint parameters.</summary>
public sealed class AwsEndpointResolver : BaseEndpointResolver
{
    protected override EndpointParameters MapEndpointsParameters(IRequestContext requestContext) =>
        Parameters(requestContext.ClientConfig);

    internal static EndpointParameters Parameters(IClientConfig config)
    {
        var parameters = new EndpointParameters();
        parameters["Region"] = config.RegionEndpoint?.SystemName ?? config.AuthenticationRegion;
        parameters["UseFIPS"] = config.UseFIPSEndpoint;
        parameters["UseDualStack"] = config.UseDualstackEndpoint;
        parameters["Endpoint"] = config.ServiceURL;
        return parameters;
    }
}

/// <summary>Every generated service signs with SigV4.</summary>
public sealed class SigV4AuthSchemeHandler : BaseAuthResolverHandler
{
    protected override List<Amazon.Runtime.Internal.Auth.IAuthSchemeOption> ResolveAuthOptions(IExecutionContext executionContext) =>
        Amazon.Runtime.Credentials.Internal.AuthSchemeOption.DEFAULT_SIGV4;
}
