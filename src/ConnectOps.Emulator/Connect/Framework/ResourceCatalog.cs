namespace ConnectOps.Emulator.Connect.Framework;

/// <summary>All resource kinds of an instance, by name.</summary>
internal sealed class ResourceCatalog
{
    private readonly Dictionary<string, ResourceKind> kinds;

    public ResourceCatalog(IEnumerable<ResourceKind> kinds)
    {
        this.kinds = kinds.ToDictionary(k => k.Name, StringComparer.Ordinal);
    }

    public IEnumerable<ResourceKind> Kinds => kinds.Values;

    public ResourceKind this[string name] =>
        kinds.TryGetValue(name, out var kind) ? kind : throw new KeyNotFoundException($"No resource kind {name}.");

    public T Get<T>()
        where T : ResourceKind => kinds.Values.OfType<T>().Single();
}
