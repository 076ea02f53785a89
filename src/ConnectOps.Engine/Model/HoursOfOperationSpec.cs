using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Config;

namespace ConnectOps.Engine.Model;

/// <summary>One opening slot. <see cref="End"/> 00:00 means midnight at the end of the day.</summary>
public sealed record HoursSlot(HoursDay Day, TimeOnly Start, TimeOnly End);

/// <summary>Config <c>HoursOfOperation = @( @{ Name; Description; TimeZone; Config = @( ... ); Tags } )</c>.</summary>
public sealed record HoursOfOperationSpec(
    string Name,
    string? Description,
    string TimeZone,
    ValueList<HoursSlot> Config,
    TagSet Tags,
    SourcePosition Position) : IResourceSpec
{
    public ResourceAddress Address => new(Component.HoursOfOperation, Name);
}
