using System.Text.Json.Nodes;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Config;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.Reconcilers.Framework;
using ConnectOps.Engine.State;

namespace ConnectOps.Engine.Imperative;

/// <summary>
/// The bookkeeping of one batch of edits (see <see cref="Workspace.ApplyEditsAsync"/>): per edit its resolved
/// address, its config entry, the properties it manages, its planned change and its outcome. An edit that fails a
/// check is finished at once and takes no further part: the others go on.
/// </summary>
internal sealed class EditRun
{
    /// <summary>Config nodes of edit <c>i</c> carry this file name, so a binder error names its edit.</summary>
    private const string EditFile = "\u0001edit:";

    private readonly Workspace _workspace;
    private readonly IReadOnlyList<ResourceEdit> _edits;
    private readonly EditOutcome?[] _outcomes;
    private readonly JsonObject?[] _entries;
    private readonly Dictionary<ResourceAddress, HashSet<string>> _managed = [];
    private readonly Dictionary<ResourceAddress, Func<string?>> _passwords = [];
    private readonly Dictionary<ResourceAddress, JsonObject> _translated = [];
    private ReconcileContext? _readContext;
    private IReadOnlyDictionary<Component, IReadOnlyList<LiveResource>> _live = new Dictionary<Component, IReadOnlyList<LiveResource>>();

    public EditRun(Workspace workspace, IReadOnlyList<ResourceEdit> edits)
    {
        _workspace = workspace;
        _edits = edits;
        _outcomes = new EditOutcome?[edits.Count];
        _entries = new JsonObject?[edits.Count];
        Addresses = edits.Select(e => e.Address).ToArray();
        Changes = new PlannedChange?[edits.Count];
    }

    /// <summary>Where each edit's resource is (a Set by name finds a quick connect under its config key).</summary>
    public ResourceAddress[] Addresses { get; }

    public PlannedChange?[] Changes { get; }

    private string ConfigFile => Path.GetFileName(_workspace.Config.ConfigPath);

    private Reconciler? ReconcilerOf(Component component) => _workspace.Reconcilers.FirstOrDefault(r => r.Component == component);

    /// <summary>The edits still in play, optionally of some kinds, in input order.</summary>
    public IEnumerable<int> Pending(params EditKind[] kinds) =>
        Enumerable.Range(0, _edits.Count).Where(i => _outcomes[i] is null && (kinds.Length == 0 || kinds.Contains(_edits[i].Kind)));

    public void Finish(int i, EditStatus status, ChangeAction action, string? message = null, ResourceView? view = null) =>
        _outcomes[i] ??= new EditOutcome(_edits[i], status, action, Message: message, Resource: view);

    public void Fail(int i, string errorId, EngineErrorKind kind, string message) =>
        _outcomes[i] ??= new EditOutcome(_edits[i], EditStatus.Failed, ActionOf(_edits[i].Kind), errorId, kind, $"{_edits[i].Describe()}: {message}");

    private static ChangeAction ActionOf(EditKind kind) => kind switch
    {
        EditKind.New => ChangeAction.Create,
        EditKind.Set => ChangeAction.Update,
        _ => ChangeAction.Delete,
    };

    public IReadOnlyList<EditOutcome> Results() =>
        _outcomes.Select((o, i) => o ?? new EditOutcome(_edits[i], EditStatus.Skipped, ActionOf(_edits[i].Kind), Message: "not started")).ToList();

    public Task<string?> PasswordFor(ResourceAddress address, CancellationToken cancellationToken) =>
        Task.FromResult(_passwords.TryGetValue(address, out var password) ? password() : null);

    public void RefuseUnsupported()
    {
        for (var i = 0; i < _edits.Count; i++)
        {
            var component = _edits[i].Component;
            if (ReconcilerOf(component) is null || component is Component.Instance or Component.Iam or Component.Logging or Component.HierarchyStructure)
            {
                Fail(i, "ConnectOps.ComponentNotSupported", EngineErrorKind.InvalidOperation,
                    $"ConnectOps cannot change {component} with a cmdlet in this version. Declare it in the config and run Invoke-ConnectApply.");
            }
        }
    }

    /// <summary>
    /// Where each edit's resource is now: New needs the key free (not in state, not declared in the config), Set and
    /// Remove need the resource (in state or in AWS). The same resource twice in one input is refused the second time.
    /// A Set's starting point is the resource as AWS has it (with what only state knows), as a config entry.
    /// </summary>
    public void CheckExistence(StateDocument state, IReadOnlyDictionary<Component, IReadOnlyList<LiveResource>> live, IdIndex ids)
    {
        _live = live;
        _readContext = new ReconcileContext(_workspace.Aws, _workspace.Config, ids, _workspace.Host);
        var declared = _workspace.Config.AllResources().Select(r => r.Address).ToHashSet();
        var seen = new Dictionary<ResourceAddress, int>();
        foreach (var i in Pending().ToList())
        {
            var edit = _edits[i];
            var (address, entry, found) = edit.Kind == EditKind.New ? (edit.Address, state.Get(edit.Address), (LiveResource?)null) : Locate(edit.Component, edit.Key, state);
            Addresses[i] = address;
            if (seen.TryGetValue(address, out var first))
            {
                Fail(i, "ConnectOps.DuplicateInput", EngineErrorKind.InvalidData,
                    $"{address} is already in this input ({_edits[first].Label ?? "above"}); give each {Nouns.Of(edit.Component)} once per command.");
                continue;
            }
            seen[address] = i;
            switch (edit.Kind)
            {
                case EditKind.New when entry is not null:
                    Fail(i, "ConnectOps.ResourceExists", EngineErrorKind.InvalidOperation,
                        $"{address} already exists (id {entry.Id}, {Managed(entry.Origin)}). Change it with Set-{Nouns.Cmdlet(edit.Component)}, or pick another name.");
                    break;
                case EditKind.New when declared.Contains(address):
                    Fail(i, "ConnectOps.DeclaredInConfig", EngineErrorKind.InvalidOperation,
                        $"{address} is declared in {ConfigFile}: create it from there with Invoke-ConnectApply -Target '{address}', or pick another name.");
                    break;
                case EditKind.New:
                    _entries[i] = Entry(i, null);
                    break;
                case EditKind.Set when found is null:
                    Fail(i, "ConnectOps.ResourceNotFound", EngineErrorKind.ObjectNotFound, entry is null
                        ? $"no {Nouns.Of(edit.Component)} named '{edit.Key}' exists. Check the name (Get-{Nouns.Cmdlet(edit.Component)} lists them), or create it with New-{Nouns.Cmdlet(edit.Component)}."
                        : $"it is in state (id {entry.Id}) but no longer exists in AWS (deleted outside ConnectOps). Create it again with New-{Nouns.Cmdlet(edit.Component)} after Remove-ConnectStateResource '{address}'.");
                    break;
                case EditKind.Set:
                    _entries[i] = Entry(i, Start(address, entry, found));
                    RefuseUnknownFacets(i);
                    break;
            }
        }
    }

    private static string Managed(ResourceOrigin origin) => origin switch
    {
        ResourceOrigin.Config => "managed by the config",
        ResourceOrigin.Cmdlet => "made by a cmdlet",
        _ => "imported",
    };

    /// <summary>
    /// Finds a resource by its key or its AWS name: the state entry at the key, a state entry with that name or number
    /// (a quick connect named 'Supervisor' under key 'supervisor'), a config declaration with that name, or a live
    /// resource with that name.
    /// </summary>
    private (ResourceAddress Address, ResourceState? State, LiveResource? Live) Locate(Component component, string keyOrName, StateDocument state)
    {
        var list = _live.GetValueOrDefault(component) ?? [];
        LiveResource? ById(string? id) => id is null ? null : list.FirstOrDefault(r => r.Id == id);
        var address = new ResourceAddress(component, keyOrName);
        if (state.Get(address) is { } exact) return (address, exact, ById(exact.Id));
        foreach (var (a, s) in state.Resources.Where(p => p.Key.Component == component))
        {
            if (Same(JsonValues.AsString(s.Attributes["Name"]), keyOrName) || Same(JsonValues.AsString(s.Attributes["PhoneNumber"]), keyOrName)) return (a, s, ById(s.Id));
        }
        var declared = ReconcilerOf(component)?.Desired(_workspace.Config).FirstOrDefault(d => Same(d.Name, keyOrName));
        if (declared is not null) address = declared.Address;
        var live = list.FirstOrDefault(r => Same(r.Name, keyOrName) || Same(JsonValues.AsString(r.Properties["PhoneNumber"]), keyOrName));
        if (live is not null && state.Resources.FirstOrDefault(p => p.Key.Component == component && p.Value.Id == live.Id) is { Key: not null } owner)
            return (owner.Key, owner.Value, live);
        return (address, null, live);
    }

    private static bool Same(string? a, string? b) => a is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>A Set's starting point: the live resource in key space, with what only state knows (a user's email).</summary>
    private JsonObject Start(ResourceAddress address, ResourceState? state, LiveResource live)
    {
        var reconciler = ReconcilerOf(address.Component)!;
        var properties = Planner.Translate(_readContext!, reconciler, live.Properties);
        foreach (var spec in reconciler.Properties)
        {
            if (!properties.ContainsKey(spec.Name) && state?.Attributes[spec.Name] is { } recorded) properties[spec.Name] = recorded.DeepClone();
        }
        _translated[address] = properties;
        // What ConnectOps knows of the resource (empty values included): the Set manages these and what it is given.
        _managed[address] = properties.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        // Tags change only when given: a Set does not add the config's global tags to what it touches.
        _managed[address].Remove(ConnectTags.Property.Name);
        return ConfigEntries.FromProperties(reconciler, address.Key ?? "", properties);
    }

    /// <summary>
    /// An update call sends every property of its facet: a Set may only touch a facet whose properties are all known
    /// (a user's identity info when neither state nor the config knows the email SearchUsers does not report), or the
    /// call would clear what it could not read.
    /// </summary>
    private void RefuseUnknownFacets(int i)
    {
        var address = Addresses[i];
        var reconciler = ReconcilerOf(address.Component)!;
        var managed = _managed[address];
        foreach (var facet in reconciler.Properties.Where(p => managed.Contains(p.Name) && _edits[i].Values.ContainsKey(p.Name)).Select(p => p.Facet).Distinct())
        {
            var unknown = reconciler.Properties.Where(p => p.Facet == facet && !managed.Contains(p.Name)).Select(p => p.Name).ToList();
            if (unknown.Count == 0) continue;
            Fail(i, "ConnectOps.UnknownSetting", EngineErrorKind.InvalidOperation,
                $"changing {string.Join(", ", reconciler.Properties.Where(p => p.Facet == facet && _edits[i].Values.ContainsKey(p.Name)).Select(p => p.Name))} also sends {string.Join(", ", unknown)}, " +
                $"which AWS's bulk read does not report and ConnectOps has not recorded for {address}. Give {string.Join(" and ", unknown.Select(u => "-" + u))} too, " +
                $"or bring the {Nouns.Of(address.Component)} under ConnectOps first (Import-ConnectResource).");
            return;
        }
    }

    /// <summary>The edit's config entry: the starting point (Set) or nothing (New), with the edit's values laid over it.</summary>
    private JsonObject Entry(int i, JsonObject? start)
    {
        var edit = _edits[i];
        var (_, nameKey) = ConfigEntries.Shape(edit.Component);
        var entry = start ?? [];
        if (nameKey is not null && !entry.ContainsKey(nameKey) && !(edit.Component == Component.LexBots && edit.Values.ContainsKey("AliasArn"))) entry[nameKey] = edit.Key;
        ConfigEntries.Overlay(entry, edit.Values);
        if (edit.Kind == EditKind.Set && _managed.TryGetValue(Addresses[i], out var managed))
        {
            foreach (var (key, _) in edit.Values) managed.Add(key);
            // A flow's Path gives its Content.
            if (edit.Values.ContainsKey("Path")) managed.Add("Content");
        }
        if (edit.Password is not null) _passwords[Addresses[i]] = edit.Password;
        return entry;
    }

    /// <summary>
    /// Rules a cmdlet's new resource follows beyond the config's: a new user of a CONNECT_MANAGED instance needs an
    /// email (password resets go there, and it is how a renamed user is recognised) and an initial password; a SAML
    /// instance refuses an email.
    /// </summary>
    public void CheckRules()
    {
        var identity = _workspace.Config.Instance.IdentityManagementType;
        foreach (var i in Pending(EditKind.New).Where(i => _edits[i].Component == Component.Users).ToList())
        {
            var email = JsonValues.AsString(_entries[i]!["Email"]);
            if (identity == IdentityManagementType.ConnectManaged && string.IsNullOrWhiteSpace(email))
            {
                Fail(i, ConfigErrorCodes.MissingValue, EngineErrorKind.InvalidData,
                    "Email is required for a new user of a CONNECT_MANAGED instance (Amazon Connect sends password resets to it, and ConnectOps recognises a renamed user by it). Add an Email.");
            }
            else if (identity == IdentityManagementType.ConnectManaged && _edits[i].Password is null && _entries[i]!["PasswordSecret"] is null)
            {
                Fail(i, ConfigErrorCodes.MissingValue, EngineErrorKind.InvalidData,
                    "A password is required for a new user of a CONNECT_MANAGED instance. Pass -Password (a SecureString; a Password column from a CSV works too), or PasswordSecret with a Secrets Manager secret.");
            }
            else if (identity == IdentityManagementType.Saml && !string.IsNullOrWhiteSpace(email))
            {
                Fail(i, ConfigErrorCodes.NotAllowed, EngineErrorKind.InvalidData,
                    "Email must not be set for a user of a SAML instance: Amazon Connect takes it from the identity provider and refuses it here. Remove the Email.");
            }
        }
    }

    /// <summary>
    /// The config with every pending New and Set entry in it, bound as the config is bound. Errors fail their edit
    /// (one message per edit, every problem in it) and the rest is bound again; null when nothing is left to bind.
    /// </summary>
    public ConnectConfig? Bind(ConfigNode source, IdIndex ids)
    {
        if (source is not ConfigMap root) throw new ImperativeException("ConnectOps.InvalidConfig", EngineErrorKind.InvalidData, "The config is not a hashtable.");
        // Groups need the levels they sit on: a config without HierarchyStructure takes the instance's.
        if (Pending().Any(i => _edits[i].Component == Component.HierarchyGroups) && root["HierarchyStructure"] is null
            && _live.GetValueOrDefault(Component.HierarchyStructure)?.FirstOrDefault()?.Properties["Levels"] is JsonArray levels)
        {
            var at = new SourcePosition("(the instance's hierarchy structure)", 1, 1);
            root = new ConfigMap(root.Position, root.Entries.Append(new ConfigMapEntry("HierarchyStructure", at, ConfigEntries.ToNode(levels, at))));
        }
        while (true)
        {
            var pending = Pending(EditKind.New, EditKind.Set).ToList();
            if (pending.Count == 0) return null;
            var tree = root;
            foreach (var group in pending.GroupBy(i => _edits[i].Component))
            {
                var entries = group.Select(i => (Addresses[i].Key ?? "", (ConfigMap)ConfigEntries.ToNode(_entries[i], Position(i)))).ToList();
                tree = ConfigEntries.With(tree, group.Key, entries, Position(group.First()));
            }
            var result = ConfigBinder.Bind(tree, _workspace.Config.ConfigPath, (component, name) => ids.TryGetId(component, name, out _));
            if (result.Success) return result.Config;
            var byEdit = result.Errors.GroupBy(e => EditOf(e.Position)).ToList();
            var unplaced = byEdit.Where(g => g.Key is null).SelectMany(g => g).ToList();
            var placed = byEdit.Where(g => g.Key is not null).ToList();
            if (placed.Count == 0)
            {
                // Not in any one edit's values (a hierarchy cycle the edits close …): every edit of this bind fails with it.
                foreach (var i in pending) Fail(i, unplaced[0].Code, EngineErrorKind.InvalidData, string.Join(" ", unplaced.Select(Say)));
                return null;
            }
            foreach (var group in placed) Fail(group.Key!.Value, group.First().Code, EngineErrorKind.InvalidData, string.Join(" ", group.Select(Say)));
        }
    }

    private static SourcePosition Position(int i) => new($"{EditFile}{i}", 1, 1);

    private static int? EditOf(SourcePosition? position) =>
        position is { File: { } file } && file.StartsWith(EditFile, StringComparison.Ordinal) && int.TryParse(file.AsSpan(EditFile.Length), out var i) ? i : null;

    /// <summary>A config error as a cmdlet user reads it: which setting, and what to do.</summary>
    private static string Say(ConfigError error)
    {
        var key = error.KeyPath.Split('.').LastOrDefault(s => s.Length > 0 && !s.Contains('[', StringComparison.Ordinal)) ?? "";
        const string missing = "The required key '";
        if (error.Code == ConfigErrorCodes.MissingValue && error.Message.StartsWith(missing, StringComparison.Ordinal))
        {
            var name = error.Message[missing.Length..error.Message.IndexOf('\'', missing.Length)];
            var example = error.Message.IndexOf(" = ", StringComparison.Ordinal) is var at and >= 0 ? error.Message[(at + 3)..].TrimEnd('.') : null;
            return example is null ? $"{name} is required." : $"{name} is required (for example {example}).";
        }
        return key.Length == 0 || error.Message.StartsWith(key, StringComparison.Ordinal) ? error.Message : $"{key}: {error.Message}";
    }

    /// <summary>The reconcilers to plan and apply with: a Set manages only what it was given and what is known.</summary>
    public IReadOnlyList<Reconciler> Masked(IReadOnlyList<Reconciler> reconcilers)
    {
        var masks = Pending(EditKind.Set).Where(i => _managed.ContainsKey(Addresses[i]))
            .GroupBy(i => Addresses[i].Component)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<ResourceAddress, HashSet<string>>)g.ToDictionary(i => Addresses[i], i => _managed[Addresses[i]]));
        return reconcilers.Select(r => masks.TryGetValue(r.Component, out var m) ? new MaskedReconciler(r, m) : r).ToList();
    }

    /// <summary>
    /// Takes each New and Set's planned change, refusing what the plan shows is not what the edit meant: a New whose
    /// name AWS has already (the plan would adopt it), a change whose references do not exist yet.
    /// </summary>
    public void AcceptPlanned(IReadOnlyDictionary<ResourceAddress, PlannedChange> planned, IdIndex ids)
    {
        var batch = Pending(EditKind.New, EditKind.Set).Select(i => Addresses[i]).ToHashSet();
        var declared = _workspace.Config.AllResources().Select(r => r.Address).ToHashSet();
        foreach (var i in Pending(EditKind.New, EditKind.Set).ToList())
        {
            var edit = _edits[i];
            if (!planned.TryGetValue(Addresses[i], out var change))
            {
                Fail(i, "ConnectOps.ApplyFailed", EngineErrorKind.InvalidOperation, "the planner did not plan it. Please report this with the command you ran.");
                continue;
            }
            if (edit.Kind == EditKind.New && change.Action == ChangeAction.Import)
            {
                Fail(i, "ConnectOps.ResourceExists", EngineErrorKind.InvalidOperation,
                    $"a {Nouns.Of(edit.Component)} named '{change.Desired?.Name}' already exists in AWS (id {change.Id}). Change it with Set-{Nouns.Cmdlet(edit.Component)}, bring it under ConnectOps with Import-ConnectResource, or pick another name.");
                continue;
            }
            if (edit.Kind == EditKind.New && change.Action != ChangeAction.Create || edit.Kind == EditKind.Set && change.Action == ChangeAction.Create)
            {
                Fail(i, "ConnectOps.ApplyFailed", EngineErrorKind.InvalidOperation, $"the plan is {change.Action} ({string.Join("; ", change.Reasons)}), not what {edit.Kind}-{Nouns.Cmdlet(edit.Component)} does. Run Invoke-ConnectPlan to see why.");
                continue;
            }
            var missing = (change.Desired?.DependsOn ?? [])
                .Where(d => !ResourceAddress.IsSingleton(d.Component) && !batch.Contains(d) && !ids.TryGetId(d.Component, d.Key ?? "", out _)).ToList();
            if (missing.Count > 0)
            {
                var dep = missing[0];
                Fail(i, "ConnectOps.DependencyMissing", EngineErrorKind.ObjectNotFound, declared.Contains(dep)
                    ? $"it needs {dep}, which is declared in {ConfigFile} but not created yet. Create it with Invoke-ConnectApply -Target '{dep}' first."
                    : $"it needs {dep}, which does not exist. Create it first (New-{Nouns.Cmdlet(dep.Component)}), or name one that exists.");
                continue;
            }
            Changes[i] = change;
        }
    }

    /// <summary>Each Remove as a Delete of what state or AWS has; irreversible ones only with AllowDestroy, built-ins never.</summary>
    public void PlanRemovals(StateDocument state, IReadOnlyDictionary<Component, IReadOnlyList<LiveResource>> live, bool allowDestroy)
    {
        foreach (var i in Pending(EditKind.Remove).ToList())
        {
            var edit = _edits[i];
            var (address, entry, found) = Locate(edit.Component, edit.Key, state);
            Addresses[i] = address;
            if (entry is null && found is null)
            {
                Fail(i, "ConnectOps.ResourceNotFound", EngineErrorKind.ObjectNotFound,
                    $"no {Nouns.Of(edit.Component)} named '{edit.Key}' exists, in state or in AWS. Check the name (Get-{Nouns.Cmdlet(edit.Component)} lists them).");
                continue;
            }
            if (found?.IsDefault == true)
            {
                Fail(i, "ConnectOps.DefaultResource", EngineErrorKind.InvalidOperation,
                    $"'{found.Name}' comes with the instance and cannot be deleted.");
                continue;
            }
            if (Planner.IsProtected(edit.Component) && !allowDestroy && found is not null)
            {
                Fail(i, "ConnectOps.DestroyRefused", EngineErrorKind.InvalidOperation,
                    $"releasing a phone number is irreversible: it enters a cooldown and cannot be claimed back. Add -AllowDestroy to release it.");
                continue;
            }
            Changes[i] = new PlannedChange
            {
                Address = address,
                Action = ChangeAction.Delete,
                Id = found?.Id ?? entry?.Id,
                Arn = found?.Arn ?? entry?.Arn,
                Irreversible = Planner.IsProtected(edit.Component),
                Reasons = found is null ? ["already gone from AWS: only the state entry is dropped"] : ["removed by a cmdlet"],
            };
        }
    }

    /// <summary>A change to what the config manages is made, and the user is told the next apply reverts it.</summary>
    public void WarnAboutConfig(StateDocument state)
    {
        var declared = _workspace.Config.AllResources().Select(r => r.Address).ToHashSet();
        foreach (var i in Pending(EditKind.Set, EditKind.Remove))
        {
            var change = Changes[i]!;
            if (change.Action == ChangeAction.NoOp) continue;
            var address = Addresses[i];
            var inConfig = declared.Contains(address);
            if (_edits[i].Kind == EditKind.Set && (inConfig || state.Get(address)?.Origin == ResourceOrigin.Config))
            {
                _workspace.Host.WriteWarning($"{address} is managed by {ConfigFile}: the next Invoke-ConnectApply will revert this change unless {ConfigFile} says the same.");
            }
            else if (_edits[i].Kind == EditKind.Remove && inConfig)
            {
                _workspace.Host.WriteWarning($"{address} is declared in {ConfigFile}: the next Invoke-ConnectApply will create it again unless you remove it from {ConfigFile}.");
            }
        }
    }

    /// <summary>The executor's outcomes on their edits, with the resource as state now records it.</summary>
    public void Record(IReadOnlyList<ChangeOutcome> outcomes, StateDocument state)
    {
        var byAddress = new Dictionary<ResourceAddress, int>();
        foreach (var i in Pending()) byAddress[Addresses[i]] = i;
        foreach (var outcome in outcomes)
        {
            if (!byAddress.TryGetValue(outcome.Address, out var i)) continue;
            switch (outcome.Status)
            {
                case ChangeStatus.Succeeded:
                    Finish(i, EditStatus.Succeeded, outcome.Action, view: state.Get(outcome.Address) is { } entry ? View(outcome.Address, entry) : null);
                    break;
                case ChangeStatus.Failed:
                    var error = outcome.Error is null ? null : EngineErrors.Classify(outcome.Error);
                    Fail(i, error?.Id ?? "ConnectOps.ApplyFailed", error?.Kind ?? EngineErrorKind.InvalidOperation, outcome.Message ?? error?.Message ?? "failed");
                    break;
                default:
                    Finish(i, outcome.Status == ChangeStatus.Declined ? EditStatus.Declined : EditStatus.Skipped, outcome.Action, outcome.Message);
                    break;
            }
        }
    }

    /// <summary>A Set that changed nothing still returns its resource (-PassThru): from state, else as it was read.</summary>
    public ResourceView? UnchangedView(int i, StateDocument state)
    {
        var address = Addresses[i];
        if (state.Get(address) is { } entry) return View(address, entry);
        var change = Changes[i];
        return change?.Id is { } id && _translated.TryGetValue(address, out var properties)
            ? new ResourceView(address, change.Desired?.Name ?? address.Key ?? "", id, change.Arn, null, (JsonObject)properties.DeepClone())
            : null;
    }

    public static ResourceView View(ResourceAddress address, ResourceState entry)
    {
        var properties = (JsonObject)entry.Attributes.DeepClone();
        var name = JsonValues.AsString(properties["Name"]) ?? address.Key ?? "";
        properties.Remove("Name");
        return new ResourceView(address, name, entry.Id, entry.Arn, entry.Origin.ToString(), properties);
    }
}
