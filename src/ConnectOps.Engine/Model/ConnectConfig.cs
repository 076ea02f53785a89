using ConnectOps.Engine.Addressing;

namespace ConnectOps.Engine.Model;

/// <summary>
/// A whole, valid config (one instance). Built only by <c>ConfigBinder</c>; every reference in it resolves
/// to a declared resource or a built-in default (<see cref="BuiltInResources"/>).
/// </summary>
public sealed record ConnectConfig
{
    /// <summary>Full path of the config file (or the name the tree was read under).</summary>
    public required string ConfigPath { get; init; }

    /// <summary>"sha256:…" of the normalised config tree and the flow files (see ConfigHasher).</summary>
    public required string ConfigHash { get; init; }

    public string? Region { get; init; }

    public required StateSettings State { get; init; }

    public EndpointSettings Endpoints { get; init; } = EndpointSettings.None;

    public ValueList<RateLimitOverride> RateLimits { get; init; } = ValueList<RateLimitOverride>.Empty;

    public required InstanceSpec Instance { get; init; }

    /// <summary>Tags applied to every taggable resource; a resource's own Tags win.</summary>
    public TagSet Tags { get; init; } = TagSet.Empty;

    public ValueList<HoursOfOperationSpec> HoursOfOperation { get; init; } = ValueList<HoursOfOperationSpec>.Empty;

    public ValueList<QueueSpec> Queues { get; init; } = ValueList<QueueSpec>.Empty;

    public ValueList<RoutingProfileSpec> RoutingProfiles { get; init; } = ValueList<RoutingProfileSpec>.Empty;

    public ValueList<SecurityProfileSpec> SecurityProfiles { get; init; } = ValueList<SecurityProfileSpec>.Empty;

    public ValueList<QuickConnectSpec> QuickConnects { get; init; } = ValueList<QuickConnectSpec>.Empty;

    public ValueList<PhoneNumberSpec> PhoneNumbers { get; init; } = ValueList<PhoneNumberSpec>.Empty;

    public ValueList<ContactFlowSpec> ContactFlows { get; init; } = ValueList<ContactFlowSpec>.Empty;

    public HierarchyStructureSpec? HierarchyStructure { get; init; }

    public ValueList<HierarchyGroupSpec> HierarchyGroups { get; init; } = ValueList<HierarchyGroupSpec>.Empty;

    /// <summary>The config's Users; the AdminUser, if any, is last (with IsAdminUser set).</summary>
    public ValueList<UserSpec> Users { get; init; } = ValueList<UserSpec>.Empty;

    public ValueList<LambdaFunctionSpec> LambdaFunctions { get; init; } = ValueList<LambdaFunctionSpec>.Empty;

    public ValueList<LexBotSpec> LexBots { get; init; } = ValueList<LexBotSpec>.Empty;

    /// <summary>Components whose irreversible deletes the config allows (e.g. PhoneNumbers, Instance).</summary>
    public ValueList<Component> AllowDestroy { get; init; } = ValueList<Component>.Empty;

    /// <summary>What the config load warned about (also shown as plan warnings).</summary>
    public ValueList<Config.ConfigError> Warnings { get; init; } = ValueList<Config.ConfigError>.Empty;

    public UserSpec? AdminUser => Users.FirstOrDefault(u => u.IsAdminUser);

    /// <summary>Every declared resource, in component order (singletons included).</summary>
    public IEnumerable<IResourceSpec> AllResources()
    {
        yield return Instance;
        foreach (var r in LambdaFunctions) yield return r;
        foreach (var r in LexBots) yield return r;
        foreach (var r in HoursOfOperation) yield return r;
        foreach (var r in PhoneNumbers) yield return r;
        foreach (var r in ContactFlows) yield return r;
        foreach (var r in Queues) yield return r;
        foreach (var r in QuickConnects) yield return r;
        foreach (var r in RoutingProfiles) yield return r;
        foreach (var r in SecurityProfiles) yield return r;
        if (HierarchyStructure is not null) yield return HierarchyStructure;
        foreach (var r in HierarchyGroups) yield return r;
        foreach (var r in Users) yield return r;
    }
}
