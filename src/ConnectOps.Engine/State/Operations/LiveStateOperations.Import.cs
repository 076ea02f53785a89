using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Engine.State.Operations;

public sealed partial class LiveStateOperations
{
    /// <summary>
    /// Brings one existing resource under management at <paramref name="address"/> (terraform import): found by
    /// its AWS id or ARN (<paramref name="id"/>) or its name (<paramref name="name"/>) in the component's bulk
    /// read, and written to state with Origin=Import. Nothing changes in AWS; the next plan shows how it differs
    /// from the config. The instance is adopted too when state does not have it yet.
    /// </summary>
    public Task<ImportResult?> ImportAsync(ResourceAddress address, string? id, string? name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        if ((id is null) == (name is null)) throw new ArgumentException("Give either an id or a name.");
        var reconciler = ReconcilerFor(address.Component);
        return Locked.UnderLockAsync<ImportResult?>("import", async snapshot =>
        {
            var state = snapshot?.Document ?? StateDocument.New();
            if (state.Resources.TryGetValue(address, out var existing))
            {
                throw new StateOperationException("ConnectOps.AddressInState",
                    $"{address} is already in state (id {existing.Id}). To point it at another resource, Remove-ConnectStateResource {address} first.");
            }
            var context = NewContext();
            if (address.Component == Component.Instance && id is not null) context.InstanceId = id;
            var live = await LiveReader.ReadAsync(context, _reconcilers, state, LiveReader.ReadSet(_reconcilers, [address.Component]), cancellationToken).ConfigureAwait(false);
            if (reconciler.InsideInstance && context.InstanceId is null)
            {
                throw new StateOperationException("ConnectOps.ImportNeedsInstance",
                    $"The Connect instance is not in state and none was found by the config's alias, so {address} cannot be looked up. " +
                    "Import the instance first: Import-ConnectResource -Address Instance -Id <instance id>.");
            }
            var items = live.GetValueOrDefault(address.Component) ?? [];
            var match = id is not null
                ? items.FirstOrDefault(r => r.Id == id || string.Equals(r.Arn, id, StringComparison.Ordinal))
                : items.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                var similar = items.Select(r => r.Name).Where(n => name is not null && n.Contains(name, StringComparison.OrdinalIgnoreCase)).Take(5).ToList();
                throw new StateOperationException("ConnectOps.ImportNotFound",
                    $"No {address.Component} resource {(id is not null ? $"with id or ARN '{id}'" : $"named '{name}'")} exists in AWS{(reconciler.InsideInstance ? $" (instance {context.InstanceId})" : "")}. " +
                    (similar.Count > 0 ? $"Similar names: {string.Join(", ", similar)}. " : "") + "Check the id or name; nothing was imported.");
            }
            var claimed = state.Resources.FirstOrDefault(p => p.Key.Component == address.Component && p.Value.Id == match.Id);
            if (claimed.Key is not null)
            {
                throw new StateOperationException("ConnectOps.ImportAlreadyManaged",
                    $"{address.Component} '{match.Name}' (id {match.Id}) is already in state as {claimed.Key}. Use Move-ConnectStateResource {claimed.Key} {address} to rename it.");
            }
            var desired = DesiredAt(address);
            var resource = Entry(reconciler, context, match, desired, ResourceOrigin.Import);
            var imported = new List<ImportedResource>();
            var next = state;
            if (reconciler.InsideInstance && state.Instance is null && live.GetValueOrDefault(Component.Instance) is [var instance])
            {
                var instanceReconciler = ReconcilerFor(Component.Instance);
                next = With(next, ResourceAddress.Instance, Entry(instanceReconciler, context, instance, DesiredAt(ResourceAddress.Instance), ResourceOrigin.Import));
                imported.Add(new ImportedResource(ResourceAddress.Instance, instance.Id, instance.Arn, DesiredAt(ResourceAddress.Instance) is not null, 0));
            }
            next = With(next, address, resource);
            var differences = Differences(reconciler, desired, Planner.Translate(context, reconciler, match.Properties));
            imported.Add(new ImportedResource(address, match.Id, match.Arn, desired is not null, differences));
            var what = $"Import {address.Component} '{match.Name}' (id {match.Id}) as {address} into the state at {Store.Location}" +
                       (imported.Count > 1 ? $", with the instance {imported[0].Id}" : "") + ". Nothing changes in AWS.";
            if (!Host.ShouldProcess(address.ToString(), "Import", what)) return null;
            if (desired is null) Host.WriteWarning($"{address} is not in the config: it is managed by cmdlets only (Origin=Import), and never deleted by an apply.");
            else if (differences > 0) Host.WriteWarning($"{address} differs from the config in {differences} propert{(differences == 1 ? "y" : "ies")}: Invoke-ConnectPlan shows the update the next apply makes.");
            var written = await Store.WriteAsync(next, snapshot, cancellationToken).ConfigureAwait(false);
            return new ImportResult(written.Document.Serial, Store.Location, imported);
        }, cancellationToken);
    }

    /// <summary>
    /// Adopts every config resource not in state whose name matches a live resource: exactly the planner's Import
    /// actions (the instance by alias, default resources the config declares, resources made before ConnectOps),
    /// written with Origin=Import. Nothing changes in AWS.
    /// </summary>
    public Task<ImportResult?> ImportAllAsync(CancellationToken cancellationToken) =>
        Locked.UnderLockAsync<ImportResult?>("import", async snapshot =>
        {
            var state = snapshot?.Document ?? StateDocument.New();
            var context = NewContext();
            var changes = await new Planner(_reconcilers).PlanAsync(context, state, new PlanScope(), cancellationToken).ConfigureAwait(false);
            var next = state;
            var imported = new List<ImportedResource>();
            foreach (var change in changes.Where(c => c.Action == ChangeAction.Import && c.Id is not null && c.Live is not null))
            {
                var what = $"Import {change.Address} (id {change.Id}) into the state at {Store.Location}. Nothing changes in AWS" +
                           (change.Deltas.Count > 0 ? $"; the next apply updates {string.Join(", ", change.Deltas.Select(d => d.Spec.Name))}." : ".");
                if (!Host.ShouldProcess(change.Address.ToString(), "Import", what)) continue;
                var attributes = (System.Text.Json.Nodes.JsonObject)change.Live!.DeepClone();
                attributes["Name"] = change.Desired?.Name;
                var resource = new ResourceState(change.Id!, change.Arn, ResourceOrigin.Import, attributes, (change.Desired?.DependsOn ?? []).ToValueList());
                next = With(next, change.Address, resource);
                imported.Add(new ImportedResource(change.Address, change.Id!, change.Arn, true, change.Deltas.Count));
            }
            if (imported.Count == 0)
            {
                Host.WriteVerbose("Nothing to import: every config resource that exists in AWS is already in state.");
                return null;
            }
            var written = await Store.WriteAsync(next, snapshot, cancellationToken).ConfigureAwait(false);
            return new ImportResult(written.Document.Serial, Store.Location, imported);
        }, cancellationToken);
}
