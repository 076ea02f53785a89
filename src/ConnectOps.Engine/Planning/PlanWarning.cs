using ConnectOps.Engine.Addressing;

namespace ConnectOps.Engine.Planning;

/// <summary>Something the user should know that does not stop the plan (Address null = plan-wide).</summary>
public sealed record PlanWarning(ResourceAddress? Address, string Message);
