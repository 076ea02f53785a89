using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Reconcilers;
using ConnectOps.Engine.Reconcilers.Framework;
using ConnectOps.Engine.Reconcilers.Iam;
using ConnectOps.Engine.Reconcilers.Logging;
using ConnectOps.Engine.State;
using ConnectOps.Engine.State.S3;

namespace ConnectOps.Engine.Permissions;

/// <summary>What to build a policy for.</summary>
public sealed record PolicyRequestOptions
{
    /// <summary>The AWS account the config's resources live in (state's, or the caller's).</summary>
    public required string AccountId { get; init; }

    /// <summary>The Region (the config's unless overridden).</summary>
    public required string Region { get; init; }

    /// <summary>Only what a plan reads (Invoke-ConnectPlan, drift checks); no writes, no state lock.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>Components whose irreversible deletes the policy should allow besides the config's own AllowDestroy.</summary>
    public IReadOnlyCollection<Component> AllowDestroy { get; init; } = [];
}

/// <summary>
/// The least-privilege IAM policy for running plan and apply of one config: exactly the operations the reconcilers of
/// its components call (their <see cref="Reconciler.Calls"/> tables) and the state backend's requests, scoped to the
/// instance's ARN (from state), the role, log group, secrets, Lambda functions and Lex bots the config names, and the
/// state bucket, key, lock object or table.
/// <para>Which operations: a plan reads the components the config declares or state holds, and those they reference
/// (the same read set the planner uses). An apply also creates and updates what the config declares, and deletes what
/// was removed from it, so the deletes of every such component are included; the irreversible ones (releasing a
/// phone number, deleting the instance) only when AllowDestroy names the component, because apply refuses them
/// otherwise. Once state knows the instance, ListInstances and CreateInstance (with its directory and service-linked
/// role actions) are left out: they are needed only to find or create an instance that does not exist yet.</para>
/// </summary>
public static class LeastPrivilegePolicy
{
    public static PolicyDocument Build(ConnectConfig config, StateDocument? state, PolicyRequestOptions options, IReadOnlyList<Reconciler>? reconcilers = null)
    {
        reconcilers ??= ReconcilerRegistry.All;
        var notes = new List<string>();
        var declared = reconcilers.Where(r => r.Desired(config).Any()).Select(r => r.Component).ToHashSet();
        declared.Add(Component.Instance);
        var inState = state?.Resources.Keys.Select(a => a.Component).ToHashSet() ?? [];
        var readSet = LiveReader.ReadSet(reconcilers, declared.Concat(inState));
        var allowDestroy = config.AllowDestroy.Concat(options.AllowDestroy).ToHashSet();

        var operations = new List<AwsOperation>();
        foreach (var r in reconcilers)
        {
            var mine = new List<AwsOperation>();
            if (readSet.Contains(r.Component)) mine.AddRange(r.Calls.Read);
            if (!options.ReadOnly)
            {
                if (declared.Contains(r.Component)) mine.AddRange(r.Calls.Write);
                var deletable = declared.Contains(r.Component) || inState.Contains(r.Component);
                var protectedDelete = Planner.IsProtected(r.Component) && !allowDestroy.Contains(r.Component);
                if (deletable && protectedDelete)
                    notes.Add($"{r.Component}: {string.Join(", ", r.Calls.Delete)} left out (apply refuses it unless AllowDestroy names {r.Component}; pass -AllowDestroy {r.Component} to include it).");
                else if (deletable)
                    mine.AddRange(r.Calls.Delete);
            }
            var stateIds = state?.Resources.Where(p => p.Key.Component == r.Component).Select(p => p.Value.Id).ToList() ?? [];
            var notNeeded = r.CallsNotNeeded(config, stateIds).ToHashSet();
            operations.AddRange(mine.Where(o => !notNeeded.Contains(o)));
        }

        var instanceId = state?.Instance?.Id ?? config.Instance.Id;
        if (instanceId is not null)
        {
            // ListInstances finds, CreateInstance makes, an instance state does not know yet.
            operations.RemoveAll(o => o is { Service: "connect", Name: "ListInstances" or "CreateInstance" });
        }

        var scopes = new Scopes(config, state, options, instanceId, notes);
        var grouped = new Dictionary<PolicyScope, SortedSet<string>>();
        foreach (var permission in operations.Distinct().SelectMany(IamActionMap.For))
        {
            if (!grouped.TryGetValue(permission.Scope, out var actions)) grouped[permission.Scope] = actions = new SortedSet<string>(StringComparer.Ordinal);
            actions.Add(permission.Action);
        }

        var statements = new List<PolicyStatement>();
        foreach (var (scope, actions) in grouped.OrderBy(p => p.Key))
        {
            var resources = scopes.Resources(scope);
            if (resources.Count == 0) continue; // e.g. no user names a PasswordSecret: nothing to read
            statements.Add(new PolicyStatement(SidOf(scope), [.. actions], resources) { Condition = scopes.Condition(scope) });
        }
        statements.AddRange(StateStatements(config, options, notes));
        return new PolicyDocument { Statements = statements, Notes = notes, InstanceArn = scopes.InstanceArn };
    }

    private static string SidOf(PolicyScope scope) => scope switch
    {
        PolicyScope.Everything => "ConnectOpsAccountWide",
        PolicyScope.Instance => "ConnectInstance",
        PolicyScope.PhoneNumbers => "ConnectPhoneNumbers",
        PolicyScope.ConnectTagging => "ConnectTagging",
        PolicyScope.ConnectRole => "ConnectServiceRole",
        PolicyScope.ConnectRolePolicyAttachment => "ConnectServiceRolePolicy",
        PolicyScope.LogGroup => "ContactFlowLogGroup",
        PolicyScope.LogGroupLookup => "LogGroupLookup",
        PolicyScope.PasswordSecrets => "UserPasswordSecrets",
        PolicyScope.ServiceLinkedRole => "ConnectServiceLinkedRole",
        PolicyScope.ServiceLinkedRoleCreation => "ConnectServiceLinkedRoleCreation",
        PolicyScope.LambdaFunctions => "LambdaFunctionPermissions",
        PolicyScope.LexV1Bots => "LexClassicBots",
        PolicyScope.LexV2Aliases => "LexV2BotAliases",
        _ => scope.ToString(),
    };

    /// <summary>The S3 backend's requests (see docs/STATE_MANAGEMENT.md); the local backend needs no AWS permission.</summary>
    private static IEnumerable<PolicyStatement> StateStatements(ConnectConfig config, PolicyRequestOptions options, List<string> notes)
    {
        var s = config.State;
        if (s.Backend != StateBackend.S3 || s.Bucket is null) yield break;
        var settings = new S3BackendSettings { Bucket = s.Bucket, Key = s.Key ?? StateSettings.DefaultS3Key, LockTable = s.LockTable };
        var bucket = $"arn:aws:s3:::{settings.Bucket}";
        // Without ListBucket, S3 answers 403 instead of 404 for a state object that does not exist yet.
        yield return new PolicyStatement("StateBucket", ["s3:ListBucket"], [bucket])
        {
            Condition = Cond("StringLike", "s3:prefix", settings.Key + "*"),
        };
        yield return new PolicyStatement("StateBucketVersioning", ["s3:GetBucketVersioning"], [bucket]);
        yield return new PolicyStatement("StateObject", options.ReadOnly ? ["s3:GetObject"] : ["s3:GetObject", "s3:PutObject"], [$"{bucket}/{settings.Key}"]);
        if (!options.ReadOnly)
        {
            if (settings.LockTable is { } table)
            {
                var tableRegion = s.Region ?? options.Region;
                yield return new PolicyStatement("StateLockTable", ["dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem"],
                    [$"arn:aws:dynamodb:{tableRegion}:{options.AccountId}:table/{table}"]);
            }
            else
            {
                yield return new PolicyStatement("StateLockObject", ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"], [$"{bucket}/{settings.LockKey}"]);
            }
        }
        if (s.KmsKeyId is { } key)
        {
            var actions = options.ReadOnly ? new[] { "kms:Decrypt" } : ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"];
            var region = s.Region ?? options.Region;
            if (key.StartsWith("arn:", StringComparison.Ordinal))
            {
                yield return new PolicyStatement("StateKmsKey", actions, [key]);
            }
            else if (key.StartsWith("alias/", StringComparison.Ordinal))
            {
                notes.Add($"State.KmsKeyId is the alias {key}: the KMS statement allows the account's keys that carry that alias.");
                yield return new PolicyStatement("StateKmsKey", actions, [$"arn:aws:kms:{region}:{options.AccountId}:key/*"])
                {
                    Condition = Cond("ForAnyValue:StringEquals", "kms:ResourceAliases", key),
                };
            }
            else
            {
                yield return new PolicyStatement("StateKmsKey", actions, [$"arn:aws:kms:{region}:{options.AccountId}:key/{key}"]);
            }
        }
    }

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> Cond(string op, string key, params string[] values) =>
        new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>
        {
            [op] = new Dictionary<string, IReadOnlyList<string>> { [key] = values },
        };

    /// <summary>Each scope's ARNs for this config, state, account and Region.</summary>
    private sealed class Scopes(ConnectConfig config, StateDocument? state, PolicyRequestOptions options, string? instanceId, List<string> notes)
    {
        private readonly string _connect = $"arn:aws:connect:{options.Region}:{options.AccountId}";
        private bool _noted;

        public string? InstanceArn => instanceId is null ? null
            : state?.Instance?.Id == instanceId && state.Instance.Arn is { Length: > 0 } known ? known : $"{_connect}:instance/{instanceId}";

        private IReadOnlyList<string> Instance()
        {
            if (InstanceArn is { } arn) return [arn, arn + "/*"];
            if (!_noted)
            {
                _noted = true;
                notes.Add($"The instance does not exist yet (no state), so Connect actions allow every instance in {options.Region} " +
                          "(instance/*). After the first apply, run Get-ConnectIamPolicy again to scope them to the instance's ARN.");
            }
            return [$"{_connect}:instance/*"];
        }

        private IEnumerable<string> StateIds(Component component) =>
            state?.Resources.Where(p => p.Key.Component == component).Select(p => p.Value.Id) ?? [];

        private IEnumerable<string> StateArns(Component component) =>
            state?.Resources.Where(p => p.Key.Component == component).Select(p => p.Value.Arn).OfType<string>() ?? [];

        public IReadOnlyList<string> Resources(PolicyScope scope) => scope switch
        {
            PolicyScope.Everything => ["*"],
            PolicyScope.Instance => Instance(),
            PolicyScope.PhoneNumbers => [$"{_connect}:phone-number/*", .. Instance()],
            PolicyScope.ConnectTagging => [$"{_connect}:phone-number/*", .. Instance()],
            PolicyScope.ConnectRole or PolicyScope.ConnectRolePolicyAttachment => Distinct(
                (config.Instance.IamPolicyArn is null ? Array.Empty<string>() : [ConnectRoleReconciler.RoleName(config)]).Concat(StateIds(Component.Iam))
                .Select(name => $"arn:aws:iam::{options.AccountId}:role/{name}")),
            PolicyScope.LogGroup => Distinct(
                (config.Instance.ContactFlowLogsEnabled == true ? [ContactFlowLogsReconciler.LogGroupName(config)] : Array.Empty<string>()).Concat(StateIds(Component.Logging))
                .SelectMany(name => new[] { $"arn:aws:logs:{options.Region}:{options.AccountId}:log-group:{name}", $"arn:aws:logs:{options.Region}:{options.AccountId}:log-group:{name}:*" })),
            PolicyScope.LogGroupLookup => [$"arn:aws:logs:{options.Region}:{options.AccountId}:log-group:*"],
            PolicyScope.PasswordSecrets => Distinct(config.Users.Select(u => u.PasswordSecret).OfType<string>().Select(SecretArn)),
            PolicyScope.ServiceLinkedRole or PolicyScope.ServiceLinkedRoleCreation =>
                [$"arn:aws:iam::{options.AccountId}:role/aws-service-role/connect.amazonaws.com/*"],
            PolicyScope.LambdaFunctions => Distinct(config.LambdaFunctions.Select(l => l.FunctionArn).Concat(StateArns(Component.LambdaFunctions))),
            PolicyScope.LexV1Bots => Distinct(config.LexBots.Where(b => !b.IsV2 && b.Name is not null)
                .SelectMany(b => new[] { $"arn:aws:lex:{b.LexRegion ?? options.Region}:{options.AccountId}:bot:{b.Name}", $"arn:aws:lex:{b.LexRegion ?? options.Region}:{options.AccountId}:bot:{b.Name}:*" })),
            PolicyScope.LexV2Aliases => Distinct(config.LexBots.Where(b => b.IsV2).Select(b => b.AliasArn!)
                .Concat(StateArns(Component.LexBots).Where(a => a.Contains(":bot-alias/", StringComparison.Ordinal)))),
            _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "no resources for this scope"),
        };

        /// <summary>
        /// Creating the service-linked role only for Connect; attaching to the service role only the policy the config
        /// names (so the policy cannot be used to give the role more than the config says).
        /// </summary>
        public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>? Condition(PolicyScope scope) => scope switch
        {
            PolicyScope.ServiceLinkedRoleCreation => Cond("StringEquals", "iam:AWSServiceName", "connect.amazonaws.com"),
            PolicyScope.ConnectRolePolicyAttachment when config.Instance.IamPolicyArn is { } policyArn => Cond("ArnEquals", "iam:PolicyARN", policyArn),
            _ => null,
        };

        /// <summary>A secret named by ARN as it is; by name, with the six random characters Secrets Manager appends.</summary>
        private string SecretArn(string secret) =>
            secret.StartsWith("arn:", StringComparison.Ordinal) ? secret : $"arn:aws:secretsmanager:{options.Region}:{options.AccountId}:secret:{secret}-??????";

        private static IReadOnlyList<string> Distinct(IEnumerable<string> values) => values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }
}
