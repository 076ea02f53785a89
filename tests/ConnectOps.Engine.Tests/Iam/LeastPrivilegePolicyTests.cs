using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Config;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Permissions;
using ConnectOps.Engine.State;
using ConnectOps.Engine.Tests.Reconcilers;

namespace ConnectOps.Engine.Tests.Iam;

/// <summary>The policy built from config and state, without AWS: which actions, on which ARNs.</summary>
public sealed class LeastPrivilegePolicyTests : IDisposable
{
    private const string Account = "111122223333";
    private const string Region = "eu-west-2";
    private const string InstanceId = "aaaaaaaa-1111-2222-3333-bbbbbbbbbbbb";
    private static readonly string InstanceArn = $"arn:aws:connect:{Region}:{Account}:instance/{InstanceId}";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "connectops-iam-" + Guid.NewGuid().ToString("n")[..8]);

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private ConnectConfig Load(JsonObject json)
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "connectops.json");
        File.WriteAllText(path, json.ToJsonString());
        var result = ConfigLoader.Load(path, new JsonConfigReader());
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Errors));
        return result.Config!;
    }

    private static JsonObject WithUserAndNumber(JsonObject config)
    {
        config["Users"] = JsonNode.Parse("""
            [ { "Username": "amy", "FirstName": "Amy", "LastName": "Archer", "Email": "amy@example.com",
                "RoutingProfile": "Basic Routing Profile", "SecurityProfiles": [ "Agent" ], "PasswordSecret": "connectops/users/amy" } ]
            """);
        config["PhoneNumbers"] = JsonNode.Parse("""{ "main_line": { "CountryCode": "GB", "Type": "DID" } }""");
        return config;
    }

    private static StateDocument StateWithInstance() =>
        StateDocument.New().WithInstance(new InstanceState(InstanceId, InstanceArn, Region, Account));

    private static PolicyDocument Build(ConnectConfig config, StateDocument? state, bool readOnly = false, params Component[] allowDestroy) =>
        LeastPrivilegePolicy.Build(config, state, new PolicyRequestOptions { AccountId = Account, Region = Region, ReadOnly = readOnly, AllowDestroy = allowDestroy });

    [Fact]
    public void Without_state_the_instance_is_created_so_Connect_actions_allow_any_instance_and_the_policy_says_why()
    {
        var policy = Build(Load(Harness.BasicConfig("iam-fresh")), state: null);

        Assert.Equal([$"arn:aws:connect:{Region}:{Account}:instance/*"], policy.Statement("ConnectInstance")!.Resources);
        var accountWide = policy.Statement("ConnectOpsAccountWide")!;
        Assert.Equal(["*"], accountWide.Resources);
        Assert.Contains("connect:CreateInstance", accountWide.Actions);
        Assert.Contains("connect:ListInstances", accountWide.Actions);
        Assert.Contains("ds:CreateDirectory", accountWide.Actions);
        var slr = policy.Statement("ConnectServiceLinkedRoleCreation")!;
        Assert.Equal(["iam:CreateServiceLinkedRole"], slr.Actions);
        Assert.Equal("connect.amazonaws.com", slr.Condition!["StringEquals"]["iam:AWSServiceName"].Single());
        Assert.Contains(policy.Notes, n => n.Contains("instance/*", StringComparison.Ordinal));
    }

    [Fact]
    public void With_state_Connect_actions_are_scoped_to_the_instance_and_creating_an_instance_is_not_allowed()
    {
        var policy = Build(Load(Harness.BasicConfig("iam-scoped")), StateWithInstance());

        Assert.Equal([InstanceArn, InstanceArn + "/*"], policy.Statement("ConnectInstance")!.Resources);
        Assert.DoesNotContain("connect:CreateInstance", policy.Actions);
        Assert.DoesNotContain("connect:ListInstances", policy.Actions);
        Assert.DoesNotContain(policy.Actions, a => a.StartsWith("ds:", StringComparison.Ordinal));
        Assert.Contains("connect:CreateQueue", policy.Statement("ConnectInstance")!.Actions);
        Assert.Contains("connect:DeleteQueue", policy.Statement("ConnectInstance")!.Actions);
        Assert.Equal([$"arn:aws:iam::{Account}:role/iam-scoped-connect-role"], policy.Statement("ConnectServiceRole")!.Resources);
        var attach = policy.Statement("ConnectServiceRolePolicy")!;
        Assert.Equal(["iam:AttachRolePolicy"], attach.Actions);
        Assert.Equal("arn:aws:iam::aws:policy/AmazonConnect_FullAccess", attach.Condition!["ArnEquals"]["iam:PolicyARN"].Single());
        Assert.DoesNotContain("iam:AttachRolePolicy", policy.Statement("ConnectServiceRole")!.Actions);
        Assert.Equal([$"arn:aws:logs:{Region}:{Account}:log-group:/aws/connect/iam-scoped", $"arn:aws:logs:{Region}:{Account}:log-group:/aws/connect/iam-scoped:*"],
            policy.Statement("ContactFlowLogGroup")!.Resources);
        Assert.DoesNotContain(policy.Notes, n => n.Contains("instance/*", StringComparison.Ordinal));
        // Nothing for components the config does not declare.
        Assert.DoesNotContain(policy.Actions, a => a.Contains("User", StringComparison.Ordinal) || a.Contains("Lambda", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadOnly_allows_only_reads_and_no_state_writes()
    {
        var config = Load(AddS3State(WithUserAndNumber(Harness.BasicConfig("iam-read"))));
        var policy = Build(config, StateWithInstance(), readOnly: true);

        var mutating = policy.Actions.Where(a => !System.Text.RegularExpressions.Regex.IsMatch(a.Split(':')[1], "^(Describe|List|Search|Get)")).ToList();
        Assert.True(mutating.Count == 0, "read-only policy allows: " + string.Join(", ", mutating));
        Assert.Contains("connect:SearchUsers", policy.Actions);
        Assert.DoesNotContain("secretsmanager:GetSecretValue", policy.Actions);
        Assert.Null(policy.Statement("StateLockObject"));
        Assert.Equal(["s3:GetObject"], policy.Statement("StateObject")!.Actions);
    }

    private static JsonObject AddS3State(JsonObject config)
    {
        config["State"] = JsonNode.Parse("""{ "Backend": "S3", "Bucket": "acme-state", "Key": "prod/connect.json" }""");
        return config;
    }

    [Fact]
    public void S3_state_allows_the_state_object_and_its_lock_object_or_the_lock_table_and_the_KMS_key()
    {
        var withLockObject = Build(Load(AddS3State(Harness.BasicConfig("iam-s3"))), StateWithInstance());
        Assert.Equal(["arn:aws:s3:::acme-state/prod/connect.json"], withLockObject.Statement("StateObject")!.Resources);
        Assert.Equal(["s3:GetObject", "s3:PutObject"], withLockObject.Statement("StateObject")!.Actions);
        Assert.Equal(["arn:aws:s3:::acme-state/prod/connect.json.lock"], withLockObject.Statement("StateLockObject")!.Resources);
        Assert.Equal("prod/connect.json*", withLockObject.Statement("StateBucket")!.Condition!["StringLike"]["s3:prefix"].Single());
        Assert.DoesNotContain("s3:DeleteObject", withLockObject.Statement("StateObject")!.Actions);

        var json = Harness.BasicConfig("iam-s3-table");
        json["State"] = JsonNode.Parse("""{ "Backend": "S3", "Bucket": "acme-state", "LockTable": "terraform-locks", "KmsKeyId": "1234abcd-12ab-34cd-56ef-1234567890ab" }""");
        var withTable = Build(Load(json), StateWithInstance());
        Assert.Null(withTable.Statement("StateLockObject"));
        Assert.Equal([$"arn:aws:dynamodb:{Region}:{Account}:table/terraform-locks"], withTable.Statement("StateLockTable")!.Resources);
        Assert.Equal(["arn:aws:s3:::acme-state/connectops/state.json"], withTable.Statement("StateObject")!.Resources);
        Assert.Equal([$"arn:aws:kms:{Region}:{Account}:key/1234abcd-12ab-34cd-56ef-1234567890ab"], withTable.Statement("StateKmsKey")!.Resources);
    }

    [Fact]
    public void Local_state_needs_no_AWS_permission()
    {
        var policy = Build(Load(Harness.BasicConfig("iam-local")), StateWithInstance());
        Assert.DoesNotContain(policy.Actions, a => a.StartsWith("s3:", StringComparison.Ordinal) || a.StartsWith("dynamodb:", StringComparison.Ordinal));
    }

    [Fact]
    public void Password_secrets_are_allowed_by_name_with_the_Secrets_Manager_suffix_and_numbers_are_released_only_with_AllowDestroy()
    {
        var config = Load(WithUserAndNumber(Harness.BasicConfig("iam-users")));
        var policy = Build(config, StateWithInstance());

        Assert.Equal([$"arn:aws:secretsmanager:{Region}:{Account}:secret:connectops/users/amy-??????"], policy.Statement("UserPasswordSecrets")!.Resources);
        Assert.Equal(["secretsmanager:GetSecretValue"], policy.Statement("UserPasswordSecrets")!.Actions);
        Assert.Contains("connect:ClaimPhoneNumber", policy.Statement("ConnectPhoneNumbers")!.Actions);
        Assert.Contains($"arn:aws:connect:{Region}:{Account}:phone-number/*", policy.Statement("ConnectPhoneNumbers")!.Resources);
        Assert.DoesNotContain("connect:ReleasePhoneNumber", policy.Actions);
        Assert.Contains(policy.Notes, n => n.Contains("ReleasePhoneNumber", StringComparison.Ordinal));

        Assert.Contains("connect:ReleasePhoneNumber", Build(config, StateWithInstance(), readOnly: false, Component.PhoneNumbers).Actions);
    }

    [Fact]
    public void Components_only_in_state_get_their_reads_and_deletes_but_no_creates()
    {
        var state = StateWithInstance().WithResource(new ResourceAddress(Component.QuickConnects, "old"), new ResourceState("qc-1", InstanceArn + "/transfer-destination/qc-1", ResourceOrigin.Config));
        var policy = Build(Load(Harness.BasicConfig("iam-removed")), state);

        Assert.Contains("connect:SearchQuickConnects", policy.Actions);
        Assert.Contains("connect:DeleteQuickConnect", policy.Actions);
        Assert.DoesNotContain("connect:CreateQuickConnect", policy.Actions);
    }

    [Fact]
    public void Lex_V1_calls_and_lex_GetBot_only_with_a_classic_bot_and_V2_calls_only_with_an_alias()
    {
        var v2Only = Harness.BasicConfig("iam-lex-v2");
        v2Only["LexBots"] = JsonNode.Parse("""[ { "AliasArn": "arn:aws:lex:eu-west-2:111122223333:bot-alias/BOT1/ALIAS1" } ]""");
        var policy = Build(Load(v2Only), StateWithInstance());
        Assert.Contains("connect:AssociateBot", policy.Actions);
        Assert.DoesNotContain("connect:AssociateLexBot", policy.Actions);
        Assert.DoesNotContain("lex:GetBot", policy.Actions);
        Assert.Equal(["arn:aws:lex:eu-west-2:111122223333:bot-alias/BOT1/ALIAS1"], policy.Statement("LexV2BotAliases")!.Resources);

        var v1Only = Harness.BasicConfig("iam-lex-v1");
        v1Only["LexBots"] = JsonNode.Parse("""[ { "Name": "Classic", "LexRegion": "eu-west-1" } ]""");
        policy = Build(Load(v1Only), StateWithInstance());
        Assert.Contains("connect:AssociateLexBot", policy.Actions);
        Assert.DoesNotContain("connect:AssociateBot", policy.Actions);
        Assert.Contains($"arn:aws:lex:eu-west-1:{Account}:bot:Classic", policy.Statement("LexClassicBots")!.Resources);

        // A V1 association still in state keeps its disassociation in the policy.
        var state = StateWithInstance().WithResource(new ResourceAddress(Component.LexBots, "old"),
            new ResourceState($"arn:aws:lex:eu-west-2:{Account}:bot:Old", $"arn:aws:lex:eu-west-2:{Account}:bot:Old", ResourceOrigin.Config));
        Assert.Contains("connect:DisassociateLexBot", Build(Load(v2Only), state).Actions);
    }

    [Fact]
    public void Json_is_a_standard_policy_document_with_unique_sids()
    {
        var policy = Build(Load(WithUserAndNumber(Harness.BasicConfig("iam-json"))), StateWithInstance());
        using var doc = JsonDocument.Parse(policy.ToJson());
        Assert.Equal("2012-10-17", doc.RootElement.GetProperty("Version").GetString());
        var statements = doc.RootElement.GetProperty("Statement").EnumerateArray().ToList();
        Assert.Equal(policy.Statements.Count, statements.Count);
        Assert.All(statements, s => Assert.Equal("Allow", s.GetProperty("Effect").GetString()));
        var sids = statements.Select(s => s.GetProperty("Sid").GetString()).ToList();
        Assert.Equal(sids.Count, sids.Distinct().Count());
        Assert.All(sids, sid => Assert.Matches("^[A-Za-z0-9]+$", sid!));
    }
}
