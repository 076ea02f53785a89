using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Engine.Abstractions;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Config;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Imperative;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Reconcilers;
using ConnectOps.Engine.Reconcilers.ContactFlows;
using ConnectOps.Engine.Reconcilers.Framework;
using ConnectOps.Engine.Reconcilers.Iam;
using ConnectOps.Engine.Reconcilers.Logging;
using ConnectOps.Engine.Reconcilers.Users;
using ConnectOps.Engine.State;

namespace ConnectOps.Engine.Export;

/// <summary>
/// A live instance as config: the read side of every reconciler without a config. One bulk read (LiveReader, with
/// every association list), keys chosen from names (ExportKeys) and indexed, properties turned into key space the
/// way the planner compares them (Planner.Translate, Reconciler.Comparable: flow content gets placeholders), and
/// written as config entries (ConfigEntries.FromProperties). The result is bound with the config binder before it is
/// returned, so an export always loads; with state, each resource is recorded as an apply would record it
/// (Executor.Record), so the first plan against the source instance is empty.
/// </summary>
public static class ConfigExporter
{
    private const string FlowsFolder = ConfigFolderWriter.FlowsFolder;

    private static readonly JsonSerializerOptions FlowJson = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads the instance and returns the export in memory (nothing is written).</summary>
    public static async Task<ExportResult> ExportAsync(AwsServices aws, IHost host, ExportOptions options, CancellationToken cancellationToken,
        IReadOnlyList<Reconciler>? reconcilers = null)
    {
        ArgumentNullException.ThrowIfNull(aws);
        ArgumentNullException.ThrowIfNull(options);
        reconcilers ??= ReconcilerRegistry.All;
        var instanceId = await ResolveInstanceAsync(aws, options, cancellationToken).ConfigureAwait(false);
        var context = new ReconcileContext(aws, BareConfig(instanceId, aws.Region, options.ConfigPath), new IdIndex(), host)
        {
            ReadAllAssociations = true,
            InstanceId = instanceId,
        };

        var instanceReconciler = reconcilers.First(r => r.Component == Component.Instance);
        var instance = (await instanceReconciler.ReadAsync(context, cancellationToken).ConfigureAwait(false)).FirstOrDefault()
            ?? throw new ImperativeException("ConnectOps.InstanceNotFound", EngineErrorKind.ObjectNotFound,
                $"No Amazon Connect instance '{instanceId}' exists in {aws.Region} for account {aws.AccountId} (-InstanceId). Check the id, -Region and -ProfileName.");
        var alias = JsonValues.AsString(instance.Properties["Alias"]) ?? instance.Name;

        // One bulk read, the plan's: outside components (role, log group) by the names the instance's alias gives them.
        var selected = options.Components.Count == 0 ? null : options.Components.ToHashSet();
        var wantOutside = selected is null || selected.Overlaps([Component.Instance, Component.Iam, Component.Logging]);
        var outsideNames = new (Component Component, string Key, string Name)[]
        {
            (Component.Iam, ConnectRoleReconciler.Key, $"{alias}-connect-role"),
            (Component.Logging, ContactFlowLogsReconciler.Key, $"/aws/connect/{alias}"),
        };
        foreach (var (component, key, name) in outsideNames) context.Ids.Set(component, key, name, null);
        var readers = reconcilers.Where(r => r.Component != Component.Instance && (r.InsideInstance || wantOutside)).ToList();
        var only = selected is null ? null : LiveReader.ReadSet(reconcilers, selected.Where(c => reconcilers.Any(r => r.Component == c && r.InsideInstance)));
        var live = await LiveReader.ReadAsync(context, readers, only, includeOutsideInstance: wantOutside, cancellationToken).ConfigureAwait(false);
        foreach (var (component, key, _) in outsideNames) context.Ids.Remove(component, key);
        if (options.UserContactInfo && (selected is null || selected.Contains(Component.Users)) && live.GetValueOrDefault(Component.Users) is { Count: > 0 } users)
        {
            var include = options.Include.Select(AddressPattern.Compile).ToList();
            var exclude = options.Exclude.Select(AddressPattern.Compile).ToList();
            await UserReconciler.ReadContactInfoAsync(context,
                users.Where(u => (include.Count == 0 || include.Any(p => p.IsMatch(u.Name))) && !exclude.Any(p => p.IsMatch(u.Name))), cancellationToken).ConfigureAwait(false);
        }

        // Keys for everything read (defaults too: references to them are by name), indexed so ids translate to keys.
        var keys = new Dictionary<(Component, string), string>();
        foreach (var (component, items) in live)
        {
            if (!reconcilers.First(r => r.Component == component).InsideInstance) continue;
            var byId = items.ToDictionary(r => r.Id, StringComparer.Ordinal);
            foreach (var (id, key) in ExportKeys.Assign(component, items, options.ForClone))
            {
                keys[(component, id)] = key;
                context.Ids.Set(component, key, id, byId[id].Arn);
            }
        }

        var export = new Builder(context, options, live, keys, instanceId);
        return export.Build(instance, alias, reconcilers);
    }

    /// <summary>The instance id from -InstanceId (id or ARN) or -InstanceAlias (one ListInstances pass).</summary>
    private static async Task<string> ResolveInstanceAsync(AwsServices aws, ExportOptions options, CancellationToken cancellationToken)
    {
        if (options.InstanceId is { Length: > 0 } given)
        {
            if (!ConfigPatterns.InstanceId().IsMatch(given))
            {
                throw new ImperativeException("ConnectOps.InvalidInstanceId", EngineErrorKind.InvalidData,
                    $"-InstanceId '{given}' is not an instance id (a GUID such as 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee') or an instance ARN. " +
                    "Get-ConnectDefault shows the session's instance; aws connect list-instances lists them.");
            }
            return given.StartsWith("arn:", StringComparison.Ordinal) ? given[(given.LastIndexOf('/') + 1)..] : given;
        }
        if (options.InstanceAlias is not { Length: > 0 } alias)
            throw new ImperativeException("ConnectOps.NoInstance", EngineErrorKind.InvalidData, "Name the instance to export with -InstanceId or -InstanceAlias.");
        var aliases = new List<string>();
        await foreach (var summary in aws.Connect.Paginators.ListInstances(new ListInstancesRequest()).InstanceSummaryList.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(summary.InstanceAlias, alias, StringComparison.OrdinalIgnoreCase) && summary.InstanceStatus != "CREATION_FAILED") return summary.Id!;
            if (summary.InstanceAlias is { } other) aliases.Add(other);
        }
        var known = aliases.Count == 0 ? "The account has no instances there." : $"Instances there: {string.Join(", ", aliases.Order(StringComparer.OrdinalIgnoreCase).Take(10))}{(aliases.Count > 10 ? " …" : "")}.";
        throw new ImperativeException("ConnectOps.InstanceNotFound", EngineErrorKind.ObjectNotFound,
            $"No Amazon Connect instance with alias '{alias}' (-InstanceAlias) exists in {aws.Region} for account {aws.AccountId}. {known} Check the alias, -Region and -ProfileName.");
    }

    /// <summary>A config that names only the instance: what the readers need without a config file.</summary>
    private static ConnectConfig BareConfig(string instanceId, string region, string configPath)
    {
        var bound = ConfigBinder.BindInstance(instanceId, region, configPath, "(export)");
        return bound.Config ?? throw new ImperativeException("ConnectOps.InvalidInstanceId", EngineErrorKind.InvalidData,
            string.Join(" ", bound.Errors.Select(e => e.Message)));
    }

    /// <summary>One export's work after the read: entries, flow files, validation, state and summary.</summary>
    private sealed class Builder(ReconcileContext context, ExportOptions options, IReadOnlyDictionary<Component, IReadOnlyList<LiveResource>> live,
        Dictionary<(Component, string), string> keys, string instanceId)
    {
        private readonly List<ExportedFile> _flowFiles = [];
        private readonly HashSet<string> _flowNames = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, JsonNode> _flowContent = new(StringComparer.Ordinal);
        private readonly List<ExternalDependency> _external = [];
        private readonly List<ResourceAddress> _skipped = [];
        private readonly Dictionary<Component, int> _counts = [];
        private readonly List<string> _notes = [];
        private readonly List<Regex> _include = options.Include.Select(AddressPattern.Compile).ToList();
        private readonly List<Regex> _exclude = options.Exclude.Select(AddressPattern.Compile).ToList();

        public ExportResult Build(LiveResource instance, string alias, IReadOnlyList<Reconciler> reconcilers)
        {
            var config = new JsonObject { ["Region"] = context.Region, ["State"] = new JsonObject { ["Backend"] = "Local" } };
            config["Instance"] = InstanceEntry(instance, alias);
            _counts[Component.Instance] = 1;
            foreach (var component in ConfigEntries.ComponentOrder)
            {
                if (options.Components.Count > 0 && !options.Components.Contains(component)) continue;
                if (reconcilers.FirstOrDefault(r => r.Component == component) is not { } reconciler) continue;
                AddComponent(config, reconciler, live.GetValueOrDefault(component) ?? []);
            }
            _external.Sort((a, b) => string.CompareOrdinal($"{a.ReferencedBy}\n{a.Arn}", $"{b.ReferencedBy}\n{b.Arn}"));
            NoteWhatIsMissing(config, instance);

            // Validate as the binder would read the files back (flows inline: nothing is on disk yet).
            var bindTree = (JsonObject)config.DeepClone();
            foreach (var flow in (bindTree["ContactFlows"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var path = JsonValues.AsString(flow["Path"])!;
                flow.Remove("Path");
                flow["Content"] = _flowContent[path].ToJsonString();
            }
            if (options.ForClone && JsonValues.AsString(instance.Properties["IdentityManagementType"]) == "EXISTING_DIRECTORY")
            {
                // Creating such an instance needs the target's directory, which the source cannot tell: the operator adds it.
                _notes.Add("The instance uses an existing directory: add Instance.DirectoryId = 'd-…' (the target's directory) before applying this config to create another instance.");
                bindTree["Instance"]!["Id"] = instanceId;
            }
            var bound = ConfigBinder.Bind(ConfigEntries.ToNode(bindTree, new SourcePosition(options.ConfigPath, 1, 1)), options.ConfigPath,
                (component, name) => context.Ids.TryGetId(component, name, out _));
            if (bound.Config is not { } model)
            {
                throw new ImperativeException("ConnectOps.ExportInvalid", EngineErrorKind.InvalidData,
                    $"The export of instance {instanceId} does not validate as a config ({bound.Errors.Count} error(s)): " +
                    string.Join("; ", bound.Errors.Take(5).Select(e => $"{e.KeyPath}: {e.Message.TrimEnd('.')}")) + ". Narrow it with -Component/-Exclude, and please report this.");
            }

            var header = new List<string>
            {
                $"Exported by Export-ConnectConfig from Amazon Connect instance '{alias}' ({instanceId}) in {context.Region}" +
                    (options.ForClone ? ", for cloning: apply it to another instance (set Instance.Alias first)." : "."),
                "References are by key; flow files under ./flows name other resources with ${Component/Key} placeholders.",
            };
            header.AddRange(_notes.Select(n => "NOTE: " + n));
            return new ExportResult
            {
                InstanceId = instanceId,
                InstanceArn = instance.Arn ?? "",
                InstanceAlias = alias,
                Region = context.Region,
                Config = config,
                ConfigText = PsdWriter.Write(config, header),
                BoundConfig = model,
                FlowFiles = _flowFiles.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList(),
                State = options.WithState ? BuildState(model, instance, reconcilers) : null,
                Counts = _counts,
                ExternalDependencies = _external,
                SkippedDefaults = _skipped,
                Notes = _notes,
            };
        }

        private JsonObject InstanceEntry(LiveResource instance, string alias)
        {
            var p = instance.Properties;
            var entry = new JsonObject();
            if (!options.ForClone) entry["Id"] = instanceId;
            entry["Alias"] = alias;
            entry["IdentityManagementType"] = JsonValues.AsString(p["IdentityManagementType"]);
            foreach (var name in new[] { "InboundCallsEnabled", "OutboundCallsEnabled" }) entry[name] = JsonValues.AsBool(p[name]) ?? false;
            foreach (var name in new[] { "ContactFlowLogsEnabled", "ContactLensEnabled", "AutoResolveBestVoicesEnabled", "EarlyMediaEnabled", "MultiPartyConferenceEnabled" })
            {
                if (JsonValues.AsBool(p[name]) is { } on) entry[name] = on;
            }
            if (live.GetValueOrDefault(Component.Logging)?.FirstOrDefault() is { } logs && JsonValues.AsLong(logs.Properties["RetentionInDays"]) is { } days and > 0)
                entry["LogRetentionDays"] = days;
            if (live.GetValueOrDefault(Component.Iam)?.FirstOrDefault() is { } role)
            {
                var policies = JsonValues.Strings(role.Properties["PolicyArns"]);
                if (policies.Count == 1) entry["IamPolicyArn"] = policies[0];
                else if (policies.Count > 1) _notes.Add($"The role {role.Name} has {policies.Count} policies attached; the config names one (IamPolicyArn), so the role is not exported.");
            }
            if (Tags(p["Tags"]) is { } tags) entry["Tags"] = tags;
            return entry;
        }

        private void AddComponent(JsonObject config, Reconciler reconciler, IReadOnlyList<LiveResource> items)
        {
            var component = reconciler.Component;
            if (component == Component.HierarchyStructure)
            {
                if (items.FirstOrDefault() is { } structure)
                {
                    config["HierarchyStructure"] = structure.Properties["Levels"]?.DeepClone();
                    _counts[component] = 1;
                }
                return;
            }
            var (topKey, nameKey) = ConfigEntries.Shape(component);
            var entries = new List<(string Key, JsonObject Entry)>();
            // In key order, so flow file names (and any suffix that makes one unique) do not depend on the read's order.
            foreach (var resource in items.OrderBy(r => keys[(component, r.Id)], StringComparer.OrdinalIgnoreCase).ThenBy(r => keys[(component, r.Id)], StringComparer.Ordinal))
            {
                var key = keys[(component, resource.Id)];
                var address = new ResourceAddress(component, key);
                if (resource.IsDefault && !options.IncludeDefaults)
                {
                    _skipped.Add(address);
                    continue;
                }
                if (!Selected(resource.Name, key)) continue;
                var properties = reconciler.Comparable(context, Planner.Translate(context, reconciler, resource.Properties));
                var entry = ConfigEntries.FromProperties(reconciler, key, properties);
                // Sets of names (quick connects, permissions, security profiles) sorted: AWS lists them in no set order.
                foreach (var spec in reconciler.Properties.Where(p => p.Unordered))
                {
                    if (entry[spec.Name] is JsonArray set && set.All(i => i is JsonValue))
                        entry[spec.Name] = JsonValues.StringArray(JsonValues.Strings(set).Order(StringComparer.Ordinal).ToList());
                }
                Tidy(component, address, entry, resource, properties);
                entries.Add((key, entry));
            }
            if (entries.Count == 0) return;
            _counts[component] = entries.Count;
            var ordered = entries.OrderBy(e => e.Key, StringComparer.OrdinalIgnoreCase).ToList();
            config[topKey] = nameKey is null
                ? new JsonObject(ordered.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Entry)))
                : new JsonArray(ordered.Select(e => (JsonNode)e.Entry).ToArray());
        }

        private bool Selected(string name, string key)
        {
            bool Any(List<Regex> patterns) => patterns.Any(p => p.IsMatch(name) || p.IsMatch(key));
            return (_include.Count == 0 || Any(_include)) && !Any(_exclude);
        }

        /// <summary>Per component: what the config writes differently from the model, and values that are defaults anyway.</summary>
        private void Tidy(Component component, ResourceAddress address, JsonObject entry, LiveResource resource, JsonObject properties)
        {
            if (entry["Tags"] is { } tags)
            {
                if (Tags(tags) is { } kept) entry["Tags"] = kept;
                else entry.Remove("Tags");
            }
            switch (component)
            {
                case Component.ContactFlows:
                    entry.Remove("Content");
                    if (JsonValues.AsString(entry["Status"]) == "PUBLISHED") entry.Remove("Status");
                    AddFlowFile(address, entry, resource, properties["Content"]);
                    // Name, Type, Path first, as hand-written configs have them.
                    Reorder(entry, "Name", "Type", "Path");
                    break;
                case Component.Queues:
                    if (JsonValues.AsLong(entry["MaxContacts"]) is 0) entry.Remove("MaxContacts");
                    if (JsonValues.AsString(entry["Status"]) == "ENABLED") entry.Remove("Status");
                    break;
                case Component.RoutingProfiles:
                    // An unordered set: sorted, so the file reads in priority order and does not depend on the read's order.
                    if (entry["QueueConfigs"] is JsonArray queueConfigs)
                    {
                        entry["QueueConfigs"] = new JsonArray(queueConfigs.OfType<JsonObject>()
                            .OrderBy(q => JsonValues.AsLong(q["Priority"])).ThenBy(q => JsonValues.AsString(q["Queue"]), StringComparer.OrdinalIgnoreCase)
                            .ThenBy(q => JsonValues.AsString(q["Channel"]), StringComparer.Ordinal).Select(q => q.DeepClone()).ToArray());
                    }
                    foreach (var m in (entry["MediaConcurrencies"] as JsonArray ?? []).OfType<JsonObject>())
                    {
                        if (JsonValues.AsString(m["CrossChannelBehavior"]) == "ROUTE_CURRENT_CHANNEL_ONLY") m.Remove("CrossChannelBehavior");
                    }
                    break;
                case Component.Users:
                    if (JsonValues.AsBool(entry["AutoAccept"]) == false) entry.Remove("AutoAccept");
                    if (JsonValues.AsLong(entry["AfterContactWorkTimeLimit"]) is 0) entry.Remove("AfterContactWorkTimeLimit");
                    break;
                case Component.PhoneNumbers:
                    if (options.ForClone && JsonValues.AsString(entry["PhoneNumber"]) is { Length: > 0 } number)
                    {
                        // A new claim in the target: same country and type, and the number's first digits as the prefix.
                        entry.Remove("PhoneNumber");
                        entry["Prefix"] = number.Length > 5 ? number[..5] : number;
                        Reorder(entry, "CountryCode", "Type", "Prefix");
                    }
                    break;
            }
        }

        private static void Reorder(JsonObject entry, params string[] first)
        {
            var copy = entry.Select(p => (p.Key, Value: p.Value?.DeepClone())).ToList();
            entry.Clear();
            foreach (var (key, value) in copy.Where(p => first.Contains(p.Key)).OrderBy(p => Array.IndexOf(first, p.Key)).Concat(copy.Where(p => !first.Contains(p.Key))))
                entry[key] = value;
        }

        private void AddFlowFile(ResourceAddress address, JsonObject entry, LiveResource resource, JsonNode? keySpaceContent)
        {
            var file = ExportKeys.FlowFile(resource.Name, _flowNames);
            var relative = $"{FlowsFolder}/{file}";
            entry["Path"] = "./" + relative;
            var content = keySpaceContent ?? new JsonObject();
            _flowContent["./" + relative] = content;
            var text = content is JsonValue v && JsonValues.AsString(v) is { } raw ? raw : content.ToJsonString(FlowJson);
            _flowFiles.Add(new ExportedFile(relative, text.ReplaceLineEndings("\n") + "\n"));
            foreach (var arn in FlowContent.RemainingArns(resource.Properties["Content"]))
            {
                if (arn == context.InstanceArn || Enum.GetValues<Component>().Any(c => context.Ids.KeyOf(c, arn) is not null)) continue;
                _external.Add(new ExternalDependency(address, arn, arn.Contains(instanceId, StringComparison.OrdinalIgnoreCase)));
            }
        }

        /// <summary>Tags without the ones AWS reserves (aws:…) and ConnectOps' own claim marker; null when none are left.</summary>
        private static JsonObject? Tags(JsonNode? tags)
        {
            if (tags is not JsonObject o) return null;
            var kept = new JsonObject();
            foreach (var (k, v) in o)
            {
                if (k.StartsWith("aws:", StringComparison.OrdinalIgnoreCase) || k == Reconcilers.PhoneNumbers.PhoneNumberReconciler.AddressTag) continue;
                kept[k] = v?.DeepClone();
            }
            return kept.Count == 0 ? null : kept;
        }

        private void NoteWhatIsMissing(JsonObject config, LiveResource instance)
        {
            if (config["Users"] is JsonArray { Count: > 0 })
            {
                if (!options.UserContactInfo)
                {
                    _notes.Add("Users are exported without Email, SecondaryEmail and Mobile: Amazon Connect's bulk user search (SearchUsers) does not return them. " +
                               "Add them to the entries that need them, or export with -IncludeUserContactInfo (one DescribeUser per user).");
                }
                if (JsonValues.AsString(instance.Properties["IdentityManagementType"]) == "CONNECT_MANAGED")
                {
                    _notes.Add("Passwords are never exported. Before applying this config where the users do not exist yet (another instance), give each user " +
                               "PasswordSecret = '<Secrets Manager secret name or ARN>', or create them first with New-ConnectUser -Password: a CONNECT_MANAGED instance refuses a user without one.");
                }
            }
            if (config["PhoneNumbers"] is JsonObject { Count: > 0 })
            {
                _notes.Add(options.ForClone
                    ? "Phone numbers are new claims (CountryCode, Type, Prefix): applying this config claims other numbers of the same kind."
                    : "Phone numbers are exported by their number: applying this config to the same instance adopts them. Their tags are not exported (only DescribePhoneNumber returns them).");
            }
            foreach (var d in _external)
            {
                _notes.Add(d.InsideInstance
                    ? $"{d.ReferencedBy} names {d.Arn}, an instance resource ConnectOps does not manage (a prompt?): create it in the target and change the flow."
                    : $"{d.ReferencedBy} names {d.Arn}, outside the instance: it is kept as it is (an external dependency).");
            }
        }

        /// <summary>The state an apply of the export would record: every exported resource, Origin=Config.</summary>
        private StateDocument BuildState(ConnectConfig model, LiveResource instance, IReadOnlyList<Reconciler> reconcilers)
        {
            var state = StateDocument.New().WithInstance(new InstanceState(instanceId, instance.Arn ?? "", context.Region, context.AccountId));
            foreach (var reconciler in reconcilers)
            {
                IReadOnlyList<LiveResource> items = reconciler.Component == Component.Instance ? [instance] : live.GetValueOrDefault(reconciler.Component) ?? [];
                foreach (var desired in reconciler.Desired(model))
                {
                    var match = Match(reconciler, desired, items);
                    if (match is null) continue;
                    state = state.WithResource(desired.Address, Executor.Record(reconciler, desired, match.Id, match.Arn, ResourceOrigin.Config, match.Properties));
                }
            }
            // The outputs an apply would have written: the first plan is empty, so no apply comes to write them.
            return Workspace.WithOutputs(state, model);
        }

        private LiveResource? Match(Reconciler reconciler, DesiredResource desired, IReadOnlyList<LiveResource> items)
        {
            if (!reconciler.InsideInstance || ResourceAddress.IsSingleton(reconciler.Component)) return items.FirstOrDefault();
            return items.FirstOrDefault(r => keys.TryGetValue((reconciler.Component, r.Id), out var key) && string.Equals(key, desired.Address.Key, StringComparison.OrdinalIgnoreCase));
        }
    }
}
