using ConnectOps.Engine.Abstractions;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Reconcilers;
using ConnectOps.Engine.Reconcilers.Framework;
using ConnectOps.Engine.State;

namespace ConnectOps.Engine.Imperative;

/// <summary>
/// What the Get- cmdlets show: every resource of one component as AWS has it, read with the reconciler's bulk read
/// (Search/List pages; never one Describe per resource), references turned into names, and who manages it from state.
/// Works with a config and its state, or with only an instance id (no config file).
/// </summary>
public static class ResourceReader
{
    public static async Task<IReadOnlyList<ResourceView>> ReadAsync(
        ConnectConfig config, StateDocument? state, AwsServices aws, IHost host, Component component, string? instanceId,
        CancellationToken cancellationToken, IReadOnlyList<Reconciler>? reconcilers = null)
    {
        reconcilers ??= ReconcilerRegistry.All;
        var reconciler = reconcilers.FirstOrDefault(r => r.Component == component)
            ?? throw new ImperativeException("ConnectOps.ComponentNotSupported", EngineErrorKind.InvalidOperation, $"ConnectOps cannot read {component} in this version.");
        var ids = new IdIndex();
        var context = new ReconcileContext(aws, config, ids, host);
        var resources = state?.Resources ?? StateDocument.New().Resources;
        foreach (var (address, resource) in resources)
        {
            if (resource.Id is { Length: > 0 } id) ids.Set(address.Component, address.Key ?? "", id, resource.Arn);
        }
        var instance = instanceId ?? state?.Instance?.Id ?? config.Instance.Id
            ?? throw new ImperativeException("ConnectOps.NoInstance", EngineErrorKind.ObjectNotFound,
                $"No Amazon Connect instance is known: the state of {Path.GetFileName(config.ConfigPath)} has none yet. Run Invoke-ConnectApply first, or pass -InstanceId.");
        if (instance.StartsWith("arn:", StringComparison.Ordinal))
        {
            context.InstanceArn = instance;
            context.InstanceId = instance[(instance.LastIndexOf('/') + 1)..];
        }
        else
        {
            context.InstanceId = instance;
            context.InstanceArn = state?.Instance is { } known && known.Id == instance ? known.Arn : null;
        }

        var read = await LiveReader.ReadAsync(context, reconcilers, LiveReader.ReadSet(reconcilers, [component]), includeOutsideInstance: false, cancellationToken).ConfigureAwait(false);
        LiveReader.IndexNames(context, read);
        var own = read.GetValueOrDefault(component) ?? [];

        var byId = resources.Where(p => p.Key.Component == component && p.Value.Id is not null)
            .GroupBy(p => p.Value.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var declared = reconciler.Desired(config).GroupBy(d => d.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Address, StringComparer.OrdinalIgnoreCase);
        var views = new List<ResourceView>();
        foreach (var live in own)
        {
            var properties = Planner.Translate(context, reconciler, live.Properties);
            ResourceAddress address;
            string? origin = null;
            if (byId.TryGetValue(live.Id, out var entry))
            {
                address = entry.Key;
                origin = entry.Value.Origin.ToString();
                foreach (var spec in reconciler.Properties)
                {
                    if (!properties.ContainsKey(spec.Name) && entry.Value.Attributes[spec.Name] is { } recorded) properties[spec.Name] = recorded.DeepClone();
                }
            }
            else
            {
                address = declared.TryGetValue(live.Name, out var a) ? a : new ResourceAddress(component, live.Name.Length > 0 ? live.Name : live.Id);
            }
            properties.Remove("Name");
            views.Add(new ResourceView(address, live.Name, live.Id, live.Arn, origin, properties));
        }
        return views.OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
