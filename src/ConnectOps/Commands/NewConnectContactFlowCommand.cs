using System.Collections;
using System.Management.Automation;
using ConnectOps.Completion;
using ConnectOps.Resources;

namespace ConnectOps.Commands;

/// <summary>Creates a contact flow from a file or inline JSON (Origin=Cmdlet in state), validated as the config's flows are.</summary>
[Cmdlet(VerbsCommon.New, "ConnectContactFlow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ConnectContactFlow))]
public sealed class NewConnectContactFlowCommand : ConnectWriteCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ConfigKey("Name", IsName = true)]
    public string Name { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SettingValueCompleter))]
    [ConfigKey("Type")]
    public string? Type { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Path { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ConfigKey("Content")]
    public string? Content { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ConfigKey("Description")]
    public string? Description { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SettingValueCompleter))]
    [ConfigKey("Status")]
    public string? Status { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ConfigKey("Tags")]
    public Hashtable? Tags { get; set; }

    /// <summary>-Path resolves against the current PowerShell location (the config's own paths resolve against its folder).</summary>
    private protected override bool AddValues(System.Text.Json.Nodes.JsonObject values)
    {
        if (string.IsNullOrWhiteSpace(Path)) return true;
        values["Path"] = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        return true;
    }
}
