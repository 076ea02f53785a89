using ConnectOps.Emulator.Connect.Components;
using ConnectOps.Emulator.Connect.Framework;
using ConnectOps.Emulator.Hosting;

namespace ConnectOps.Emulator.Connect;

/// <summary>Amazon Connect: the resource kinds (served by the generic handlers) plus the operations that differ.</summary>
internal static class ConnectService
{
    public static void Register(HandlerRegistry registry)
    {
        var catalog = new ResourceCatalog(
        [
            new HoursOfOperationKind(), new QueueKind(), new RoutingProfileKind(), new SecurityProfileKind(),
            new QuickConnectKind(), new ContactFlowKind(), new UserKind(), new HierarchyGroupKind(),
        ]);
        foreach (var kind in catalog.Kinds)
        {
            ResourceHandlers.Register(registry, catalog, kind);
        }

        InstanceOperations.Register(registry, catalog);
        HierarchyStructure.Register(registry, catalog);
        PhoneNumberOperations.Register(registry, catalog);
        IntegrationOperations.Register(registry, catalog);
        TagOperations.Register(registry, catalog);
    }
}
