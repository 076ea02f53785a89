using System.Management.Automation;

namespace ConnectOps.Commands;

/// <summary>Removes a stale state lock, only when its id matches (terraform force-unlock).</summary>
[Cmdlet(VerbsCommon.Unlock, "ConnectState", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class UnlockConnectStateCommand : ConnectCmdletBase
{
    /// <summary>The lock's id, as the "state is locked" error reports it.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    public string LockId { get; set; } = "";

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void Run()
    {
        var config = LoadConfig();
        var store = StateStoreFor(config);
        try
        {
            var holder = Engine.Run(ct => store.GetLockAsync(ct));
            var who = holder is null ? "no one" : $"{holder.Who} ({holder.Operation} since {holder.Created:u})";
            // -Force skips the confirmation (ConfirmImpact High asks by default), never -WhatIf.
            var whatIf = MyInvocation.BoundParameters.TryGetValue("WhatIf", out var w) && ((SwitchParameter)w).IsPresent;
            var target = $"{store.Location} (held by {who}; only remove it when that run has died)";
            if ((whatIf || !Force) && !ShouldProcess(target, $"Remove lock {LockId}")) return;
            Engine.Run(async ct => { await store.ForceUnlockAsync(LockId, ct).ConfigureAwait(false); return true; });
            WriteVerbose($"Lock {LockId} removed from {store.Location}.");
        }
        catch (Exception ex) when (IsEngineError(ex))
        {
            ThrowEngineError(ex, LockId);
        }
    }
}
