using System.Text.Json.Nodes;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Config;
using ConnectOps.Engine.Imperative;
using ConnectOps.Engine.Migration.Terraform;
using ConnectOps.Engine.State;
using ConnectOps.Engine.Tests.State;

namespace ConnectOps.Engine.Tests.Migration;

/// <summary>Terraform states written in the provider's format, migrated to a config and a state without AWS.</summary>
public sealed class TerraformMigrationTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    internal static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Migration", "Fixtures", name);

    private static TerraformMigration Build(string fixture) =>
        TerraformMigrator.Build(TerraformStateReader.Parse(File.ReadAllBytes(Fixture(fixture)), fixture), fixture);

    private async Task<(TerraformMigrationResult Result, StateDocument State, JsonObject Config)> MigrateAsync(string fixture, string output = "out")
    {
        var migration = Build(fixture);
        var result = await TerraformMigrationWriter.WriteAsync(migration, _temp.File(output), force: false, reader: null, CancellationToken.None);
        var state = (await new LocalStateStore(result.StatePath).ReadAsync())!.Document;
        return (result, state, migration.Config);
    }

    private static readonly string[] RootAddresses =
    [
        "Instance", "Iam/ConnectRole", "Logging/ContactFlowLogs", "HoursOfOperation/Business Hours", "Queues/Support", "Queues/Sales",
        "RoutingProfiles/Support Agents", "SecurityProfiles/Contact Centre Agent", "QuickConnects/escalate", "QuickConnects/helpdesk",
        "PhoneNumbers/main_line", "ContactFlows/Main IVR", "HierarchyStructure", "HierarchyGroups/Support Division", "HierarchyGroups/Tier 1",
        "Users/carol.support", "LambdaFunctions/customer_lookup", "LexBots/CustomerServiceBot",
    ];

    [Fact]
    public async Task ARootModuleStateIsAdoptedUnderEveryKeyWithProviderIdsSplit()
    {
        var (result, state, _) = await MigrateAsync("root-module.tfstate");

        Assert.Equal(RootAddresses.Order(StringComparer.Ordinal), state.Resources.Keys.Select(a => a.ToString()).Order(StringComparer.Ordinal));
        Assert.All(state.Resources.Values, r => Assert.Equal(ResourceOrigin.Config, r.Origin));
        Assert.Equal("b2b2b2b2-0000-4000-8000-000000000001", state.Get(ResourceAddress.Parse("Queues/Support"))!.Id);
        Assert.Equal("f6f6f6f6-0000-4000-8000-000000000001", state.Get(ResourceAddress.Parse("PhoneNumbers/main_line"))!.Id);
        Assert.Equal("arn:aws:lambda:eu-west-2:123456789012:function:CustomerLookup", state.Get(ResourceAddress.Parse("LambdaFunctions/customer_lookup"))!.Id);
        Assert.Equal("arn:aws:lex:eu-west-2:123456789012:bot:CustomerServiceBot", state.Get(ResourceAddress.Parse("LexBots/CustomerServiceBot"))!.Id);
        Assert.Equal("acme-support-connect-role", state.Get(ResourceAddress.Parse("Iam/ConnectRole"))!.Id);
        Assert.Equal("/aws/connect/acme-support", state.Get(ResourceAddress.Parse("Logging/ContactFlowLogs"))!.Id);
        Assert.Equal(new InstanceState("7c3f2a10-5b6e-4d2a-9e1f-0a1b2c3d4e5f", "arn:aws:connect:eu-west-2:123456789012:instance/7c3f2a10-5b6e-4d2a-9e1f-0a1b2c3d4e5f", "eu-west-2", "123456789012"), state.Instance);
        Assert.Equal(1, state.Serial);
        // The outputs the module had are there before any apply.
        Assert.Equal("b2b2b2b2-0000-4000-8000-000000000001", JsonNode.Parse(state.Outputs["queue_ids"])!["Support"]!.GetValue<string>());
        Assert.Equal("+442079460123", JsonNode.Parse(state.Outputs["phone_numbers"])!["main_line"]!.GetValue<string>());
        Assert.Equal("acme-support", state.Outputs["instance_alias"]);

        var support = result.Adopted.Single(a => a.Address.ToString() == "Queues/Support");
        Assert.Equal("aws_connect_queue.queues[\"support\"]", support.TerraformAddress);
        Assert.Contains(result.Skipped, s => s.TerraformAddress == "random_id.suffix" && s.Reason.Contains("not an Amazon Connect resource", StringComparison.Ordinal));
        Assert.Contains(result.Skipped, s => s.Type == "aws_connect_instance_storage_config");
        Assert.Contains(result.Skipped, s => s.Type == "aws_iam_role_policy_attachment");
        Assert.Contains(result.Skipped, s => s.TerraformAddress == "aws_connect_phone_number_contact_flow_association.main" && s.Reason.Contains("ContactFlow", StringComparison.Ordinal));
        // The Lambda's own role, its policy and its log group are not the contact centre's.
        Assert.Contains(result.Skipped, s => s.TerraformAddress == "aws_iam_role.lookup_lambda" && s.Reason.Contains("service role", StringComparison.Ordinal));
        Assert.Contains(result.Skipped, s => s.TerraformAddress == "aws_iam_role_policy_attachment.lookup_lambda" && s.Reason.Contains("not the instance's service role", StringComparison.Ordinal));
        Assert.Contains(result.Skipped, s => s.TerraformAddress == "aws_cloudwatch_log_group.lookup_lambda");
        Assert.DoesNotContain(result.Warnings, w => w.Contains("IamPolicyArn", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheWrittenConfigBindsAndReferencesByKeyNeverById()
    {
        var (result, _, tree) = await MigrateAsync("root-module.tfstate");
        var text = await File.ReadAllTextAsync(result.ConfigPath);
        var config = TestConfig(result.ConfigPath, tree);

        Assert.Equal("acme-support", config.Instance.Alias);
        Assert.Equal("arn:aws:iam::aws:policy/AmazonConnect_FullAccess", config.Instance.IamPolicyArn);
        Assert.Equal(30, config.Instance.LogRetentionDays);
        Assert.Equal("terraform", config.Tags["ManagedBy"]);
        var support = config.Queues.Single(q => q.Name == "Support");
        Assert.Equal("Business Hours", support.HoursOfOperation);
        Assert.Equal("main_line", support.OutboundCallerIdNumber);
        Assert.Equal(["escalate", "helpdesk"], support.QuickConnects.Order(StringComparer.Ordinal));
        Assert.Equal("Basic Hours", config.Queues.Single(q => q.Name == "Sales").HoursOfOperation);
        Assert.Equal("Default queue transfer", config.QuickConnects.Single(q => q.Key == "escalate").ContactFlow);
        var user = config.Users.Single();
        Assert.Equal(("Support Agents", "Tier 1", "carol@example.com"), (user.RoutingProfile, user.HierarchyGroup, user.Email));
        Assert.Equal(["Division", "Team"], config.HierarchyStructure!.Levels);
        Assert.Equal("Support Division", config.HierarchyGroups.Single(g => g.Name == "Tier 1").Parent);
        Assert.Equal("Main IVR", config.PhoneNumbers.Single(p => p.Key == "main_line").ContactFlow);
        // No provider id of a migrated resource is left in the config.
        Assert.DoesNotContain("b2b2b2b2-", text, StringComparison.Ordinal);
        Assert.DoesNotContain("a1a1a1a1-", text, StringComparison.Ordinal);
        Assert.DoesNotContain("c3c3c3c3-", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlowContentGoesToAFileWithMigratedArnsAsPlaceholders()
    {
        var (result, state, _) = await MigrateAsync("root-module.tfstate");
        var flowFile = Assert.Single(result.FlowFiles);
        Assert.EndsWith(Path.Combine("flows", "main-ivr.json"), flowFile, StringComparison.Ordinal);
        var flow = JsonNode.Parse(await File.ReadAllTextAsync(flowFile))!;
        Assert.Equal("${Queues/Support}", flow["Actions"]![0]!["Parameters"]!["QueueId"]!.GetValue<string>());
        Assert.Contains("./flows/main-ivr.json", await File.ReadAllTextAsync(result.ConfigPath), StringComparison.Ordinal);
        Assert.NotNull(state.Get(ResourceAddress.Parse("ContactFlows/Main IVR"))!.Attributes["Content"]);
    }

    [Fact]
    public async Task APasswordInTheStateIsDroppedWithAWarningAndAppearsInNoFile()
    {
        var (result, _, _) = await MigrateAsync("root-module.tfstate");

        Assert.Contains(result.Warnings, w => w.Contains("aws_connect_user.users[\"carol.support\"]", StringComparison.Ordinal) && w.Contains("'password'", StringComparison.Ordinal));
        foreach (var file in Directory.EnumerateFiles(_temp.File("out"), "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain("Sup3r-Secret-Passw0rd!", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ANestedModuleWithForEachAndCountKeepsItsKeys()
    {
        var (result, state, tree) = await MigrateAsync("nested-module.tfstate");

        Assert.Contains(result.Adopted, a => a.TerraformAddress == "module.connect.aws_connect_queue.queues[\"support\"]" && a.Address.ToString() == "Queues/Support");
        Assert.Contains(result.Adopted, a => a.TerraformAddress == "module.connect.aws_connect_phone_number.numbers[0]" && a.Address.ToString() == "PhoneNumbers/numbers_0");
        Assert.Contains(result.Adopted, a => a.TerraformAddress == "module.connect.aws_connect_quick_connect.quick_connects[\"escalate\"]" && a.Address.ToString() == "QuickConnects/escalate");
        Assert.Contains(result.Skipped, s => s.TerraformAddress == "null_resource.wait");
        Assert.Equal(RootAddresses.Length, state.Resources.Count);
        Assert.Equal("numbers_0", TestConfig(result.ConfigPath, tree).Queues.Single(q => q.Name == "Support").OutboundCallerIdNumber);
    }

    [Fact]
    public async Task UnmanagedTypesAreListedAsSkippedWithTheirReason()
    {
        var (result, state, _) = await MigrateAsync("unknown-types.tfstate");

        Assert.Equal(["Instance"], state.Resources.Keys.Select(k => k.ToString()));
        Assert.Equal(
            ["aws_connect_instance_storage_config.recordings", "aws_connect_vocabulary.words", "aws_s3_bucket.recordings", "random_id.suffix"],
            result.Skipped.Select(s => s.TerraformAddress).Order(StringComparer.Ordinal));
        Assert.All(result.Skipped, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
    }

    [Theory]
    [InlineData("not-json.tfstate", "ConnectOps.Terraform.NotJson", "not valid JSON")]
    [InlineData("v3.tfstate", "ConnectOps.Terraform.UnsupportedVersion", "format version 3")]
    public async Task BadInputIsAClearErrorNamingTheFileAndWritesNothing(string fixture, string errorId, string says)
    {
        var ex = await Assert.ThrowsAsync<TerraformMigrationException>(() => MigrateAsync(fixture));

        Assert.Equal(errorId, ex.ErrorId);
        Assert.Contains(fixture, ex.Message, StringComparison.Ordinal);
        Assert.Contains(says, ex.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was written", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task AReferenceToAnIdNothingNamesIsAnErrorAndWritesNothing()
    {
        var doc = JsonNode.Parse(await File.ReadAllTextAsync(Fixture("root-module.tfstate")))!.AsObject();
        // Without the data source, 'Basic Hours' is only an id.
        var resources = doc["resources"]!.AsArray();
        resources.Remove(resources.First(r => r!["mode"]!.GetValue<string>() == "data" && r["type"]!.GetValue<string>() == "aws_connect_hours_of_operation"));
        var migration = () => TerraformMigrator.Build(TerraformStateReader.Parse(System.Text.Encoding.UTF8.GetBytes(doc.ToJsonString()), "edited.tfstate"), "edited.tfstate");

        var ex = Assert.Throws<TerraformMigrationException>(migration);

        Assert.Equal("ConnectOps.Terraform.UnresolvedReference", ex.ErrorId);
        Assert.Contains("aws_connect_queue.queues[\"sales\"]: hours_of_operation_id = 'a1a1a1a1-0000-4000-8000-0000000000ff'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoTerraformResourcesWithOneConnectOpsAddressAreRefused()
    {
        var doc = JsonNode.Parse(await File.ReadAllTextAsync(Fixture("root-module.tfstate")))!.AsObject();
        var queues = doc["resources"]!.AsArray().First(r => r!["type"]!.GetValue<string>() == "aws_connect_queue")!["instances"]!.AsArray();
        queues[1]!["attributes"]!["name"] = "Support";

        var ex = Assert.Throws<TerraformMigrationException>(() =>
            TerraformMigrator.Build(TerraformStateReader.Parse(System.Text.Encoding.UTF8.GetBytes(doc.ToJsonString()), "dup.tfstate"), "dup.tfstate"));

        Assert.Equal("ConnectOps.Terraform.DuplicateAddress", ex.ErrorId);
        Assert.Contains("aws_connect_queue.queues[\"support\"] and aws_connect_queue.queues[\"sales\"] both become Queues/Support", ex.Message, StringComparison.Ordinal);
    }

    private static async Task<JsonObject> FixtureJsonAsync(string name) => JsonNode.Parse(await File.ReadAllTextAsync(Fixture(name)))!.AsObject();

    private static TerraformMigration BuildFrom(JsonObject doc, string name) =>
        TerraformMigrator.Build(TerraformStateReader.Parse(System.Text.Encoding.UTF8.GetBytes(doc.ToJsonString()), name), name);

    [Fact]
    public async Task AnInstanceTerraformOnlyLooksUpIsNamedByIdAndRecordedAsImported()
    {
        var doc = await FixtureJsonAsync("root-module.tfstate");
        var instance = doc["resources"]!.AsArray().Single(r => r!["type"]!.GetValue<string>() == "aws_connect_instance")!;
        instance["mode"] = "data";
        var migration = BuildFrom(doc, "lookup.tfstate");

        var result = await TerraformMigrationWriter.WriteAsync(migration, _temp.File("out"), false, null, CancellationToken.None);
        var state = (await new LocalStateStore(result.StatePath).ReadAsync())!.Document;

        Assert.Equal("7c3f2a10-5b6e-4d2a-9e1f-0a1b2c3d4e5f", migration.Config["Instance"]!["Id"]!.GetValue<string>());
        Assert.Null(migration.Config["Instance"]!["Alias"]);
        Assert.Equal(ResourceOrigin.Import, state.Get(ResourceAddress.Instance)!.Origin);
        // Without the instance's settings, flow logs are not declared on: the log group is left alone, not deleted.
        Assert.Null(state.Get(ResourceAddress.Parse("Logging/ContactFlowLogs")));
        Assert.Contains(result.Skipped, s => s.TerraformAddress == "aws_cloudwatch_log_group.flows" && s.Reason.Contains("ContactFlowLogsEnabled", StringComparison.Ordinal));
        Assert.NotNull(state.Get(ResourceAddress.Parse("Queues/Support")));
    }

    [Fact]
    public async Task ValuesTheConfigRefusesStopTheMigrationBeforeAnythingIsWritten()
    {
        var doc = await FixtureJsonAsync("root-module.tfstate");
        var queue = doc["resources"]!.AsArray().First(r => r!["type"]!.GetValue<string>() == "aws_connect_queue")!["instances"]![0]!["attributes"]!;
        queue["max_contacts"] = -5;
        var migration = BuildFrom(doc, "bad-value.tfstate");

        var ex = await Assert.ThrowsAsync<TerraformMigrationException>(() => TerraformMigrationWriter.WriteAsync(migration, _temp.File("out"), false, null, CancellationToken.None));

        Assert.Equal("ConnectOps.Terraform.ConfigInvalid", ex.ErrorId);
        Assert.Contains("MaxContacts", ex.Message, StringComparison.Ordinal);
        Assert.Contains("bad-value.tfstate", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task ResourcesOfTwoInstancesAreRefused()
    {
        var doc = await FixtureJsonAsync("root-module.tfstate");
        var queue = doc["resources"]!.AsArray().First(r => r!["type"]!.GetValue<string>() == "aws_connect_queue")!["instances"]![1]!["attributes"]!;
        queue["instance_id"] = "00000000-0000-4000-8000-000000000000";

        var ex = Assert.Throws<TerraformMigrationException>(() => BuildFrom(doc, "two.tfstate"));

        Assert.Equal("ConnectOps.Terraform.SeveralInstances", ex.ErrorId);
        Assert.Contains("aws_connect_queue.queues[\"sales\"] belongs to instance 00000000-0000-4000-8000-000000000000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExistingConfigIsRefusedUnlessForcedAndNothingIsChanged()
    {
        var output = _temp.File("out");
        Directory.CreateDirectory(output);
        await File.WriteAllTextAsync(Path.Combine(output, "connectops.psd1"), "@{ Region = 'eu-west-1' }");
        var migration = Build("root-module.tfstate");

        var ex = await Assert.ThrowsAsync<TerraformMigrationException>(() => TerraformMigrationWriter.WriteAsync(migration, output, false, null, CancellationToken.None));

        Assert.Equal("ConnectOps.Terraform.OutputExists", ex.ErrorId);
        Assert.Equal("@{ Region = 'eu-west-1' }", await File.ReadAllTextAsync(Path.Combine(output, "connectops.psd1")));
        Assert.Equal(["connectops.psd1"], Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName));
        Assert.Single(Directory.EnumerateFileSystemEntries(_temp.Path));

        var forced = await TerraformMigrationWriter.WriteAsync(migration, output, true, null, CancellationToken.None);
        Assert.Contains("acme-support", await File.ReadAllTextAsync(forced.ConfigPath), StringComparison.Ordinal);
        Assert.True(File.Exists(forced.StatePath));
    }

    /// <summary>The tree PsdWriter wrote, bound beside the written file (the .psd1 reader itself is tested in ConnectOps.Tests).</summary>
    private static Model.ConnectConfig TestConfig(string psd1Path, JsonObject tree)
    {
        var result = ConfigBinder.Bind(ConfigEntries.ToNode(tree, new SourcePosition(psd1Path, 1, 1)), psd1Path);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Errors));
        return result.Config!;
    }
}
