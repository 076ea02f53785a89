using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectOps.Aws.Connect;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Engine.Tests.Reconcilers;

/// <summary>
/// Users against the emulator: create with a password from Secrets Manager that never reaches state, each
/// facet's call, the AdminUser defaults, delete before what they use, import, and renames refused without leave.
/// </summary>
public sealed class UsersTests(EmulatorFixture emulator) : ComponentTestBase(emulator)
{
    private const string JohnPassword = "Corr3ct-Horse-Battery";
    private const string AdminPassword = "Adm1n-Initial-Pass";

    private static JsonObject Config(string alias)
    {
        var config = Harness.BasicConfig(alias);
        config["SecurityProfiles"] = Json("""[ { "Name": "Supervisors", "Permissions": [ "BasicAgentAccess", "AgentsMonitor.View" ] } ]""");
        config["RoutingProfiles"] = Json("""
            [ { "Name": "Agents", "DefaultOutboundQueue": "CustomerService", "MediaConcurrencies": [ { "Channel": "VOICE", "Concurrency": 1 } ],
                "QueueConfigs": [ { "Queue": "CustomerService", "Channel": "VOICE", "Priority": 1 } ] } ]
            """);
        config["HierarchyStructure"] = Json("""[ "Division", "Team" ]""");
        config["HierarchyGroups"] = Json("""[ { "Name": "Sales" }, { "Name": "Inside Sales", "Parent": "Sales" } ]""");
        config["Users"] = Json("""
            [ { "Username": "john.smith", "FirstName": "John", "LastName": "Smith", "Email": "john.smith@example.com",
                "RoutingProfile": "Agents", "SecurityProfiles": [ "Agent", "Supervisors" ], "HierarchyGroup": "Inside Sales",
                "PasswordSecret": "connectops/users/john", "Tags": { "Team": "sales" } } ]
            """);
        return config;
    }

    private static JsonObject John(JsonObject config) => config["Users"]![0]!.AsObject();

    private async Task<Harness> NewAsync(string alias, JsonObject? config = null)
    {
        await Emulator.CreateSecretAsync("connectops/users/john", JsonSerializer.Serialize(new { username = "john.smith", password = JohnPassword }));
        await Emulator.CreateSecretAsync("connectops/users/admin", AdminPassword);
        return new Harness(Emulator, config ?? Config(alias));
    }

    private static async Task<UserSearchSummary> LiveUserAsync(Harness h, string username)
    {
        using var ws = await h.OpenAsync();
        var users = await ws.Aws.Connect.SearchUsersAsync(new SearchUsersRequest { InstanceId = (await h.StateAsync()).Instance!.Id });
        return Assert.Single(users.Users!, u => u.Username == username);
    }

    private static async Task<string> IdAsync(Harness h, string address) => (await ResourceAsync(h, address)).Id;

    [Fact]
    public async Task A_user_is_created_in_one_call_with_the_password_from_its_secret_which_never_reaches_state_plan_or_log()
    {
        using var h = await NewAsync("user-create");
        var plan = await h.PlanAsync();
        Assert.Equal(ChangeAction.Create, Single(plan, "Users/john.smith").Action);
        var planText = PlanFile.Serialize(plan) + PlanRenderer.Render(plan);

        var requests = new ConcurrentQueue<object>();
        var result = await ApplyRecordingAsync(h, requests);
        Assert.Equal(0, result.Failed);

        var create = Assert.Single(requests.OfType<CreateUserRequest>());
        Assert.Equal(JohnPassword, create.Password);
        Assert.Equal(("john.smith@example.com", "John", "Smith"), (create.IdentityInfo!.Email, create.IdentityInfo.FirstName, create.IdentityInfo.LastName));
        Assert.Equal(1, (await Emulator.CallsAsync())["Connect.CreateUser"]);
        Assert.Equal(1, (await Emulator.CallsAsync())["SecretsManager.GetSecretValue"]);

        var live = await LiveUserAsync(h, "john.smith");
        Assert.Equal(await IdAsync(h, "RoutingProfiles/Agents"), live.RoutingProfileId);
        Assert.Equal(await IdAsync(h, "HierarchyGroups/Inside Sales"), live.HierarchyGroupId);
        Assert.Equal(2, live.SecurityProfileIds!.Count);
        Assert.Contains(await IdAsync(h, "SecurityProfiles/Supervisors"), live.SecurityProfileIds);

        var stateText = await File.ReadAllTextAsync(Path.Combine(h.Folder, ".connectops", "state.json"));
        Assert.DoesNotContain(JohnPassword, stateText, StringComparison.Ordinal);
        Assert.DoesNotContain(JohnPassword, planText, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Host.Verbose.Concat(h.Host.Warnings), m => m.Contains(JohnPassword, StringComparison.Ordinal));
        Assert.Contains(live.Id!, (await h.StateAsync()).Outputs["user_ids"], StringComparison.Ordinal);
        await AssertPlanEmptyAsync(h);
    }

    [Fact]
    public async Task The_AdminUser_gets_the_Admin_profile_and_the_first_declared_routing_profile()
    {
        var config = Config("user-admin");
        config["AdminUser"] = Json("""{ "Username": "admin", "Email": "admin@example.com", "FirstName": "Admin", "LastName": "User", "PasswordSecret": "connectops/users/admin" }""");
        using var h = await NewAsync("user-admin", config);
        var requests = new ConcurrentQueue<object>();
        Assert.Equal(0, (await ApplyRecordingAsync(h, requests)).Failed);

        Assert.Equal(AdminPassword, requests.OfType<CreateUserRequest>().Single(r => r.Username == "admin").Password);
        var admin = await LiveUserAsync(h, "admin");
        Assert.Equal(await IdAsync(h, "RoutingProfiles/Agents"), admin.RoutingProfileId);
        using var ws = await h.OpenAsync();
        var profiles = await ws.Aws.Connect.SearchSecurityProfilesAsync(new SearchSecurityProfilesRequest { InstanceId = (await h.StateAsync()).Instance!.Id });
        Assert.Equal([profiles.SecurityProfiles!.Single(p => p.SecurityProfileName == "Admin").Id!], admin.SecurityProfileIds);
        Assert.Contains(ResourceAddress.Parse("RoutingProfiles/Agents"), (await ResourceAsync(h, "Users/admin")).DependsOn);
        await AssertPlanEmptyAsync(h);
    }

    [Fact]
    public async Task Each_facet_changes_with_exactly_its_own_call()
    {
        var config = Config("user-update");
        using var h = await NewAsync("user-update", config);
        await ApplyOkAsync(h);
        var john = John(config);

        // Several identity fields: still one call. Email is not in SearchUsers: it is compared with state.
        john["FirstName"] = "Johnny";
        john["Email"] = "johnny.smith@example.com";
        h.Write(config);
        Assert.Equal(["Email", "FirstName"], Single(await h.PlanAsync(), "Users/john.smith").Diffs.Select(d => d.Path).Order(StringComparer.Ordinal));
        Assert.Equal(Calls(("UpdateUserIdentityInfo", 1)), await ApplyChangeAsync(h, config));

        john["Mobile"] = "+447700900123";
        john["SecondaryEmail"] = "js@example.org";
        Assert.Equal(Calls(("UpdateUserIdentityInfo", 1)), await ApplyChangeAsync(h, config));

        john["PhoneType"] = "DESK_PHONE";
        john["DeskPhoneNumber"] = "+442071234567";
        john["AutoAccept"] = true;
        john["AfterContactWorkTimeLimit"] = 30;
        Assert.Equal(Calls(("UpdateUserPhoneConfig", 1)), await ApplyChangeAsync(h, config));
        var phone = (await LiveUserAsync(h, "john.smith")).PhoneConfig!;
        Assert.Equal(("DESK_PHONE", "+442071234567", true, 30), (phone.PhoneType, phone.DeskPhoneNumber, phone.AutoAccept ?? false, phone.AfterContactWorkTimeLimit ?? 0));

        john["RoutingProfile"] = "Basic Routing Profile";
        Assert.Equal(Calls(("UpdateUserRoutingProfile", 1)), await ApplyChangeAsync(h, config));

        john["SecurityProfiles"] = Json("""[ "Supervisors" ]""");
        Assert.Equal(Calls(("UpdateUserSecurityProfiles", 1)), await ApplyChangeAsync(h, config));

        john["HierarchyGroup"] = "Sales";
        Assert.Equal(Calls(("UpdateUserHierarchy", 1)), await ApplyChangeAsync(h, config));
        john.Remove("HierarchyGroup");
        Assert.Equal(Calls(("UpdateUserHierarchy", 1)), await ApplyChangeAsync(h, config));
        Assert.Null((await LiveUserAsync(h, "john.smith")).HierarchyGroupId);

        john["Tags"] = Json("""{ "Team": "support" }""");
        Assert.Equal(Calls(("TagResource", 1)), await ApplyChangeAsync(h, config));

        var live = await LiveUserAsync(h, "john.smith");
        Assert.Equal([await IdAsync(h, "SecurityProfiles/Supervisors")], live.SecurityProfileIds);
        Assert.Equal("Johnny", live.IdentityInfo!.FirstName);
        await AssertPlanEmptyAsync(h);
    }

    [Fact]
    public async Task A_user_removed_with_the_profiles_and_group_it_uses_is_deleted_first()
    {
        var config = Config("user-delete");
        using var h = await NewAsync("user-delete", config);
        await ApplyOkAsync(h);
        var dependsOn = (await ResourceAsync(h, "Users/john.smith")).DependsOn;
        Assert.Contains(ResourceAddress.Parse("RoutingProfiles/Agents"), dependsOn);
        Assert.Contains(ResourceAddress.Parse("SecurityProfiles/Supervisors"), dependsOn);
        Assert.DoesNotContain(ResourceAddress.Parse("SecurityProfiles/Agent"), dependsOn);

        // Connect refuses to delete a routing profile, security profile or group a user still has.
        config.Remove("Users");
        config.Remove("RoutingProfiles");
        config.Remove("SecurityProfiles");
        config["HierarchyGroups"]!.AsArray().RemoveAt(1);
        Assert.Equal(Calls(("DeleteUser", 1), ("DeleteRoutingProfile", 1), ("DeleteSecurityProfile", 1), ("DeleteUserHierarchyGroup", 1)), await ApplyChangeAsync(h, config));
        await AssertPlanEmptyAsync(h);
    }

    [Fact]
    public async Task A_user_made_outside_ConnectOps_with_the_same_username_is_imported_not_created()
    {
        var config = Config("user-import");
        var users = config["Users"]!.DeepClone();
        config.Remove("Users");
        using var h = await NewAsync("user-import", config);
        await ApplyOkAsync(h);
        using (var ws = await h.OpenAsync())
        {
            await ws.Aws.Connect.CreateUserAsync(new CreateUserRequest
            {
                InstanceId = (await h.StateAsync()).Instance!.Id, Username = "john.smith", Password = "By-Hand-Passw0rd",
                IdentityInfo = new UserIdentityInfo { FirstName = "John", LastName = "Smith", Email = "john.smith@example.com" },
                PhoneConfig = new UserPhoneConfig { PhoneType = "SOFT_PHONE" },
                RoutingProfileId = await IdAsync(h, "RoutingProfiles/Agents"),
                SecurityProfileIds = [await IdAsync(h, "SecurityProfiles/Supervisors")],
            });
        }

        config["Users"] = users;
        h.Write(config);
        var import = Single(await h.PlanAsync(), "Users/john.smith");
        Assert.Equal(ChangeAction.Import, import.Action);
        // Email is not readable in bulk, so an import sets it once; the rest is what the config adds.
        Assert.Equal(["Email", "HierarchyGroup", "SecurityProfiles", "Tags"], import.Diffs.Select(d => d.Path).Order(StringComparer.Ordinal));

        Assert.Equal(Calls(("UpdateUserIdentityInfo", 1), ("UpdateUserSecurityProfiles", 1), ("UpdateUserHierarchy", 1), ("TagResource", 1)), await ApplyChangeAsync(h, config));
        await AssertPlanEmptyAsync(h);
    }

    [Fact]
    public async Task A_renamed_Username_plans_one_Replace_that_apply_refuses_without_AllowDestroy()
    {
        var config = Config("user-rename");
        using var h = await NewAsync("user-rename", config);
        await ApplyOkAsync(h);
        var oldId = await IdAsync(h, "Users/john.smith");

        John(config)["Username"] = "jsmith";
        h.Write(config);
        var plan = await h.PlanAsync();
        var replace = Single(plan, "Users/jsmith");
        Assert.Equal(ChangeAction.Replace, replace.Action);
        Assert.Equal(oldId, replace.Id);
        Assert.Contains(replace.Reasons, r => r.Contains("cannot rename a user", StringComparison.Ordinal));
        Assert.Contains(replace.Reasons, r => r.Contains("AllowDestroy", StringComparison.Ordinal));
        Assert.DoesNotContain(plan.Changes, c => c.Address.ToString() == "Users/john.smith");

        await Emulator.ResetCallsAsync();
        var refused = await h.ApplyAsync();
        var outcome = Assert.Single(refused.Outcomes, o => o.Address.ToString() == "Users/jsmith");
        Assert.Equal(ChangeStatus.Failed, outcome.Status);
        Assert.Contains("AllowDestroy", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(await WritesAsync());
        Assert.Equal(oldId, await IdAsync(h, "Users/john.smith"));

        config["AllowDestroy"] = Json("""[ "Users" ]""");
        Assert.Equal(Calls(("DeleteUser", 1), ("CreateUser", 1)), await ApplyChangeAsync(h, config));
        var state = await h.StateAsync();
        Assert.False(state.Resources.ContainsKey(ResourceAddress.Parse("Users/john.smith")));
        Assert.Equal((await LiveUserAsync(h, "jsmith")).Id, state.Resources[ResourceAddress.Parse("Users/jsmith")].Id);
        await AssertPlanEmptyAsync(h);
    }

    [Fact]
    public async Task Without_a_password_on_a_CONNECT_MANAGED_instance_the_create_fails_clearly_before_any_call()
    {
        var config = Config("user-nopass");
        John(config).Remove("PasswordSecret");
        John(config)["Username"] = "no.password";
        using var h = await NewAsync("user-nopass", config);
        var result = await h.ApplyAsync();

        var outcome = Assert.Single(result.Outcomes, o => o.Address.ToString() == "Users/no.password");
        Assert.Equal(ChangeStatus.Failed, outcome.Status);
        Assert.Contains("PasswordSecret", outcome.Message, StringComparison.Ordinal);
        Assert.False((await Emulator.CallsAsync()).ContainsKey("Connect.CreateUser"));
    }

    [Fact]
    public async Task An_unreadable_password_secret_fails_the_user_naming_the_secret_not_a_value()
    {
        var config = Config("user-badsecret");
        John(config)["PasswordSecret"] = "connectops/users/nobody";
        using var h = await NewAsync("user-badsecret", config);
        var result = await h.ApplyAsync();

        var outcome = Assert.Single(result.Outcomes, o => o.Address.ToString() == "Users/john.smith");
        Assert.Equal(ChangeStatus.Failed, outcome.Status);
        Assert.Contains("connectops/users/nobody", outcome.Message, StringComparison.Ordinal);
        Assert.False((await Emulator.CallsAsync()).ContainsKey("Connect.CreateUser"));
    }

    [Fact]
    public async Task A_password_from_the_host_provider_wins_over_the_secret()
    {
        using var h = await NewAsync("user-provider");
        var requests = new ConcurrentQueue<object>();
        var asked = new ConcurrentQueue<ResourceAddress>();
        var result = await ApplyRecordingAsync(h, requests, (address, _) =>
        {
            asked.Enqueue(address);
            return Task.FromResult<string?>("Fr0m-The-Host!");
        });
        Assert.Equal(0, result.Failed);
        Assert.Equal("Fr0m-The-Host!", Assert.Single(requests.OfType<CreateUserRequest>()).Password);
        Assert.Equal([ResourceAddress.Parse("Users/john.smith")], asked);
        Assert.False((await Emulator.CallsAsync()).ContainsKey("SecretsManager.GetSecretValue"));
    }

    /// <summary>Applies with a Connect client that records every request it is given (to see what CreateUser carried).</summary>
    private async Task<ApplyResult> ApplyRecordingAsync(Harness h, ConcurrentQueue<object> requests, Func<ResourceAddress, CancellationToken, Task<string?>>? passwords = null)
    {
        var inner = await AwsServicesFactory.CreateAsync(new AwsSettings { Region = "eu-west-2", EndpointUrl = Emulator.Endpoint.ToString() }, CancellationToken.None);
        var aws = new AwsServices
        {
            Connect = RecordingConnect.Wrap(inner.Connect, requests), Iam = inner.Iam, Logs = inner.Logs, SecretsManager = inner.SecretsManager,
            Region = inner.Region, AccountId = inner.AccountId, CallCounts = inner.CallCounts, Owner = inner,
        };
        using var ws = new Workspace(h.Load(), h.Store, aws, h.Host) { PollInterval = TimeSpan.FromMilliseconds(5), PasswordProvider = passwords };
        return await ws.ApplyAsync(null, new PlanScope(), new ApplyOptions(), CancellationToken.None);
    }
}

/// <summary>A Connect client that records each request object before passing the call on.</summary>
public class RecordingConnect : DispatchProxy
{
    private IConnectClient? _inner;
    private ConcurrentQueue<object>? _requests;

    internal static IConnectClient Wrap(IConnectClient inner, ConcurrentQueue<object> requests)
    {
        var proxy = Create<IConnectClient, RecordingConnect>();
        var recorder = (RecordingConnect)(object)proxy;
        recorder._inner = inner;
        recorder._requests = requests;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (args is { Length: > 0 } && args[0] is Amazon.Runtime.AmazonWebServiceRequest request) _requests!.Enqueue(request);
        try
        {
            return targetMethod!.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }
}
