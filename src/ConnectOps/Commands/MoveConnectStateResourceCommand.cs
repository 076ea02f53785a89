using System.Management.Automation;
using ConnectOps.Completion;
using ConnectOps.Engine.Addressing;

namespace ConnectOps.Commands;

/// <summary>
/// Renames an address in state (terraform state mv), e.g. after renaming a queue's key in the config, so the
/// next apply neither deletes nor re-creates it. Refuses when the source is not in state or the destination is.
/// </summary>
[Cmdlet(VerbsCommon.Move, "ConnectStateResource", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ConnectStateEntry))]
public sealed class MoveConnectStateResourceCommand : StateCmdletBase
{
    /// <summary>The address in state now.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(AddressCompleter))]
    public string Address { get; set; } = "";

    /// <summary>The new address (same component).</summary>
    [Parameter(Mandatory = true, Position = 1)]
    public string Destination { get; set; } = "";

    protected override void Run()
    {
        var from = ParseAddress(Address, nameof(Address));
        var to = ParseAddress(Destination, nameof(Destination));
        var config = LoadConfig();
        var ops = StateOperationsFor(config);
        var result = RunEngine(ct => ops.MoveAsync(from, to, ct), Address);
        if (result is null) return;
        WriteVerbose($"Moved {from} to {to} in {result.Location} (serial {result.Serial}).");
        foreach (var entry in Entries(result.Entries)) WriteObject(entry);
    }

    private ResourceAddress ParseAddress(string text, string parameter)
    {
        if (!ResourceAddress.TryParse(text, out var address, out var error))
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(error, parameter), "ConnectOps.InvalidAddress", ErrorCategory.InvalidArgument, text));
        }
        return address!;
    }
}
