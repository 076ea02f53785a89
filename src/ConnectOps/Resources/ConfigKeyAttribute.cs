namespace ConnectOps.Resources;

/// <summary>
/// Marks a cmdlet parameter that is a setting of the resource, written under <see cref="Key"/> as the config writes it
/// (New-ConnectQueue -MaxContacts 10 is the config's <c>MaxContacts = 10</c>). The resource cmdlets turn every bound
/// one into the resource's values: empty strings are "not given", string lists may be comma-separated.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class ConfigKeyAttribute(string key) : Attribute
{
    public string Key { get; } = key;

    /// <summary>The parameter that names the resource (its key).</summary>
    public bool IsName { get; init; }

    /// <summary>With <see cref="IsName"/>: the name is also a setting under <see cref="Key"/> (a quick connect's Name besides its map key).</summary>
    public bool AlsoValue { get; init; }
}
