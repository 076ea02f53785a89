using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.Config;

// QuickConnects = @{ key = @{ Name; Description; Type; Queue | User | PhoneNumber | ContactFlow; Tags } }
// PhoneNumbers  = @{ key = @{ CountryCode; Type; Prefix; PhoneNumber; Description; ContactFlow; Tags } }
public sealed partial class ConfigBinder
{
    private QuickConnectSpec? BindQuickConnect(string key, MapReader r)
    {
        // References (a queue's QuickConnects, ${QuickConnects/key} placeholders) name the map key, the address;
        // names are unique too, in a scope of their own.
        _names.Declare(Component.QuickConnects, key, r.Map.Position, r.Path, "Quick connect key");
        var name = r.String("Name", required: true, max: MaxNameLength, example: "'Supervisor'");
        if (name is not null) _names.Declare(Component.QuickConnects, name, r.PositionOf("Name"), r.KeyPath("Name"), "Quick connect", scope: "name");
        var description = r.String("Description", max: MaxDescriptionLength);
        var type = r.Enum<QuickConnectType>("Type", required: true);
        string? queue = null, user = null, phone = null, flow = null;
        var ok = type is not null;
        // Ask for every key so all are known; only the ones the type uses may be set.
        var uses = type switch
        {
            QuickConnectType.Queue => new[] { "Queue", "ContactFlow" },
            QuickConnectType.User => ["User", "ContactFlow"],
            QuickConnectType.PhoneNumber => ["PhoneNumber"],
            QuickConnectType.Flow => ["ContactFlow"],
            _ => ["Queue", "User", "PhoneNumber", "ContactFlow"],
        };
        foreach (var k in new[] { "Queue", "User", "PhoneNumber", "ContactFlow" })
        {
            if (!uses.Contains(k) && r.Has(k))
            {
                _ctx.Error(ConfigErrorCodes.Conflict, $"{k} does not apply to a quick connect of Type '{EnumWire.ToWire(type!.Value)}'. Remove it or change Type.",
                    r.PositionOf(k), r.KeyPath(k));
                ok = false;
            }
        }
        switch (type)
        {
            case QuickConnectType.Queue:
                queue = Ref(r, "Queue", Component.Queues, required: true, example: "'CustomerService'");
                flow = Ref(r, "ContactFlow", Component.ContactFlows, flowType: ContactFlowType.QueueTransfer) ?? BuiltInResources.DefaultQueueTransferFlow;
                ok &= queue is not null;
                break;
            case QuickConnectType.User:
                user = Ref(r, "User", Component.Users, required: true, example: "'john.smith'");
                flow = Ref(r, "ContactFlow", Component.ContactFlows, flowType: ContactFlowType.AgentTransfer) ?? BuiltInResources.DefaultAgentTransferFlow;
                ok &= user is not null;
                break;
            case QuickConnectType.PhoneNumber:
                phone = r.Pattern("PhoneNumber", ConfigPatterns.E164(), "an E.164 number such as '+442071234567'", required: true, example: "'+442071234567'");
                ok &= phone is not null;
                break;
            case QuickConnectType.Flow:
                flow = Ref(r, "ContactFlow", Component.ContactFlows, required: true, example: "'MainFlow'");
                ok &= flow is not null;
                break;
        }
        foreach (var k in new[] { "Queue", "User", "PhoneNumber", "ContactFlow" }) r.Node(k);
        var tags = r.Tags();
        return name is null || !ok ? null : new QuickConnectSpec(key, name, description, type!.Value, queue, user, phone, flow, tags, r.Map.Position);
    }

    private PhoneNumberSpec? BindPhoneNumber(string key, MapReader r)
    {
        _names.Declare(Component.PhoneNumbers, key, r.Map.Position, r.Path, "Phone number key");
        var country = r.String("CountryCode", required: true, max: 2, example: "'GB'");
        if (country is not null && !PhoneCountryCodes.IsValid(country))
        {
            _ctx.Error(ConfigErrorCodes.InvalidEnum, $"CountryCode '{country}' is not a country Amazon Connect has numbers for. Use an ISO 3166 alpha-2 code such as 'GB' or 'US'.",
                r.PositionOf("CountryCode"), r.KeyPath("CountryCode"));
            country = null;
        }
        var type = r.Enum<PhoneNumberType>("Type", required: true);
        var prefix = r.Pattern("Prefix", ConfigPatterns.PhonePrefix(), "digits with an optional leading '+', at most 11 (e.g. '+4420')");
        var number = r.Pattern("PhoneNumber", ConfigPatterns.E164(), "an E.164 number such as '+442071234567'");
        if (number is not null) _names.Declare(Component.PhoneNumbers, number, r.PositionOf("PhoneNumber"), r.KeyPath("PhoneNumber"), "Phone number", scope: "number");
        var description = r.String("Description", max: 500, min: 0);
        var flow = Ref(r, "ContactFlow", Component.ContactFlows, flowType: ContactFlowType.ContactFlow);
        var tags = r.Tags();
        return country is null || type is null ? null
            : new PhoneNumberSpec(key, country.ToUpperInvariant(), type.Value, prefix, number, description, flow, tags, r.Map.Position);
    }
}
