using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace ConnectOps.Emulator.Hosting;

/// <summary>Counts calls per "Service.Operation": every call received, those throttled, and those given a fault.</summary>
internal sealed class CallStats
{
    private readonly ConcurrentDictionary<string, long> calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> throttled = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> faults = new(StringComparer.Ordinal);

    public void Called(string key) => calls.AddOrUpdate(key, 1, (_, n) => n + 1);

    public void Throttled(string key) => throttled.AddOrUpdate(key, 1, (_, n) => n + 1);

    public void Faulted(string key) => faults.AddOrUpdate(key, 1, (_, n) => n + 1);

    public void Reset()
    {
        calls.Clear();
        throttled.Clear();
        faults.Clear();
    }

    public JsonObject ToJson() => new()
    {
        ["Calls"] = ToObject(calls),
        ["Throttled"] = ToObject(throttled),
        ["Faults"] = ToObject(faults),
    };

    private static JsonObject ToObject(ConcurrentDictionary<string, long> counts)
    {
        var result = new JsonObject();
        foreach (var (key, count) in counts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            result[key] = count;
        }

        return result;
    }
}
