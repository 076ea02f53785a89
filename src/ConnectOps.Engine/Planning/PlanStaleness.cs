using ConnectOps.Engine.State;

namespace ConnectOps.Engine.Planning;

/// <summary>
/// The check an apply makes before using a saved plan: same state lineage, same state serial, same config
/// hash. Anything else means the world moved since the plan was made.
/// </summary>
public static class PlanStaleness
{
    /// <returns>Why the plan is stale; empty when it is current.</returns>
    public static IReadOnlyList<string> Check(Plan plan, StateDocument? currentState, string currentConfigHash)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var reasons = new List<string>();
        if (!string.Equals(plan.ConfigHash, currentConfigHash, StringComparison.Ordinal))
        {
            reasons.Add($"the config {plan.ConfigPath} (or a flow file it names) has changed since the plan was made.");
        }
        if (currentState is null)
        {
            if (plan.StateLineage is not null) reasons.Add("the plan was made against an existing state, which is now gone.");
        }
        else if (plan.StateLineage is null)
        {
            reasons.Add($"the plan was made before any state existed; state serial {currentState.Serial} has been written since.");
        }
        else if (plan.StateLineage != currentState.Lineage)
        {
            reasons.Add($"the state's lineage is {currentState.Lineage}, not {plan.StateLineage} (another contact centre's state, or a re-created one).");
        }
        else if (plan.StateSerial != currentState.Serial)
        {
            reasons.Add($"the state is at serial {currentState.Serial}, but the plan was made at serial {plan.StateSerial} (something was applied since).");
        }
        return reasons;
    }

    /// <exception cref="StalePlanException">The plan is stale.</exception>
    public static void EnsureCurrent(Plan plan, StateDocument? currentState, string currentConfigHash)
    {
        var reasons = Check(plan, currentState, currentConfigHash);
        if (reasons.Count > 0) throw new StalePlanException(reasons);
    }
}
