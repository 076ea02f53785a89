using System.Management.Automation;

namespace ConnectOps.Commands;

/// <summary>
/// Cmdlets that take the state lock (apply, the state cmdlets, the New-/Set-/Remove- resource cmdlets) share
/// <c>-LockTimeout</c>: seconds to wait for a lock another run holds; 0, the default, fails at once naming the
/// holder, as <c>terraform -lock-timeout</c> does.
/// </summary>
public abstract class ConnectLockingCmdletBase : ConnectCmdletBase
{
    /// <summary>Seconds to wait for the state lock when another command holds it (default 0: fail at once, naming the holder).</summary>
    [Parameter]
    [ValidateRange(0, 86_400)]
    public int LockTimeout { get; set; }

    protected TimeSpan LockWait => TimeSpan.FromSeconds(LockTimeout);

    protected override TimeSpan StateLockTimeout => LockWait;
}
