using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Config;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Migration.Terraform;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.Reconcilers.Framework;
using ConnectOps.Engine.State;
using ConnectOps.Engine.Tests.Reconcilers;

namespace ConnectOps.Engine.Tests.Migration;

/// <summary>
/// The migration against a live (emulated) instance: a contact centre is applied, the Terraform state the provider
/// would hold for it is written from what the emulator then has (ids, ARNs, composite provider ids), the state is
/// migrated, and the first plan with the migrated config and state is empty and makes no write call.
/// </summary>
public sealed class TerraformMigrationRoundTripTests(EmulatorFixture emulator) : ComponentTestBase(emulator)
{
    private const string Password = "Tf-Only-Passw0rd!";

    private static JsonObject Config(string alias)
    {
        var config = Harness.BasicConfig(alias);
        config["SecurityProfiles"] = Json("""[ { "Name": "Agents", "Description": "Take calls", "Permissions": [ "BasicAgentAccess", "OutboundCallAccess" ] } ]""");
        config["RoutingProfiles"] = Json("""
            [ { "Name": "Agent Profile", "Description": "Voice", "DefaultOutboundQueue": "CustomerService", "MediaConcurrencies": [ { "Channel": "VOICE", "Concurrency": 1 } ],
                "QueueConfigs": [ { "Queue": "CustomerService", "Channel": "VOICE", "Priority": 1 }, { "Queue": "Billing", "Channel": "VOICE", "Priority": 2, "Delay": 30 } ] } ]
            """);
        config["QuickConnects"] = Json("""{ "to_billing": { "Name": "To billing", "Type": "QUEUE", "Queue": "Billing" }, "helpdesk": { "Name": "Helpdesk", "Type": "PHONE_NUMBER", "PhoneNumber": "+442079460000" } }""");
        config["Queues"]![0]!["QuickConnects"] = Json("""[ "to_billing", "helpdesk" ]""");
        config["Queues"]![0]!["OutboundCallerIdName"] = "Acme";
        config["HierarchyStructure"] = Json("""[ "Division", "Team" ]""");
        config["HierarchyGroups"] = Json("""[ { "Name": "Sales" }, { "Name": "Inside Sales", "Parent": "Sales" } ]""");
        config["Users"] = Json("""
            [ { "Username": "john.smith", "FirstName": "John", "LastName": "Smith", "Email": "john.smith@example.com", "AutoAccept": true,
                "AfterContactWorkTimeLimit": 30, "RoutingProfile": "Agent Profile", "SecurityProfiles": [ "Agents" ], "HierarchyGroup": "Inside Sales",
                "PasswordSecret": "connectops/tf/john", "Tags": { "Team": "sales" } } ]
            """);
        config["ContactFlows"] = Json("""[ { "Name": "Main IVR", "Type": "CONTACT_FLOW", "Description": "Routes", "Content": "" } ]""");
        config["ContactFlows"]![0]!["Content"] = Flow("${Queues/CustomerService}");
        config["PhoneNumbers"] = Json("""{ "main_line": { "CountryCode": "GB", "Type": "DID", "Description": "Main line", "ContactFlow": "Main IVR" } }""");
        config["LambdaFunctions"] = Json("""{ "lookup": { "FunctionArn": "arn:aws:lambda:eu-west-2:123456789012:function:Lookup" } }""");
        config["LexBots"] = Json("""[ { "Name": "OrderBot", "LexRegion": "eu-west-2" } ]""");
        return config;
    }

    private static string Flow(string queue) =>
        FlowSamples.Flow(FlowSamples.SetQueue("set", queue, "bye"), FlowSamples.Disconnect("bye")).ToJsonString();

    [Fact]
    public async Task AMigratedTerraformStatePlansEmptyAgainstTheInstanceItDescribes()
    {
        await Emulator.CreateSecretAsync("connectops/tf/john", JsonSerializer.Serialize(new { username = "john.smith", password = Password }));
        using var h = new Harness(Emulator, Config("tf-migrate"));
        await ApplyOkAsync(h);
        var applied = await h.StateAsync();
        var tfstate = await ProviderStateAsync(h, applied);

        var output = Path.Combine(h.Folder, "migrated");
        var migration = TerraformMigrator.Build(TerraformStateReader.Parse(tfstate, "terraform.tfstate"), "terraform.tfstate");
        var result = await TerraformMigrationWriter.WriteAsync(migration, output, force: false, reader: null, CancellationToken.None);

        Assert.Equal(applied.Resources.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal), result.Adopted.Select(a => a.Address.ToString()).Order(StringComparer.Ordinal));
        var migratedState = (await new LocalStateStore(result.StatePath).ReadAsync())!.Document;
        foreach (var (address, resource) in applied.Resources) Assert.Equal((address, resource.Id), (address, migratedState.Resources[address].Id));
        foreach (var file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))
            Assert.DoesNotContain(Password, await File.ReadAllTextAsync(file), StringComparison.Ordinal);

        // The config as the binder reads it, beside the migrated state (JSON twin of the .psd1: same tree).
        var configPath = Path.Combine(output, "connectops.json");
        await File.WriteAllTextAsync(configPath, migration.Config.ToJsonString());
        var loaded = ConfigLoader.Load(configPath, new JsonConfigReader());
        Assert.True(loaded.Success, string.Join(Environment.NewLine, loaded.Errors));
        await Emulator.ResetCallsAsync();
        var aws = await AwsServicesFactory.CreateAsync(new AwsSettings { Region = "eu-west-2", EndpointUrl = Emulator.Endpoint.ToString() }, CancellationToken.None);
        using var ws = new Workspace(loaded.Config!, new LocalStateStore(result.StatePath), aws, h.Host) { PollInterval = TimeSpan.FromMilliseconds(5) };
        var plan = await ws.PlanAsync(new PlanScope(), CancellationToken.None);

        Assert.True(plan.IsEmpty, PlanRenderer.Render(plan));
        Assert.Empty(await WritesAsync());
    }

    /// <summary>What terraform-provider-aws records for the applied resources: its attribute names, its composite ids.</summary>
    private static async Task<byte[]> ProviderStateAsync(Harness h, StateDocument state)
    {
        var instance = state.Instance!;
        string Id(string address) => state.Resources[ResourceAddress.Parse(address)].Id;
        string Arn(string address) => state.Resources[ResourceAddress.Parse(address)].Arn!;
        JsonObject Attrs(string address, string idName, JsonObject more)
        {
            var o = new JsonObject { ["id"] = $"{instance.Id}:{Id(address)}", [idName] = Id(address), ["arn"] = Arn(address), ["instance_id"] = instance.Id };
            foreach (var (k, v) in more) o[k] = v?.DeepClone();
            return o;
        }
        JsonObject Tags(params (string Key, string Value)[] own)
        {
            var all = new JsonObject { ["ManagedBy"] = "connectops" };
            foreach (var (k, v) in own) all[k] = v;
            return all;
        }
        JsonObject With(JsonObject o, JsonObject tags) { o["tags_all"] = tags; return o; }
        JsonArray Block(JsonObject o) => new(o);
        JsonObject Time(int h, int m) => new() { ["hours"] = h, ["minutes"] = m };

        using var ws = await h.OpenAsync();
        var basic = (await ws.Aws.Connect.ListHoursOfOperationsAsync(new ListHoursOfOperationsRequest { InstanceId = instance.Id })).HoursOfOperationSummaryList!.Single(x => x.Name == "Basic Hours");
        var flowContent = Flow(Arn("Queues/CustomerService"));

        var b = new TfStateBuilder()
            .Add("aws_connect_instance", "this", With(new JsonObject
            {
                ["id"] = instance.Id, ["arn"] = instance.Arn, ["instance_alias"] = "tf-migrate", ["identity_management_type"] = "CONNECT_MANAGED",
                ["inbound_calls_enabled"] = true, ["outbound_calls_enabled"] = true, ["contact_flow_logs_enabled"] = true, ["status"] = "ACTIVE",
                ["tags"] = new JsonObject { ["Environment"] = "test" },
            }, Tags(("Environment", "test"))))
            .Add("aws_iam_role", "connect", new JsonObject
            {
                ["id"] = Id("Iam/ConnectRole"), ["name"] = Id("Iam/ConnectRole"), ["arn"] = Arn("Iam/ConnectRole"),
                ["managed_policy_arns"] = new JsonArray("arn:aws:iam::aws:policy/AmazonConnect_FullAccess"),
                ["assume_role_policy"] = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"connect.amazonaws.com"},"Action":"sts:AssumeRole"}]}""",
            })
            .Add("aws_cloudwatch_log_group", "flows", new JsonObject { ["id"] = Id("Logging/ContactFlowLogs"), ["name"] = Id("Logging/ContactFlowLogs"), ["retention_in_days"] = 7 })
            .Add("aws_connect_hours_of_operation", "basic", new JsonObject
            {
                ["id"] = $"{instance.Id}:{basic.Id}", ["hours_of_operation_id"] = basic.Id, ["arn"] = basic.Arn, ["instance_id"] = instance.Id, ["name"] = "Basic Hours",
            }, mode: "data")
            .Add("aws_connect_hours_of_operation", "hours", With(Attrs("HoursOfOperation/UK Business Hours", "hours_of_operation_id", new JsonObject
            {
                ["name"] = "UK Business Hours", ["time_zone"] = "Europe/London", ["description"] = "",
                ["config"] = new JsonArray(
                    new JsonObject { ["day"] = "TUESDAY", ["start_time"] = Block(Time(9, 0)), ["end_time"] = Block(Time(17, 0)) },
                    new JsonObject { ["day"] = "MONDAY", ["start_time"] = Block(Time(9, 0)), ["end_time"] = Block(Time(17, 0)) }),
            }), Tags()), key: "uk")
            .Add("aws_connect_queue", "queues", With(Attrs("Queues/CustomerService", "queue_id", new JsonObject
            {
                ["name"] = "CustomerService", ["description"] = "General", ["hours_of_operation_id"] = Id("HoursOfOperation/UK Business Hours"), ["max_contacts"] = 100,
                ["status"] = "ENABLED", ["quick_connect_ids"] = new JsonArray(Id("QuickConnects/to_billing"), Id("QuickConnects/helpdesk")),
                ["outbound_caller_config"] = Block(new JsonObject { ["outbound_caller_id_name"] = "Acme", ["outbound_caller_id_number_id"] = "", ["outbound_flow_id"] = "" }),
            }), Tags()), key: "customer_service")
            .Add("aws_connect_queue", "queues", With(Attrs("Queues/Billing", "queue_id", new JsonObject
            {
                ["name"] = "Billing", ["hours_of_operation_id"] = basic.Id, ["max_contacts"] = 5, ["status"] = "ENABLED", ["quick_connect_ids"] = new JsonArray(),
            }), Tags()), key: "billing")
            .Add("aws_connect_security_profile", "profiles", With(Attrs("SecurityProfiles/Agents", "security_profile_id", new JsonObject
            {
                ["name"] = "Agents", ["description"] = "Take calls", ["permissions"] = new JsonArray("OutboundCallAccess", "BasicAgentAccess"),
            }), Tags()), key: "agents")
            .Add("aws_connect_routing_profile", "profiles", With(Attrs("RoutingProfiles/Agent Profile", "routing_profile_id", new JsonObject
            {
                ["name"] = "Agent Profile", ["description"] = "Voice", ["default_outbound_queue_id"] = Id("Queues/CustomerService"),
                ["media_concurrencies"] = new JsonArray(new JsonObject { ["channel"] = "VOICE", ["concurrency"] = 1 }),
                ["queue_configs"] = new JsonArray(
                    new JsonObject { ["channel"] = "VOICE", ["delay"] = 0, ["priority"] = 1, ["queue_id"] = Id("Queues/CustomerService"), ["queue_arn"] = Arn("Queues/CustomerService"), ["queue_name"] = "CustomerService" },
                    new JsonObject { ["channel"] = "VOICE", ["delay"] = 30, ["priority"] = 2, ["queue_id"] = Id("Queues/Billing"), ["queue_arn"] = Arn("Queues/Billing"), ["queue_name"] = "Billing" }),
            }), Tags()), key: "agent")
            .Add("aws_connect_quick_connect", "qc", With(Attrs("QuickConnects/to_billing", "quick_connect_id", new JsonObject
            {
                ["name"] = "To billing",
                ["quick_connect_config"] = Block(new JsonObject
                {
                    ["quick_connect_type"] = "QUEUE",
                    ["queue_config"] = Block(new JsonObject { ["queue_id"] = Id("Queues/Billing"), ["contact_flow_id"] = await FlowIdAsync(ws, instance.Id, "Default queue transfer") }),
                }),
            }), Tags()), key: "to_billing")
            .Add("aws_connect_quick_connect", "qc", With(Attrs("QuickConnects/helpdesk", "quick_connect_id", new JsonObject
            {
                ["name"] = "Helpdesk",
                ["quick_connect_config"] = Block(new JsonObject { ["quick_connect_type"] = "PHONE_NUMBER", ["phone_config"] = Block(new JsonObject { ["phone_number"] = "+442079460000" }) }),
            }), Tags()), key: "helpdesk")
            .Add("aws_connect_contact_flow", "default_queue_transfer", new JsonObject
            {
                ["id"] = $"{instance.Id}:{await FlowIdAsync(ws, instance.Id, "Default queue transfer")}", ["contact_flow_id"] = await FlowIdAsync(ws, instance.Id, "Default queue transfer"),
                ["instance_id"] = instance.Id, ["name"] = "Default queue transfer", ["type"] = "QUEUE_TRANSFER",
            }, mode: "data")
            .Add("aws_connect_contact_flow", "flows", With(Attrs("ContactFlows/Main IVR", "contact_flow_id", new JsonObject
            {
                ["name"] = "Main IVR", ["type"] = "CONTACT_FLOW", ["description"] = "Routes", ["content"] = flowContent,
            }), Tags()), key: "main")
            .Add("aws_connect_phone_number", "numbers", With(new JsonObject
            {
                ["id"] = Id("PhoneNumbers/main_line"), ["arn"] = Arn("PhoneNumbers/main_line"), ["country_code"] = "GB", ["type"] = "DID", ["description"] = "Main line",
                ["phone_number"] = state.Resources[ResourceAddress.Parse("PhoneNumbers/main_line")].Attributes["PhoneNumber"]!.GetValue<string>(), ["target_arn"] = instance.Arn,
            }, Tags()), key: "main_line")
            .Add("aws_connect_phone_number_contact_flow_association", "main_line", new JsonObject
            {
                ["id"] = $"{Id("PhoneNumbers/main_line")},{instance.Id},{Id("ContactFlows/Main IVR")}", ["phone_number_id"] = Id("PhoneNumbers/main_line"),
                ["instance_id"] = instance.Id, ["contact_flow_id"] = Id("ContactFlows/Main IVR"),
            })
            .Add("aws_connect_user_hierarchy_structure", "this", new JsonObject
            {
                ["id"] = instance.Id, ["instance_id"] = instance.Id,
                ["hierarchy_structure"] = Block(new JsonObject
                {
                    ["level_one"] = Block(new JsonObject { ["name"] = "Division" }), ["level_two"] = Block(new JsonObject { ["name"] = "Team" }), ["level_three"] = new JsonArray(),
                }),
            })
            .Add("aws_connect_user_hierarchy_group", "groups", With(Attrs("HierarchyGroups/Sales", "hierarchy_group_id", new JsonObject { ["name"] = "Sales" }), Tags()), key: "sales")
            .Add("aws_connect_user_hierarchy_group", "groups", With(Attrs("HierarchyGroups/Inside Sales", "hierarchy_group_id", new JsonObject
            {
                ["name"] = "Inside Sales", ["parent_group_id"] = Id("HierarchyGroups/Sales"),
            }), Tags()), key: "inside_sales")
            .Add("aws_connect_user", "users", With(Attrs("Users/john.smith", "user_id", new JsonObject
            {
                ["name"] = "john.smith", ["password"] = Password, ["routing_profile_id"] = Id("RoutingProfiles/Agent Profile"),
                ["security_profile_ids"] = new JsonArray(Id("SecurityProfiles/Agents")), ["hierarchy_group_id"] = Id("HierarchyGroups/Inside Sales"),
                ["identity_info"] = Block(new JsonObject { ["email"] = "john.smith@example.com", ["first_name"] = "John", ["last_name"] = "Smith" }),
                ["phone_config"] = Block(new JsonObject { ["phone_type"] = "SOFT_PHONE", ["auto_accept"] = true, ["after_contact_work_time_limit"] = 30, ["desk_phone_number"] = "" }),
                ["tags"] = new JsonObject { ["Team"] = "sales" },
            }), Tags(("Team", "sales"))), key: "john.smith", sensitive: "password")
            .Add("aws_connect_lambda_function_association", "lambda", new JsonObject
            {
                ["id"] = $"{instance.Id},{Id("LambdaFunctions/lookup")}", ["instance_id"] = instance.Id, ["function_arn"] = Id("LambdaFunctions/lookup"),
            }, key: "lookup")
            .Add("aws_connect_bot_association", "lex", new JsonObject
            {
                ["id"] = $"{instance.Id}:OrderBot:eu-west-2", ["instance_id"] = instance.Id,
                ["lex_bot"] = Block(new JsonObject { ["name"] = "OrderBot", ["lex_region"] = "eu-west-2" }),
            })
            .Add("random_id", "suffix", new JsonObject { ["id"] = "ab12", ["hex"] = "ab12" });
        return b.Bytes();
    }

    private static async Task<string> FlowIdAsync(Workspace ws, string instanceId, string name)
    {
        var flows = await ws.Aws.Connect.ListContactFlowsAsync(new ListContactFlowsRequest { InstanceId = instanceId, MaxResults = 1000 });
        return flows.ContactFlowSummaryList!.Single(f => f.Name == name).Id!;
    }
}
