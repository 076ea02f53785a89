using System.Text.Json.Nodes;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Config;
using ConnectOps.Engine.Imperative;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.Reconcilers.Framework;
using ConnectOps.Engine.State;

namespace ConnectOps.Engine.Execution;

// The imperative cmdlets' entry point: a batch of one-resource edits, applied through the planner, the executor and
// the state store exactly as Invoke-ConnectApply applies the config. Lives with the rest of Imperative/.
public sealed partial class Workspace
{
    /// <summary>
    /// Applies <paramref name="edits"/> (New, Set, Remove of single resources) under the state lock, as one run:
    /// <list type="number">
    /// <item>reads AWS once for the components the edits touch and the ones they reference (bulk reads);</item>
    /// <item>checks each edit (New: nothing of that key exists; Set/Remove: it exists; no resource twice) and adds
    /// its resource to <paramref name="source"/>, the config's own tree, which the config binder validates (an edit
    /// with an error fails alone, naming its <see cref="ResourceEdit.Label"/>; no call is made for it);</item>
    /// <item>plans exactly those resources with the shared planner (Set: only what was given and what ConnectOps knows
    /// of the resource), asks the host about each change, and runs them with the shared executor — in parallel within
    /// the rate limits, saving state after each, recording what it creates with Origin=Cmdlet.</item>
    /// </list>
    /// A change to a resource the config manages is made, with a warning that the next apply reverts it.
    /// </summary>
    public async Task<EditResult> ApplyEditsAsync(ConfigNode source, IReadOnlyList<ResourceEdit> edits, EditOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var before = Aws.CallCounts();
        var run = new EditRun(this, edits);
        if (edits.Count == 0) return new EditResult([], PlanStatistics.Empty);
        run.RefuseUnsupported();

        await using var stateLock = await Store.AcquireLockAsync(LockInfo.Create(options.Operation), LockTimeout, cancellationToken).ConfigureAwait(false);
        var snapshot = await Store.ReadAsync(cancellationToken).ConfigureAwait(false);
        var state = snapshot?.Document ?? StateDocument.New();
        if (state.Instance is null)
        {
            throw new ImperativeException("ConnectOps.NoInstance", EngineErrorKind.ObjectNotFound,
                $"The state of {Path.GetFileName(Config.ConfigPath)} has no Amazon Connect instance yet. Run Invoke-ConnectApply first (it creates or adopts the instance); the cmdlets change resources inside it.");
        }

        var ids = new IdIndex();
        var readContext = NewEditContext(Config, ids, state, run);
        var live = await ReadForEditsAsync(readContext, edits.Select(e => e.Component), cancellationToken).ConfigureAwait(false);

        run.CheckExistence(state, live, ids);
        run.CheckRules();
        var bound = run.Bind(source, ids);
        var planned = new Dictionary<ResourceAddress, PlannedChange>();
        IReadOnlyList<Reconciler> reconcilers = _reconcilers;
        ReconcileContext? context = null;
        if (bound is not null)
        {
            reconcilers = run.Masked(_reconcilers);
            context = NewEditContext(bound, ids, state, run);
            var scope = new PlanScope
            {
                Targets = run.Pending(EditKind.New, EditKind.Set).Select(i => AddressPattern.Parse(Escape(run.Addresses[i].ToString()))).ToList(),
                IncludeDependencies = false,
            };
            if (scope.Targets.Count > 0)
            {
                var changes = await new Planner(reconcilers).PlanAsync(context, state, scope, cancellationToken, live).ConfigureAwait(false);
                foreach (var change in changes) planned[change.Address] = change;
            }
        }
        context ??= NewEditContext(Config, ids, state, run);
        run.AcceptPlanned(planned, ids);
        run.PlanRemovals(state, live, options.AllowDestroy);
        run.WarnAboutConfig(state);

        // Ask about each change, in input order, before any work starts (-WhatIf answers no to all).
        var approved = new List<PlannedChange>();
        foreach (var i in run.Pending())
        {
            var change = run.Changes[i]!;
            if (change.Action == ChangeAction.NoOp)
            {
                run.Finish(i, EditStatus.Unchanged, change.Action, view: run.UnchangedView(i, state));
                continue;
            }
            if (Host.ShouldProcess(change.Address.ToString(), change.Action.ToString(), PlanRenderer.RenderChange(ToResourceChange(change)))) approved.Add(change);
            else run.Finish(i, EditStatus.Declined, change.Action, "not confirmed");
        }

        var session = new StateSession(Store, snapshot);
        if (approved.Count > 0)
        {
            var total = approved.Count;
            var done = 0;
            var applyOptions = new ApplyOptions
            {
                MaxParallel = MaxParallel,
                Origin = ResourceOrigin.Cmdlet,
                AllowDestroy = options.AllowDestroy ? approved.Select(c => c.Address.Component).Distinct().ToList() : [],
                Progress = options.Progress is null ? null : p => options.Progress(p with { Done = Interlocked.Increment(ref done), Total = total }),
            };
            var executor = new Executor(reconcilers, session, Aws.Region, Aws.AccountId);
            var outcomes = await executor.ApplyAsync(context, approved, applyOptions, cancellationToken).ConfigureAwait(false);
            await session.MutateAsync(WithOutputs, CancellationToken.None).ConfigureAwait(false);
            run.Record(outcomes, session.Snapshot());
        }
        return new EditResult(run.Results(), Delta(before, Aws.CallCounts()));
    }

    internal IReadOnlyList<Reconciler> Reconcilers => _reconcilers;

    private ReconcileContext NewEditContext(ConnectConfig config, IdIndex ids, StateDocument state, EditRun run)
    {
        var context = new ReconcileContext(Aws, config, ids, Host) { PollInterval = PollInterval, PasswordProvider = run.PasswordFor };
        context.InstanceId = state.Instance?.Id;
        context.InstanceArn = state.Instance?.Arn;
        foreach (var (address, resource) in state.Resources)
        {
            if (resource.Id is { Length: > 0 } id) ids.Set(address.Component, address.Key ?? "", id, resource.Arn);
        }
        return context;
    }

    /// <summary>
    /// The bulk reads an edit needs: its component and what it references (<see cref="LiveReader.ReadSet"/>). Never
    /// the instance, IAM or logging: state knows the instance.
    /// </summary>
    private async Task<Dictionary<Component, IReadOnlyList<LiveResource>>> ReadForEditsAsync(ReconcileContext context, IEnumerable<Component> components, CancellationToken cancellationToken)
    {
        var result = await LiveReader.ReadAsync(context, _reconcilers, LiveReader.ReadSet(_reconcilers, components), includeOutsideInstance: false, cancellationToken).ConfigureAwait(false);
        LiveReader.IndexNames(context, result);
        return result;
    }
}

/// <summary>An imperative run could not start (no instance in state, …); the id and message say what to do.</summary>
public sealed class ImperativeException : Exception
{
    public ImperativeException(string errorId, EngineErrorKind kind, string message) : base(message)
    {
        ErrorId = errorId;
        Kind = kind;
    }

    public string ErrorId { get; }

    public EngineErrorKind Kind { get; }
}
