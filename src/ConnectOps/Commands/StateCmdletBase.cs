using System.Management.Automation;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.State;
using ConnectOps.Engine.State.Operations;

namespace ConnectOps.Commands;

/// <summary>
/// What the state cmdlets share: <c>-LockTimeout</c> (from <see cref="ConnectLockingCmdletBase"/>), the engine's state
/// operations, and running them with engine failures turned into error records.
/// </summary>
public abstract class StateCmdletBase : ConnectLockingCmdletBase
{
    protected StateOperations StateOperationsFor(ConnectConfig config) => new(StateStoreFor(config), Engine) { LockTimeout = LockWait };

    protected bool WhatIfPresent => MyInvocation.BoundParameters.TryGetValue("WhatIf", out var w) && ((SwitchParameter)w).IsPresent;

    /// <summary>Runs engine work on a worker thread; an expected failure becomes a terminating error record on <paramref name="target"/>.</summary>
    protected T RunEngine<T>(Func<CancellationToken, Task<T>> work, object? target)
    {
        try
        {
            return Engine.Run(work);
        }
        catch (Exception ex) when (IsEngineError(ex))
        {
            ThrowEngineError(ex, target);
            return default!;
        }
    }

    /// <summary>-Force skips confirmation prompts (never -WhatIf): the host answers yes itself.</summary>
    protected void SkipConfirmationWhen(bool force)
    {
        if (force && !WhatIfPresent) Engine.ShouldProcessOverride = (_, _, _) => true;
    }

    protected static IEnumerable<ConnectStateEntry> Entries(IEnumerable<StateEntry> entries) => entries.Select(e => new ConnectStateEntry(e.Address, e.Resource));
}
