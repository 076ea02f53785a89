using System.Management.Automation;
using System.Text.Json;

namespace ConnectOps.Commands;

/// <summary>The outputs of the last apply (instance id, ARN, status, alias; queue and hours ids …), from state.</summary>
[Cmdlet(VerbsCommon.Get, "ConnectOutput")]
[OutputType(typeof(PSObject))]
public sealed class GetConnectOutputCommand : ConnectCmdletBase
{
    /// <summary>Only this output (e.g. instance_id), as its plain value.</summary>
    [Parameter(Position = 0)]
    public string? Name { get; set; }

    protected override void Run()
    {
        var config = LoadConfig();
        var store = StateStoreFor(config);
        ConnectOps.Engine.State.StateSnapshot? snapshot;
        try { snapshot = Engine.Run(ct => store.ReadAsync(ct)); }
        catch (Exception ex) when (IsEngineError(ex)) { ThrowEngineError(ex, store.Location); return; }
        var outputs = snapshot?.Document.Outputs ?? System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty;
        if (Name is not null)
        {
            if (!outputs.TryGetValue(Name, out var value))
            {
                WriteError(new ErrorRecord(new ItemNotFoundException($"There is no output '{Name}'. Outputs: {string.Join(", ", outputs.Keys)}."), "ConnectOps.OutputNotFound", ErrorCategory.ObjectNotFound, Name));
                return;
            }
            WriteObject(ToValue(value));
            return;
        }
        var result = new PSObject();
        result.TypeNames.Insert(0, "ConnectOps.Output");
        foreach (var (k, v) in outputs) result.Properties.Add(new PSNoteProperty(k, ToValue(v)));
        WriteObject(result);
    }

    /// <summary>Maps (queue ids by key …) come back as ordered hashtables; plain values as strings.</summary>
    private static object ToValue(string value)
    {
        if (!value.StartsWith('{')) return value;
        try
        {
            var map = new System.Collections.Specialized.OrderedDictionary(StringComparer.OrdinalIgnoreCase);
            using var doc = JsonDocument.Parse(value);
            foreach (var p in doc.RootElement.EnumerateObject()) map[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.ToString();
            return map;
        }
        catch (JsonException)
        {
            return value;
        }
    }
}
