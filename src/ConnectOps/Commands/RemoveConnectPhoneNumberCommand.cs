using System.Collections;
using System.Management.Automation;
using ConnectOps.Completion;
using ConnectOps.Resources;

namespace ConnectOps.Commands;

/// <summary>Releases a claimed phone number (irreversible: only with -AllowDestroy) and drops its state entry.</summary>
[Cmdlet(VerbsCommon.Remove, "ConnectPhoneNumber", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveConnectPhoneNumberCommand : ConnectRemoveCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ResourceNameCompleter))]
    [ConfigKey("Name", IsName = true)]
    public string Name { get; set; } = "";

    /// <summary>Allows the release: a released number enters a cooldown and cannot be claimed back.</summary>
    [Parameter]
    public SwitchParameter AllowDestroy { get; set; }

    private protected override bool AllowDestroyRequested => AllowDestroy.IsPresent;
}
