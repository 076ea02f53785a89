using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Reflection;
using System.Security;
using System.Text.Json.Nodes;

namespace ConnectOps.Resources;

/// <summary>
/// A resource cmdlet's settings as the config writes them: every [ConfigKey] parameter that has a value (null and
/// empty strings are "not given", so an empty CSV cell changes nothing), lists split at commas ("Agent,Supervisors"
/// from a CSV cell is two security profiles), hashtables and objects as maps.
/// </summary>
internal static class ResourceValues
{
    public static IEnumerable<(PropertyInfo Property, ConfigKeyAttribute Key)> Parameters(Type cmdlet) =>
        cmdlet.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (p, p.GetCustomAttribute<ConfigKeyAttribute>()))
            .Where(x => x.Item2 is not null)
            .Select(x => (x.p, x.Item2!));

    /// <summary>The value of the parameter that names the resource, trimmed; null when it has none.</summary>
    public static string? Name(PSCmdlet cmdlet)
    {
        var (property, _) = Parameters(cmdlet.GetType()).FirstOrDefault(p => p.Key.IsName);
        return property?.GetValue(cmdlet) is string s && s.Trim().Length > 0 ? s.Trim() : null;
    }

    public static JsonObject From(PSCmdlet cmdlet)
    {
        var values = new JsonObject();
        foreach (var (property, key) in Parameters(cmdlet.GetType()))
        {
            if (key.IsName && !key.AlsoValue) continue;
            var value = property.GetValue(cmdlet);
            if (value is SecureString) continue;
            if (ToJson(value, split: property.PropertyType == typeof(string[])) is { } json) values[key.Key] = json;
        }
        return values;
    }

    /// <summary>A PowerShell value as JSON; null when it is empty (not given).</summary>
    public static JsonNode? ToJson(object? value, bool split = false)
    {
        if (value is PSObject { BaseObject: not PSCustomObject } wrapped) value = wrapped.BaseObject;
        switch (value)
        {
            case null:
                return null;
            case string s:
                return s.Trim().Length == 0 ? null : JsonValue.Create(s.Trim());
            case SwitchParameter sw:
                return JsonValue.Create(sw.IsPresent);
            case bool b:
                return JsonValue.Create(b);
            case int or long or short or byte:
                return JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture));
            case double or float or decimal:
                return JsonValue.Create(Convert.ToDouble(value, CultureInfo.InvariantCulture));
            case Enum e:
                return JsonValue.Create(e.ToString());
            case IDictionary dictionary:
            {
                var o = new JsonObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (entry.Key?.ToString() is { Length: > 0 } k) o[k] = ToJson(entry.Value) ?? JsonValue.Create("");
                }
                return o;
            }
            case PSObject pso:
            {
                var o = new JsonObject();
                foreach (var p in pso.Properties.Where(p => p.IsGettable)) o[p.Name] = ToJson(p.Value);
                return o;
            }
            case IEnumerable items:
            {
                var list = new JsonArray();
                foreach (var item in items)
                {
                    var raw = item is PSObject { BaseObject: string text } ? text : item;
                    if (split && raw is string s)
                    {
                        foreach (var part in s.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) list.Add(JsonValue.Create(part));
                    }
                    else if (ToJson(item) is { } node) list.Add(node);
                }
                return list.Count == 0 ? null : list;
            }
            default:
                return JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture));
        }
    }
}
