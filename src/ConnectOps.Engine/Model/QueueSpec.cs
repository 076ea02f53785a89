using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Config;

namespace ConnectOps.Engine.Model;

/// <summary>
/// Config <c>Queues = @( @{ ... } )</c>. References are by key: <see cref="HoursOfOperation"/> names an
/// hours of operation, <see cref="OutboundCallerIdNumber"/> a PhoneNumbers key, <see cref="OutboundFlow"/> a
/// contact flow, <see cref="QuickConnects"/> QuickConnects keys.
/// </summary>
public sealed record QueueSpec(
    string Name,
    string? Description,
    string HoursOfOperation,
    int? MaxContacts,
    string? OutboundCallerIdName,
    string? OutboundCallerIdNumber,
    string? OutboundFlow,
    QueueStatus Status,
    ValueList<string> QuickConnects,
    TagSet Tags,
    SourcePosition Position) : IResourceSpec
{
    /// <summary>Quick connects one queue may hold (the service quota); the API takes 50 per call, which the engine chunks.</summary>
    public const int MaxQuickConnects = 700;

    public ResourceAddress Address => new(Component.Queues, Name);
}
