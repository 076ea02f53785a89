using System.Management.Automation;
using ConnectOps.Completion;
using ConnectOps.Hosting;

namespace ConnectOps.Commands;

/// <summary>
/// Sets the session's defaults for every ConnectOps cmdlet (as Set-DefaultAWSRegion does for AWS Tools): the config
/// (and with it the state and the instance), the Region, profile and endpoint. Only the parameters given change.
/// </summary>
[Cmdlet(VerbsCommon.Set, "ConnectDefault")]
[OutputType(typeof(ConnectDefaultSettings))]
public sealed class SetConnectDefaultCommand : PSCmdlet
{
    /// <summary>The config file the cmdlets use when -ConfigPath is not given.</summary>
    [Parameter(Position = 0)]
    [Alias("Path")]
    public string? ConfigPath { get; set; }

    [Parameter]
    public string? Region { get; set; }

    [Parameter]
    [Alias("AWSProfileName")]
    public string? ProfileName { get; set; }

    [Parameter]
    public string? EndpointUrl { get; set; }

    /// <summary>The instance the Get- cmdlets read when there is no config file.</summary>
    [Parameter]
    public string? InstanceId { get; set; }

    /// <summary>Writes the defaults now in effect.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        var current = SessionDefaults.Current ?? new ConnectDefaultSettings();
        string? configPath = current.ConfigPath;
        if (ConfigPath is not null)
        {
            configPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(ConfigPath);
            if (!File.Exists(configPath))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new FileNotFoundException($"The config file '{configPath}' does not exist. Pass the path of an existing connectops.psd1.", configPath),
                    "ConnectOps.ConfigNotFound", ErrorCategory.ObjectNotFound, configPath));
            }
        }
        var next = new ConnectDefaultSettings
        {
            ConfigPath = configPath,
            Region = Region ?? current.Region,
            ProfileName = ProfileName ?? current.ProfileName,
            EndpointUrl = EndpointUrl ?? current.EndpointUrl,
            InstanceId = InstanceId ?? current.InstanceId,
        };
        SessionDefaults.Current = next;
        WriteVerbose($"ConnectOps defaults: ConfigPath={next.ConfigPath}, Region={next.Region}, ProfileName={next.ProfileName}, EndpointUrl={next.EndpointUrl}, InstanceId={next.InstanceId}");
        if (PassThru) WriteObject(next);
    }
}
