using System.Text.Json.Nodes;
using ConnectOps.Engine.Config;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Export;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.Reconcilers.Framework;
using ConnectOps.Engine.State;
using ConnectOps.Hosting;

namespace ConnectOps.Tests;

/// <summary>
/// The clone round trip on examples/full-contact-center, through the real files: apply it to instance A, export A
/// -ForClone -WithState to a folder (connectops.psd1 read back with the module's .psd1 reader), plan against A (empty),
/// apply the export to a new instance B, plan B (empty), export B the same way: the two exports are identical but for
/// the alias.
/// </summary>
public sealed class ExportRoundTripTests : IClassFixture<ExampleEmulatorFixture>, IAsyncLifetime, IDisposable
{
    private const string Secret = "connectops/full-example/agent-password";
    private readonly ExampleEmulatorFixture _emulator;
    private readonly string _work = Path.Combine(Path.GetTempPath(), "connectops-export-" + Guid.NewGuid().ToString("n")[..8]);

    public ExportRoundTripTests(ExampleEmulatorFixture emulator) => _emulator = emulator;

    public Task InitializeAsync() => _emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private readonly ExamplesTests.YesHost _host = new();

    private static string Example()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "examples", "full-contact-center");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException("examples/full-contact-center not found above " + AppContext.BaseDirectory);
    }

    private static ConnectConfig Load(string configPath)
    {
        var result = ConfigLoader.Load(configPath, new PsdConfigReader());
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Errors));
        return result.Config!;
    }

    private Task<AwsServices> AwsAsync() =>
        AwsServicesFactory.CreateAsync(new AwsSettings { Region = "eu-west-2", EndpointUrl = _emulator.Endpoint.ToString() }, CancellationToken.None);

    private async Task<Workspace> OpenAsync(ConnectConfig config) =>
        new(config, new LocalStateStore(config.State.Path!), await AwsAsync(), _host) { PollInterval = TimeSpan.FromMilliseconds(5) };

    private async Task<string> ApplyAsync(ConnectConfig config)
    {
        using (var ws = await OpenAsync(config))
        {
            var result = await ws.ApplyAsync(null, new PlanScope(), new ApplyOptions(), CancellationToken.None);
            Assert.True(result.Failed == 0 && result.Skipped == 0, string.Join(Environment.NewLine, result.Outcomes.Where(o => o.Status != ChangeStatus.Succeeded).Select(o => $"{o.Address} {o.Status}: {o.Message}")));
        }
        await AssertPlanEmptyAsync(config);
        return (await new LocalStateStore(config.State.Path!).ReadAsync())!.Document.Instance!.Id;
    }

    private async Task AssertPlanEmptyAsync(ConnectConfig config)
    {
        using var ws = await OpenAsync(config);
        var plan = await ws.PlanAsync(new PlanScope(), CancellationToken.None);
        Assert.True(plan.IsEmpty, PlanRenderer.Render(plan));
    }

    private async Task<(ExportResult Export, string Folder)> ExportToAsync(string instanceId, string folder)
    {
        using var aws = await AwsAsync();
        var export = await ConfigExporter.ExportAsync(aws, _host, new ExportOptions
        {
            InstanceId = instanceId, ForClone = true, WithState = true, ConfigPath = Path.Combine(folder, ExportWriter.ConfigFileName),
        }, CancellationToken.None);
        await ExportWriter.WriteAsync(export, folder, force: false, CancellationToken.None);
        return (export, folder);
    }

    /// <summary>Every file of an export folder but the state, with the alias and instance id masked.</summary>
    private static string Contents(string folder, ExportResult export) =>
        string.Join("\n", Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(".connectops", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => $"--- {Path.GetRelativePath(folder, f)}\n" + File.ReadAllText(f).Replace(export.InstanceAlias, "(alias)", StringComparison.Ordinal).Replace(export.InstanceId, "(id)", StringComparison.Ordinal)));

    [Fact]
    public async Task Full_contact_center_exported_for_clone_applies_to_a_new_instance_and_exports_the_same()
    {
        var source = Path.Combine(_work, "source");
        Directory.CreateDirectory(source);
        foreach (var file in Directory.EnumerateFiles(Example(), "*", SearchOption.AllDirectories).Where(f => !f.Contains(".connectops", StringComparison.Ordinal)))
        {
            var target = Path.Combine(source, Path.GetRelativePath(Example(), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        await _emulator.CreateSecretAsync("eu-west-2", Secret, "Example-Passw0rd");
        var instanceA = await ApplyAsync(Load(Path.Combine(source, "connectops.psd1")));

        // Export A; the files load with the .psd1 reader and, with the exported state, plan nothing against A.
        var (exportA, folderA) = await ExportToAsync(instanceA, Path.Combine(_work, "export-a"));
        Assert.Equal(6, exportA.FlowFiles.Count); // the example's six; the instance's own sample flow is a default, left out
        Assert.Contains(new Engine.Addressing.ResourceAddress(Engine.Addressing.Component.ContactFlows, "Sample inbound flow (first contact experience)"), exportA.SkippedDefaults);
        Assert.Equal(6, exportA.Counts[Engine.Addressing.Component.Users]);
        Assert.Empty(exportA.ExternalDependencies);
        var configA = Load(Path.Combine(folderA, ExportWriter.ConfigFileName));
        Assert.True(File.Exists(Path.Combine(folderA, ".connectops", "state.json")));
        await AssertPlanEmptyAsync(configA);

        // What the operator does for the new instance: another alias, and the users' initial password.
        var folderB = Path.Combine(_work, "clone-b");
        var tree = (JsonObject)exportA.Config.DeepClone();
        tree["Instance"]!["Alias"] = "connectops-full-clone";
        foreach (var user in tree["Users"]!.AsArray()) user!["PasswordSecret"] = Secret;
        Directory.CreateDirectory(Path.Combine(folderB, "flows"));
        await File.WriteAllTextAsync(Path.Combine(folderB, ExportWriter.ConfigFileName), PsdWriter.Write(tree));
        foreach (var file in exportA.FlowFiles) await File.WriteAllTextAsync(Path.Combine(folderB, file.RelativePath), file.Text);
        var instanceB = await ApplyAsync(Load(Path.Combine(folderB, ExportWriter.ConfigFileName)));
        Assert.NotEqual(instanceA, instanceB);

        // B exported the same way: identical to A's export but for the alias (and the instance id in the header).
        var (exportB, folderBExport) = await ExportToAsync(instanceB, Path.Combine(_work, "export-b"));
        Assert.Equal("connectops-full-clone", exportB.InstanceAlias);
        Assert.Equal(Contents(folderA, exportA), Contents(folderBExport, exportB));
        await AssertPlanEmptyAsync(Load(Path.Combine(folderBExport, ExportWriter.ConfigFileName)));
    }
}
