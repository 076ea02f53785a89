using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConnectOps.Engine.Config;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Permissions;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.Reconcilers.Framework;
using ConnectOps.Engine.State;
using ConnectOps.Hosting;

namespace ConnectOps.Tests.Iam;

/// <summary>
/// Issue 7's acceptance test: the IAM policy of examples/full-contact-center, evaluated against every call the
/// emulator records for a plan, an apply from scratch and a second plan, allows each of them on the resource it acts
/// on, and allows nothing beyond the operations used (the only actions never exercised are the updates and deletes a
/// later change to the config makes). The plan-only (-ReadOnly) policy equals the reads a plan records (plus the
/// lost-claim lookup that plan did not need).
/// Lives here rather than in ConnectOps.Engine.Tests because the example is a .psd1, read with the module's reader.
/// </summary>
public sealed class FullExamplePolicyTests : IClassFixture<ExampleEmulatorFixture>, IAsyncLifetime, IDisposable
{
    private const string Example = "full-contact-center";
    private readonly ExampleEmulatorFixture _emulator;
    private readonly string _work = Path.Combine(Path.GetTempPath(), "connectops-iam-example-" + Guid.NewGuid().ToString("n")[..8]);

    public FullExamplePolicyTests(ExampleEmulatorFixture emulator) => _emulator = emulator;

    public async Task InitializeAsync()
    {
        await _emulator.ResetAsync();
        await ResetCallsAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private ConnectConfig Load()
    {
        string? root = null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null && root is null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "examples", Example))) root = Path.Combine(dir.FullName, "examples", Example);
        }
        Assert.NotNull(root);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file);
            if (relative.StartsWith(".connectops", StringComparison.Ordinal)) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_work, relative))!);
            File.Copy(file, Path.Combine(_work, relative));
        }
        var result = ConfigLoader.Load(Path.Combine(_work, "connectops.psd1"), new PsdConfigReader());
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Errors));
        return result.Config!;
    }

    private async Task<Workspace> OpenAsync(ConnectConfig config)
    {
        var aws = await AwsServicesFactory.CreateAsync(new AwsSettings { Region = config.Region, EndpointUrl = _emulator.Endpoint.ToString() }, CancellationToken.None);
        return new Workspace(config, new LocalStateStore(config.State.Path!), aws, new ExamplesTests.YesHost()) { PollInterval = TimeSpan.FromMilliseconds(5) };
    }

    private async Task ResetCallsAsync() => (await _emulator.Http.PostAsync("/_connectops/calls/reset", null)).EnsureSuccessStatusCode();

    private async Task<List<PolicyRequest>> RecordedRequestsAsync(string account)
    {
        var log = await _emulator.Http.GetFromJsonAsync<JsonObject>("/_connectops/calls/log");
        return log!["Calls"]!.AsArray().SelectMany(c => Requests(c!.AsObject(), account)).ToList();
    }

    // The resource type of each Connect id member inside instance/<id>/ (ARN formats: Service Authorization Reference).
    private static readonly (string Member, string Type)[] SubResources =
    [
        ("QueueId", "queue"), ("RoutingProfileId", "routing-profile"), ("SecurityProfileId", "security-profile"),
        ("HoursOfOperationId", "operating-hours"), ("QuickConnectId", "transfer-destination"), ("ContactFlowId", "contact-flow"),
        ("UserId", "agent"), ("HierarchyGroupId", "agent-group"),
    ];

    /// <summary>
    /// What IAM authorises for one recorded call: its action on the ARN it acts on, derived from the ids the call
    /// carried (independently of the policy builder), plus the dependent actions Connect performs on our behalf.
    /// </summary>
    private static IEnumerable<PolicyRequest> Requests(JsonObject call, string account)
    {
        var key = (string)call["Operation"]!;
        var region = (string)call["Region"]!;
        var ids = call["Identifiers"]!.AsObject();
        string? Id(string name) => ids[name] is JsonValue v ? (string?)v : null;
        var service = key[..key.IndexOf('.', StringComparison.Ordinal)];
        var operation = key[(key.IndexOf('.', StringComparison.Ordinal) + 1)..];
        var connect = $"arn:aws:connect:{region}:{account}";
        switch (service)
        {
            case "STS":
                yield break; // GetCallerIdentity needs no permission
            case "Connect":
            {
                var action = "connect:" + operation;
                var instance = Id("InstanceId") is { } iid ? $"{connect}:instance/{iid}" : null;
                string resource;
                if (Id("resourceArn") is { } tagged) resource = tagged;
                else if (Id("PhoneNumberId") is { } number) resource = $"{connect}:phone-number/{number}";
                else if (instance is not null && SubResources.FirstOrDefault(s => Id(s.Member) is not null) is { Member: not null } sub)
                    resource = $"{instance}/{sub.Type}/{Id(sub.Member)!.Split('/')[^1].Split(':')[0]}";
                else resource = instance ?? Id("TargetArn") ?? "*";
                yield return new PolicyRequest(action, resource);
                if (operation == "CreateInstance")
                {
                    yield return new PolicyRequest("ds:CreateDirectory", "*");
                    yield return new PolicyRequest("iam:CreateServiceLinkedRole", $"arn:aws:iam::{account}:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect_Example");
                }
                if (operation == "AssociateLambdaFunction") yield return new PolicyRequest("lambda:AddPermission", Id("FunctionArn")!);
                if (operation == "AssociateLexBot") yield return new PolicyRequest("lex:GetBot", $"arn:aws:lex:{Id("LexBot.LexRegion")}:{account}:bot:{Id("LexBot.Name")}");
                if (operation == "AssociateBot")
                {
                    yield return new PolicyRequest("lex:CreateResourcePolicy", Id("LexV2Bot.AliasArn")!);
                    yield return new PolicyRequest("lex:DescribeBotAlias", Id("LexV2Bot.AliasArn")!);
                }
                yield break;
            }
            case "IAM":
                yield return new PolicyRequest("iam:" + operation, $"arn:aws:iam::{account}:role/{Id("RoleName")}");
                yield break;
            case "Logs":
                yield return new PolicyRequest("logs:" + operation,
                    Id("resourceArn") ?? (Id("logGroupName") is { } group ? $"arn:aws:logs:{region}:{account}:log-group:{group}:*" : $"arn:aws:logs:{region}:{account}:log-group:*"));
                yield break;
            case "SecretsManager":
                var secret = Id("SecretId")!;
                yield return new PolicyRequest("secretsmanager:" + operation,
                    secret.StartsWith("arn:", StringComparison.Ordinal) ? secret : $"arn:aws:secretsmanager:{region}:{account}:secret:{secret}-Ab12Cd");
                yield break;
            default:
                throw new InvalidOperationException($"The test does not know how IAM authorises {key}.");
        }
    }

    private static string Describe(IEnumerable<PolicyRequest> requests) => string.Join(Environment.NewLine, requests.Select(r => $"  {r.Action} on {r.Resource}"));

    [Fact]
    public async Task Policy_allows_every_call_of_plan_and_apply_on_its_resource_and_no_operation_beyond_them()
    {
        var config = Load();
        foreach (var secret in config.Users.Select(u => u.PasswordSecret).OfType<string>().Distinct(StringComparer.Ordinal))
            await _emulator.CreateSecretAsync(config.Region!, secret, "Example-Passw0rd");

        string account;
        using (var ws = await OpenAsync(config)) account = ws.Aws.AccountId;
        var options = new PolicyRequestOptions { AccountId = account, Region = config.Region! };
        var bootstrap = LeastPrivilegePolicy.Build(config, state: null, options);

        await ResetCallsAsync();
        using (var ws = await OpenAsync(config))
        {
            var plan = await ws.PlanAsync(new PlanScope(), CancellationToken.None);
            var result = await ws.ApplyAsync(plan, new PlanScope(), new ApplyOptions(), CancellationToken.None);
            Assert.True(result.Failed == 0 && result.Skipped == 0, string.Join(Environment.NewLine, result.Outcomes.Where(o => o.Status != ChangeStatus.Succeeded).Select(o => $"{o.Address} {o.Status}: {o.Message}")));
        }
        using (var ws = await OpenAsync(config))
        {
            Assert.True((await ws.PlanAsync(new PlanScope(), CancellationToken.None)).IsEmpty);
        }
        var applied = await RecordedRequestsAsync(account);
        Assert.Contains(applied, r => r.Action == "connect:CreateInstance");

        var denied = PolicyEvaluator.Denied(bootstrap, applied);
        Assert.True(denied.Count == 0, "The policy denies calls that plan and apply made:" + Environment.NewLine + Describe(denied));

        // Nothing beyond the operations used: what the run never exercised is only what a later config change makes
        // (updates, deletes, tag changes, more routing-profile queues than a create takes) or what Connect does on its
        // own behalf when creating an instance or associating a bot (directory and service-linked role actions).
        var used = applied.Select(r => r.Action).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unexercised = bootstrap.Actions.Where(a => !used.Contains(a)).ToList();
        var unexplained = unexercised.Where(a => !Regex.IsMatch(a, "^[a-z]+:(Update|Delete|Disassociate|Untag|Detach|Release|TagResource|TagRole|AssociateRoutingProfileQueues|PutRolePolicy|AttachRolePolicy|UpdateResourcePolicy|RemovePermission|CheckAlias|CreateAlias|CreateIdentityPoolDirectory|AuthorizeApplication|UnauthorizeApplication|DescribeDirectories)")).ToList();
        Assert.True(unexplained.Count == 0, "The policy allows operations plan and apply of this config never make: " + string.Join(", ", unexplained));

        // With state, everything in Connect is scoped to this instance (or its account's phone numbers).
        var state = (await new LocalStateStore(config.State.Path!).ReadAsync())!.Document;
        var scoped = LeastPrivilegePolicy.Build(config, state, options);
        var instanceArn = state.Instance!.Arn;
        foreach (var statement in scoped.Statements.Where(s => s.Actions.Any(a => a.StartsWith("connect:", StringComparison.Ordinal))))
        {
            foreach (var resource in statement.Resources)
            {
                var ok = resource.StartsWith(instanceArn, StringComparison.Ordinal)
                    || resource == $"arn:aws:connect:{config.Region}:{account}:phone-number/*"
                    || resource == "*" && statement.Actions.All(a => a is "connect:SearchAvailablePhoneNumbers" or "connect:ListPhoneNumbersV2");
                Assert.True(ok, $"{statement.Sid} allows {string.Join(", ", statement.Actions)} on {resource}, beyond instance {instanceArn}");
            }
        }
        Assert.DoesNotContain("connect:CreateInstance", scoped.Actions);
        Assert.Empty(PolicyEvaluator.Denied(scoped, applied.Where(r => r.Action is not ("connect:CreateInstance" or "connect:ListInstances" or "ds:CreateDirectory" or "iam:CreateServiceLinkedRole"))));

        // A plan with state needs exactly the plan-only policy's actions, all allowed on their resources.
        await ResetCallsAsync();
        using (var ws = await OpenAsync(config))
        {
            Assert.True((await ws.PlanAsync(new PlanScope(), CancellationToken.None)).IsEmpty);
        }
        var planned = await RecordedRequestsAsync(account);
        var readOnly = LeastPrivilegePolicy.Build(config, state, options with { ReadOnly = true });
        Assert.Empty(PolicyEvaluator.Denied(readOnly, planned));
        Assert.Empty(PolicyEvaluator.Denied(scoped, planned));
        // The one read a plan makes only sometimes: DescribePhoneNumber, when a number the config claims is missing from
        // state (a claim whose response was lost); this plan, with every number in state, did not need it.
        Assert.Equal(planned.Select(r => r.Action).Append("connect:DescribePhoneNumber").Distinct().Order(StringComparer.Ordinal), readOnly.Actions);
    }
}
