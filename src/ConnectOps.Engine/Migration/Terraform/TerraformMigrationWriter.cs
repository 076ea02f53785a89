using ConnectOps.Engine.Abstractions;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Config;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Imperative;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Reconcilers;
using ConnectOps.Engine.State;

namespace ConnectOps.Engine.Migration.Terraform;

/// <summary>What a migration wrote.</summary>
public sealed record TerraformMigrationResult(
    string ConfigPath,
    string StatePath,
    IReadOnlyList<string> FlowFiles,
    IReadOnlyList<AdoptedResource> Adopted,
    IReadOnlyList<SkippedResource> Skipped,
    IReadOnlyList<string> Warnings);

/// <summary>
/// Writes a <see cref="TerraformMigration"/> as connectops.psd1, flows/*.json and the local state, all or nothing
/// (<see cref="ConfigFolderWriter"/>): the config is read back and bound in the staging folder (every error stops the
/// migration before the output is touched), the state is built from what the reconcilers want for that config (the
/// attributes an apply records, so the next plan compares the same things), and only then are the files moved into place.
/// </summary>
public static class TerraformMigrationWriter
{
    public const string ConfigFileName = ConfigFolderWriter.ConfigFileName;

    public static string StatePathIn(string outputPath) => LocalStateStore.ForConfig(Path.Combine(Path.GetFullPath(outputPath), ConfigFileName)).StatePath;

    /// <summary>The files a migration into <paramref name="outputPath"/> would overwrite.</summary>
    public static IReadOnlyList<string> Existing(string outputPath, TerraformMigration migration)
    {
        ArgumentNullException.ThrowIfNull(migration);
        var full = Path.GetFullPath(outputPath);
        return new[] { Path.Combine(full, ConfigFileName), StatePathIn(full) }
            .Concat(migration.FlowFiles.Keys.Select(f => Path.Combine(full, f)))
            .Where(File.Exists).ToList();
    }

    /// <param name="reader">Reads the written config back as the module will (the .psd1 reader); null binds the tree as built.</param>
    public static async Task<TerraformMigrationResult> WriteAsync(TerraformMigration migration, string outputPath, bool force, IConfigReader? reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(migration);
        var output = Path.GetFullPath(outputPath);
        var existing = Existing(output, migration);
        if (existing.Count > 0 && !force)
        {
            throw new TerraformMigrationException("ConnectOps.Terraform.OutputExists",
                $"{output} already holds {string.Join(", ", existing.Select(e => Path.GetRelativePath(output, e)))}. Choose an empty -OutputPath, or add -Force to replace them. Nothing was written.",
                output);
        }
        var header = new[]
        {
            $"Migrated from the Terraform state {migration.Source} by Import-ConnectTerraformState.",
            "Every resource below is adopted in .connectops/state.json under its Terraform key: Invoke-ConnectPlan should show no changes.",
        };
        StateDocument? state = null;
        var skipped = new List<SkippedResource>();
        await ConfigFolderWriter.WriteAsync(output, PsdWriter.Write(migration.Config, header), migration.FlowFiles.Select(f => (f.Key, f.Value)), configPath =>
        {
            // Read back and bound where it was written: an invalid config stops the migration before the output is touched.
            (state, skipped) = BuildState(migration, Bind(migration, configPath, reader));
            return state;
        }, cancellationToken).ConfigureAwait(false);
        var adopted = migration.Adopted.Where(a => state!.Resources.ContainsKey(a.Address)).ToList();
        return new TerraformMigrationResult(Path.Combine(output, ConfigFileName), StatePathIn(output),
            migration.FlowFiles.Keys.Select(f => Path.Combine(output, f)).ToList(), adopted, [.. migration.Skipped, .. skipped], migration.Warnings);
    }

    private static ConnectConfig Bind(TerraformMigration migration, string configPath, IConfigReader? reader)
    {
        var loaded = reader is not null
            ? ConfigLoader.Load(configPath, reader)
            : ConfigBinder.Bind(ConfigEntries.ToNode(migration.Config, new SourcePosition(configPath, 1, 1)), configPath);
        if (loaded.Success) return loaded.Config!;
        throw new TerraformMigrationException("ConnectOps.Terraform.ConfigInvalid",
            $"{migration.Source}: the config made from the Terraform state does not validate, so nothing was written:" + Environment.NewLine +
            string.Join(Environment.NewLine, loaded.Errors.Select(e => $"  {e.KeyPath}: {e.Message} ({e.Code})")) + Environment.NewLine +
            "Fix the values in Terraform (or the state) and migrate again.", migration.Source);
    }

    /// <summary>
    /// Each adopted address with what the config wants there, as an apply records it (the desired properties and the
    /// name, Origin=Config). An address the config does not declare (a log group while flow logs are off) is dropped
    /// and listed as skipped, so the next plan never deletes what Terraform made.
    /// </summary>
    private static (StateDocument State, List<SkippedResource> Skipped) BuildState(TerraformMigration migration, ConnectConfig config)
    {
        var desired = ReconcilerRegistry.All.SelectMany(r => r.Desired(config).Select(d => (Reconciler: r, Desired: d))).ToDictionary(x => x.Desired.Address);
        var state = StateDocument.New().WithInstance(migration.Instance);
        var skipped = new List<SkippedResource>();
        foreach (var adopted in migration.Adopted)
        {
            if (!desired.TryGetValue(adopted.Address, out var want))
            {
                skipped.Add(new SkippedResource(adopted.TerraformAddress, adopted.Type, NotDeclared(adopted.Address)));
                continue;
            }
            var (id, arn) = migration.Identities[adopted.Address];
            state = state.WithResource(adopted.Address, Executor.Record(want.Reconciler, want.Desired, id, arn, ResourceOrigin.Config, live: null));
        }
        if (!state.Resources.ContainsKey(ResourceAddress.Instance) && desired.TryGetValue(ResourceAddress.Instance, out var instance))
        {
            // An instance made outside this Terraform state: recorded so plans find it, never created.
            state = state.WithResource(ResourceAddress.Instance, Executor.Record(instance.Reconciler, instance.Desired, migration.Instance.Id, migration.Instance.Arn, ResourceOrigin.Import, live: null));
        }
        return (Workspace.WithOutputs(state, config), skipped);
    }

    private static string NotDeclared(ResourceAddress address) => address.Component switch
    {
        Component.Logging => "ConnectOps manages the contact-flow log group only while Instance.ContactFlowLogsEnabled is $true, and the instance has flow logs off: the group stays as it is",
        Component.Iam => "ConnectOps manages the instance's role only with Instance.IamPolicyArn, and no managed policy is attached to it: the role stays as it is",
        _ => $"the migrated config does not declare {address}: it stays as it is",
    };
}
