using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Config;

namespace ConnectOps.Engine.Model;

/// <summary>
/// Config <c>PhoneNumbers = @{ key = @{ CountryCode; Type; Prefix; PhoneNumber; Description; ContactFlow; Tags } }</c>,
/// addressed by its map key. <see cref="PhoneNumber"/> (E.164) claims or adopts that exact number;
/// otherwise any available number of CountryCode/Type (and Prefix) is claimed.
/// </summary>
public sealed record PhoneNumberSpec(
    string Key,
    string CountryCode,
    PhoneNumberType Type,
    string? Prefix,
    string? PhoneNumber,
    string? Description,
    string? ContactFlow,
    TagSet Tags,
    SourcePosition Position) : IResourceSpec
{
    public ResourceAddress Address => new(Component.PhoneNumbers, Key);
}
