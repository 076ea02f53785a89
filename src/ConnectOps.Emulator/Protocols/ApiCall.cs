using System.Text.Json.Nodes;
using ConnectOps.Emulator.Hosting;
using ConnectOps.Emulator.Models;
using ConnectOps.Emulator.State;

namespace ConnectOps.Emulator.Protocols;

/// <summary>One bound, validated call to an emulated operation, as its handler sees it.</summary>
internal sealed class ApiCall
{
    public required Operation Operation { get; init; }

    /// <summary>The input members bound from URI, query string, headers and body, by model member name.</summary>
    public required JsonObject Input { get; init; }

    public required string Region { get; init; }

    public required string Account { get; init; }

    public required string RequestId { get; init; }

    public required EmulatorState State { get; init; }

    public required RuntimeConfig Config { get; init; }

    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;

    public ServiceModel Service => Operation.Service;

    public string? GetString(string member) => Input[member] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public string RequireString(string member) =>
        GetString(member) ?? throw ApiException.Validation(Operation, $"{member} is required.");

    public int? GetInt(string member) => JsonNumbers.Int(Input[member]);

    public bool? GetBool(string member) => JsonNumbers.Bool(Input[member]);

    public JsonObject? GetObject(string member) => Input[member] as JsonObject;

    public JsonArray? GetArray(string member) => Input[member] as JsonArray;

    /// <summary>Epoch seconds with millisecond precision, as rest-json and json-1.1 send Timestamp members.</summary>
    public double EpochSeconds => Math.Round(Now.ToUnixTimeMilliseconds() / 1000.0, 3);
}

/// <summary>Runs one operation and returns its output members (shaped to the model's output by the protocol).</summary>
internal delegate JsonObject? OperationHandler(ApiCall call);
