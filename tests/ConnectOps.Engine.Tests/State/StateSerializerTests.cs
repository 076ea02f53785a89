using System.Text;
using System.Text.Json.Nodes;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.State;

namespace ConnectOps.Engine.Tests.State;

public sealed class StateSerializerTests
{
    internal static StateDocument Sample() => StateDocument.New()
        .WithInstance(new InstanceState("i-1", "arn:aws:connect:eu-west-2:123456789012:instance/i-1", "eu-west-2", "123456789012"))
        .WithResource(ResourceAddress.Parse("Users/john.smith"), new ResourceState("u-1", "arn:u-1", ResourceOrigin.Cmdlet,
            new JsonObject { ["Email"] = "j@example.com" }, new ValueList<ResourceAddress>([ResourceAddress.Parse("RoutingProfiles/Agent")])))
        .WithResource(ResourceAddress.Parse("Queues/CustomerService"), new ResourceState("q-1", "arn:q-1", ResourceOrigin.Config,
            new JsonObject { ["MaxContacts"] = 100, ["Nested"] = new JsonObject { ["A"] = new JsonArray(1, 2) } }, ValueList<ResourceAddress>.Empty))
        .WithResource(ResourceAddress.Parse("HoursOfOperation/Basic Hours"), new ResourceState("h-1", null, ResourceOrigin.Import))
        .WithOutput("InstanceArn", "arn:aws:connect:eu-west-2:123456789012:instance/i-1");

    [Fact]
    public void RoundTripsEveryField()
    {
        var state = Sample() with { Serial = 7 };

        var read = StateSerializer.Deserialize(StateSerializer.Serialize(state), "x", "");

        Assert.Equal(state, read);
        Assert.Equal(ResourceOrigin.Cmdlet, read.Get(ResourceAddress.Parse("users/JOHN.SMITH"))!.Origin);
    }

    [Fact]
    public void WritesResourcesInAddressOrderSoOutputIsStable()
    {
        var json = Encoding.UTF8.GetString(StateSerializer.Serialize(Sample()));

        var hours = json.IndexOf("\"HoursOfOperation/Basic Hours\"", StringComparison.Ordinal);
        var queue = json.IndexOf("\"Queues/CustomerService\"", StringComparison.Ordinal);
        var user = json.IndexOf("\"Users/john.smith\"", StringComparison.Ordinal);
        Assert.True(hours < queue && queue < user);
        Assert.Equal(json, Encoding.UTF8.GetString(StateSerializer.Serialize(StateSerializer.Deserialize(Encoding.UTF8.GetBytes(json), "x", ""))));
        Assert.Contains("\n  \"Serial\": 0,", json);
    }

    [Fact]
    public void HasNoSecretField()
    {
        var json = Encoding.UTF8.GetString(StateSerializer.Serialize(Sample()));

        Assert.DoesNotContain("Password", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void RefusesStateFromANewerFormatVersion()
    {
        var json = Encoding.UTF8.GetString(StateSerializer.Serialize(Sample())).Replace("\"FormatVersion\": 1", "\"FormatVersion\": 2");

        var e = Assert.Throws<StateFormatException>(() => StateSerializer.Deserialize(Encoding.UTF8.GetBytes(json), "state.json", ""));

        Assert.Contains("format version 2", e.Message);
    }
}
