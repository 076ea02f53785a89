using System.Text.Json;
using ConnectOps.Engine.Abstractions;
using ConnectOps.Engine.Config;

namespace ConnectOps.Engine.Tests.Reconcilers;

/// <summary>
/// Test-only config source: the same config tree from JSON text (the .psd1 reader needs PowerShell and is
/// tested in ConnectOps.Tests). Every position is line 1 of the file.
/// </summary>
internal sealed class JsonConfigReader : IConfigReader
{
    public ConfigReadResult Read(string path)
    {
        var text = File.ReadAllText(path);
        using var doc = JsonDocument.Parse(text);
        return new ConfigReadResult(Convert(doc.RootElement, path), []);
    }

    private static ConfigNode Convert(JsonElement e, string file)
    {
        var pos = new SourcePosition(file, 1, 1);
        return e.ValueKind switch
        {
            JsonValueKind.Object => new ConfigMap(pos, e.EnumerateObject().Select(p => new ConfigMapEntry(p.Name, pos, Convert(p.Value, file)))),
            JsonValueKind.Array => new ConfigList(pos, e.EnumerateArray().Select(i => Convert(i, file))),
            JsonValueKind.String => ConfigScalar.String(pos, e.GetString()!),
            JsonValueKind.Number when e.TryGetInt64(out var l) => ConfigScalar.Integer(pos, l),
            JsonValueKind.Number => ConfigScalar.Double(pos, e.GetDouble()),
            JsonValueKind.True => ConfigScalar.Boolean(pos, true),
            JsonValueKind.False => ConfigScalar.Boolean(pos, false),
            _ => ConfigScalar.Null(pos),
        };
    }
}
