using ConnectOps.Emulator.Models;
using ConnectOps.Emulator.Protocols;

namespace ConnectOps.Emulator.Hosting;

/// <summary>The operations the emulator implements, by "Service.Operation". Registration checks the name against the model.</summary>
internal sealed class HandlerRegistry
{
    private readonly Dictionary<string, OperationHandler> handlers = new(StringComparer.Ordinal);

    public void Add(ServiceModel model, string operation, OperationHandler handler)
    {
        if (!model.Operations.ContainsKey(operation))
        {
            throw new InvalidOperationException($"{model.Name}.{operation} is not in the {model.Name} model.");
        }

        if (!handlers.TryAdd($"{model.Name}.{operation}", handler))
        {
            throw new InvalidOperationException($"{model.Name}.{operation} is registered twice.");
        }
    }

    public bool TryGet(Operation operation, out OperationHandler handler) =>
        handlers.TryGetValue($"{operation.Service.Name}.{operation.Name}", out handler!);

    /// <summary>Operation counts per service, for the health endpoint and the docs.</summary>
    public IReadOnlyDictionary<string, int> CountByService() =>
        handlers.Keys.GroupBy(k => k[..k.IndexOf('.', StringComparison.Ordinal)]).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public IEnumerable<string> Names => handlers.Keys.Order(StringComparer.Ordinal);
}
