using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Export;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.Reconcilers.Framework;
using ConnectOps.Engine.State;
using ConnectOps.Engine.Tests.Reconcilers;

namespace ConnectOps.Engine.Tests.Export;

/// <summary>
/// Export-ConnectConfig's engine: a contact centre applied to instance A is exported (in memory), the export is
/// written and planned against A (empty with its state), applied to a new instance B and exported again: the two
/// exports are equal but for the alias. Flows of every shape people export survive it byte-stable.
/// </summary>
public sealed class ExportTests : ComponentTestBase
{
    private const string Secret = "connectops/export/agent";
    private const string ExternalLambda = "arn:aws:lambda:eu-west-2:999999999999:function:Elsewhere";
    private const string PromptId = "0d3f9c4e-1111-4222-8333-944455556666";
    private const string LexAlias = "arn:aws:lex:eu-west-2:123456789012:bot-alias/CONCIERGE1/LIVEALIAS1";

    public ExportTests(EmulatorFixture emulator) : base(emulator) { }

    private static JsonObject Flow(string name, string path, string type = "CONTACT_FLOW") => new() { ["Name"] = name, ["Type"] = type, ["Path"] = path };

    /// <summary>The flow language with friendly-name identifiers and the designer's Metadata (positions).</summary>
    private static JsonObject MainIvr()
    {
        var flow = FlowSamples.Flow(
            FlowSamples.CheckHours("Check hours", "${HoursOfOperation/UK Business Hours#Id}", "Look up caller", "Closed"),
            FlowSamples.InvokeLambda("Look up caller", "${LambdaFunctions/customer_lookup}", "Audit"),
            FlowSamples.InvokeLambda("Audit", ExternalLambda, "Ask bot"),
            FlowSamples.LexV2("Ask bot", "${LexBots/Concierge}", "Route to sales"),
            FlowSamples.SetQueue("Route to sales", "${Queues/Sales}", "Closed"),
            FlowSamples.TransferToFlow("Closed", "${ContactFlows/After Hours}", "Bye"),
            FlowSamples.Disconnect("Bye"));
        flow["Metadata"] = new JsonObject
        {
            ["entryPointPosition"] = new JsonObject { ["x"] = 40, ["y"] = 40 },
            ["ActionMetadata"] = new JsonObject
            {
                ["Check hours"] = new JsonObject { ["position"] = new JsonObject { ["x"] = 160.5, ["y"] = 42 } },
                ["Route to sales"] = new JsonObject { ["position"] = new JsonObject { ["x"] = 420, ["y"] = 80 }, ["useDynamic"] = false },
            },
        };
        return flow;
    }

    /// <summary>A contact centre with a resource of every kind and flows in the three file shapes.</summary>
    private static JsonObject Rich(Harness h, string alias)
    {
        var config = Harness.BasicConfig(alias);
        config["Queues"] = JsonNode.Parse("""
        [ { "Name": "Sales", "HoursOfOperation": "UK Business Hours", "MaxContacts": 20, "QuickConnects": ["escalate", "helpdesk"] },
          { "Name": "Support", "HoursOfOperation": "Basic Hours", "OutboundCallerIdName": "Acme", "OutboundCallerIdNumber": "main_line" } ]
        """);
        config["QuickConnects"] = JsonNode.Parse("""
        { "escalate": { "Name": "Escalate", "Type": "QUEUE", "Queue": "Support" },
          "helpdesk": { "Name": "External helpdesk", "Type": "PHONE_NUMBER", "PhoneNumber": "+442079460000" } }
        """);
        config["PhoneNumbers"] = JsonNode.Parse("""
        { "main_line": { "CountryCode": "GB", "Type": "DID", "Prefix": "+4420", "Description": "Main line", "ContactFlow": "Main IVR" } }
        """);
        config["RoutingProfiles"] = JsonNode.Parse("""
        [ { "Name": "Agents", "DefaultOutboundQueue": "Sales",
            "MediaConcurrencies": [ { "Channel": "VOICE", "Concurrency": 1 }, { "Channel": "CHAT", "Concurrency": 2, "CrossChannelBehavior": "ROUTE_ANY_CHANNEL" } ],
            "QueueConfigs": [ { "Queue": "Sales", "Channel": "VOICE", "Priority": 1, "Delay": 0 }, { "Queue": "BasicQueue", "Channel": "CHAT", "Priority": 2, "Delay": 15 } ] } ]
        """);
        config["SecurityProfiles"] = JsonNode.Parse("""[ { "Name": "Agent Plus", "Description": "Calls", "Permissions": ["BasicAgentAccess", "OutboundCallAccess"] } ]""");
        config["HierarchyStructure"] = JsonNode.Parse("""["Division", "Team"]""");
        config["HierarchyGroups"] = JsonNode.Parse("""[ { "Name": "Sales" }, { "Name": "Inside Sales", "Parent": "Sales" } ]""");
        config["Users"] = JsonNode.Parse($$"""
        [ { "Username": "alice", "FirstName": "Alice", "LastName": "Archer", "Email": "alice@example.com", "Mobile": "+447700900123", "AutoAccept": true, "RoutingProfile": "Agents",
            "SecurityProfiles": ["Agent Plus", "Agent"], "HierarchyGroup": "Inside Sales", "PasswordSecret": "{{Secret}}" },
          { "Username": "bob", "FirstName": "Bob", "LastName": "Baker", "PhoneType": "DESK_PHONE", "DeskPhoneNumber": "+442079460101",
            "RoutingProfile": "Basic Routing Profile", "SecurityProfiles": ["Agent"], "PasswordSecret": "{{Secret}}" } ]
        """);
        config["LambdaFunctions"] = JsonNode.Parse("""{ "customer_lookup": { "FunctionArn": "arn:aws:lambda:eu-west-2:123456789012:function:CustomerLookup" } }""");
        config["LexBots"] = new JsonArray(new JsonObject { ["Name"] = "Concierge", ["AliasArn"] = LexAlias });
        var afterHours = FlowSamples.Flow(FlowSamples.Message("Closed message", "We are closed", "To queue"), FlowSamples.SetQueue("To queue", "${Queues/BasicQueue}", "End"), FlowSamples.Disconnect("End"));
        config["ContactFlows"] = new JsonArray(
            Flow("Main IVR", FlowSamples.WriteFile(h, "main.json", MainIvr())),
            // aws connect describe-contact-flow output: Content as a JSON string.
            Flow("After Hours", FlowSamples.WriteFile(h, "after.json", new JsonObject
            {
                ["ContactFlow"] = new JsonObject { ["Name"] = "After Hours", ["Type"] = "CONTACT_FLOW", ["Content"] = afterHours.ToJsonString() },
            })),
            // An export wrapper with Content as an object.
            // A prompt is an instance resource ConnectOps does not manage: its ARN cannot become a placeholder.
            Flow("Prompted", FlowSamples.WriteFile(h, "prompted.json", FlowSamples.Flow(new JsonObject
            {
                ["Identifier"] = "Play prompt", ["Type"] = "MessageParticipant",
                ["Parameters"] = new JsonObject { ["PromptId"] = "${Instance}/prompt/" + PromptId },
                ["Transitions"] = new JsonObject { ["NextAction"] = "Bye" },
            }, FlowSamples.Disconnect("Bye")))),
            Flow("Hold Music", FlowSamples.WriteFile(h, "hold.json", new JsonObject
            {
                ["Name"] = "Hold Music", ["Type"] = "CUSTOMER_HOLD", ["Content"] = FlowSamples.Greeting("Please hold"),
            }), "CUSTOMER_HOLD"));
        return config;
    }

    private async Task<ExportResult> ExportAsync(RecordingHost host, ExportOptions options)
    {
        using var aws = await AwsServicesFactory.CreateAsync(new AwsSettings { Region = "eu-west-2", EndpointUrl = Emulator.Endpoint.ToString() }, CancellationToken.None);
        return await ConfigExporter.ExportAsync(aws, host, options, CancellationToken.None);
    }

    /// <summary>The export as a JSON config with its flow files (and state) in the harness folder, as the writer lays them out.</summary>
    private static async Task PlaceAsync(Harness h, ExportResult export, Action<JsonObject>? edit = null)
    {
        var config = (JsonObject)export.Config.DeepClone();
        edit?.Invoke(config);
        h.Write(config);
        foreach (var file in export.FlowFiles)
        {
            var path = Path.Combine(h.Folder, file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, file.Text);
        }
        if (export.State is { } state) await h.Store.WriteAsync(state, null);
    }

    /// <summary>What an operator adds before applying a clone: the users' password secret.</summary>
    private static void ForTarget(JsonObject config, string alias)
    {
        config["Instance"]!["Alias"] = alias;
        foreach (var user in config["Users"]!.AsArray()) user!["PasswordSecret"] = Secret;
    }

    /// <summary>The .psd1 text (header notes included) and every flow file, with the alias and instance id masked.</summary>
    private static string Normalised(ExportResult export) =>
        export.ConfigText.Replace(export.InstanceAlias, "(alias)", StringComparison.Ordinal).Replace(export.InstanceId, "(id)", StringComparison.Ordinal)
        + string.Concat(export.FlowFiles.Select(f => $"\n--- {f.RelativePath}\n{f.Text}"));

    [Fact]
    public async Task A_clone_export_applied_to_a_new_instance_exports_the_same_and_both_plans_are_empty()
    {
        await Emulator.CreateSecretAsync(Secret, "Export-Passw0rd");
        using var a = new Harness(Emulator, Harness.BasicConfig("export-a"));
        a.Write(Rich(a, "export-a"));
        await ApplyOkAsync(a);
        var instanceA = (await a.StateAsync()).Instance!.Id;

        var exportA = await ExportAsync(a.Host, new ExportOptions { InstanceId = instanceA, ForClone = true, WithState = true });

        // Keys from names, defaults left out but referenced by name, placeholders instead of ids, external ARNs kept and listed.
        var config = exportA.Config;
        Assert.False(config["Instance"]!.AsObject().ContainsKey("Id"));
        // The exported state carries the outputs an apply writes (no apply follows an empty plan to write them).
        Assert.Equal(instanceA, exportA.State!.Outputs["instance_id"]);
        Assert.Contains("Sales", exportA.State.Outputs["queue_ids"], StringComparison.Ordinal);
        Assert.Equal(["Sales", "Support"], config["Queues"]!.AsArray().Select(q => q!["Name"]!.GetValue<string>()));
        Assert.Equal(["escalate", "external_helpdesk"], config["QuickConnects"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["escalate", "external_helpdesk"], Queue(config, "Sales")["QuickConnects"]!.AsArray().Select(k => k!.GetValue<string>()).Order());
        Assert.Equal("main_line", Queue(config, "Support")["OutboundCallerIdNumber"]!.GetValue<string>());
        Assert.Equal("Basic Hours", Queue(config, "Support")["HoursOfOperation"]!.GetValue<string>());
        var number = config["PhoneNumbers"]!["main_line"]!.AsObject();
        Assert.Equal(["CountryCode", "Type", "Prefix", "Description", "ContactFlow"], number.Select(p => p.Key));
        Assert.Equal("+4420", number["Prefix"]!.GetValue<string>());
        Assert.Equal("customer_lookup", Assert.Single(config["LambdaFunctions"]!.AsObject()).Key);
        Assert.Equal("CONCIERGE1_LIVEALIAS1", config["LexBots"]![0]!["Name"]!.GetValue<string>());
        Assert.DoesNotContain(exportA.Config.ToJsonString(), "Password", StringComparison.OrdinalIgnoreCase);
        Assert.Contains(new ResourceAddress(Component.Queues, "BasicQueue"), exportA.SkippedDefaults);
        Assert.Contains(new ResourceAddress(Component.ContactFlows, "Default customer queue"), exportA.SkippedDefaults);
        Assert.Contains(new ResourceAddress(Component.SecurityProfiles, "Admin"), exportA.SkippedDefaults);
        Assert.Equal(["Agent Plus"], config["SecurityProfiles"]!.AsArray().Select(p => p!["Name"]!.GetValue<string>()));
        var main = JsonNode.Parse(exportA.FlowFiles.Single(f => f.RelativePath == "flows/main-ivr.json").Text)!;
        var text = main.ToJsonString();
        foreach (var placeholder in new[] { "${HoursOfOperation/UK Business Hours#Id}", "${LambdaFunctions/customer_lookup}", "${LexBots/CONCIERGE1_LIVEALIAS1}", "${Queues/Sales}", "${ContactFlows/After Hours}" })
            Assert.Contains(placeholder, text, StringComparison.Ordinal);
        Assert.DoesNotContain(instanceA, text, StringComparison.Ordinal);
        Assert.Contains("${Queues/BasicQueue}", exportA.FlowFiles.Single(f => f.RelativePath == "flows/after-hours.json").Text, StringComparison.Ordinal);
        Assert.Equal(2, exportA.ExternalDependencies.Count);
        var external = exportA.ExternalDependencies.Single(d => !d.InsideInstance);
        Assert.Equal((ExternalLambda, "ContactFlows/Main IVR"), (external.Arn, external.ReferencedBy.ToString()));
        var prompt = exportA.ExternalDependencies.Single(d => d.InsideInstance);
        Assert.Equal(("ContactFlows/Prompted", true), (prompt.ReferencedBy.ToString(), prompt.Arn.EndsWith("/prompt/" + PromptId, StringComparison.Ordinal)));
        Assert.Contains(exportA.Notes, n => n.Contains("/prompt/" + PromptId, StringComparison.Ordinal) && n.Contains("does not manage", StringComparison.Ordinal));
        Assert.Contains(exportA.Notes, n => n.Contains("PasswordSecret", StringComparison.Ordinal));

        // The export with its state, against A: nothing to do.
        using (var again = new Harness(Emulator, Harness.BasicConfig("unused")))
        {
            await PlaceAsync(again, exportA);
            await AssertPlanEmptyAsync(again);
        }

        // Applied to a new instance B, exported the same way: the same export but for the alias, and B plans empty.
        using var b = new Harness(Emulator, Harness.BasicConfig("unused"));
        await PlaceAsync(b, exportA with { State = null }, c => ForTarget(c, "export-b"));
        await ApplyOkAsync(b);
        await AssertPlanEmptyAsync(b);
        var stateB = await b.StateAsync();
        Assert.NotEqual(instanceA, stateB.Instance!.Id);
        var exportB = await ExportAsync(b.Host, new ExportOptions { InstanceId = stateB.Instance.Id, ForClone = true });
        Assert.Equal(Normalised(exportA), Normalised(exportB));
        Assert.Equal("export-b", exportB.InstanceAlias);
    }

    private static JsonObject Queue(JsonObject config, string name) =>
        config["Queues"]!.AsArray().OfType<JsonObject>().Single(q => q["Name"]!.GetValue<string>() == name);

    [Fact]
    public async Task Flow_files_in_every_shape_come_back_as_the_flow_language_with_metadata_and_friendly_ids()
    {
        await Emulator.CreateSecretAsync(Secret, "Export-Passw0rd");
        using var a = new Harness(Emulator, Harness.BasicConfig("export-flows"));
        a.Write(Rich(a, "export-flows"));
        await ApplyOkAsync(a);
        var export = await ExportAsync(a.Host, new ExportOptions { InstanceId = (await a.StateAsync()).Instance!.Id });

        // Each file is the bare flow language, whatever wrapper it was applied from, with its placeholders as written.
        var main = JsonNode.Parse(export.FlowFiles.Single(f => f.RelativePath == "flows/main-ivr.json").Text)!;
        // The Lex V2 bot's key comes from its alias ARN (ListBots names no bot), so its placeholder is spelled that way.
        var expected = JsonNode.Parse(MainIvr().ToJsonString().Replace("${LexBots/Concierge}", "${LexBots/CONCIERGE1_LIVEALIAS1}", StringComparison.Ordinal));
        Assert.True(JsonNode.DeepEquals(expected, main), main.ToJsonString());
        var after = JsonNode.Parse(export.FlowFiles.Single(f => f.RelativePath == "flows/after-hours.json").Text)!;
        Assert.Equal("2019-10-30", after["Version"]!.GetValue<string>());
        Assert.False(after.AsObject().ContainsKey("ContactFlow"));
        var hold = JsonNode.Parse(export.FlowFiles.Single(f => f.RelativePath == "flows/hold-music.json").Text)!;
        Assert.True(JsonNode.DeepEquals(FlowSamples.Greeting("Please hold"), hold));
        Assert.Equal("CUSTOMER_HOLD", export.Config["ContactFlows"]!.AsArray().Single(f => f!["Name"]!.GetValue<string>() == "Hold Music")!["Type"]!.GetValue<string>());
        Assert.All(export.FlowFiles, f => Assert.EndsWith("\n", f.Text, StringComparison.Ordinal));

        // Not a clone: the instance by id and numbers by their number, so applying it to A adopts everything.
        Assert.Equal(export.InstanceId, export.Config["Instance"]!["Id"]!.GetValue<string>());
        Assert.StartsWith("+4420", export.Config["PhoneNumbers"]!["main_line"]!["PhoneNumber"]!.GetValue<string>(), StringComparison.Ordinal);
        using var adopt = new Harness(Emulator, Harness.BasicConfig("unused"));
        await PlaceAsync(adopt, export);
        await Emulator.ResetCallsAsync();
        await ApplyOkAsync(adopt);
        Assert.Empty(await WritesAsync());
        await AssertPlanEmptyAsync(adopt);
    }

    [Fact]
    public async Task An_export_reads_each_component_with_its_bulk_read_and_every_association_list_once()
    {
        await Emulator.CreateSecretAsync(Secret, "Export-Passw0rd");
        using var a = new Harness(Emulator, Harness.BasicConfig("export-calls"));
        a.Write(Rich(a, "export-calls"));
        await ApplyOkAsync(a);
        var instance = (await a.StateAsync()).Instance!.Id;
        await Emulator.ResetCallsAsync();

        await ExportAsync(a.Host, new ExportOptions { InstanceId = instance, WithState = true });

        var calls = (await Emulator.CallsAsync()).Where(c => !c.Key.StartsWith("Sts.", StringComparison.Ordinal)).ToDictionary();
        // Every parent's association list, not only declared ones: 3 standard queues (BasicQueue too), 2 routing profiles, 5 security profiles.
        Assert.Equal(1, calls["Connect.DescribeInstance"]);
        Assert.Equal(1, calls["Connect.SearchQueues"]);
        Assert.Equal(3, calls["Connect.ListQueueQuickConnects"]);
        Assert.Equal(2, calls["Connect.ListRoutingProfileQueues"]);
        Assert.Equal(5, calls["Connect.ListSecurityProfilePermissions"]);
        Assert.Equal(1, calls["Connect.SearchUsers"]);
        Assert.Equal(1, calls["Connect.SearchContactFlows"]);
        Assert.Equal(1, calls["Connect.ListPhoneNumbersV2"]);
        Assert.Equal(2, calls["Connect.ListBots"]);
        Assert.DoesNotContain(calls.Keys, k => k is "Connect.DescribeQueue" or "Connect.DescribeUser" or "Connect.DescribeContactFlow" or "Connect.DescribePhoneNumber");
        Assert.All(calls.Keys, k => Assert.True(IsRead(k), $"{k} is not a read"));
    }

    [Fact]
    public async Task User_contact_info_comes_with_one_DescribeUser_per_user_only_when_asked()
    {
        await Emulator.CreateSecretAsync(Secret, "Export-Passw0rd");
        using var a = new Harness(Emulator, Harness.BasicConfig("export-contact"));
        a.Write(Rich(a, "export-contact"));
        await ApplyOkAsync(a);
        var instance = (await a.StateAsync()).Instance!.Id;

        await Emulator.ResetCallsAsync();
        var plain = await ExportAsync(a.Host, new ExportOptions { InstanceId = instance, Components = [Component.Users] });
        Assert.False((await Emulator.CallsAsync()).ContainsKey("Connect.DescribeUser"));
        Assert.False(User(plain, "alice").ContainsKey("Email"));
        Assert.Contains(plain.Notes, n => n.Contains("-IncludeUserContactInfo", StringComparison.Ordinal));

        await Emulator.ResetCallsAsync();
        var full = await ExportAsync(a.Host, new ExportOptions { InstanceId = instance, Components = [Component.Users], UserContactInfo = true, Exclude = ["bob"], WithState = true });
        Assert.Equal(1, (await Emulator.CallsAsync())["Connect.DescribeUser"]);
        Assert.Equal("alice@example.com", User(full, "alice")["Email"]!.GetValue<string>());
        Assert.Equal("+447700900123", User(full, "alice")["Mobile"]!.GetValue<string>());
        Assert.DoesNotContain(full.Notes, n => n.Contains("without Email", StringComparison.Ordinal));
        Assert.Equal("alice@example.com", full.State!.Resources[new ResourceAddress(Component.Users, "alice")].Attributes["Email"]!.GetValue<string>());
    }

    private static JsonObject User(ExportResult export, string username) =>
        export.Config["Users"]!.AsArray().OfType<JsonObject>().Single(u => u["Username"]!.GetValue<string>() == username);

    [Fact]
    public async Task Component_and_name_filters_narrow_the_export_and_defaults_come_with_IncludeDefaults()
    {
        await Emulator.CreateSecretAsync(Secret, "Export-Passw0rd");
        using var a = new Harness(Emulator, Harness.BasicConfig("export-filter"));
        await ApplyOkAsync(a);
        var instance = (await a.StateAsync()).Instance!.Id;

        var queues = await ExportAsync(a.Host, new ExportOptions { InstanceId = instance, Components = [Component.Queues], Exclude = ["Bill*"] });
        Assert.Equal(["Instance", "Queues"], queues.Config.Select(p => p.Key).Where(k => k is not "Region" and not "State"));
        Assert.Equal("CustomerService", Assert.Single(queues.Config["Queues"]!.AsArray())!["Name"]!.GetValue<string>());
        Assert.Equal(1, queues.Counts[Component.Queues]);

        var defaults = await ExportAsync(a.Host, new ExportOptions { InstanceId = instance, Components = [Component.HoursOfOperation, Component.Queues], IncludeDefaults = true, Include = ["Basic*"] });
        Assert.Equal("BasicQueue", Assert.Single(defaults.Config["Queues"]!.AsArray())!["Name"]!.GetValue<string>());
        Assert.Equal("Basic Hours", Assert.Single(defaults.Config["HoursOfOperation"]!.AsArray())!["Name"]!.GetValue<string>());
        Assert.Empty(defaults.SkippedDefaults);
    }

    [Fact]
    public async Task A_clone_of_a_directory_instance_exports_and_says_the_directory_must_be_added()
    {
        var config = Harness.BasicConfig("export-directory");
        config["Instance"]!["IdentityManagementType"] = "EXISTING_DIRECTORY";
        config["Instance"]!["DirectoryId"] = "d-1234567890";
        using var a = new Harness(Emulator, config);
        await ApplyOkAsync(a);

        var export = await ExportAsync(a.Host, new ExportOptions { InstanceId = (await a.StateAsync()).Instance!.Id, ForClone = true });

        var instance = export.Config["Instance"]!.AsObject();
        Assert.Equal("EXISTING_DIRECTORY", instance["IdentityManagementType"]!.GetValue<string>());
        Assert.False(instance.ContainsKey("DirectoryId"));
        Assert.False(instance.ContainsKey("Id"));
        Assert.Contains(export.Notes, n => n.Contains("Instance.DirectoryId", StringComparison.Ordinal));
        Assert.Contains("Instance.DirectoryId", export.ConfigText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_instance_names_and_output_folders_are_clear_errors()
    {
        using var a = new Harness(Emulator, Harness.BasicConfig("export-errors"));
        var unknown = await Assert.ThrowsAsync<ImperativeException>(() => ExportAsync(a.Host, new ExportOptions { InstanceId = "00000000-0000-0000-0000-000000000000" }));
        Assert.Equal("ConnectOps.InstanceNotFound", unknown.ErrorId);
        Assert.Contains("-InstanceId", unknown.Message, StringComparison.Ordinal);
        var alias = await Assert.ThrowsAsync<ImperativeException>(() => ExportAsync(a.Host, new ExportOptions { InstanceAlias = "no-such-alias" }));
        Assert.Contains("-InstanceAlias", alias.Message, StringComparison.Ordinal);
        var malformed = await Assert.ThrowsAsync<ImperativeException>(() => ExportAsync(a.Host, new ExportOptions { InstanceId = "prod" }));
        Assert.Equal("ConnectOps.InvalidInstanceId", malformed.ErrorId);

        var file = Path.Combine(a.Folder, "a-file");
        await File.WriteAllTextAsync(file, "x");
        Assert.Equal("ConnectOps.OutputPathIsFile", Assert.Throws<ImperativeException>(() => ExportWriter.CheckFolder(file, force: true)).ErrorId);
        Assert.Equal("ConnectOps.OutputPathNotEmpty", Assert.Throws<ImperativeException>(() => ExportWriter.CheckFolder(a.Folder, force: false)).ErrorId);
        ExportWriter.CheckFolder(a.Folder, force: true);
        ExportWriter.CheckFolder(Path.Combine(a.Folder, "new"), force: false);
    }
}
