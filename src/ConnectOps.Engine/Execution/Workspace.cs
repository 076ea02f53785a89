using System.Text.Json.Nodes;
using ConnectOps.Engine.Abstractions;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.Reconcilers;
using ConnectOps.Engine.Reconcilers.Framework;
using ConnectOps.Engine.State;

namespace ConnectOps.Engine.Execution;

/// <summary>The result of an apply: what happened to each change, and what it cost.</summary>
public sealed record ApplyResult(IReadOnlyList<ChangeOutcome> Outcomes, PlanStatistics Statistics, long StateSerial)
{
    public int Succeeded => Outcomes.Count(o => o.Status == ChangeStatus.Succeeded);
    public int Failed => Outcomes.Count(o => o.Status == ChangeStatus.Failed);
    public int Skipped => Outcomes.Count(o => o.Status is ChangeStatus.Skipped or ChangeStatus.Declined);

    /// <summary>"Apply complete: 3 added, 1 changed, 0 destroyed, 1 imported." (or the failures).</summary>
    public string Summary
    {
        get
        {
            int Count(params ChangeAction[] actions) => Outcomes.Count(o => o.Status == ChangeStatus.Succeeded && actions.Contains(o.Action));
            var done = $"{Count(ChangeAction.Create, ChangeAction.Replace)} added, {Count(ChangeAction.Update)} changed, {Count(ChangeAction.Delete, ChangeAction.Replace)} destroyed, {Count(ChangeAction.Import)} imported";
            if (Outcomes.Count == 0) return "Apply complete: nothing to do.";
            return Failed == 0 && Skipped == 0 ? $"Apply complete: {done}." : $"Apply finished with errors: {done}; {Failed} failed, {Skipped} skipped. Fix the errors and apply again: finished changes are in state.";
        }
    }

    public override string ToString() => Summary;
}

/// <summary>
/// One config with its state and its AWS account: the entry point the cmdlets call. Plans, applies
/// (under the state lock, refusing stale plans), and keeps the engine free of any host type.
/// </summary>
public sealed partial class Workspace : IDisposable
{
    private readonly IReadOnlyList<Reconciler> _reconcilers;

    public Workspace(ConnectConfig config, IStateStore store, AwsServices aws, IHost host, IReadOnlyList<Reconciler>? reconcilers = null)
    {
        Config = config;
        Store = store;
        Aws = aws;
        Host = host;
        _reconcilers = reconcilers ?? ReconcilerRegistry.All;
    }

    public ConnectConfig Config { get; }
    public IStateStore Store { get; }
    public AwsServices Aws { get; }
    public IHost Host { get; }

    /// <summary>How long asynchronous AWS operations are polled at (tests against the emulator shorten it).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    public int MaxParallel { get; init; } = 8;

    /// <summary>How long a write waits for a state lock another command holds (zero: fail at once with the holder's details).</summary>
    public TimeSpan LockTimeout { get; init; }

    /// <summary>Initial passwords the host supplies per user address (a cmdlet's -Password); see ReconcileContext.PasswordProvider.</summary>
    public Func<ResourceAddress, CancellationToken, Task<string?>>? PasswordProvider { get; init; }

    private ReconcileContext NewContext() => new(Aws, Config, new IdIndex(), Host) { PollInterval = PollInterval, PasswordProvider = PasswordProvider };

    /// <summary>Compares config, state and AWS and returns the plan (reads only).</summary>
    public async Task<Plan> PlanAsync(PlanScope scope, CancellationToken cancellationToken)
    {
        var snapshot = await Store.ReadAsync(cancellationToken).ConfigureAwait(false);
        var (plan, _) = await PlanCoreAsync(snapshot, scope, cancellationToken).ConfigureAwait(false);
        return plan;
    }

    private async Task<(Plan Plan, IReadOnlyList<PlannedChange> Changes)> PlanCoreAsync(StateSnapshot? snapshot, PlanScope scope, CancellationToken cancellationToken, ReconcileContext? context = null)
    {
        var before = Aws.CallCounts();
        context ??= NewContext();
        var state = snapshot?.Document ?? StateDocument.New();
        var changes = await new Planner(_reconcilers).PlanAsync(context, state, scope, cancellationToken).ConfigureAwait(false);
        var plan = new Plan
        {
            ConfigPath = Config.ConfigPath,
            ConfigHash = Config.ConfigHash,
            StateLineage = snapshot?.Document.Lineage,
            StateSerial = snapshot?.Document.Serial ?? 0,
            Changes = changes.Select(c => c.ToResourceChange()).ToValueList(),
            Statistics = PlanStatistics.Between(before, Aws.CallCounts()),
            Warnings = Config.Warnings.Select(w => new PlanWarning(null, w.ToString())).ToValueList(),
        };
        return (plan, changes);
    }

    /// <summary>
    /// Applies <paramref name="plan"/> (or, when null, a fresh plan of <paramref name="scope"/>) under the
    /// state lock. A saved plan is refused when state, config or AWS moved on since it was made.
    /// </summary>
    public async Task<ApplyResult> ApplyAsync(Plan? plan, PlanScope scope, ApplyOptions options, CancellationToken cancellationToken)
    {
        await using var stateLock = await Store.AcquireLockAsync(LockInfo.Create("apply"), LockTimeout, cancellationToken).ConfigureAwait(false);
        var snapshot = await Store.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (plan is not null)
        {
            PlanStaleness.EnsureCurrent(plan, snapshot?.Document, Config.ConfigHash);
            scope = new PlanScope { Targets = plan.Changes.Select(c => AddressPattern.Parse(Escape(c.Address.ToString()))).ToList() };
        }
        var context = NewContext();
        var before = Aws.CallCounts();
        var (fresh, changes) = await PlanCoreAsync(snapshot, scope, cancellationToken, context).ConfigureAwait(false);
        if (plan is not null) EnsureSameChanges(plan, fresh);

        // Ask the host about each change on this (the caller's) thread before any work starts.
        var approved = new List<PlannedChange>();
        foreach (var change in changes)
        {
            if (change.Action == ChangeAction.NoOp) continue;
            var rendered = PlanRenderer.RenderChange(change.ToResourceChange());
            if (Host.ShouldProcess(change.Address.ToString(), change.Action.ToString(), rendered)) approved.Add(change);
        }

        var session = new StateSession(Store, snapshot);
        if (snapshot is null && approved.Count > 0) await session.MutateAsync(d => d, cancellationToken).ConfigureAwait(false);
        var executor = new Executor(_reconcilers, session, Aws.Region, Aws.AccountId);
        var outcomes = await executor.ApplyAsync(context, approved, options with { MaxParallel = MaxParallel }, cancellationToken).ConfigureAwait(false);
        if (approved.Count > 0) await session.MutateAsync(d => WithOutputs(d), CancellationToken.None).ConfigureAwait(false);
        var declined = changes.Where(c => c.Action != ChangeAction.NoOp && !approved.Contains(c))
            .Select(c => new ChangeOutcome(c.Address, c.Action, ChangeStatus.Declined, "not confirmed"));
        return new ApplyResult(outcomes.Concat(declined).ToList(), PlanStatistics.Between(before, Aws.CallCounts()), session.Snapshot().Serial);
    }

    private static string Escape(string address) =>
        address.Replace("`", "``", StringComparison.Ordinal).Replace("*", "`*", StringComparison.Ordinal).Replace("?", "`?", StringComparison.Ordinal).Replace("[", "`[", StringComparison.Ordinal);

    private static void EnsureSameChanges(Plan saved, Plan fresh)
    {
        static string Key(ResourceChange c) => $"{c.Address} {c.Action} " + string.Join(";", c.Diffs.Select(d => $"{d.Path}={JsonValues.ToText(JsonValues.Normalize(d.After))}"));
        var a = saved.Changes.Where(c => c.IsWrite()).Select(Key).Order(StringComparer.Ordinal).ToList();
        var b = fresh.Changes.Where(c => c.IsWrite()).Select(Key).Order(StringComparer.Ordinal).ToList();
        if (!a.SequenceEqual(b))
        {
            var changed = a.Except(b).Concat(b.Except(a)).Select(k => k.Split(' ')[0]).Distinct().Take(5);
            throw new StalePlanException([$"The contact centre changed in AWS since the plan was made ({string.Join(", ", changed)})."]);
        }
    }

    /// <summary>What Get-ConnectOutput shows, kept in state so it needs no AWS call.</summary>
    private StateDocument WithOutputs(StateDocument d) => WithOutputs(d, Config);

    /// <summary>The outputs for a state and its config (also written by the Terraform migration, so they are there before any apply).</summary>
    internal static StateDocument WithOutputs(StateDocument d, ConnectConfig config)
    {
        JsonObject Ids(Component c, bool arn) => new(d.Resources.Where(r => r.Key.Component == c)
            .Select(r => KeyValuePair.Create(r.Key.Key ?? "", (JsonNode?)JsonValue.Create(arn ? r.Value.Arn : r.Value.Id))));
        return d.WithOutput("instance_id", d.Instance?.Id)
            .WithOutput("instance_arn", d.Instance?.Arn)
            .WithOutput("instance_alias", config.Instance.Alias)
            .WithOutput("instance_status", d.Instance is null ? null : "ACTIVE")
            .WithOutput("queue_ids", Ids(Component.Queues, false).ToJsonString())
            .WithOutput("queue_arns", Ids(Component.Queues, true).ToJsonString())
            .WithOutput("hours_of_operation_ids", Ids(Component.HoursOfOperation, false).ToJsonString())
            .WithOutput("routing_profile_ids", Ids(Component.RoutingProfiles, false).ToJsonString())
            .WithOutput("security_profile_ids", Ids(Component.SecurityProfiles, false).ToJsonString())
            .WithOutput("user_ids", Ids(Component.Users, false).ToJsonString())
            .WithOutput("phone_number_ids", Ids(Component.PhoneNumbers, false).ToJsonString())
            .WithOutput("phone_numbers", Attribute(d, Component.PhoneNumbers, "PhoneNumber").ToJsonString())
            .WithOutput("contact_flow_ids", Ids(Component.ContactFlows, false).ToJsonString())
            .WithOutput("lambda_function_associations", Ids(Component.LambdaFunctions, true).ToJsonString())
            .WithOutput("lex_bot_associations", Ids(Component.LexBots, true).ToJsonString())
            .WithOutput("summary", Summary(d).ToJsonString())
            .WithOutput("connect_role_arn", d.Resources.FirstOrDefault(r => r.Key.Component == Component.Iam).Value?.Arn)
            .WithOutput("contact_flow_log_group", d.Resources.FirstOrDefault(r => r.Key.Component == Component.Logging).Value?.Id);
    }

    /// <summary>Key → one state attribute of each resource of a component (a phone number's claimed number).</summary>
    private static JsonObject Attribute(StateDocument d, Component component, string name) =>
        new(d.Resources.Where(r => r.Key.Component == component)
            .Select(r => KeyValuePair.Create(r.Key.Key ?? "", r.Value.Attributes[name]?.DeepClone())));

    /// <summary>How many resources of each component state holds (the "summary" output).</summary>
    private static JsonObject Summary(StateDocument d) =>
        new(d.Resources.GroupBy(r => r.Key.Component).OrderBy(g => g.Key)
            .Select(g => KeyValuePair.Create(g.Key.ToString(), (JsonNode?)JsonValue.Create(g.Count()))));

    public void Dispose() => Aws.Dispose();
}
