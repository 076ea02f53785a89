using ConnectOps.Aws;
using ConnectOps.Aws.RateLimiting;

namespace ConnectOps.Engine.Reconcilers.Framework;

/// <summary>Builds the clients for one run from <see cref="AwsSettings"/>: SDK credential chain, one shared rate limiter.</summary>
public static class AwsServicesFactory
{
    public static async Task<AwsServices> CreateAsync(AwsSettings settings, CancellationToken cancellationToken)
    {
        var overrides = settings.RateLimits.ToDictionary(p => p.Key, p => new RateLimit(p.Value.Rate, p.Value.Burst), StringComparer.OrdinalIgnoreCase);
        var factory = new AwsClientFactory(new AwsConnectionSettings
        {
            Region = settings.Region,
            ProfileName = settings.ProfileName,
            EndpointUrl = settings.EndpointUrl,
            Endpoints = settings.ServiceEndpoints.ToDictionary(p => p.Key.ToLowerInvariant(), p => p.Value),
            RateLimits = new RateLimitSettings { Overrides = overrides },
        });
        try
        {
            var account = await factory.ResolveAccountIdAsync(cancellationToken).ConfigureAwait(false);
            var region = factory.Region ?? settings.Region
                ?? throw new Execution.ImperativeException("ConnectOps.NoRegion", Execution.EngineErrorKind.InvalidOperation,
                    "No AWS Region: pass -Region, set Region in the config or with Set-ConnectDefault -Region, or set AWS_REGION.");
            return new AwsServices
            {
                Connect = factory.Connect,
                Iam = factory.Iam,
                Logs = factory.Logs,
                SecretsManager = factory.SecretsManager,
                Region = region,
                AccountId = account,
                CallCounts = () => factory.Statistics.Snapshot().ToDictionary(s => $"{s.Service}.{s.Operation}", s => s.Calls, StringComparer.Ordinal),
                Owner = factory,
            };
        }
        catch
        {
            factory.Dispose();
            throw;
        }
    }
}
