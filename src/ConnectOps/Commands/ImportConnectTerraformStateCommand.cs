using System.Management.Automation;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Migration.Terraform;
using ConnectOps.Hosting;

namespace ConnectOps.Commands;

/// <summary>
/// Migrates from the Terraform module: reads a terraform.tfstate (a file or s3://bucket/key), writes connectops.psd1,
/// flows/*.json and the ConnectOps state adopting every aws_connect_* resource (and the instance's IAM role and log
/// group) under its Terraform key. Nothing is created or changed in AWS; other resource types are listed as skipped.
/// </summary>
[Cmdlet(VerbsData.Import, "ConnectTerraformState", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(TerraformMigrationResult))]
public sealed class ImportConnectTerraformStateCommand : PSCmdlet
{
    /// <summary>The Terraform state: a file path, or s3://bucket/key.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    public string Path { get; set; } = "";

    /// <summary>The folder to write connectops.psd1, flows/ and .connectops/state.json to (default: the current folder).</summary>
    [Parameter(Position = 1)]
    public string OutputPath { get; set; } = ".";

    /// <summary>Replaces a connectops.psd1, state or flow file already in the output folder.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>The S3 bucket's Region (s3:// locations only).</summary>
    [Parameter]
    public string? Region { get; set; }

    [Parameter]
    [Alias("AWSProfileName")]
    public string? ProfileName { get; set; }

    /// <summary>An S3-compatible endpoint for s3:// locations (no other service is called).</summary>
    [Parameter]
    public string? EndpointUrl { get; set; }

    private PipelineHost? _host;

    protected override void StopProcessing() => _host?.Cancel();

    protected override void ProcessRecord()
    {
        _host = new PipelineHost(this);
        try
        {
            Migrate(_host);
        }
        finally
        {
            _host.Dispose();
            _host = null;
        }
    }

    private void Migrate(PipelineHost host)
    {
        var source = TerraformStateSource.IsS3(Path) ? Path : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        var output = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutputPath);
        var connection = new TerraformStateConnection { Region = Region, ProfileName = ProfileName, S3Endpoint = EndpointUrl };
        TerraformMigration migration;
        try
        {
            var bytes = host.Run(ct => TerraformStateSource.ReadAsync(source, connection, ct));
            migration = TerraformMigrator.Build(TerraformStateReader.Parse(bytes, source), source);
        }
        catch (Exception ex) when (EngineErrors.Classify(ex) is not null)
        {
            Fail(ex, source);
            return;
        }
        var existing = TerraformMigrationWriter.Existing(output, migration);
        if (existing.Count > 0 && !Force)
        {
            ThrowTerminatingError(new ErrorRecord(
                new IOException($"{output} already holds {string.Join(", ", existing.Select(e => System.IO.Path.GetRelativePath(output, e)))}. Choose an empty -OutputPath, or add -Force to replace them. Nothing was written."),
                "ConnectOps.Terraform.OutputExists", ErrorCategory.ResourceExists, output));
        }
        var what = $"Write connectops.psd1, {migration.FlowFiles.Count} flow file(s) and a state adopting {migration.Adopted.Count} resource(s) from {source}" +
                   (existing.Count > 0 ? $", replacing {existing.Count} existing file(s)" : "") + ". Nothing changes in AWS.";
        if (!ShouldProcess(output, what)) return;
        TerraformMigrationResult result;
        try
        {
            result = host.Run(ct => TerraformMigrationWriter.WriteAsync(migration, output, Force, new PsdConfigReader(), ct));
        }
        catch (Exception ex) when (EngineErrors.Classify(ex) is not null)
        {
            Fail(ex, output);
            return;
        }
        foreach (var warning in result.Warnings) WriteWarning(warning);
        foreach (var skipped in result.Skipped) WriteVerbose($"Skipped {skipped.TerraformAddress}: {skipped.Reason}");
        foreach (var adopted in result.Adopted) WriteVerbose($"{adopted.TerraformAddress} -> {adopted.Address} (id {adopted.Id})");
        WriteObject(result);
    }

    private void Fail(Exception ex, string target)
    {
        var error = EngineErrors.Classify(ex)!;
        var inner = ex is AggregateException { InnerException: { } i } ? i : ex;
        var targetObject = (inner as TerraformMigrationException)?.Target ?? target;
        ThrowTerminatingError(new ErrorRecord(inner, error.Id, ConnectCmdletBase.Category(error.Kind), targetObject) { ErrorDetails = new ErrorDetails(error.Message) });
    }
}
