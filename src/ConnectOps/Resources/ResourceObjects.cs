using System.Collections;
using System.Management.Automation;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectOps.Commands;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Imperative;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Resources;

/// <summary>The typed objects the resource cmdlets write, filled from the engine's view by property name.</summary>
internal static class ResourceObjects
{
    public static Type TypeOf(Component component) => component switch
    {
        Component.Queues => typeof(ConnectQueue),
        Component.HoursOfOperation => typeof(ConnectHoursOfOperation),
        Component.Users => typeof(ConnectUser),
        Component.RoutingProfiles => typeof(ConnectRoutingProfile),
        Component.SecurityProfiles => typeof(ConnectSecurityProfile),
        Component.QuickConnects => typeof(ConnectQuickConnect),
        Component.HierarchyGroups => typeof(ConnectHierarchyGroup),
        Component.PhoneNumbers => typeof(ConnectPhoneNumber),
        Component.ContactFlows => typeof(ConnectContactFlow),
        Component.LambdaFunctions => typeof(ConnectLambdaFunction),
        Component.LexBots => typeof(ConnectLexBot),
        _ => throw new NotSupportedException(component.ToString()),
    };

    public static ConnectResource From(ResourceView view)
    {
        var result = (ConnectResource)Activator.CreateInstance(TypeOf(view.Address.Component))!;
        result.Address = view.Address.ToString();
        result.Name = view.Name;
        result.Id = view.Id;
        result.Arn = view.Arn;
        result.ManagedBy = view.Origin ?? "";
        foreach (var property in result.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            if (!property.CanWrite || !view.Properties.TryGetPropertyValue(property.Name, out var value) || value is null) continue;
            property.SetValue(result, Convert(value, property.PropertyType));
        }
        if (result is ConnectUser user) user.Username ??= view.Name;
        return result;
    }

    private static object? Convert(JsonNode value, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return JsonValues.AsString(value) ?? value.ToJsonString();
        if (type == typeof(int)) return JsonValues.AsLong(value) is { } l ? (int)l : null;
        if (type == typeof(bool)) return JsonValues.AsBool(value);
        if (type == typeof(string[])) return value is JsonArray a ? a.Select(i => JsonValues.AsString(i) ?? i?.ToJsonString() ?? "").ToArray() : null;
        if (type == typeof(Hashtable)) return value is JsonObject o ? ToHashtable(o) : null;
        if (type == typeof(object[])) return value is JsonArray list ? list.Select(ToPowerShell).ToArray() : null;
        return null;
    }

    private static Hashtable ToHashtable(JsonObject o)
    {
        var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in o) table[k] = ToPowerShell(v);
        return table;
    }

    /// <summary>JSON as PowerShell shows it: objects as PSCustomObjects, lists as arrays, scalars as themselves.</summary>
    public static object? ToPowerShell(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => ToObject(o),
        JsonArray a => a.Select(ToPowerShell).ToArray(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => JsonValues.AsDouble(v) is var d && d == Math.Floor(d) && Math.Abs(d) < int.MaxValue ? (int)d : d,
            _ => null,
        },
        _ => null,
    };

    private static PSObject ToObject(JsonObject o)
    {
        var result = new PSObject();
        foreach (var (k, v) in o) result.Properties.Add(new PSNoteProperty(k, ToPowerShell(v)));
        return result;
    }
}
