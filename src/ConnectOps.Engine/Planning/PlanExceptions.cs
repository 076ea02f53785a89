namespace ConnectOps.Engine.Planning;

/// <summary>A plan file that cannot be used: unreadable, damaged or of an unknown format version.</summary>
public sealed class PlanFileException(string errorId, string message, Exception? inner = null) : Exception(message, inner)
{
    public const string InvalidId = "ConnectOps.PlanFileInvalid";
    public const string UnsupportedVersionId = "ConnectOps.PlanFormatUnsupported";

    public string ErrorId { get; } = errorId;
}

/// <summary>The plan no longer matches the state or the config it was made from.</summary>
public sealed class StalePlanException(IReadOnlyList<string> reasons)
    : Exception($"The plan is stale: {string.Join(" ", reasons)} Run Invoke-ConnectPlan again and apply the new plan.")
{
    public const string ErrorIdValue = "ConnectOps.PlanStale";

    public string ErrorId => ErrorIdValue;

    public IReadOnlyList<string> Reasons { get; } = reasons;
}
