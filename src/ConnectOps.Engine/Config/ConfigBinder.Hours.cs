using System.Globalization;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.Config;

// HoursOfOperation = @( @{ Name; Description; TimeZone; Config = @( @{ Day; Start; End } ); Tags } )
public sealed partial class ConfigBinder
{
    private const int MaxNameLength = 127;
    private const int MaxDescriptionLength = 250;

    private HoursOfOperationSpec? BindHoursOfOperation(MapReader r)
    {
        var name = r.String("Name", required: true, max: MaxNameLength, example: "'UK Business Hours'");
        if (name is not null) _names.Declare(Component.HoursOfOperation, name, r.PositionOf("Name"), r.KeyPath("Name"), "Hours of operation");
        var description = r.String("Description", max: MaxDescriptionLength);
        var timeZone = TimeZone(r);
        var slots = new List<HoursSlot>();
        var items = r.List("Config", required: true, maxCount: 100, example: "@( @{ Day = 'MONDAY'; Start = '09:00'; End = '17:00' } )");
        var ok = items is not null;
        foreach (var (node, path) in items ?? [])
        {
            if (_ctx.AsMap(node, path, "Each entry of Config") is not { } map)
            {
                ok = false;
                continue;
            }
            var slot = BindSlot(new MapReader(_ctx, map, path), slots);
            if (slot is null) ok = false;
            else slots.Add(slot);
        }
        var tags = r.Tags();
        return name is null || timeZone is null || !ok ? null : new HoursOfOperationSpec(name, description, timeZone, slots.ToValueList(), tags, r.Map.Position);
    }

    private string? TimeZone(MapReader r)
    {
        var text = r.String("TimeZone", required: true, max: 100, example: "'Europe/London'");
        if (text is null) return null;
        if (IanaTimeZones.Canonical(text) is { } canonical) return canonical;
        var suggestion = NearestName.Find(text, IanaTimeZones.All);
        _ctx.Error(ConfigErrorCodes.UnknownTimeZone,
            $"TimeZone '{BindContext.Shorten(text)}' is not an IANA time zone." + (suggestion is null ? "" : $" Did you mean '{suggestion}'?") +
            " Use a name such as 'Europe/London' or 'America/New_York'.", r.PositionOf("TimeZone"), r.KeyPath("TimeZone"));
        return null;
    }

    private HoursSlot? BindSlot(MapReader r, List<HoursSlot> earlier)
    {
        var day = r.Enum<HoursDay>("Day", required: true);
        var start = Time(r, "Start", isEnd: false);
        var end = Time(r, "End", isEnd: true);
        r.Finish();
        if (day is null || start is null || end is null) return null;
        var startMinutes = Minutes(start.Value, false);
        var endMinutes = Minutes(end.Value, true);
        if (startMinutes >= endMinutes)
        {
            _ctx.Error(ConfigErrorCodes.InvalidTime,
                $"Start {Format(start.Value)} is not before End {Format(end.Value)} on {EnumWire.ToWire(day.Value)}. Use an End after Start ('00:00' or '24:00' as End means midnight).",
                r.PositionOf("Start"), r.KeyPath("Start"));
            return null;
        }
        foreach (var other in earlier.Where(s => s.Day == day))
        {
            if (startMinutes < Minutes(other.End, true) && Minutes(other.Start, false) < endMinutes)
            {
                _ctx.Error(ConfigErrorCodes.InvalidTime,
                    $"{EnumWire.ToWire(day.Value)} {Format(start.Value)}–{Format(end.Value)} overlaps {Format(other.Start)}–{Format(other.End)} on the same day. Merge the two entries.",
                    r.Map.Position, r.Path);
                return null;
            }
        }
        return new HoursSlot(day.Value, start.Value, end.Value);
    }

    private TimeOnly? Time(MapReader r, string key, bool isEnd)
    {
        var text = r.String(key, required: true, example: isEnd ? "'17:00'" : "'09:00'");
        if (text is null) return null;
        if (ConfigPatterns.Time().IsMatch(text))
        {
            var parts = text.Split(':');
            var hours = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var minutes = int.Parse(parts[1], CultureInfo.InvariantCulture);
            if (hours < 24) return new TimeOnly(hours, minutes);
            if (isEnd && minutes == 0) return TimeOnly.MinValue; // 24:00 = midnight at the end of the day
        }
        _ctx.Error(ConfigErrorCodes.InvalidTime,
            $"{key} '{BindContext.Shorten(text)}' is not a time of day. Write 'HH:mm' on a 24-hour clock, '00:00' to '23:59'" + (isEnd ? " ('24:00' as End means midnight)." : "."),
            r.PositionOf(key), r.KeyPath(key));
        return null;
    }

    private static int Minutes(TimeOnly t, bool isEnd) => t == TimeOnly.MinValue && isEnd ? 24 * 60 : t.Hour * 60 + t.Minute;

    private static string Format(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}
