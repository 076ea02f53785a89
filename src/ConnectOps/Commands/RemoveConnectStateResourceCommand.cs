using System.Management.Automation;
using ConnectOps.Completion;
using ConnectOps.Engine.Addressing;

namespace ConnectOps.Commands;

/// <summary>
/// Forgets resources (terraform state rm): their entries leave state and the resources stay in AWS, no longer
/// managed. Addresses may use wildcards; a literal address that is not in state is an error and nothing is removed.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "ConnectStateResource", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(ConnectStateEntry))]
public sealed class RemoveConnectStateResourceCommand : StateCmdletBase
{
    /// <summary>Addresses to forget; wildcards allowed.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(AddressCompleter))]
    public string[] Address { get; set; } = [];

    /// <summary>Skips confirmation (never -WhatIf).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    private readonly List<string> _addresses = new();

    protected override void ProcessRecord() => _addresses.AddRange(Address);

    protected override void Run()
    {
        var patterns = new List<AddressPattern>();
        foreach (var a in _addresses)
        {
            if (!AddressPattern.TryParse(a, out var p, out var error))
                ThrowTerminatingError(new ErrorRecord(new ArgumentException(error, nameof(Address)), "ConnectOps.InvalidAddress", ErrorCategory.InvalidArgument, a));
            patterns.Add(p!);
        }
        var config = LoadConfig();
        var ops = StateOperationsFor(config);
        SkipConfirmationWhen(Force);
        var result = RunEngine(ct => ops.RemoveAsync(patterns, ct), string.Join(",", _addresses));
        if (result is null) return;
        WriteVerbose($"Removed {result.Entries.Count} entr{(result.Entries.Count == 1 ? "y" : "ies")} from {result.Location} (serial {result.Serial}); the resources stay in AWS.");
        foreach (var entry in Entries(result.Entries)) WriteObject(entry);
    }
}
