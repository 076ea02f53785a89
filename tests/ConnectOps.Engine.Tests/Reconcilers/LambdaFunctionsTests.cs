using System.Text.Json.Nodes;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Planning;

namespace ConnectOps.Engine.Tests.Reconcilers;

/// <summary>Lambda function associations against the emulator.</summary>
public sealed class LambdaFunctionsTests : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private const string Lookup = "arn:aws:lambda:eu-west-2:123456789012:function:CustomerLookup";
    private const string LookupV2 = "arn:aws:lambda:eu-west-2:123456789012:function:CustomerLookupV2";
    private const string Survey = "arn:aws:lambda:eu-west-2:123456789012:function:Survey";
    private readonly EmulatorFixture _emulator;

    public LambdaFunctionsTests(EmulatorFixture emulator) => _emulator = emulator;

    public async Task InitializeAsync()
    {
        await _emulator.ResetAccountAsync();
        await _emulator.ResetCallsAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static void AssertSucceeded(ApplyResult result) =>
        Assert.True(result.Failed == 0 && result.Skipped == 0, string.Join("\n", result.Outcomes.Select(o => $"{o.Address} {o.Status} {o.Message}")));

    private static async Task<List<string>> AssociatedAsync(Harness h)
    {
        var state = await h.StateAsync();
        using var ws = await h.OpenAsync();
        return (await ws.Aws.Connect.ListLambdaFunctionsAsync(new ListLambdaFunctionsRequest { InstanceId = state.Instance!.Id, MaxResults = 25 })).LambdaFunctions!.Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task Functions_are_associated_replaced_by_a_new_arn_and_disassociated_when_removed()
    {
        var config = Harness.BasicConfig("lambda");
        config["LambdaFunctions"] = new JsonObject
        {
            ["lookup"] = new JsonObject { ["FunctionArn"] = Lookup },
            ["survey"] = new JsonObject { ["FunctionArn"] = Survey },
        };
        using var h = new Harness(_emulator, config);

        AssertSucceeded(await h.ApplyAsync());
        Assert.Equal(2, (await _emulator.CallsAsync()).GetValueOrDefault("Connect.AssociateLambdaFunction"));
        Assert.Equal([Lookup, Survey], await AssociatedAsync(h));
        var state = await h.StateAsync();
        Assert.Equal(Lookup, state.Resources[ResourceAddress.Parse("LambdaFunctions/lookup")].Id);
        Assert.Equal(Lookup, JsonNode.Parse(state.Outputs["lambda_function_associations"]!)!["lookup"]!.GetValue<string>());
        Assert.True((await h.PlanAsync()).IsEmpty);

        // A new ARN under the same key: disassociate the old, associate the new.
        config["LambdaFunctions"]!["lookup"]!["FunctionArn"] = LookupV2;
        h.Write(config);
        var replace = Assert.Single((await h.PlanAsync()).Changes, c => c.IsWrite());
        Assert.Equal(ChangeAction.Replace, replace.Action);
        await _emulator.ResetCallsAsync();
        AssertSucceeded(await h.ApplyAsync());
        Assert.Equal(new Dictionary<string, int> { ["Connect.DisassociateLambdaFunction"] = 1, ["Connect.AssociateLambdaFunction"] = 1 }, await FlowSamples.WritesAsync(_emulator));
        Assert.Equal([LookupV2, Survey], await AssociatedAsync(h));
        Assert.True((await h.PlanAsync()).IsEmpty);

        config["LambdaFunctions"]!.AsObject().Remove("survey");
        h.Write(config);
        await _emulator.ResetCallsAsync();
        AssertSucceeded(await h.ApplyAsync());
        Assert.Equal(new Dictionary<string, int> { ["Connect.DisassociateLambdaFunction"] = 1 }, await FlowSamples.WritesAsync(_emulator));
        Assert.Equal([LookupV2], await AssociatedAsync(h));
        Assert.True((await h.PlanAsync()).IsEmpty);
    }

    [Fact]
    public async Task An_existing_association_is_adopted_and_the_list_is_read_once_per_plan()
    {
        var config = Harness.BasicConfig("lambda-adopt");
        using var h = new Harness(_emulator, config);
        AssertSucceeded(await h.ApplyAsync());
        var state = await h.StateAsync();
        using (var ws = await h.OpenAsync())
            await ws.Aws.Connect.AssociateLambdaFunctionAsync(new AssociateLambdaFunctionRequest { InstanceId = state.Instance!.Id, FunctionArn = Lookup });

        config["LambdaFunctions"] = new JsonObject { ["lookup"] = new JsonObject { ["FunctionArn"] = Lookup } };
        h.Write(config);
        await _emulator.ResetCallsAsync();
        var plan = await h.PlanAsync();
        Assert.Equal(ChangeAction.Import, Assert.Single(plan.Changes, c => c.IsWrite()).Action);
        Assert.Equal(1, (await _emulator.CallsAsync()).GetValueOrDefault("Connect.ListLambdaFunctions"));

        await _emulator.ResetCallsAsync();
        AssertSucceeded(await h.ApplyAsync());
        Assert.Empty(await FlowSamples.WritesAsync(_emulator));
        Assert.True((await h.PlanAsync()).IsEmpty);
    }
}
