using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.Config;

// RoutingProfiles and SecurityProfiles.
public sealed partial class ConfigBinder
{
    private RoutingProfileSpec? BindRoutingProfile(MapReader r)
    {
        var name = r.String("Name", required: true, max: MaxNameLength, example: "'AgentProfile'");
        if (name is not null) _names.Declare(Component.RoutingProfiles, name, r.PositionOf("Name"), r.KeyPath("Name"), "Routing profile");
        _firstRoutingProfile ??= name;
        var description = r.String("Description", max: MaxDescriptionLength);
        var defaultQueue = Ref(r, "DefaultOutboundQueue", Component.Queues, required: true, example: "'BasicQueue'");
        var ok = true;

        var media = new List<MediaConcurrencySpec>();
        var mediaItems = r.List("MediaConcurrencies", required: true, minCount: 1, maxCount: 4, example: "@( @{ Channel = 'VOICE'; Concurrency = 1 } )");
        if (mediaItems is null || mediaItems.Count == 0) ok = false;
        foreach (var (node, path) in mediaItems ?? [])
        {
            if (_ctx.AsMap(node, path, "Each entry of MediaConcurrencies") is not { } map) { ok = false; continue; }
            var m = new MapReader(_ctx, map, path);
            var channel = m.Enum<Channel>("Channel", required: true);
            var concurrency = m.Int("Concurrency", 1, 10, required: true);
            var crossChannel = m.Enum<CrossChannelBehavior>("CrossChannelBehavior");
            m.Finish();
            if (channel is null || concurrency is null) { ok = false; continue; }
            if (media.Any(x => x.Channel == channel))
            {
                _ctx.Error(ConfigErrorCodes.DuplicateName, $"MediaConcurrencies lists the channel {EnumWire.ToWire(channel.Value)} twice. Keep one.", m.PositionOf("Channel"), m.KeyPath("Channel"));
                ok = false;
                continue;
            }
            media.Add(new MediaConcurrencySpec(channel.Value, concurrency.Value, crossChannel));
        }

        var queues = new List<RoutingProfileQueueSpec>();
        var queueItems = r.List("QueueConfigs", maxCount: RoutingProfileSpec.MaxQueueConfigs,
            example: "@( @{ Queue = 'CustomerService'; Channel = 'VOICE'; Priority = 1; Delay = 0 } )");
        foreach (var (node, path) in queueItems ?? [])
        {
            if (_ctx.AsMap(node, path, "Each entry of QueueConfigs") is not { } map) { ok = false; continue; }
            var q = new MapReader(_ctx, map, path);
            var queue = Ref(q, "Queue", Component.Queues, required: true, example: "'CustomerService'");
            var channel = q.Enum<Channel>("Channel", required: true);
            var priority = q.Int("Priority", 1, 99, required: true);
            var delay = q.Int("Delay", 0, 9999) ?? 0;
            q.Finish();
            if (queue is null || channel is null || priority is null) { ok = false; continue; }
            if (queues.Any(x => x.Channel == channel && string.Equals(x.Queue, queue, StringComparison.OrdinalIgnoreCase)))
            {
                _ctx.Error(ConfigErrorCodes.DuplicateName, $"QueueConfigs lists queue '{queue}' on {EnumWire.ToWire(channel.Value)} twice. Keep one.", map.Position, path);
                ok = false;
                continue;
            }
            if (media.Count > 0 && media.All(x => x.Channel != channel))
            {
                _ctx.Error(ConfigErrorCodes.Conflict,
                    $"Queue '{queue}' is routed on {EnumWire.ToWire(channel.Value)}, but MediaConcurrencies has no {EnumWire.ToWire(channel.Value)} entry, so agents would never get those contacts. Add the channel to MediaConcurrencies.",
                    q.PositionOf("Channel"), q.KeyPath("Channel"));
                ok = false;
                continue;
            }
            queues.Add(new RoutingProfileQueueSpec(queue, channel.Value, priority.Value, delay));
        }
        var timer = r.Enum<AgentAvailabilityTimer>("AgentAvailabilityTimer");
        var tags = r.Tags();
        return name is null || defaultQueue is null || !ok ? null
            : new RoutingProfileSpec(name, description ?? name, defaultQueue, media.ToValueList(), queues.ToValueList(), timer, tags, r.Map.Position);
    }

    private SecurityProfileSpec? BindSecurityProfile(MapReader r)
    {
        var name = r.Pattern("Name", ConfigPatterns.SecurityProfileName(), "letters, digits, spaces, '_', '@' and '-' (at most 127 characters)",
            required: true, max: MaxNameLength, example: "'AgentProfile'");
        if (name is not null) _names.Declare(Component.SecurityProfiles, name, r.PositionOf("Name"), r.KeyPath("Name"), "Security profile");
        var description = r.String("Description", max: MaxDescriptionLength);
        var permissions = r.StringList("Permissions", maxCount: 500, itemMax: 128);
        var duplicates = permissions.GroupBy(p => p, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            _ctx.Error(ConfigErrorCodes.DuplicateName, $"Permissions lists {string.Join(", ", duplicates.Select(d => $"'{d}'"))} more than once. Remove the repeats.",
                r.PositionOf("Permissions"), r.KeyPath("Permissions"));
        }
        var tags = r.Tags();
        return name is null ? null : new SecurityProfileSpec(name, description, permissions, tags, r.Map.Position);
    }
}
