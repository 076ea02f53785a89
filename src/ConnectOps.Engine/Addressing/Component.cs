namespace ConnectOps.Engine.Addressing;

/// <summary>
/// The components of a contact centre, in dependency order (a component only refers to ones above it,
/// except the queue ↔ quick-connect cycle, which the planner breaks).
/// <para><see cref="Instance"/> and <see cref="HierarchyStructure"/> are singletons: their address has no key
/// ("Instance", "HierarchyStructure"). The config's <c>AdminUser</c> is not a component of its own: it
/// binds to a user addressed <c>Users/&lt;Username&gt;</c> (with Admin defaults), so state, -Target and the
/// cmdlets treat it like any other user.</para>
/// </summary>
public enum Component
{
    Instance,
    Iam,
    Logging,
    LambdaFunctions,
    LexBots,
    HoursOfOperation,
    PhoneNumbers,
    ContactFlows,
    Queues,
    QuickConnects,
    RoutingProfiles,
    SecurityProfiles,
    HierarchyStructure,
    HierarchyGroups,
    Users,
}
