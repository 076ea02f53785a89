using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Config;

namespace ConnectOps.Engine.Model;

/// <summary>
/// Config <c>QuickConnects = @{ key = @{ Name; Type; ... } }</c>, addressed by its map key. By Type:
/// QUEUE needs <see cref="Queue"/>, USER needs <see cref="User"/> (a Username), PHONE_NUMBER needs
/// <see cref="PhoneNumber"/> (E.164), FLOW needs <see cref="ContactFlow"/>. QUEUE and USER also take a
/// ContactFlow (transfer flow); when absent it is the instance's default transfer flow
/// ('Default queue transfer' / 'Default agent transfer').
/// </summary>
public sealed record QuickConnectSpec(
    string Key,
    string Name,
    string? Description,
    QuickConnectType Type,
    string? Queue,
    string? User,
    string? PhoneNumber,
    string? ContactFlow,
    TagSet Tags,
    SourcePosition Position) : IResourceSpec
{
    public ResourceAddress Address => new(Component.QuickConnects, Key);
}
