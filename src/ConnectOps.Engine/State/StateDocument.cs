using System.Collections.Immutable;
using ConnectOps.Engine.Addressing;

namespace ConnectOps.Engine.State;

/// <summary>
/// The state of one contact centre: <see cref="Lineage"/> (fixed at creation; a write from another lineage
/// is refused), <see cref="Serial"/> (incremented by the store on every write), the instance, the managed
/// resources by address (ordered by component, then key) and outputs. Immutable: use the With* methods.
/// </summary>
public sealed record StateDocument
{
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    public required Guid Lineage { get; init; }

    public long Serial { get; init; }

    public InstanceState? Instance { get; init; }

    public ImmutableSortedDictionary<ResourceAddress, ResourceState> Resources { get; init; } =
        ImmutableSortedDictionary<ResourceAddress, ResourceState>.Empty;

    public ImmutableSortedDictionary<string, string> Outputs { get; init; } =
        ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>A new, empty state with a fresh lineage and serial 0 (the first write makes it 1).</summary>
    public static StateDocument New() => new() { Lineage = Guid.NewGuid() };

    public ResourceState? Get(ResourceAddress address) => Resources.GetValueOrDefault(address);

    public StateDocument WithResource(ResourceAddress address, ResourceState resource) =>
        this with { Resources = Resources.SetItem(address, resource) };

    public StateDocument WithoutResource(ResourceAddress address) => this with { Resources = Resources.Remove(address) };

    public StateDocument WithInstance(InstanceState? instance) => this with { Instance = instance };

    public StateDocument WithOutput(string name, string? value) =>
        this with { Outputs = value is null ? Outputs.Remove(name) : Outputs.SetItem(name, value) };

    public bool Equals(StateDocument? other) =>
        other is not null && FormatVersion == other.FormatVersion && Lineage == other.Lineage && Serial == other.Serial &&
        Equals(Instance, other.Instance) && Resources.Count == other.Resources.Count &&
        Resources.All(kv => other.Resources.TryGetValue(kv.Key, out var r) && kv.Value.Equals(r)) &&
        Outputs.SequenceEqual(other.Outputs);

    public override int GetHashCode() => HashCode.Combine(Lineage, Serial, Resources.Count);
}
