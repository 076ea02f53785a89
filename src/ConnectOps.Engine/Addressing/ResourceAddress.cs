using System.Diagnostics.CodeAnalysis;

namespace ConnectOps.Engine.Addressing;

/// <summary>
/// The address of a managed object: <c>Component/Key</c> ("Queues/CustomerService", "Users/john.smith",
/// "LexBots/arn:aws:lex:…/bot-alias/B/A"), or just the component for singletons ("Instance",
/// "HierarchyStructure"). The key is everything after the first '/', so keys may contain '/'.
/// <para>Case rules: component names parse case-insensitively and format in their canonical spelling; keys
/// keep their spelling but compare case-insensitively (the config refuses two names differing only in
/// case, so an address never names two resources).</para>
/// </summary>
public sealed class ResourceAddress : IEquatable<ResourceAddress>, IComparable<ResourceAddress>
{
    public ResourceAddress(Component component, string? key)
    {
        if (IsSingleton(component))
        {
            if (!string.IsNullOrEmpty(key)) throw new ArgumentException($"{component} is a singleton and takes no key.", nameof(key));
            key = null;
        }
        else if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException($"{component} addresses need a key: {component}/<name>.", nameof(key));
        }
        Component = component;
        Key = key;
    }

    public static ResourceAddress Instance { get; } = new(Component.Instance, null);

    public static ResourceAddress HierarchyStructure { get; } = new(Component.HierarchyStructure, null);

    public Component Component { get; }

    /// <summary>Null for singletons.</summary>
    public string? Key { get; }

    public static bool IsSingleton(Component component) => component is Component.Instance or Component.HierarchyStructure;

    public static ResourceAddress Parse(string text) =>
        TryParse(text, out var address, out var error) ? address : throw new FormatException(error);

    public static bool TryParse(string? text, [NotNullWhen(true)] out ResourceAddress? address, [NotNullWhen(false)] out string? error)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "An address is empty. Write Component/Key, e.g. Queues/CustomerService, or Instance.";
            return false;
        }
        var slash = text.IndexOf('/');
        var componentText = slash < 0 ? text : text[..slash];
        if (!ComponentNames.TryParse(componentText, out var component, out error))
        {
            error = $"'{text}' is not an address: {error}";
            return false;
        }
        var key = slash < 0 ? null : text[(slash + 1)..];
        if (IsSingleton(component))
        {
            if (key is not null)
            {
                error = $"'{text}' is not an address: {component} is a single object and takes no key; write just '{component}'.";
                return false;
            }
        }
        else if (string.IsNullOrEmpty(key))
        {
            error = $"'{text}' is not an address: {component} needs a key, e.g. '{component}/<name>'.";
            return false;
        }
        address = new ResourceAddress(component, key);
        error = null;
        return true;
    }

    public override string ToString() => Key is null ? Component.ToString() : $"{Component}/{Key}";

    public bool Equals(ResourceAddress? other) =>
        other is not null && Component == other.Component && string.Equals(Key, other.Key, StringComparison.OrdinalIgnoreCase);

    public override bool Equals(object? obj) => Equals(obj as ResourceAddress);

    public override int GetHashCode() =>
        HashCode.Combine(Component, Key is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Key));

    /// <summary>Component order (dependency order), then key case-insensitively (consistent with Equals).</summary>
    public int CompareTo(ResourceAddress? other)
    {
        if (other is null) return 1;
        var c = Component.CompareTo(other.Component);
        if (c != 0) return c;
        return StringComparer.OrdinalIgnoreCase.Compare(Key, other.Key);
    }

    public static bool operator ==(ResourceAddress? left, ResourceAddress? right) => Equals(left, right);

    public static bool operator !=(ResourceAddress? left, ResourceAddress? right) => !Equals(left, right);
}
