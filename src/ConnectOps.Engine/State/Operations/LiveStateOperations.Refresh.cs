using System.Text.Json.Nodes;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Engine.State.Operations;

public sealed partial class LiveStateOperations
{
    /// <summary>
    /// Refreshes state from AWS (terraform refresh / apply -refresh-only): ids, ARNs and attributes of every entry
    /// matching <paramref name="targets"/> (all when empty) take their live values; entries whose resources are
    /// gone are dropped, each with a warning. One write, under the lock; nothing changes in AWS.
    /// </summary>
    public Task<RefreshResult?> SyncAsync(IReadOnlyList<AddressPattern> targets, CancellationToken cancellationToken) =>
        Locked.UnderLockAsync<RefreshResult?>("refresh", async snapshot =>
        {
            if (snapshot is null)
            {
                Host.WriteVerbose($"There is no state at {Store.Location} yet: nothing to refresh.");
                return new RefreshResult(null, Store.Location, []);
            }
            var (results, next) = await CompareAsync(snapshot.Document, targets, null, cancellationToken).ConfigureAwait(false);
            var changed = results.Where(r => r.Status is RefreshStatus.Changed or RefreshStatus.Gone).ToList();
            if (changed.Count == 0) return new RefreshResult(snapshot.Document.Serial, Store.Location, results);
            var what = $"Refresh {changed.Count} entr{(changed.Count == 1 ? "y" : "ies")} of the state at {Store.Location} from AWS " +
                       $"({results.Count(r => r.Status == RefreshStatus.Changed)} changed outside ConnectOps, {results.Count(r => r.Status == RefreshStatus.Gone)} gone). Nothing changes in AWS.";
            if (!Host.ShouldProcess(Store.Location, "Refresh state", what)) return null;
            foreach (var gone in results.Where(r => r.Status == RefreshStatus.Gone))
            {
                Host.WriteWarning($"{gone.Address} (id {gone.Id}) no longer exists in AWS: its entry was dropped from state. If the config still declares it, the next apply creates it again.");
            }
            var written = await Store.WriteAsync(next, snapshot, cancellationToken).ConfigureAwait(false);
            return new RefreshResult(written.Document.Serial, Store.Location, results);
        }, cancellationToken);

    /// <summary>What changed outside ConnectOps (live vs state), without writing (Invoke-ConnectPlan -RefreshOnly).</summary>
    public async Task<DriftReport> RefreshOnlyAsync(IReadOnlyList<AddressPattern> targets, CancellationToken cancellationToken)
    {
        var snapshot = await Store.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (snapshot is null) return new DriftReport([], []);
        var (results, _) = await CompareAsync(snapshot.Document, targets, null, cancellationToken).ConfigureAwait(false);
        return new DriftReport(results, []);
    }

    /// <summary>
    /// Drift for CI and Pester: the changes an apply would make (AWS vs config, one plan's reads) plus, for state
    /// entries the config does not declare, what changed outside ConnectOps (reading only their components).
    /// </summary>
    public async Task<DriftReport> DetectDriftAsync(PlanScope scope, CancellationToken cancellationToken)
    {
        var snapshot = await Store.ReadAsync(cancellationToken).ConfigureAwait(false);
        var state = snapshot?.Document ?? StateDocument.New();
        var context = NewContext();
        var changes = await new Planner(_reconcilers).PlanAsync(context, state, scope, cancellationToken).ConfigureAwait(false);
        var configChanges = changes.Where(c => c.Action != ChangeAction.NoOp).Select(c => c.ToResourceChange()).ToList();
        var declared = _reconcilers.SelectMany(r => r.Desired(Config)).Select(d => d.Address).ToHashSet();
        var undeclared = state.Resources.Keys.Where(a => !declared.Contains(a) && (scope.IsEverything || scope.Targets.Any(t => t.Matches(a)) || scope.Components.Contains(a.Component)))
            .Select(a => AddressPattern.Parse(Escape(a.ToString()))).ToList();
        IReadOnlyList<RefreshedResource> outside = [];
        if (undeclared.Count > 0)
        {
            (outside, _) = await CompareAsync(state, undeclared, context, cancellationToken).ConfigureAwait(false);
        }
        return new DriftReport(outside, configChanges);
    }

    private static string Escape(string address) =>
        address.Replace("`", "``", StringComparison.Ordinal).Replace("*", "`*", StringComparison.Ordinal).Replace("?", "`?", StringComparison.Ordinal).Replace("[", "`[", StringComparison.Ordinal);

    /// <summary>
    /// Compares each selected state entry with AWS and returns the comparison and the refreshed document. Reads
    /// only the components the entries (and their references) need; <paramref name="context"/> may carry a
    /// previous read's index and instance.
    /// </summary>
    private async Task<(IReadOnlyList<RefreshedResource> Results, StateDocument Refreshed)> CompareAsync(
        StateDocument state, IReadOnlyList<AddressPattern> targets, ReconcileContext? context, CancellationToken cancellationToken)
    {
        context ??= NewContext();
        var selected = StateOperations.Select(state, targets, [], []).ToList();
        var readable = selected.Select(e => e.Address.Component).Where(c => _reconcilers.Any(r => r.Component == c)).ToHashSet();
        var live = await LiveReader.ReadAsync(context, _reconcilers, state, LiveReader.ReadSet(_reconcilers, readable), cancellationToken).ConfigureAwait(false);
        var results = new List<RefreshedResource>();
        var next = state;
        foreach (var (address, resource) in selected)
        {
            var reconciler = _reconcilers.FirstOrDefault(r => r.Component == address.Component);
            if (reconciler is null)
            {
                results.Add(new RefreshedResource(address, RefreshStatus.Skipped, resource.Id, ValueList<PropertyDiff>.Empty, $"ConnectOps cannot read {address.Component} resources yet"));
                continue;
            }
            var match = (live.GetValueOrDefault(address.Component) ?? []).FirstOrDefault(r => r.Id == resource.Id);
            if (match is null)
            {
                results.Add(new RefreshedResource(address, RefreshStatus.Gone, resource.Id, ValueList<PropertyDiff>.Empty,
                    reconciler.InsideInstance && context.InstanceId is null ? "the instance is gone" : "not found in AWS"));
                next = next.WithoutResource(address);
                if (address.Component == Component.Instance) next = next.WithInstance(null);
                continue;
            }
            var translated = Planner.Translate(context, reconciler, match.Properties);
            translated["Name"] = match.Name;
            var (refreshed, diffs) = Refresh(reconciler, context, resource.Attributes, translated);
            var arnChanged = match.Arn is not null && match.Arn != resource.Arn;
            if (diffs.Count == 0 && !arnChanged)
            {
                results.Add(new RefreshedResource(address, RefreshStatus.Unchanged, resource.Id, ValueList<PropertyDiff>.Empty));
                continue;
            }
            if (arnChanged) diffs.Add(new PropertyDiff("Arn", resource.Arn, match.Arn));
            results.Add(new RefreshedResource(address, RefreshStatus.Changed, resource.Id, diffs.ToValueList()));
            var updated = resource with { Arn = match.Arn ?? resource.Arn, Attributes = refreshed };
            next = address.Component == Component.Instance
                ? next.WithResource(address, updated).WithInstance(new InstanceState(match.Id, match.Arn ?? "", state.Instance?.Region ?? Aws.Region, state.Instance?.AccountId ?? Aws.AccountId))
                : next.WithResource(address, updated);
        }
        return (results, next);
    }

    /// <summary>
    /// The entry's attributes with live values laid over those it records (all live values when it records none),
    /// and the differences. Values state records as null (not managed) and values AWS does not report are left alone.
    /// </summary>
    private static (JsonObject Refreshed, List<PropertyDiff> Diffs) Refresh(Reconciler reconciler, ReconcileContext context, JsonObject recorded, JsonObject live)
    {
        // Compared in the reconciler's own form (e.g. a flow's ARNs as key placeholders), as the planner compares.
        var recordedForm = reconciler.Comparable(context, recorded);
        var liveForm = reconciler.Comparable(context, live);
        var refreshed = (JsonObject)recorded.DeepClone();
        var diffs = new List<PropertyDiff>();
        var takeAll = recorded.Count == 0;
        foreach (var (name, value) in live)
        {
            if (!recorded.TryGetPropertyValue(name, out var before))
            {
                if (takeAll) refreshed[name] = value?.DeepClone();
                continue;
            }
            if (before is null) continue;
            var spec = reconciler.Property(name);
            var unordered = spec?.Unordered == true;
            var a = unordered ? JsonValues.SortSet(recordedForm[name]) : recordedForm[name];
            var b = unordered ? JsonValues.SortSet(liveForm[name]) : liveForm[name];
            if (JsonValues.DeepEquals(a, b)) continue;
            diffs.Add(new PropertyDiff(name, before, value, sensitive: spec?.Sensitive == true));
            refreshed[name] = value?.DeepClone();
        }
        return (refreshed, diffs);
    }
}
