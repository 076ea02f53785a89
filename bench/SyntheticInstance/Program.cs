// A synthetic contact centre (1,000 users, 100 queues, 30 routing profiles, 15 security profiles, 150 flows,
// 20 quick connects, 20 hierarchy groups, 10 numbers) applied to an in-process emulator with its resource quotas
// off, then measured: the API calls of one plan per operation against the bulk-read floor, the plan's wall time
// under Connect's default rate limits against the quota floor, the calls of Export-ConnectConfig of the instance
// (and that a plan of the export with its state is empty), and the apply time of 200 more users against the
// CreateUser floor. Prints figures; it is not a test.
//
//   dotnet run -c Release --project bench/SyntheticInstance [-- --users 1000 --more-users 200 --plans 3]   (--more-users 0: stop after the export)
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectOps.Aws.RateLimiting;
using ConnectOps.Emulator;
using ConnectOps.Engine.Abstractions;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Config;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Export;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.Reconcilers;
using ConnectOps.Engine.Reconcilers.Framework;
using ConnectOps.Engine.State;

var users = IntArg(args, "--users", 1000);
var moreUsers = IntArg(args, "--more-users", 200);
var plans = IntArg(args, "--plans", 3);
var work = Path.Combine(Path.GetTempPath(), "connectops-bench-" + Guid.NewGuid().ToString("n")[..8]);
Directory.CreateDirectory(work);
Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDBENCH");
Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "bench-secret");
Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", "/nonexistent/aws-config");
Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials");

await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, ResourceQuotas = "off", RateLimits = "off", AsyncPolls = 1, Seed = 5 });
using var admin = new HttpClient { BaseAddress = server.BaseAddress };
var registered = ReconcilerRegistry.All.Select(r => r.Component).ToHashSet();
Console.WriteLine($"Emulator {server.BaseAddress} (resource quotas off); work folder {work}");
Console.WriteLine($"Reconcilers registered: {string.Join(", ", registered)}");
var absent = Enum.GetValues<Component>().Where(c => !registered.Contains(c)).ToList();
if (absent.Count > 0) Console.WriteLine($"NOT registered yet (left out of plan and apply): {string.Join(", ", absent)}");

// ---- 1. Generate and apply the instance (client and emulator limits off: this is setup, not measured) ----
var config = Synthetic.Config(work, users);
var path = Path.Combine(work, "connectops.json");
File.WriteAllText(path, config.ToJsonString());
var loaded = Synthetic.Load(path);
var fast = ConnectOps.Aws.Connect.ConnectOperations.All.ToDictionary(o => o.Name, _ => (10_000.0, 10_000), StringComparer.Ordinal);
var sw = Stopwatch.StartNew();
using (var ws = await Synthetic.OpenAsync(loaded, server.BaseAddress, fast, maxParallel: 16))
{
    var setup = await ws.ApplyAsync(null, new PlanScope(), new ApplyOptions(), CancellationToken.None);
    Console.WriteLine($"Setup apply: {setup.Summary} in {sw.Elapsed.TotalSeconds:F1} s");
    foreach (var failed in setup.Outcomes.Where(o => o.Status == ChangeStatus.Failed).Take(5)) Console.WriteLine($"  failed: {failed.Address}: {failed.Message}");
}

// ---- 2. One plan under Connect's default quotas, client and emulator alike ----
// The admin endpoint takes PascalCase members (PostAsJsonAsync would camel-case them).
(await admin.PostAsync("/_connectops/config", JsonContent.Create(new { RateLimits = "aws-default" }, options: new JsonSerializerOptions()))).EnsureSuccessStatusCode();
await Task.Delay(TimeSpan.FromSeconds(6)); // let the emulator's buckets fill, as after an idle period
Plan plan = null!;
var planTimes = new List<double>();
var throttledPerPlan = new List<string>();
for (var run = 0; run < plans; run++)
{
    if (run > 0) await Task.Delay(TimeSpan.FromSeconds(6));
    (await admin.PostAsync("/_connectops/calls/reset", null)).EnsureSuccessStatusCode();
    sw.Restart();
    // A new workspace per plan: fresh client buckets, as a new PowerShell command would have.
    using var ws = await Synthetic.OpenAsync(loaded, server.BaseAddress, null, maxParallel: 8);
    plan = await ws.PlanAsync(new PlanScope(), CancellationToken.None);
    planTimes.Add(sw.Elapsed.TotalSeconds);
    throttledPerPlan.Add(await Synthetic.ThrottledAsync(admin));
}
var planSeconds = planTimes.Order().ElementAt(planTimes.Count / 2);
var throttled = string.Join("; ", throttledPerPlan);
Console.WriteLine($"Plan wall times: {string.Join(", ", planTimes.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))} s (median {planSeconds:F2} s)");
Console.WriteLine();
Console.WriteLine($"Plan after apply: {(plan.IsEmpty ? "empty" : $"{plan.Changes.Count(c => c.IsWrite())} changes")}; {plan.Statistics.TotalApiCalls} API calls; median {planSeconds:F2} s");
if (!plan.IsEmpty)
{
    foreach (var c in plan.Changes.Where(c => c.IsWrite()).Take(10)) Console.WriteLine($"  {c.Action} {c.Address}: {string.Join(", ", c.Diffs.Select(d => d.Path))}");
}
var floor = Synthetic.PrintCalls(plan.Statistics.ApiCalls);
var bulkFloor = Synthetic.BulkReadFloor(loaded, registered);
Console.WriteLine($"Calls: {plan.Statistics.TotalApiCalls} vs bulk-read floor {bulkFloor} (ratio {(double)plan.Statistics.TotalApiCalls / bulkFloor:F2}; the issue's estimate for the full instance: ~170; Terraform: ~1,600)");
Console.WriteLine($"Wall time: {planSeconds:F2} s vs quota floor {floor:F2} s (ratio {planSeconds / Math.Max(floor, 0.001):F2})");
Console.WriteLine($"Throttled by the emulator, per plan: {throttled} (ConnectOps' own limiter should keep this at 0; the SDK's retries absorb it)");

// ---- 3. Export-ConnectConfig of the instance under the default quotas, and a plan of the export with its state ----
await Task.Delay(TimeSpan.FromSeconds(6));
(await admin.PostAsync("/_connectops/calls/reset", null)).EnsureSuccessStatusCode();
sw.Restart();
ExportResult export;
using (var aws = await AwsServicesFactory.CreateAsync(new AwsSettings { Region = loaded.Region, EndpointUrl = server.BaseAddress.ToString() }, CancellationToken.None))
{
    export = await ConfigExporter.ExportAsync(aws, new Synthetic.QuietHost(), new ExportOptions { InstanceId = plan.Changes.First(c => c.Address.Component == Component.Instance).Id, WithState = true }, CancellationToken.None);
}
var exportSeconds = sw.Elapsed.TotalSeconds;
var exportCalls = await Synthetic.CallsAsync(admin);
var exportThrottled = await Synthetic.ThrottledAsync(admin);
Console.WriteLine();
// The emulator counts every request it served, the throttled ones (retried by the SDK) included.
Console.WriteLine($"Export of the instance: {export.Counts.Values.Sum()} resources, {export.FlowFiles.Count} flow files, in {exportSeconds:F2} s; " +
                  $"{exportCalls.Values.Sum()} requests served (throttled and retried: {exportThrottled})");
var exportFloor = Synthetic.PrintCalls(exportCalls);
Console.WriteLine($"Export wall time: {exportSeconds:F2} s vs quota floor {exportFloor:F2} s; plan of the same instance: {plan.Statistics.TotalApiCalls} calls");
var exportFolder = Path.Combine(work, "export");
Directory.CreateDirectory(exportFolder);
var exportedConfig = (JsonObject)export.Config.DeepClone();
exportedConfig["State"] = new JsonObject { ["Backend"] = "Local" };
File.WriteAllText(Path.Combine(exportFolder, "connectops.json"), exportedConfig.ToJsonString());
foreach (var file in export.FlowFiles)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(exportFolder, file.RelativePath))!);
    File.WriteAllText(Path.Combine(exportFolder, file.RelativePath), file.Text);
}
var exportedLoaded = Synthetic.Load(Path.Combine(exportFolder, "connectops.json"));
await new LocalStateStore(exportedLoaded.State.Path!).WriteAsync(export.State!, null);
await Task.Delay(TimeSpan.FromSeconds(6));
using (var ws = await Synthetic.OpenAsync(exportedLoaded, server.BaseAddress, null, maxParallel: 8))
{
    var exportPlan = await ws.PlanAsync(new PlanScope(), CancellationToken.None);
    Console.WriteLine($"Plan of the export with its state: {(exportPlan.IsEmpty ? "empty" : $"{exportPlan.Changes.Count(c => c.IsWrite())} changes")}");
    foreach (var c in exportPlan.Changes.Where(c => c.IsWrite()).Take(10)) Console.WriteLine($"  {c.Action} {c.Address}: {string.Join(", ", c.Diffs.Select(d => d.Path))}");
}

// ---- 4. Apply 200 more users under the default quotas ----
if (moreUsers <= 0) return;
if (!registered.Contains(Component.Users))
{
    Console.WriteLine();
    Console.WriteLine("Users reconciler not registered yet: the 200-user apply is skipped.");
    return;
}
Synthetic.AddUsers(config, users, moreUsers);
File.WriteAllText(path, config.ToJsonString());
loaded = Synthetic.Load(path);
await Task.Delay(TimeSpan.FromSeconds(6));
(await admin.PostAsync("/_connectops/calls/reset", null)).EnsureSuccessStatusCode();
ApplyResult result;
sw.Restart();
using (var ws = await Synthetic.OpenAsync(loaded, server.BaseAddress, null, maxParallel: 8))
{
    result = await ws.ApplyAsync(null, new PlanScope(), new ApplyOptions(), CancellationToken.None);
}
var applySeconds = sw.Elapsed.TotalSeconds;
var createUser = RateLimitDefaults.For("connect", "CreateUser");
var createFloor = Math.Max(0, (moreUsers - createUser.Burst) / createUser.RatePerSecond);
Console.WriteLine();
Console.WriteLine($"Apply of {moreUsers} users: {result.Summary} in {applySeconds:F1} s; throttled {await Synthetic.ThrottledAsync(admin)}");
var applyFloor = Synthetic.PrintCalls(result.Statistics.ApiCalls);
Console.WriteLine($"CreateUser floor ({moreUsers} at {createUser}): {createFloor:F1} s; apply / floor = {applySeconds / createFloor:F2} " +
                  $"(floor of all its calls, reads included: {applyFloor:F1} s; ratio {applySeconds / Math.Max(applyFloor, 0.001):F2})");
foreach (var failed in result.Outcomes.Where(o => o.Status == ChangeStatus.Failed).Take(5)) Console.WriteLine($"  failed: {failed.Address}: {failed.Message}");

static int IntArg(string[] args, string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

internal static class Synthetic
{
    private static readonly string[] Permissions =
    [
        "BasicAgentAccess", "OutboundCallAccess", "ListenCallRecordings", "ContactSearchView", "MetricsReports.Access",
        "RealTimeMetrics.View", "Queues.View", "Users.View", "RoutingPolicies.View", "ContactFlows.View",
    ];

    private static readonly string[] FlowTypes = ["CONTACT_FLOW", "CUSTOMER_QUEUE", "CUSTOMER_HOLD", "CUSTOMER_WHISPER", "AGENT_WHISPER", "OUTBOUND_WHISPER"];

    public static JsonObject Config(string folder, int users)
    {
        var hours = new JsonArray();
        for (var i = 1; i <= 5; i++)
        {
            hours.Add(new JsonObject
            {
                ["Name"] = $"Hours {i}", ["TimeZone"] = "Europe/London",
                ["Config"] = new JsonArray(new[] { "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY" }
                    .Select(d => (JsonNode)new JsonObject { ["Day"] = d, ["Start"] = $"{7 + i:00}:00", ["End"] = "18:00" }).ToArray()),
            });
        }

        var queues = new JsonArray();
        for (var i = 1; i <= 100; i++)
        {
            var q = new JsonObject { ["Name"] = $"Q{i:000}", ["HoursOfOperation"] = $"Hours {1 + (i % 5)}", ["MaxContacts"] = 10 + i, ["Description"] = $"Queue {i}" };
            if (i <= 10) q["QuickConnects"] = new JsonArray($"qc{i:00}", $"qc{i + 10:00}");
            queues.Add(q);
        }

        var profiles = new JsonArray();
        for (var i = 1; i <= 30; i++)
        {
            profiles.Add(new JsonObject
            {
                ["Name"] = $"RP{i:00}", ["DefaultOutboundQueue"] = $"Q{i:000}",
                ["MediaConcurrencies"] = new JsonArray(new JsonObject { ["Channel"] = "VOICE", ["Concurrency"] = 1 }, new JsonObject { ["Channel"] = "CHAT", ["Concurrency"] = 2 }),
                ["QueueConfigs"] = new JsonArray(Enumerable.Range(0, 4).Select(k => (JsonNode)new JsonObject
                {
                    ["Queue"] = $"Q{1 + ((i * 3 + k) % 100):000}", ["Channel"] = k % 2 == 0 ? "VOICE" : "CHAT", ["Priority"] = 1 + k, ["Delay"] = 0,
                }).ToArray()),
            });
        }

        var security = new JsonArray();
        for (var i = 1; i <= 15; i++)
        {
            security.Add(new JsonObject { ["Name"] = $"SP{i:00}", ["Permissions"] = new JsonArray(Permissions.Take(2 + (i % 8)).Select(p => (JsonNode)p).ToArray()) });
        }

        var quickConnects = new JsonObject();
        for (var i = 1; i <= 20; i++)
        {
            quickConnects[$"qc{i:00}"] = (i % 4) switch
            {
                0 => new JsonObject { ["Name"] = $"QC {i}", ["Type"] = "USER", ["User"] = $"agent{i:0000}" },
                1 => new JsonObject { ["Name"] = $"QC {i}", ["Type"] = "PHONE_NUMBER", ["PhoneNumber"] = $"+4420794600{i:00}" },
                _ => new JsonObject { ["Name"] = $"QC {i}", ["Type"] = "QUEUE", ["Queue"] = $"Q{i + 20:000}" },
            };
        }

        var groups = new JsonArray();
        for (var i = 1; i <= 4; i++) groups.Add(new JsonObject { ["Name"] = $"Division {i}" });
        for (var i = 1; i <= 8; i++) groups.Add(new JsonObject { ["Name"] = $"Team {i}", ["Parent"] = $"Division {1 + (i % 4)}" });
        for (var i = 1; i <= 8; i++) groups.Add(new JsonObject { ["Name"] = $"Pod {i}", ["Parent"] = $"Team {i}" });

        var numbers = new JsonObject();
        for (var i = 1; i <= 10; i++)
        {
            numbers[$"line{i:00}"] = new JsonObject { ["CountryCode"] = i % 2 == 0 ? "US" : "GB", ["Type"] = "DID", ["ContactFlow"] = $"Flow {i:000}", ["Description"] = $"Line {i}" };
        }

        var flows = new JsonArray();
        Directory.CreateDirectory(Path.Combine(folder, "flows"));
        for (var i = 1; i <= 150; i++)
        {
            var type = i <= 30 ? "CONTACT_FLOW" : FlowTypes[i % FlowTypes.Length];
            var file = $"flows/flow-{i:000}.json";
            File.WriteAllText(Path.Combine(folder, file), Flow(i, type).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            flows.Add(new JsonObject { ["Name"] = $"Flow {i:000}", ["Type"] = type, ["Path"] = "./" + file });
        }

        var config = new JsonObject
        {
            ["Region"] = "eu-west-2",
            ["Instance"] = new JsonObject
            {
                ["Alias"] = "bench-synthetic", ["IdentityManagementType"] = "SAML", ["InboundCallsEnabled"] = true, ["OutboundCallsEnabled"] = true,
                ["ContactFlowLogsEnabled"] = true, ["LogRetentionDays"] = 7,
            },
            ["Tags"] = new JsonObject { ["ManagedBy"] = "connectops", ["Bench"] = "synthetic" },
            ["HoursOfOperation"] = hours,
            ["Queues"] = queues,
            ["RoutingProfiles"] = profiles,
            ["SecurityProfiles"] = security,
            ["QuickConnects"] = quickConnects,
            ["PhoneNumbers"] = numbers,
            ["ContactFlows"] = flows,
            ["HierarchyStructure"] = new JsonArray("Division", "Team", "Pod"),
            ["HierarchyGroups"] = groups,
            ["Users"] = new JsonArray(),
            ["LambdaFunctions"] = new JsonObject { ["lookup"] = new JsonObject { ["FunctionArn"] = "arn:aws:lambda:eu-west-2:123456789012:function:Lookup" } },
            ["LexBots"] = new JsonArray(new JsonObject { ["Name"] = "Assistant", ["AliasArn"] = "arn:aws:lex:eu-west-2:123456789012:bot-alias/BENCHBOT01/BENCHALIAS" }),
        };
        AddUsers(config, 0, users);
        return config;
    }

    public static void AddUsers(JsonObject config, int from, int count)
    {
        var list = config["Users"]!.AsArray();
        for (var i = from + 1; i <= from + count; i++)
        {
            list.Add(new JsonObject
            {
                ["Username"] = $"agent{i:0000}", ["FirstName"] = "Agent", ["LastName"] = $"{i:0000}", ["Email"] = $"agent{i:0000}@example.com",
                ["RoutingProfile"] = $"RP{1 + (i % 30):00}", ["SecurityProfiles"] = new JsonArray($"SP{1 + (i % 15):00}"),
                ["HierarchyGroup"] = $"Pod {1 + (i % 8)}",
            });
        }
    }

    /// <summary>A flow of the type's usual shape; contact flows route to a queue and some transfer to another flow.</summary>
    private static JsonObject Flow(int i, string type)
    {
        JsonArray Errors(string next) => new(new JsonObject { ["ErrorType"] = "NoMatchingError", ["NextAction"] = next });
        var actions = new JsonArray
        {
            new JsonObject { ["Identifier"] = "greet", ["Type"] = "MessageParticipant", ["Parameters"] = new JsonObject { ["Text"] = $"Flow {i}" },
                ["Transitions"] = new JsonObject { ["NextAction"] = type == "CONTACT_FLOW" ? "queue" : "end", ["Errors"] = Errors("end") } },
        };
        if (type == "CONTACT_FLOW")
        {
            actions.Add(new JsonObject { ["Identifier"] = "queue", ["Type"] = "UpdateContactTargetQueue", ["Parameters"] = new JsonObject { ["QueueId"] = $"${{Queues/Q{1 + (i % 100):000}}}" },
                ["Transitions"] = new JsonObject { ["NextAction"] = i % 5 == 0 ? "next" : "transfer", ["Errors"] = Errors("end") } });
            if (i % 5 == 0)
                actions.Add(new JsonObject { ["Identifier"] = "next", ["Type"] = "TransferToFlow", ["Parameters"] = new JsonObject { ["ContactFlowId"] = $"${{ContactFlows/Flow {1 + (i % 30):000}}}" },
                    ["Transitions"] = new JsonObject { ["Errors"] = Errors("end") } });
            actions.Add(new JsonObject { ["Identifier"] = "transfer", ["Type"] = "TransferContactToQueue", ["Parameters"] = new JsonObject(),
                ["Transitions"] = new JsonObject { ["NextAction"] = "end", ["Errors"] = Errors("end") } });
            actions.Add(new JsonObject { ["Identifier"] = "end", ["Type"] = "DisconnectParticipant", ["Parameters"] = new JsonObject(), ["Transitions"] = new JsonObject() });
        }
        else
        {
            actions.Add(new JsonObject { ["Identifier"] = "end", ["Type"] = "EndFlowExecution", ["Parameters"] = new JsonObject(), ["Transitions"] = new JsonObject() });
        }
        return new JsonObject { ["Version"] = "2019-10-30", ["StartAction"] = "greet", ["Actions"] = actions };
    }

    public static ConnectConfig Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var result = ConfigBinder.Bind(Node(doc.RootElement, path), path);
        if (!result.Success) throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors.Take(20)));
        return result.Config!;
    }

    private static ConfigNode Node(JsonElement e, string file)
    {
        var pos = new SourcePosition(file, 1, 1);
        return e.ValueKind switch
        {
            JsonValueKind.Object => new ConfigMap(pos, e.EnumerateObject().Select(p => new ConfigMapEntry(p.Name, pos, Node(p.Value, file)))),
            JsonValueKind.Array => new ConfigList(pos, e.EnumerateArray().Select(i => Node(i, file))),
            JsonValueKind.String => ConfigScalar.String(pos, e.GetString()!),
            JsonValueKind.Number when e.TryGetInt64(out var l) => ConfigScalar.Integer(pos, l),
            JsonValueKind.Number => ConfigScalar.Double(pos, e.GetDouble()),
            JsonValueKind.True => ConfigScalar.Boolean(pos, true),
            JsonValueKind.False => ConfigScalar.Boolean(pos, false),
            _ => ConfigScalar.Null(pos),
        };
    }

    public static async Task<Workspace> OpenAsync(ConnectConfig config, Uri endpoint, IReadOnlyDictionary<string, (double, int)>? rateLimits, int maxParallel)
    {
        var settings = new AwsSettings { Region = config.Region, EndpointUrl = endpoint.ToString(), RateLimits = rateLimits ?? new Dictionary<string, (double, int)>() };
        var aws = await AwsServicesFactory.CreateAsync(settings, CancellationToken.None);
        return new Workspace(config, new LocalStateStore(config.State.Path!), aws, new QuietHost()) { PollInterval = TimeSpan.FromMilliseconds(20), MaxParallel = maxParallel };
    }

    /// <summary>Calls the emulator served per "Service.Operation" since the last reset.</summary>
    public static async Task<Dictionary<string, int>> CallsAsync(HttpClient admin)
    {
        var doc = await admin.GetFromJsonAsync<JsonObject>("/_connectops/calls");
        return (doc?["Calls"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value!.GetValue<int>(), StringComparer.Ordinal);
    }

    /// <summary>How many calls the emulator answered with ThrottlingException, with the operations ("3 (Connect.X=2, ...)").</summary>
    public static async Task<string> ThrottledAsync(HttpClient admin)
    {
        var doc = await admin.GetFromJsonAsync<JsonObject>("/_connectops/calls");
        var throttled = (doc?["Throttled"] as JsonObject ?? []).Select(p => (p.Key, N: p.Value!.GetValue<int>())).Where(p => p.N > 0).ToList();
        var total = throttled.Sum(p => p.N);
        return total == 0 ? "0" : $"{total} ({string.Join(", ", throttled.Select(p => $"{p.Key}={p.N}"))})";
    }

    /// <summary>
    /// Prints calls per operation with each one's floor (time to make n calls from a full bucket: (n - burst) / rate)
    /// and returns the largest: different operations have separate quotas and run concurrently.
    /// </summary>
    public static double PrintCalls(IReadOnlyDictionary<string, int> calls)
    {
        Console.WriteLine($"  {"Operation",-44} {"Calls",6} {"Quota",-18} {"Floor s",8}");
        var floor = 0.0;
        foreach (var (op, n) in calls.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var parts = op.Split('.', 2);
            var limit = RateLimitDefaults.For(parts[0], parts[1]);
            var f = Math.Max(0, (n - limit.Burst) / limit.RatePerSecond);
            floor = Math.Max(floor, f);
            Console.WriteLine($"  {op,-44} {n,6} {limit.ToString(),-18} {f,8:F2}");
        }
        return floor;
    }

    /// <summary>
    /// The fewest calls a plan of this config can make: one per Search/List page plus one per parent for the
    /// association lists the config manages (as the issue counts them), for the registered components.
    /// </summary>
    public static int BulkReadFloor(ConnectConfig config, IReadOnlySet<Component> registered)
    {
        static int Pages(int items, int perPage) => Math.Max(1, (items + perPage - 1) / perPage);
        var total = 0;
        if (registered.Contains(Component.Instance)) total += 1 + Pages(13, 7); // DescribeInstance, ListInstanceAttributes
        if (registered.Contains(Component.Iam) && config.Instance.IamPolicyArn is not null) total += 3; // GetRole, ListAttachedRolePolicies, ListRoleTags
        if (registered.Contains(Component.Logging) && config.Instance.ContactFlowLogsEnabled == true) total += 2; // DescribeLogGroups, ListTagsForResource
        if (registered.Contains(Component.HoursOfOperation)) total += Pages(config.HoursOfOperation.Count + 1, 100);
        if (registered.Contains(Component.Queues)) total += Pages(config.Queues.Count + 1, 500) + config.Queues.Count(q => q.QuickConnects.Count > 0);
        if (registered.Contains(Component.RoutingProfiles)) total += Pages(config.RoutingProfiles.Count + 1, 500) + config.RoutingProfiles.Count;
        if (registered.Contains(Component.SecurityProfiles)) total += Pages(config.SecurityProfiles.Count + 4, 100) + config.SecurityProfiles.Count;
        if (registered.Contains(Component.QuickConnects)) total += Pages(config.QuickConnects.Count, 100);
        if (registered.Contains(Component.PhoneNumbers)) total += Pages(config.PhoneNumbers.Count, 1000) + Pages(config.PhoneNumbers.Count, 1000);
        if (registered.Contains(Component.ContactFlows)) total += Pages(config.ContactFlows.Count + 8, 100);
        if (registered.Contains(Component.HierarchyStructure)) total += 1;
        if (registered.Contains(Component.HierarchyGroups)) total += Pages(config.HierarchyGroups.Count, 100);
        if (registered.Contains(Component.Users)) total += Pages(config.Users.Count, 500);
        if (registered.Contains(Component.LambdaFunctions)) total += Pages(config.LambdaFunctions.Count, 25);
        if (registered.Contains(Component.LexBots)) total += 2;
        return total;
    }

    internal sealed class QuietHost : IHost
    {
        public CancellationToken CancellationToken => CancellationToken.None;
        public bool ShouldProcess(string target, string action, string renderedDiff) => true;
        public void WriteVerbose(string message) { }
        public void WriteWarning(string message) => Console.WriteLine("warning: " + message);
        public void WriteDebug(string message) { }
        public void PostProgress(ProgressEvent progress) { }
    }
}
