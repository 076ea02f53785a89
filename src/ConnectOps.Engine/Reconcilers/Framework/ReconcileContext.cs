using ConnectOps.Engine.Abstractions;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.Reconcilers.Framework;

/// <summary>
/// What a reconciler's read, create, update and delete get: the AWS clients, the instance they work in,
/// the key ↔ id index and the host for messages. One per plan or apply; thread-safe.
/// </summary>
public sealed class ReconcileContext
{
    public ReconcileContext(AwsServices aws, ConnectConfig config, IdIndex ids, IHost host)
    {
        Aws = aws;
        Config = config;
        Ids = ids;
        Host = host;
    }

    public AwsServices Aws { get; }

    public ConnectConfig Config { get; }

    public IdIndex Ids { get; }

    public IHost Host { get; }

    /// <summary>Null until the instance exists (before its creation, nothing inside it can be read).</summary>
    public string? InstanceId { get; set; }

    public string? InstanceArn { get; set; }

    public string Region => Aws.Region;

    public string AccountId => Aws.AccountId;

    /// <summary>How long to wait between polls of an asynchronous operation (instance creation, number claims).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Where a user's initial password comes from besides the config's PasswordSecret: the host (a cmdlet's
    /// -Password SecureString) answers per user address, or null. Read on create only; never stored.
    /// </summary>
    public Func<ResourceAddress, CancellationToken, Task<string?>>? PasswordProvider { get; init; }

    /// <summary>
    /// Read every association list (a queue's quick connects, a routing profile's queues, a security profile's
    /// permissions) for every parent, not only for those the config declares: an export has no config to narrow them.
    /// </summary>
    public bool ReadAllAssociations { get; init; }

    /// <summary>Whether a reader needs the association list of <paramref name="name"/>: declared in <paramref name="declared"/>, or all are read.</summary>
    public bool WantsAssociations(ISet<string> declared, string? name) => ReadAllAssociations || declared.Contains(name ?? "");

    public string RequireInstanceId() =>
        InstanceId ?? throw new InvalidOperationException("The Connect instance does not exist yet; it is created first.");

    /// <summary>The AWS id of the resource a config key names (declared, adopted or built in).</summary>
    public string IdOf(Component component, string key)
    {
        if (Ids.TryGetId(component, key, out var id)) return id;
        throw new ReconcileException($"{component}/{key} is referenced but does not exist in AWS or in state. Apply it first (or drop the reference).");
    }

    public string ArnOf(Component component, string key)
    {
        if (Ids.TryGetArn(component, key, out var arn)) return arn;
        throw new ReconcileException($"The ARN of {component}/{key} is not known. Run Invoke-ConnectPlan to refresh it.");
    }

    public Task Delay(TimeSpan interval, CancellationToken cancellationToken) =>
        interval <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(interval, cancellationToken);
}

/// <summary>A reconciler could not carry out a change; the message says why and what to do.</summary>
public sealed class ReconcileException : Exception
{
    public ReconcileException(string message, Exception? inner = null) : base(message, inner) { }
}
