using System.Text.Json.Nodes;
using ConnectOps.Emulator.Connect.Components;
using ConnectOps.Emulator.Hosting;
using ConnectOps.Emulator.Models;
using ConnectOps.Emulator.Protocols;

namespace ConnectOps.Emulator.Tests;

/// <summary>Fast checks of the shared mechanisms, without a server or a peer.</summary>
public sealed class MechanismTests
{
    [Fact]
    public void FlowValidator_AcceptsTheDefaultFlows_AndReportsEveryStructuralProblem()
    {
        Assert.Empty(FlowValidator.Validate(InstanceDefaults.MinimalFlow("CONTACT_FLOW")));

        var problems = FlowValidator.Validate("""
            {"Version":"2019-10-30","StartAction":"a","Actions":[
              {"Identifier":"a","Type":"MessageParticipant","Transitions":{"Conditions":[{"NextAction":"ghost","Condition":{"Operator":"Equals","Operands":["1"]}}]}},
              {"Identifier":"b:c","Type":"EndFlowExecution","Transitions":[]},
              {"Identifier":"constructor","Type":"EndFlowExecution","Transitions":{}}]}
            """);
        Assert.Contains(problems, p => p.Contains("'ghost'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'b:c' contains a character", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Transitions of action 'b:c' must be an object", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'constructor' is a reserved name", StringComparison.Ordinal));
    }

    [Fact]
    public void Validator_NamesTheMember_ForEveryKindOfViolation()
    {
        var create = ServiceModels.Connect.Operations["CreateRoutingProfile"];
        var valid = JsonNode.Parse("""
            {"InstanceId":"i","Name":"RP","Description":"d","DefaultOutboundQueueId":"q",
             "MediaConcurrencies":[{"Channel":"VOICE","Concurrency":1}]}
            """)!.AsObject();
        InputValidator.Validate(create, valid);

        string Problem(string member, JsonNode? value)
        {
            var input = (JsonObject)valid.DeepClone();
            input[member] = value;
            return Assert.Throws<ApiException>(() => InputValidator.Validate(create, input)).Message;
        }

        Assert.Contains("'Name'", Problem("Name", null));
        Assert.Contains("MediaConcurrencies[0].Concurrency", Problem("MediaConcurrencies", JsonNode.Parse("""[{"Channel":"VOICE","Concurrency":11}]""")));
        Assert.Contains("MediaConcurrencies[0].Channel", Problem("MediaConcurrencies", JsonNode.Parse("""[{"Channel":"FAX","Concurrency":1}]""")));
        Assert.Contains("'Description'", Problem("Description", 42));
        Assert.Contains("'Tags'", Problem("Tags", new JsonObject()));
    }

    [Fact]
    public void Output_IsProjectedOntoTheShape_DroppingUnknownMembersAndNulls()
    {
        var describe = ServiceModels.Connect.Operations["DescribeQueue"];
        var output = OutputShaper.ProjectOutput(new JsonObject
        {
            ["Queue"] = new JsonObject { ["QueueId"] = "q", ["Name"] = "N", ["QuickConnectIds"] = new JsonArray("x"), ["Description"] = null, ["MaxContacts"] = 3 },
            ["Internal"] = "hidden",
        }, describe.Output);
        Assert.Equal("""{"Queue":{"MaxContacts":3,"Name":"N","QueueId":"q"}}""", Sorted(output).ToJsonString());
    }

    [Fact]
    public void RateLimiter_ServesTheBurst_ThenThrottles_PerOperationAndRegion()
    {
        var config = new RuntimeConfig(new EmulatorOptions { RateLimits = "aws-default" });
        var limiter = new RateLimiter(config);
        var served = Enumerable.Range(0, 8).Count(_ => limiter.TryAcquire("Connect", "1", "eu-west-2", "CreateQueue"));
        Assert.Equal(5, served);
        Assert.True(limiter.TryAcquire("Connect", "1", "us-east-1", "CreateQueue"));
        Assert.True(limiter.TryAcquire("Connect", "1", "eu-west-2", "ListQueues"));
        Assert.True(limiter.TryAcquire("IAM", "1", "eu-west-2", "CreateRole"));
        Assert.Equal(new RateLimit(10, 10), RateLimiter.DefaultFor("DescribeUser"));
        Assert.Equal(new RateLimit(0.1, 1), RateLimiter.DefaultFor("CreateInstance"));

        config.Apply(new JsonObject { ["RateLimits"] = "off" });
        Assert.True(limiter.TryAcquire("Connect", "1", "eu-west-2", "CreateQueue"));
    }

    private static JsonNode Sorted(JsonNode node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Sorted(p.Value)))),
        _ => node.DeepClone(),
    };
}
