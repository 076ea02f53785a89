using System.Text.Json.Nodes;

namespace ConnectOps.Engine.Tests.Reconcilers;

/// <summary>Small flow-language documents for the flow, phone-number and example tests.</summary>
internal static class FlowSamples
{
    /// <summary>A flow whose StartAction is the first action.</summary>
    public static JsonObject Flow(params JsonObject[] actions) => new()
    {
        ["Version"] = "2019-10-30",
        ["StartAction"] = actions[0]["Identifier"]!.GetValue<string>(),
        ["Actions"] = new JsonArray(actions.Select(a => a.Parent is null ? (JsonNode)a : a.DeepClone()).ToArray()),
    };

    public static JsonObject Message(string id, string text, string next) => new()
    {
        ["Identifier"] = id,
        ["Type"] = "MessageParticipant",
        ["Parameters"] = new JsonObject { ["Text"] = text },
        ["Transitions"] = new JsonObject
        {
            ["NextAction"] = next,
            ["Errors"] = new JsonArray(new JsonObject { ["ErrorType"] = "NoMatchingError", ["NextAction"] = next }),
        },
    };

    public static JsonObject Disconnect(string id) => new()
    {
        ["Identifier"] = id,
        ["Type"] = "DisconnectParticipant",
        ["Parameters"] = new JsonObject(),
        ["Transitions"] = new JsonObject(),
    };

    /// <summary>TransferToFlow to <paramref name="flowArn"/> (a placeholder such as <c>${ContactFlows/Other}</c>).</summary>
    public static JsonObject TransferToFlow(string id, string flowArn, string onError) => new()
    {
        ["Identifier"] = id,
        ["Type"] = "TransferToFlow",
        ["Parameters"] = new JsonObject { ["ContactFlowId"] = flowArn },
        ["Transitions"] = new JsonObject
        {
            ["Errors"] = new JsonArray(new JsonObject { ["ErrorType"] = "NoMatchingError", ["NextAction"] = onError }),
        },
    };

    public static JsonObject SetQueue(string id, string queueArn, string next) => new()
    {
        ["Identifier"] = id,
        ["Type"] = "UpdateContactTargetQueue",
        ["Parameters"] = new JsonObject { ["QueueId"] = queueArn },
        ["Transitions"] = new JsonObject
        {
            ["NextAction"] = next,
            ["Errors"] = new JsonArray(new JsonObject { ["ErrorType"] = "NoMatchingError", ["NextAction"] = next }),
        },
    };

    public static JsonObject CheckHours(string id, string hoursId, string open, string closed) => new()
    {
        ["Identifier"] = id,
        ["Type"] = "CheckHoursOfOperation",
        ["Parameters"] = new JsonObject { ["HoursOfOperationId"] = hoursId },
        ["Transitions"] = new JsonObject
        {
            ["NextAction"] = closed,
            ["Conditions"] = new JsonArray(
                new JsonObject { ["NextAction"] = open, ["Condition"] = new JsonObject { ["Operator"] = "Equals", ["Operands"] = new JsonArray("True") } },
                new JsonObject { ["NextAction"] = closed, ["Condition"] = new JsonObject { ["Operator"] = "Equals", ["Operands"] = new JsonArray("False") } }),
            ["Errors"] = new JsonArray(new JsonObject { ["ErrorType"] = "NoMatchingError", ["NextAction"] = closed }),
        },
    };

    public static JsonObject InvokeLambda(string id, string functionArn, string next) => new()
    {
        ["Identifier"] = id,
        ["Type"] = "InvokeLambdaFunction",
        ["Parameters"] = new JsonObject { ["LambdaFunctionARN"] = functionArn, ["InvocationTimeLimitSeconds"] = "3" },
        ["Transitions"] = new JsonObject
        {
            ["NextAction"] = next,
            ["Errors"] = new JsonArray(new JsonObject { ["ErrorType"] = "NoMatchingError", ["NextAction"] = next }),
        },
    };

    public static JsonObject LexV2(string id, string aliasArn, string next) => new()
    {
        ["Identifier"] = id,
        ["Type"] = "ConnectParticipantWithLexBot",
        ["Parameters"] = new JsonObject
        {
            ["Text"] = "How can I help?",
            ["LexV2Bot"] = new JsonObject { ["AliasArn"] = aliasArn },
        },
        ["Transitions"] = new JsonObject
        {
            ["NextAction"] = next,
            ["Errors"] = new JsonArray(new JsonObject { ["ErrorType"] = "NoMatchingError", ["NextAction"] = next }),
        },
    };

    /// <summary>Says <paramref name="text"/> and hangs up.</summary>
    public static JsonObject Greeting(string text = "Hello") => Flow(Message("greet", text, "bye"), Disconnect("bye"));

    /// <summary>Writes <paramref name="flow"/> under the harness folder; returns the relative path for the config.</summary>
    public static string WriteFile(Harness h, string name, JsonNode flow)
    {
        var path = Path.Combine(h.Folder, "flows", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, flow.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return "./flows/" + name;
    }

    public static bool IsRead(string op) =>
        op.Split('.')[1] is var name && (name.StartsWith("Describe", StringComparison.Ordinal) || name.StartsWith("List", StringComparison.Ordinal)
            || name.StartsWith("Search", StringComparison.Ordinal) || name.StartsWith("Get", StringComparison.Ordinal));

    /// <summary>The mutating calls the emulator served (reads left out).</summary>
    public static async Task<Dictionary<string, int>> WritesAsync(EmulatorFixture emulator) =>
        (await emulator.CallsAsync()).Where(c => !IsRead(c.Key) && !c.Key.StartsWith("Sts.", StringComparison.Ordinal)).ToDictionary();
}
