using ConnectOps.Aws.Connect;
using ConnectOps.Aws.Iam;
using ConnectOps.Aws.Logs;
using ConnectOps.Aws.SecretsManager;

namespace ConnectOps.Engine.Reconcilers.Framework;

/// <summary>The AWS clients one plan or apply uses, for one account and Region.</summary>
public sealed class AwsServices : IDisposable
{
    public required IConnectClient Connect { get; init; }
    public required IIamClient Iam { get; init; }
    public required ILogsClient Logs { get; init; }
    public required ISecretsManagerClient SecretsManager { get; init; }
    public required string Region { get; init; }
    public required string AccountId { get; init; }

    /// <summary>API calls made so far, per operation ("Connect.SearchQueues" → count).</summary>
    public Func<IReadOnlyDictionary<string, long>> CallCounts { get; init; } = () => new Dictionary<string, long>();

    /// <summary>What owns the clients (the client factory), disposed with this object.</summary>
    public IDisposable? Owner { get; init; }

    public void Dispose()
    {
        if (Owner is not null)
        {
            Owner.Dispose();
            return;
        }
        Connect.Dispose();
        Iam.Dispose();
        Logs.Dispose();
        SecretsManager.Dispose();
    }
}
