using System.Text.Json.Nodes;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.State;

namespace ConnectOps.Engine.Reconcilers.Framework;

/// <summary>What to plan: everything, or only some components / addresses (with what they need).</summary>
public sealed record PlanScope
{
    public IReadOnlyList<Component> Components { get; init; } = [];
    public IReadOnlyList<AddressPattern> Targets { get; init; } = [];

    /// <summary>
    /// False: exactly the selected resources, without the creates they depend on (an imperative cmdlet changes one
    /// resource and refuses, before any call, when what it references does not exist).
    /// </summary>
    public bool IncludeDependencies { get; init; } = true;

    public bool IsEverything => Components.Count == 0 && Targets.Count == 0;
}

/// <summary>
/// Compares config, state and AWS, one bulk read per component, and says per resource what to do. The
/// mechanism is the same for every component: reconcilers supply data and calls, never planning logic.
/// </summary>
public sealed class Planner
{
    private readonly IReadOnlyList<Reconciler> _reconcilers;

    public Planner(IReadOnlyList<Reconciler> reconcilers)
    {
        _reconcilers = reconcilers;
    }

    /// <param name="live">What was read already (an imperative change reads only the components it needs); null: read everything.</param>
    public async Task<IReadOnlyList<PlannedChange>> PlanAsync(ReconcileContext context, StateDocument state, PlanScope scope, CancellationToken cancellationToken,
        IReadOnlyDictionary<Component, IReadOnlyList<LiveResource>>? live = null)
    {
        var config = context.Config;
        LiveReader.IndexState(context, state);

        var desiredByComponent = CycleBreaker.Apply(_reconcilers.ToDictionary(r => r.Component, r => r.Desired(config).ToList()));
        // Only what the config declares, what state holds, and what those reference: a component that is in
        // neither has nothing to plan.
        live ??= await LiveReader.ReadAsync(context, _reconcilers,
            LiveReader.ReadSet(_reconcilers, desiredByComponent.Where(p => p.Value.Count > 0).Select(p => p.Key).Concat(state.Resources.Keys.Select(a => a.Component))),
            includeOutsideInstance: true, cancellationToken).ConfigureAwait(false);

        // Index what exists: state ids first, then names of live resources the config declares or that are
        // built in, so references to 'Basic Hours' or an adopted queue resolve.
        var matches = new Dictionary<ResourceAddress, LiveResource>();
        foreach (var reconciler in _reconcilers)
        {
            var list = live.GetValueOrDefault(reconciler.Component) ?? [];
            var byId = list.ToDictionary(r => r.Id, StringComparer.Ordinal);
            var byName = list.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
            var claimed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var d in desiredByComponent[reconciler.Component])
            {
                LiveResource? match = null;
                if (state.Resources.TryGetValue(d.Address, out var rs) && rs.Id is { } sid) byId.TryGetValue(sid, out match);
                if (match is null && !state.Resources.ContainsKey(d.Address) && byName.TryGetValue(d.Name, out var named) && !IsClaimedByState(state, reconciler.Component, named.Id))
                    match = named;
                if (match is null) continue;
                matches[d.Address] = match;
                claimed.Add(match.Id);
                context.Ids.Set(reconciler.Component, d.Address.Key ?? "", match.Id, match.Arn);
            }
            foreach (var r in list)
            {
                if (!claimed.Contains(r.Id)) context.Ids.TryAdd(reconciler.Component, r.Name, r.Id, r.Arn);
            }
        }

        var changes = new List<PlannedChange>();
        foreach (var reconciler in _reconcilers)
        {
            var liveById = (live.GetValueOrDefault(reconciler.Component) ?? []).ToDictionary(r => r.Id, StringComparer.Ordinal);
            var desired = desiredByComponent[reconciler.Component];
            var desiredAddresses = desired.Select(d => d.Address).ToHashSet();
            var renames = PairRenames(reconciler, desired, state, matches, liveById);
            foreach (var d in desired)
            {
                changes.Add(renames.TryGetValue(d.Address, out var previous)
                    ? PlanRename(context, reconciler, d, previous, state.Resources[previous], liveById[state.Resources[previous].Id])
                    : PlanOne(context, reconciler, d, state.Resources.GetValueOrDefault(d.Address), matches.GetValueOrDefault(d.Address)));
            }
            var renamedFrom = renames.Values.ToHashSet();
            foreach (var (address, resource) in state.Resources.Where(p => p.Key.Component == reconciler.Component && !desiredAddresses.Contains(p.Key) && !renamedFrom.Contains(p.Key)))
            {
                var exists = resource.Id is { } id && (liveById.ContainsKey(id) || !CanRead(context, reconciler));
                if (resource.Origin != ResourceOrigin.Config)
                {
                    changes.Add(new PlannedChange
                    {
                        Address = address, Action = ChangeAction.NoOp, Id = resource.Id, Arn = resource.Arn, Unmanaged = true,
                        Reasons = [$"created by a cmdlet ({resource.Origin}), not by the config: left alone"],
                    });
                    continue;
                }
                var protectedDelete = IsProtected(address.Component) && !config.AllowDestroy.Contains(address.Component);
                if (exists && resource.Id is { } defaultId && liveById.TryGetValue(defaultId, out var existing) && existing.IsDefault)
                {
                    changes.Add(new PlannedChange
                    {
                        Address = address, Action = ChangeAction.Delete, Id = resource.Id, Arn = resource.Arn, ForgetOnly = true,
                        Reasons = ["removed from the config; it is a default resource of the instance, which is never deleted: only the state entry is dropped"],
                    });
                    continue;
                }
                changes.Add(new PlannedChange
                {
                    Address = address, Action = ChangeAction.Delete, Id = resource.Id, Arn = resource.Arn,
                    Irreversible = IsProtected(address.Component),
                    Reasons = exists
                        ? protectedDelete
                            ? [$"removed from the config; {Irreversible(address.Component)} Apply refuses it unless the config's AllowDestroy or -AllowDestroy names {address.Component}."]
                            : ["removed from the config"]
                        : ["removed from the config and already gone from AWS: only the state entry is dropped"],
                });
            }
        }

        return Scope(changes, desiredByComponent.Values.SelectMany(x => x).ToDictionary(d => d.Address), scope);
    }

    /// <summary>
    /// New declarations (nothing in state, nothing live by name) paired with the state entry of a resource that
    /// left the config, when the reconciler says both are the same thing under a new key (see
    /// <see cref="Reconciler.RenameIdentity"/>). Ambiguous identities pair nothing.
    /// </summary>
    private static Dictionary<ResourceAddress, ResourceAddress> PairRenames(Reconciler reconciler, List<DesiredResource> desired, StateDocument state,
        Dictionary<ResourceAddress, LiveResource> matches, Dictionary<string, LiveResource> liveById)
    {
        var result = new Dictionary<ResourceAddress, ResourceAddress>();
        var fresh = desired.Where(d => !matches.ContainsKey(d.Address) && !state.Resources.ContainsKey(d.Address))
            .Select(d => (d.Address, Identity: reconciler.RenameIdentity(d.Properties))).Where(x => x.Identity is not null).ToList();
        if (fresh.Count == 0) return result;
        var declared = desired.Select(d => d.Address).ToHashSet();
        var orphans = state.Resources
            .Where(p => p.Key.Component == reconciler.Component && !declared.Contains(p.Key) && p.Value.Origin == ResourceOrigin.Config && liveById.ContainsKey(p.Value.Id))
            .Select(p => (p.Key, Identity: reconciler.RenameIdentity(p.Value.Attributes))).Where(x => x.Identity is not null).ToList();
        foreach (var (address, identity) in fresh)
        {
            var old = orphans.Where(o => string.Equals(o.Identity, identity, StringComparison.OrdinalIgnoreCase)).ToList();
            if (old.Count == 1 && fresh.Count(f => string.Equals(f.Identity, identity, StringComparison.OrdinalIgnoreCase)) == 1) result[address] = old[0].Key;
        }
        return result;
    }

    /// <summary>A resource whose key changed in config: it cannot be renamed in place, so it is replaced.</summary>
    private static PlannedChange PlanRename(ReconcileContext context, Reconciler reconciler, DesiredResource desired, ResourceAddress previous, ResourceState state, LiveResource live)
    {
        var translated = Translate(context, reconciler, live.Properties);
        FillFromState(reconciler, translated, state, desired.Properties);
        var deltas = Diff(context, reconciler, desired.Properties, translated);
        var reasons = new List<string> { $"{previous} is declared as {desired.Address} now" };
        reasons.AddRange(deltas.Where(d => d.Spec.ForcesReplacement).Select(ReplaceReason));
        if (reconciler.ReplaceNeedsAllowDestroy)
            reasons.Add($"the old {previous.Component} resource would be deleted; apply refuses it unless the config's AllowDestroy or -AllowDestroy names {previous.Component}");
        return new PlannedChange
        {
            Address = desired.Address, Action = ChangeAction.Replace, Id = live.Id, Arn = live.Arn, Desired = desired, Live = translated,
            Deltas = deltas, Reasons = reasons, Previous = previous, Irreversible = reconciler.ReplaceNeedsAllowDestroy,
        };
    }

    /// <summary>The name AWS has differs from the config's (renamed in the console): renamed back with the name facet's call.</summary>
    private static PropertyDelta? NameDelta(Reconciler reconciler, DesiredResource desired, LiveResource live) =>
        reconciler.RenameFacet is { } facet && !string.Equals(desired.Name, live.Name, StringComparison.Ordinal)
            ? new PropertyDelta(new PropertySpec("Name") { Facet = facet }, JsonValue.Create(live.Name), JsonValue.Create(desired.Name))
            : null;

    private static string ReplaceReason(PropertyDelta delta) => delta.Spec.ReplaceReason ?? $"{delta.Spec.Name} cannot change in place";

    /// <summary>
    /// What the bulk read cannot report (SearchUsers has no email) is compared with what the last apply wrote;
    /// with nothing recorded (an import), an empty desired value has nothing to set and is taken as equal.
    /// </summary>
    private static void FillFromState(Reconciler reconciler, JsonObject translated, ResourceState? state, JsonObject desired)
    {
        foreach (var spec in reconciler.Properties)
        {
            if (translated.ContainsKey(spec.Name)) continue;
            if (state?.Attributes[spec.Name] is { } recorded) translated[spec.Name] = recorded.DeepClone();
            else if (desired[spec.Name] is { } want && IsEmptyValue(want)) translated[spec.Name] = want.DeepClone();
        }
    }

    private static bool IsClaimedByState(StateDocument state, Component component, string id) =>
        state.Resources.Any(p => p.Key.Component == component && p.Value.Id == id);

    private static bool CanRead(ReconcileContext context, Reconciler reconciler) => !reconciler.InsideInstance || context.InstanceId is not null;

    public static bool IsProtected(Component component) => component is Component.PhoneNumbers or Component.Instance;

    private static string Irreversible(Component component) => component == Component.PhoneNumbers
        ? "releasing a number is irreversible (it enters a cooldown and cannot be claimed back)."
        : "deleting the instance is irreversible (every contact record and recording goes with it).";

    private static PlannedChange PlanOne(ReconcileContext context, Reconciler reconciler, DesiredResource desired, ResourceState? state, LiveResource? live)
    {
        if (live is null)
        {
            return new PlannedChange
            {
                Address = desired.Address, Action = ChangeAction.Create, Desired = desired,
                // What a create sets: every managed value that is not empty; nothing is "replaced" on a create.
                Deltas = desired.Properties.Where(p => p.Value is not null && reconciler.Property(p.Key) is not null && !IsEmptyValue(p.Value))
                    .Select(p => new PropertyDelta(reconciler.Property(p.Key)! with { ForcesReplacement = false }, null, p.Value!.DeepClone())).ToList(),
                Reasons = state is null ? [] : ["it is in state but no longer exists in AWS (deleted outside ConnectOps)"],
            };
        }
        var translated = Translate(context, reconciler, live.Properties);
        FillFromState(reconciler, translated, state, desired.Properties);
        var deltas = Diff(context, reconciler, desired.Properties, translated);
        if (NameDelta(reconciler, desired, live) is { } renamed) deltas.Insert(0, renamed);
        var replace = deltas.Any(d => d.Spec.ForcesReplacement);
        ChangeAction action;
        var reasons = new List<string>();
        if (state is null)
        {
            action = ChangeAction.Import;
            reasons.Add(live.IsDefault
                ? "a default resource of the instance with this name exists: it is adopted"
                : "a resource with this name already exists in AWS: it is adopted instead of creating a twin");
        }
        else action = replace ? ChangeAction.Replace : deltas.Count > 0 ? ChangeAction.Update : ChangeAction.NoOp;
        if (replace) reasons.AddRange(deltas.Where(d => d.Spec.ForcesReplacement).Select(ReplaceReason));
        if (replace && state is not null && reconciler.ReplaceNeedsAllowDestroy)
            reasons.Add($"apply refuses it unless the config's AllowDestroy or -AllowDestroy names {desired.Address.Component}");
        return new PlannedChange
        {
            Address = desired.Address, Action = action, Id = live.Id, Arn = live.Arn, Desired = desired, Live = translated,
            Deltas = deltas, Reasons = reasons,
            // Replacing a phone number releases the old one (a cooldown follows): the plan says so.
            Irreversible = action == ChangeAction.Replace && (IsProtected(desired.Address.Component) || reconciler.ReplaceNeedsAllowDestroy),
        };
    }

    private static bool IsEmptyValue(JsonNode value) => value switch
    {
        JsonValue v => JsonValues.AsString(v) is "",
        JsonArray a => a.Count == 0,
        JsonObject o => o.Count == 0,
        _ => false,
    };

    /// <summary>Live properties with ids turned into the keys the config uses.</summary>
    public static JsonObject Translate(ReconcileContext context, Reconciler reconciler, JsonObject live)
    {
        var result = new JsonObject();
        foreach (var (name, value) in live)
        {
            var spec = reconciler.Property(name);
            result[name] = spec?.References is { } component ? TranslateRef(context, component, value, spec.ReferenceMember) : value?.DeepClone();
        }
        return result;
    }

    private static JsonNode? TranslateRef(ReconcileContext context, Component component, JsonNode? value, string? member = null) => value switch
    {
        JsonArray arr => new JsonArray(arr.Select(v => TranslateRef(context, component, v, member)).ToArray()),
        JsonObject obj when member is not null => TranslateMember(context, component, obj, member),
        JsonValue v when JsonValues.AsString(v) is { } id => JsonValue.Create(context.Ids.KeyOf(component, id) ?? id),
        _ => value?.DeepClone(),
    };

    private static JsonObject TranslateMember(ReconcileContext context, Component component, JsonObject item, string member)
    {
        var copy = (JsonObject)item.DeepClone();
        copy[member] = TranslateRef(context, component, item[member]);
        return copy;
    }

    /// <summary>The differences between desired and live, compared in the reconciler's comparable form.</summary>
    public static List<PropertyDelta> Diff(ReconcileContext context, Reconciler reconciler, JsonObject desired, JsonObject live) =>
        Diff(reconciler, reconciler.Comparable(context, desired), reconciler.Comparable(context, live));

    public static List<PropertyDelta> Diff(Reconciler reconciler, JsonObject desired, JsonObject live)
    {
        var deltas = new List<PropertyDelta>();
        foreach (var spec in reconciler.Properties)
        {
            if (!desired.TryGetPropertyValue(spec.Name, out var want) || want is null) continue; // not managed by this config
            live.TryGetPropertyValue(spec.Name, out var have);
            var a = spec.Unordered ? JsonValues.SortSet(want) : want;
            var b = spec.Unordered ? JsonValues.SortSet(have) : have;
            if (!JsonValues.DeepEquals(a, b)) deltas.Add(new PropertyDelta(spec, have?.DeepClone(), want.DeepClone()));
        }
        return deltas;
    }

    /// <summary>
    /// Keeps the changes a -Component/-Target asks for, plus the creates they depend on (as
    /// terraform -target does); the rest become NoOp so they still show as "not touched".
    /// </summary>
    private static IReadOnlyList<PlannedChange> Scope(List<PlannedChange> changes, Dictionary<ResourceAddress, DesiredResource> desired, PlanScope scope)
    {
        if (scope.IsEverything) return changes;
        bool Selected(ResourceAddress a) =>
            (scope.Components.Count > 0 && scope.Components.Contains(a.Component)) || scope.Targets.Any(t => t.Matches(a));
        if (!scope.IncludeDependencies) return changes.Where(c => Selected(c.Address)).ToList();
        var byAddress = changes.ToDictionary(c => c.Address);
        var keep = new HashSet<ResourceAddress>();
        var stack = new Stack<ResourceAddress>(changes.Where(c => Selected(c.Address)).Select(c => c.Address));
        while (stack.Count > 0)
        {
            var a = stack.Pop();
            if (!keep.Add(a)) continue;
            if (!desired.TryGetValue(a, out var d)) continue;
            foreach (var dep in d.DependsOn)
            {
                if (byAddress.TryGetValue(dep, out var dc) && dc.Action is ChangeAction.Create or ChangeAction.Replace && !keep.Contains(dep))
                    stack.Push(dep);
            }
        }
        return changes.Where(c => keep.Contains(c.Address)).ToList();
    }
}
