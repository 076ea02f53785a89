namespace ConnectOps.Engine.Reconcilers.Framework;

/// <summary>
/// One AWS API operation as models/operations.txt names it: the service prefix (connect, iam, logs, secretsmanager)
/// and the operation. <see cref="ToString"/> gives the IAM spelling, <c>connect:CreateQueue</c>.
/// </summary>
public readonly record struct AwsOperation(string Service, string Name)
{
    /// <summary>Describe*, List*, Search* and Get* only read: a plan makes nothing else.</summary>
    public bool IsRead =>
        Name.StartsWith("Describe", StringComparison.Ordinal) || Name.StartsWith("List", StringComparison.Ordinal)
        || Name.StartsWith("Search", StringComparison.Ordinal) || Name.StartsWith("Get", StringComparison.Ordinal);

    public override string ToString() => $"{Service}:{Name}";
}

/// <summary>
/// The AWS operations a component's reconciler calls, as data kept beside the calls (each reconciler's
/// <see cref="Reconciler.Calls"/>): <see cref="Read"/> is what its bulk read makes (a plan), <see cref="Write"/> what
/// creates, updates, tags and associations make (including the reads they poll with), <see cref="Delete"/> what
/// removing one of its resources makes. Get-ConnectIamPolicy builds the least-privilege policy from these tables; a
/// test checks each table against the calls in its reconciler's folder, so the two cannot drift apart silently.
/// </summary>
public sealed record ComponentCalls
{
    public IReadOnlyList<AwsOperation> Read { get; init; } = [];

    public IReadOnlyList<AwsOperation> Write { get; init; } = [];

    public IReadOnlyList<AwsOperation> Delete { get; init; } = [];

    /// <summary>
    /// Reads only Export-ConnectConfig asks for (a user's email by DescribeUser with -IncludeUserContactInfo): never
    /// made by a plan or an apply, so not in their policy.
    /// </summary>
    public IReadOnlyList<AwsOperation> ExportOnly { get; init; } = [];

    public IEnumerable<AwsOperation> All => Read.Concat(Write).Concat(Delete).Concat(ExportOnly);

    /// <summary>Operations of one service from a space-separated list: <c>Of("connect", "CreateQueue DeleteQueue")</c>.</summary>
    public static IReadOnlyList<AwsOperation> Of(string service, string operations) =>
        operations.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(o => new AwsOperation(service, o)).ToList();

    /// <summary>Connect operations (the common case).</summary>
    public static IReadOnlyList<AwsOperation> Connect(string operations) => Of("connect", operations);
}
