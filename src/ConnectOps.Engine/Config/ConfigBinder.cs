using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.Config;

/// <summary>
/// Binds the neutral config tree to <see cref="ConnectConfig"/> and validates it: types, required keys,
/// enums, API limits, times, time zones, duplicate names and by-key references. All errors are collected;
/// a config with any error yields no model. The component parts live in ConfigBinder.*.cs.
/// </summary>
public sealed partial class ConfigBinder
{
    private readonly BindContext _ctx;
    private readonly NameRegistry _names;

    /// <summary>
    /// A config that names only an existing instance (and its Region, when given): what the readers need when a command
    /// is given an instance instead of a config file (Get- cmdlets with -InstanceId, Export-ConnectConfig).
    /// </summary>
    /// <param name="origin">What errors name as the source, e.g. "-InstanceId".</param>
    public static ConfigLoadResult BindInstance(string instanceId, string? region, string configPath, string origin)
    {
        var at = new SourcePosition(origin, 1, 1);
        var entries = new List<ConfigMapEntry> { new("Instance", at, new ConfigMap(at, [new ConfigMapEntry("Id", at, ConfigScalar.String(at, instanceId))])) };
        if (region is { Length: > 0 }) entries.Add(new ConfigMapEntry("Region", at, ConfigScalar.String(at, region)));
        return Bind(new ConfigMap(at, entries), configPath);
    }

    /// <summary>Names that exist outside the config (in state or in AWS): references to them are valid.</summary>
    private readonly Func<Component, string, bool>? _existsElsewhere;

    private ConfigBinder(string configPath, Func<Component, string, bool>? existsElsewhere = null)
    {
        _existsElsewhere = existsElsewhere;
        var directory = Path.GetDirectoryName(configPath);
        _ctx = new BindContext(configPath, string.IsNullOrEmpty(directory) ? Directory.GetCurrentDirectory() : directory);
        _names = new NameRegistry(_ctx);
    }

    /// <param name="root">The tree from the host's reader.</param>
    /// <param name="configPath">The config file's full path: relative paths (flows, local state) resolve against its folder.</param>
    /// <param name="existsElsewhere">
    /// For a config with resources added by a cmdlet: whether a name the config does not declare exists in state or
    /// in AWS (so <c>-RoutingProfile</c> may name a profile another cmdlet made). Null: only declared and built-in names.
    /// </param>
    public static ConfigLoadResult Bind(ConfigNode root, string configPath, Func<Component, string, bool>? existsElsewhere = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var binder = new ConfigBinder(configPath, existsElsewhere);
        ConnectConfig? config = null;
        try
        {
            config = binder.BindRoot(root);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A binder bug must not hide the user's real errors nor escape as a crash.
            binder._ctx.Error("ConnectOps.Config.InternalError",
                $"ConnectOps could not read this config ({e.GetType().Name}: {e.Message}). Please report this with the config file.",
                root.Position, "");
        }
        var errors = binder._ctx.Errors
            .OrderBy(e => e.Position?.File, StringComparer.Ordinal)
            .ThenBy(e => e.Position?.Line ?? 0)
            .ThenBy(e => e.Position?.Column ?? 0)
            .ToList();
        var warnings = binder._ctx.Warnings
            .OrderBy(e => e.Position?.File, StringComparer.Ordinal)
            .ThenBy(e => e.Position?.Line ?? 0)
            .ThenBy(e => e.Position?.Column ?? 0)
            .ToList();
        return errors.Count == 0 && config is not null
            ? new ConfigLoadResult(config with { Warnings = warnings.ToValueList() }, errors) { Warnings = warnings }
            : new ConfigLoadResult(null, errors) { Warnings = warnings };
    }

    private ConnectConfig? BindRoot(ConfigNode root)
    {
        if (_ctx.AsMap(root, "", "The config") is not { } map) return null;
        var top = new MapReader(_ctx, map, "");

        var region = top.Pattern("Region", ConfigPatterns.Region(), "an AWS Region such as 'eu-west-2'");
        var state = BindState(top);
        var endpoints = BindEndpoints(top);
        var rateLimits = BindRateLimits(top);
        var instance = BindInstance(top);
        var tags = top.Tags();
        var hours = BindList(top, "HoursOfOperation", BindHoursOfOperation);
        var queues = BindList(top, "Queues", BindQueue);
        var routingProfiles = BindList(top, "RoutingProfiles", BindRoutingProfile);
        var securityProfiles = BindList(top, "SecurityProfiles", BindSecurityProfile);
        var quickConnects = BindKeyedMap(top, "QuickConnects", BindQuickConnect);
        var phoneNumbers = BindKeyedMap(top, "PhoneNumbers", BindPhoneNumber);
        var contactFlows = BindList(top, "ContactFlows", BindContactFlow);
        var structure = BindHierarchyStructure(top);
        var groupNodes = BindList(top, "HierarchyGroups", BindHierarchyGroup);
        var users = BindList(top, "Users", BindUser);
        var admin = BindAdminUser(top);
        var lambdas = BindKeyedMap(top, "LambdaFunctions", BindLambdaFunction);
        var lexBots = BindList(top, "LexBots", BindLexBot);
        var allowDestroy = BindAllowDestroy(top);
        top.Finish();

        var groups = ResolveHierarchy(groupNodes, structure, top);
        if (admin is not null) users = users.Append(admin).ToList();
        CheckReferences(contactFlows);

        if (_ctx.Errors.Count > 0 || instance is null) return null;
        return new ConnectConfig
        {
            ConfigPath = _ctx.ConfigPath,
            ConfigHash = ConfigHasher.Compute(root, contactFlows),
            Region = region,
            State = state,
            Endpoints = endpoints,
            RateLimits = rateLimits,
            Instance = instance,
            Tags = tags,
            HoursOfOperation = hours.ToValueList(),
            Queues = queues.ToValueList(),
            RoutingProfiles = routingProfiles.ToValueList(),
            SecurityProfiles = securityProfiles.ToValueList(),
            QuickConnects = quickConnects.ToValueList(),
            PhoneNumbers = phoneNumbers.ToValueList(),
            ContactFlows = contactFlows.ToValueList(),
            HierarchyStructure = structure,
            HierarchyGroups = groups.ToValueList(),
            Users = users.ToValueList(),
            LambdaFunctions = lambdas.ToValueList(),
            LexBots = lexBots.ToValueList(),
            AllowDestroy = allowDestroy,
        };
    }

    /// <summary>Binds <c>Key = @( @{...}, ... )</c>: each item must be a hashtable.</summary>
    private List<T> BindList<T>(MapReader top, string key, Func<MapReader, T?> bind) where T : class
    {
        var result = new List<T>();
        var items = top.List(key);
        if (items is null) return result;
        foreach (var (node, path) in items)
        {
            if (_ctx.AsMap(node, path, $"Each entry of {key}") is not { } map) continue;
            var reader = new MapReader(_ctx, map, path);
            var value = bind(reader);
            reader.Finish();
            if (value is not null) result.Add(value);
        }
        return result;
    }

    /// <summary>Binds <c>Key = @{ key1 = @{...}; key2 = @{...} }</c>, addressed by the map keys.</summary>
    private List<T> BindKeyedMap<T>(MapReader top, string key, Func<string, MapReader, T?> bind) where T : class
    {
        var result = new List<T>();
        if (top.SubMap(key, example: "@{ key = @{ ... } }") is not { } outer) return result;
        foreach (var entry in outer.Entries)
        {
            var path = BindContext.Join(top.KeyPath(key), entry.Key);
            if (entry.Key.Trim().Length == 0)
            {
                _ctx.Error(ConfigErrorCodes.InvalidValue, $"A {key} key must not be blank: it is the resource's address ({key}/<key>).", entry.KeyPosition, path);
                continue;
            }
            if (_ctx.AsMap(entry.Value, path, $"{key} '{entry.Key}'") is not { } map) continue;
            var reader = new MapReader(_ctx, map, path);
            var value = bind(entry.Key, reader);
            reader.Finish();
            if (value is not null) result.Add(value);
        }
        return result;
    }

    private ValueList<Component> BindAllowDestroy(MapReader top)
    {
        var items = top.List("AllowDestroy", example: "@('PhoneNumbers')");
        if (items is null) return ValueList<Component>.Empty;
        var result = new List<Component>();
        foreach (var (node, path) in items)
        {
            if (_ctx.AsString(node, path, "Each entry of AllowDestroy") is not { } name) continue;
            if (ComponentNames.TryParse(name, out var component, out var error))
            {
                if (!result.Contains(component)) result.Add(component);
            }
            else
            {
                _ctx.Error(ConfigErrorCodes.InvalidEnum, $"AllowDestroy: {error}", node.Position, path);
            }
        }
        return result.ToValueList();
    }
}
