using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.Reconcilers.Framework;

/// <summary>What a desired resource waits for: the instance and the resources it references, except built-ins.</summary>
public static class Dependencies
{
    /// <summary>
    /// The instance plus each referenced address, without nulls, duplicates and built-in resources the config
    /// does not declare ('Basic Hours', 'Admin', 'Default queue transfer' … exist with the instance).
    /// </summary>
    public static IReadOnlyList<ResourceAddress> Of(ConnectConfig config, IEnumerable<ResourceAddress?> references)
    {
        var result = new List<ResourceAddress> { ResourceAddress.Instance };
        foreach (var address in references)
        {
            if (address is not null && !result.Contains(address) && !IsBuiltIn(config, address)) result.Add(address);
        }
        return result;
    }

    public static IReadOnlyList<ResourceAddress> Of(ConnectConfig config, params ResourceAddress?[] references) => Of(config, (IEnumerable<ResourceAddress?>)references);

    /// <summary>An address of a component's default resource that the config does not declare.</summary>
    public static bool IsBuiltIn(ConnectConfig config, ResourceAddress address)
    {
        var key = address.Key ?? "";
        return address.Component switch
        {
            Component.HoursOfOperation => Has(BuiltInResources.HoursOfOperation, key) && !config.HoursOfOperation.Any(r => r.Address.Equals(address)),
            Component.Queues => Has(BuiltInResources.Queues, key) && !config.Queues.Any(r => r.Address.Equals(address)),
            Component.RoutingProfiles => Has(BuiltInResources.RoutingProfiles, key) && !config.RoutingProfiles.Any(r => r.Address.Equals(address)),
            Component.SecurityProfiles => Has(BuiltInResources.SecurityProfiles, key) && !config.SecurityProfiles.Any(r => r.Address.Equals(address)),
            Component.ContactFlows => Has(BuiltInResources.ContactFlows, key) && !config.ContactFlows.Any(r => r.Address.Equals(address)),
            _ => false,
        };
    }

    private static bool Has(IReadOnlyList<string> names, string key) => names.Contains(key, StringComparer.OrdinalIgnoreCase);

    /// <summary>The address <paramref name="key"/> names in <paramref name="component"/>, or null for no reference.</summary>
    public static ResourceAddress? Ref(Component component, string? key) => string.IsNullOrEmpty(key) ? null : new ResourceAddress(component, key);
}
