using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.Config;

// Queues = @( @{ Name; Description; HoursOfOperation; MaxContacts; OutboundCallerIdName; OutboundCallerIdNumber; OutboundFlow; Status; QuickConnects; Tags } )
public sealed partial class ConfigBinder
{
    private QueueSpec? BindQueue(MapReader r)
    {
        var name = r.String("Name", required: true, max: MaxNameLength, example: "'CustomerService'");
        if (name is not null) _names.Declare(Component.Queues, name, r.PositionOf("Name"), r.KeyPath("Name"), "Queue");
        var description = r.String("Description", max: MaxDescriptionLength);
        var hours = Ref(r, "HoursOfOperation", Component.HoursOfOperation, required: true, example: "'Basic Hours'");
        var maxContacts = r.Int("MaxContacts", 0, int.MaxValue, example: "100");
        var callerName = r.String("OutboundCallerIdName", max: 255);
        var callerNumber = Ref(r, "OutboundCallerIdNumber", Component.PhoneNumbers);
        var outboundFlow = Ref(r, "OutboundFlow", Component.ContactFlows, flowType: ContactFlowType.OutboundWhisper);
        var status = r.Enum<QueueStatus>("Status") ?? QueueStatus.Enabled;
        var quickConnects = RefList(r, "QuickConnects", Component.QuickConnects, maxCount: QueueSpec.MaxQuickConnects);
        var tags = r.Tags();
        return name is null || hours is null ? null
            : new QueueSpec(name, description, hours, maxContacts, callerName, callerNumber, outboundFlow, status, quickConnects, tags, r.Map.Position);
    }

    /// <summary>Reads a by-key reference and records it for checking once everything is declared.</summary>
    private string? Ref(MapReader r, string key, Component target, bool required = false, string example = "'...'", ContactFlowType? flowType = null)
    {
        var name = r.String(key, required, max: 512, example: example);
        if (name is not null) _ctx.Reference(target, name, r.PositionOf(key), r.KeyPath(key), flowType);
        return name;
    }

    private ValueList<string> RefList(MapReader r, string key, Component target, bool required = false, int minCount = 0, int maxCount = int.MaxValue)
    {
        var result = new List<string>();
        var items = r.List(key, required, minCount, maxCount, example: "@('...')");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (node, path) in items ?? [])
        {
            if (_ctx.AsString(node, path, $"Each entry of {key}", 1, 512) is not { } name) continue;
            if (!seen.Add(name))
            {
                _ctx.Error(ConfigErrorCodes.DuplicateName, $"{key} lists '{name}' twice. Remove one.", node.Position, path);
                continue;
            }
            _ctx.Reference(target, name, node.Position, path);
            result.Add(name);
        }
        return result.ToValueList();
    }
}
