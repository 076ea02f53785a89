using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.Reconcilers.Framework;
using ConnectOps.Engine.State;

namespace ConnectOps.Engine.Execution;

/// <summary>The outcome of one change during an apply.</summary>
public sealed record ChangeOutcome(ResourceAddress Address, ChangeAction Action, ChangeStatus Status, string? Message = null, Exception? Error = null);

public enum ChangeStatus { Succeeded, Failed, Skipped, Declined }

/// <summary>A progress report from a worker; the host shows it on its own thread.</summary>
public sealed record ApplyProgress(Component Component, int Done, int Total, string Status);

public sealed record ApplyOptions
{
    /// <summary>Changes run at once at most (the per-operation rate limits pace them further).</summary>
    public int MaxParallel { get; init; } = 8;

    /// <summary>Components whose irreversible deletes this run allows (besides the config's AllowDestroy).</summary>
    public IReadOnlyCollection<Component> AllowDestroy { get; init; } = [];

    public ResourceOrigin Origin { get; init; } = ResourceOrigin.Config;

    public Action<ApplyProgress>? Progress { get; init; }
}

/// <summary>
/// Carries out planned changes over the dependency graph: independent changes in parallel, each
/// finished change saved to state at once (so a crash or Ctrl+C loses nothing), a failed change fails
/// only what depends on it. Deletes run after everything else, dependants first.
/// </summary>
public sealed class Executor
{
    private readonly IReadOnlyDictionary<Component, Reconciler> _reconcilers;
    private readonly StateSession _state;

    private readonly string _region;
    private readonly string _accountId;

    public Executor(IEnumerable<Reconciler> reconcilers, StateSession state, string region, string accountId)
    {
        _reconcilers = reconcilers.ToDictionary(r => r.Component);
        _state = state;
        _region = region;
        _accountId = accountId;
    }

    public async Task<IReadOnlyList<ChangeOutcome>> ApplyAsync(ReconcileContext context, IReadOnlyList<PlannedChange> changes, ApplyOptions options, CancellationToken cancellationToken)
    {
        var work = changes.Where(c => c.Action != ChangeAction.NoOp).ToList();
        var outcomes = new ConcurrentDictionary<ResourceAddress, ChangeOutcome>();
        var allowed = options.AllowDestroy.Concat(context.Config.AllowDestroy).ToHashSet();

        foreach (var c in work.Where(c => c.Action is ChangeAction.Delete or ChangeAction.Replace && Planner.IsProtected(c.Address.Component) && !allowed.Contains(c.Address.Component)))
        {
            outcomes[c.Address] = new ChangeOutcome(c.Address, c.Action, ChangeStatus.Failed,
                $"{c.Address} would be {(c.Action == ChangeAction.Delete ? "deleted" : "replaced")}, which is irreversible. Add '{c.Address.Component}' to AllowDestroy in the config or pass -AllowDestroy {c.Address.Component} to allow it.");
        }

        foreach (var c in work.Where(c => c.Action == ChangeAction.Replace && _reconcilers[c.Address.Component].ReplaceNeedsAllowDestroy && !allowed.Contains(c.Address.Component) && !outcomes.ContainsKey(c.Address)))
        {
            outcomes[c.Address] = new ChangeOutcome(c.Address, c.Action, ChangeStatus.Failed,
                $"{c.Address} would be replaced ({string.Join("; ", c.Reasons)}): the existing one would be deleted, with what only it holds. Add '{c.Address.Component}' to AllowDestroy in the config or pass -AllowDestroy {c.Address.Component} to allow it.");
        }

        var upserts = work.Where(c => c.Action != ChangeAction.Delete && !outcomes.ContainsKey(c.Address)).ToList();
        var deletes = work.Where(c => c.Action == ChangeAction.Delete && !outcomes.ContainsKey(c.Address)).ToList();
        var totals = work.GroupBy(c => c.Address.Component).ToDictionary(g => g.Key, g => g.Count());
        var done = new ConcurrentDictionary<Component, int>();
        void Report(ResourceAddress a, string status)
        {
            var n = done.AddOrUpdate(a.Component, 1, (_, v) => v + 1);
            options.Progress?.Invoke(new ApplyProgress(a.Component, n, totals.GetValueOrDefault(a.Component), status));
        }

        // Creates and updates: a change waits for the changes of what it depends on.
        var upsertSet = upserts.ToDictionary(c => c.Address);
        var graph = upserts.ToDictionary(c => c.Address, c => (IReadOnlyList<ResourceAddress>)(c.Desired?.DependsOn.Where(upsertSet.ContainsKey).ToList() ?? []));
        await RunGraphAsync(graph, outcomes, options.MaxParallel, async address =>
        {
            var change = upsertSet[address];
            var outcome = await RunOneAsync(context, change, options, cancellationToken).ConfigureAwait(false);
            Report(address, $"{change.Action} {address}");
            return outcome;
        }, cancellationToken).ConfigureAwait(false);

        // Deferred facets (associations such as a queue's quick connects) once everything they may name exists.
        await RunDeferredAsync(context, outcomes, options, cancellationToken).ConfigureAwait(false);

        // Deletes: a resource goes after everything that depends on it (per state) has gone.
        var deleteSet = deletes.ToDictionary(c => c.Address);
        var snapshot = _state.Snapshot();
        var deleteGraph = deletes.ToDictionary(c => c.Address, c => (IReadOnlyList<ResourceAddress>)deleteSet.Keys
            .Where(other => !other.Equals(c.Address) && snapshot.Resources.TryGetValue(other, out var rs) && rs.DependsOn.Contains(c.Address)).ToList());
        await RunGraphAsync(deleteGraph, outcomes, options.MaxParallel, async address =>
        {
            var change = deleteSet[address];
            var outcome = await RunOneAsync(context, change, options, cancellationToken).ConfigureAwait(false);
            Report(address, $"Delete {address}");
            return outcome;
        }, cancellationToken).ConfigureAwait(false);

        return work.Select(c => outcomes.TryGetValue(c.Address, out var o) ? o : new ChangeOutcome(c.Address, c.Action, ChangeStatus.Skipped, "not started")).ToList();
    }

    private static async Task RunGraphAsync(
        Dictionary<ResourceAddress, IReadOnlyList<ResourceAddress>> graph,
        ConcurrentDictionary<ResourceAddress, ChangeOutcome> outcomes,
        int maxParallel,
        Func<ResourceAddress, Task<ChangeOutcome>> run,
        CancellationToken cancellationToken)
    {
        var pending = graph.Keys.Where(a => !outcomes.ContainsKey(a)).ToHashSet();
        var running = new Dictionary<Task<ChangeOutcome>, ResourceAddress>();
        while (pending.Count > 0 || running.Count > 0)
        {
            // Anything whose dependency failed or was skipped is skipped too.
            foreach (var a in pending.ToList())
            {
                var failedDep = graph[a].FirstOrDefault(d => outcomes.TryGetValue(d, out var o) && o.Status != ChangeStatus.Succeeded);
                if (failedDep is not null)
                {
                    pending.Remove(a);
                    outcomes[a] = new ChangeOutcome(a, ChangeAction.NoOp, ChangeStatus.Skipped, $"skipped: {failedDep} did not complete");
                }
            }
            if (!cancellationToken.IsCancellationRequested)
            {
                foreach (var a in pending.Where(a => graph[a].All(d => outcomes.ContainsKey(d) || !graph.ContainsKey(d))).ToList())
                {
                    if (running.Count >= maxParallel) break;
                    pending.Remove(a);
                    running[run(a)] = a;
                }
            }
            else
            {
                // Ctrl+C: start nothing new; what is in flight finishes and is saved.
                foreach (var a in pending) outcomes[a] = new ChangeOutcome(a, ChangeAction.NoOp, ChangeStatus.Skipped, "cancelled before it started");
                pending.Clear();
            }
            if (running.Count == 0)
            {
                if (pending.Count == 0) break;
                // Dependencies outside the graph that never ran: nothing can start.
                foreach (var a in pending) outcomes[a] = new ChangeOutcome(a, ChangeAction.NoOp, ChangeStatus.Skipped, "a dependency was not applied");
                break;
            }
            var finished = await Task.WhenAny(running.Keys).ConfigureAwait(false);
            var address = running[finished];
            running.Remove(finished);
            outcomes[address] = await finished.ConfigureAwait(false);
        }
    }

    private async Task<ChangeOutcome> RunOneAsync(ReconcileContext context, PlannedChange change, ApplyOptions options, CancellationToken cancellationToken)
    {
        var reconciler = _reconcilers[change.Address.Component];
        try
        {
            switch (change.Action)
            {
                case ChangeAction.Create:
                    await CreateAsync(context, reconciler, change, options, cancellationToken).ConfigureAwait(false);
                    break;
                case ChangeAction.Import:
                case ChangeAction.Update:
                    await UpdateAsync(context, reconciler, change, change.Id!, change.Arn, change.Deltas, change.Live, options, cancellationToken).ConfigureAwait(false);
                    break;
                case ChangeAction.Replace:
                    await reconciler.DeleteAsync(context, change.Id!, change.Arn, cancellationToken).ConfigureAwait(false);
                    await _state.RemoveAsync(change.Address, cancellationToken).ConfigureAwait(false);
                    context.Ids.Remove(change.Address.Component, change.Address.Key ?? "");
                    if (change.Previous is { } previous)
                    {
                        // A key change in config: the old entry went with the old resource.
                        await _state.RemoveAsync(previous, cancellationToken).ConfigureAwait(false);
                        context.Ids.Remove(previous.Component, previous.Key ?? "");
                    }
                    await CreateAsync(context, reconciler, change, options, cancellationToken).ConfigureAwait(false);
                    break;
                case ChangeAction.Delete:
                    if (change.Id is { } id && !change.ForgetOnly && !change.Reasons.Any(r => r.Contains("already gone", StringComparison.Ordinal)))
                    {
                        try { await reconciler.DeleteAsync(context, id, change.Arn, cancellationToken).ConfigureAwait(false); }
                        catch (AmazonServiceException ex) when (IsNotFound(ex)) { /* already gone: converge */ }
                    }
                    await _state.MutateAsync(d => (change.Address.Component == Component.Instance ? d.WithInstance(null) : d).WithoutResource(change.Address), cancellationToken).ConfigureAwait(false);
                    context.Ids.Remove(change.Address.Component, change.Address.Key ?? "");
                    break;
            }
            return new ChangeOutcome(change.Address, change.Action, ChangeStatus.Succeeded);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new ChangeOutcome(change.Address, change.Action, ChangeStatus.Skipped, "cancelled");
        }
        catch (Exception ex) when (ex is AmazonServiceException or ReconcileException or AmazonClientException or HttpRequestException or TimeoutException)
        {
            return new ChangeOutcome(change.Address, change.Action, ChangeStatus.Failed, Describe(change, ex), ex);
        }
    }

    private static string Describe(PlannedChange change, Exception ex) => ex switch
    {
        AmazonServiceException ase => $"{change.Action} of {change.Address} failed: {ase.ErrorCode}: {ase.Message}",
        _ => $"{change.Action} of {change.Address} failed: {ex.Message}",
    };

    internal static bool IsNotFound(AmazonServiceException ex) =>
        ex.ErrorCode is "ResourceNotFoundException" or "NoSuchEntity" || ex.StatusCode == System.Net.HttpStatusCode.NotFound;

    private async Task CreateAsync(ReconcileContext context, Reconciler reconciler, PlannedChange change, ApplyOptions options, CancellationToken cancellationToken)
    {
        var desired = change.Desired ?? throw new InvalidOperationException($"{change.Address}: a create needs the config's resource.");
        LiveResource created;
        try
        {
            created = await reconciler.CreateAsync(context, desired, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonServiceException ex) when (ex.ErrorCode is "DuplicateResourceException" or "ResourceAlreadyExistsException" or "EntityAlreadyExists")
        {
            // A create whose response was lost (or a twin made by hand): adopt the one that exists.
            var existing = await reconciler.FindByNameAsync(context, desired.Name, cancellationToken).ConfigureAwait(false)
                ?? throw new ReconcileException($"{change.Address}: AWS says '{desired.Name}' already exists, but it cannot be found by name. {ex.Message}", ex);
            context.Host.WriteVerbose($"{change.Address}: '{desired.Name}' already exists ({existing.Id}); adopting it.");
            context.Ids.Set(change.Address.Component, change.Address.Key ?? "", existing.Id, existing.Arn);
            var translated = Planner.Translate(context, reconciler, existing.Properties);
            await UpdateAsync(context, reconciler, change, existing.Id, existing.Arn, Planner.Diff(context, reconciler, desired.Properties, translated), translated, options, cancellationToken).ConfigureAwait(false);
            return;
        }
        context.Ids.Set(change.Address.Component, change.Address.Key ?? "", created.Id, created.Arn);
        await Save(change.Address, created.Id, created.Arn, desired, options, cancellationToken, created.Properties).ConfigureAwait(false);
        if (change.Address.Component == Component.Instance) await IndexDefaultsAsync(context, cancellationToken).ConfigureAwait(false);

        // Deferred properties (associations that need other resources first) follow as updates, after the graph.
        foreach (var facet in reconciler.Properties.Where(p => desired.IsDeferred(p) && desired.Properties[p.Name] is not null).Select(p => p.Facet).Distinct())
        {
            _deferred.Enqueue(new DeferredStep(change, reconciler, facet, created.Id, created.Arn, created.Properties));
        }
    }

    /// <summary>A deferred facet of one change, run once the whole graph has been walked.</summary>
    private sealed record DeferredStep(PlannedChange Change, Reconciler Reconciler, string Facet, string Id, string? Arn, JsonObject? Live);

    private readonly ConcurrentQueue<DeferredStep> _deferred = new();

    /// <summary>
    /// Runs the deferred facets (a queue's quick connects …) after every create and update of the walk, so a
    /// reference cycle (queue ↔ quick connect) applies from scratch in one run. Per resource: its facets in
    /// order, then one state save; a failure fails that resource only.
    /// </summary>
    private async Task RunDeferredAsync(ReconcileContext context, ConcurrentDictionary<ResourceAddress, ChangeOutcome> outcomes, ApplyOptions options, CancellationToken cancellationToken)
    {
        var groups = _deferred.GroupBy(s => s.Change.Address)
            .Where(g => outcomes.TryGetValue(g.Key, out var o) && o.Status == ChangeStatus.Succeeded)
            .ToList();
        if (groups.Count == 0 || cancellationToken.IsCancellationRequested) return;
        using var gate = new SemaphoreSlim(Math.Max(1, options.MaxParallel));
        await Task.WhenAll(groups.Select(async group =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            var change = group.First().Change;
            try
            {
                // What the deferred facets name must exist: a quick connect whose user failed leaves the queue as it
                // was created (in state), its association for the next apply, instead of failing with a lookup error.
                var blocked = change.Desired!.DeferredDependsOn
                    .Where(a => outcomes.TryGetValue(a, out var o) && o.Status is ChangeStatus.Failed or ChangeStatus.Skipped).ToList();
                if (blocked.Count > 0)
                {
                    var facets = string.Join(", ", group.Select(step => step.Facet).Distinct());
                    outcomes[change.Address] = new ChangeOutcome(change.Address, change.Action, ChangeStatus.Skipped,
                        $"{(change.Action == ChangeAction.Create ? "created, but its" : "its")} {facets} were not applied: {string.Join(", ", blocked)} did not complete. Fix that and apply again.");
                    return;
                }
                foreach (var step in group)
                    await step.Reconciler.UpdateAsync(context, step.Facet, change.Desired!, step.Id, step.Arn, step.Live, cancellationToken).ConfigureAwait(false);
                var last = group.Last();
                await Save(change.Address, last.Id, last.Arn, change.Desired!, options, cancellationToken, last.Live).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                outcomes[change.Address] = new ChangeOutcome(change.Address, change.Action, ChangeStatus.Skipped, "cancelled before its associations were applied");
            }
            catch (Exception ex) when (ex is AmazonServiceException or ReconcileException or AmazonClientException or HttpRequestException or TimeoutException)
            {
                outcomes[change.Address] = new ChangeOutcome(change.Address, change.Action, ChangeStatus.Failed, Describe(change, ex), ex);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
    }

    /// <summary>
    /// A new instance comes with default resources (Basic Hours, BasicQueue …) that the config may
    /// reference by name: read them once so the creates that follow can resolve them.
    /// </summary>
    private async Task IndexDefaultsAsync(ReconcileContext context, CancellationToken cancellationToken)
    {
        var reconcilers = _reconcilers.Values.ToList();
        var declared = reconcilers.Where(r => r.InsideInstance && r.Desired(context.Config).Any()).Select(r => r.Component);
        var live = await LiveReader.ReadAsync(context, reconcilers, LiveReader.ReadSet(reconcilers, declared), includeOutsideInstance: false, cancellationToken).ConfigureAwait(false);
        LiveReader.IndexNames(context, live);
    }

    private async Task UpdateAsync(ReconcileContext context, Reconciler reconciler, PlannedChange change, string id, string? arn, IReadOnlyList<PropertyDelta> deltas, JsonObject? live, ApplyOptions options, CancellationToken cancellationToken)
    {
        var desired = change.Desired ?? throw new InvalidOperationException($"{change.Address}: an update needs the config's resource.");
        context.Ids.Set(change.Address.Component, change.Address.Key ?? "", id, arn);
        // Adopted first, so a failure in an update below still leaves the resource in state.
        if (change.Action == ChangeAction.Import) await Save(change.Address, id, arn, desired, options, cancellationToken, live).ConfigureAwait(false);
        // One call per changed facet, in the order the reconciler declares its properties; deferred facets after the walk.
        var facets = reconciler.Properties.Select(p => p.Facet).Distinct().Where(f => deltas.Any(d => d.Spec.Facet == f)).ToList();
        var deferred = reconciler.Properties.Where(desired.IsDeferred).Select(p => p.Facet).ToHashSet(StringComparer.Ordinal);
        foreach (var facet in facets)
        {
            if (deferred.Contains(facet)) _deferred.Enqueue(new DeferredStep(change, reconciler, facet, id, arn, live));
            else await reconciler.UpdateAsync(context, facet, desired, id, arn, live, cancellationToken).ConfigureAwait(false);
        }
        await Save(change.Address, id, arn, desired, options, cancellationToken, live).ConfigureAwait(false);
    }

    private Task Save(ResourceAddress address, string id, string? arn, DesiredResource desired, ApplyOptions options, CancellationToken cancellationToken, JsonObject? live = null)
    {
        var existing = _state.Snapshot().Resources.GetValueOrDefault(address);
        var resource = Record(_reconcilers[address.Component], desired, id, arn, existing?.Origin ?? options.Origin, live, existing);
        if (address.Component == Component.Instance)
        {
            var instance = new InstanceState(id, arn ?? "", _region, _accountId);
            return _state.MutateAsync(d => d.WithInstance(instance).WithResource(address, resource), cancellationToken);
        }
        return _state.SetAsync(address, resource, cancellationToken);
    }

    /// <summary>
    /// The state entry an apply records for a resource: the desired properties and name, what AWS chose that the config
    /// leaves open (a claimed phone number: from AWS, else as recorded before), and the dependencies. Export -WithState
    /// records the same, so a plan after it is empty.
    /// </summary>
    public static ResourceState Record(Reconciler reconciler, DesiredResource desired, string id, string? arn, ResourceOrigin origin, JsonObject? live, ResourceState? existing = null)
    {
        var attributes = (JsonObject)desired.Properties.DeepClone();
        attributes["Name"] = desired.Name;
        foreach (var name in reconciler.KeepInState)
        {
            if (attributes[name] is null && (live?[name] ?? existing?.Attributes[name]) is { } kept) attributes[name] = kept.DeepClone();
        }
        return new ResourceState(id, arn, origin, attributes, desired.DependsOn.ToValueList());
    }
}
