using ConnectOps.Engine.Reconcilers.ContactFlows;
using ConnectOps.Engine.Reconcilers.Framework;
using ConnectOps.Engine.Reconcilers.HierarchyGroups;
using ConnectOps.Engine.Reconcilers.HierarchyStructure;
using ConnectOps.Engine.Reconcilers.HoursOfOperation;
using ConnectOps.Engine.Reconcilers.Iam;
using ConnectOps.Engine.Reconcilers.Instance;
using ConnectOps.Engine.Reconcilers.LambdaFunctions;
using ConnectOps.Engine.Reconcilers.LexBots;
using ConnectOps.Engine.Reconcilers.Logging;
using ConnectOps.Engine.Reconcilers.PhoneNumbers;
using ConnectOps.Engine.Reconcilers.Queues;
using ConnectOps.Engine.Reconcilers.QuickConnects;
using ConnectOps.Engine.Reconcilers.RoutingProfiles;
using ConnectOps.Engine.Reconcilers.SecurityProfiles;
using ConnectOps.Engine.Reconcilers.Users;

namespace ConnectOps.Engine.Reconcilers;

/// <summary>
/// Every component ConnectOps manages, in dependency order. A new component is one folder under
/// Reconcilers/ plus one line here.
/// </summary>
public static class ReconcilerRegistry
{
    public static IReadOnlyList<Reconciler> All { get; } =
    [
        new InstanceReconciler(),
        new ConnectRoleReconciler(),
        new ContactFlowLogsReconciler(),
        new LambdaFunctionReconciler(),
        new LexBotReconciler(),
        new HoursOfOperationReconciler(),
        new PhoneNumberReconciler(),
        new ContactFlowReconciler(),
        new QueueReconciler(),
        new SecurityProfileReconciler(),
        new RoutingProfileReconciler(),
        new HierarchyStructureReconciler(),
        new HierarchyGroupReconciler(),
        new UserReconciler(),
        new QuickConnectReconciler(),
    ];
}
