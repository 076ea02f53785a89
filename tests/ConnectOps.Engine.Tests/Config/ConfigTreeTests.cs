using ConnectOps.Engine.Config;
using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.Tests.Config;

public sealed class ConfigTreeTests
{
    [Fact]
    public void MapKeysAreCaseInsensitiveAndKeepOrderAndSpelling()
    {
        var map = Tree.Map(("Zeta", 1), ("alpha", 2));

        Assert.Equal(2L, ((ConfigScalar)map["ALPHA"]!).Value);
        Assert.Equal(["Zeta", "alpha"], map.Entries.Select(e => e.Key));
        Assert.Null(map["missing"]);
    }

    [Theory]
    [InlineData("Regoin", "Region")]
    [InlineData("hoursofoperaton", "HoursOfOperation")]
    [InlineData("Xyzzy", null)]
    public void NearestNameSuggestsOnlyCloseCandidates(string text, string? expected)
    {
        Assert.Equal(expected, NearestName.Find(text, ["Region", "HoursOfOperation", "Queues"]));
    }

    [Theory]
    [InlineData("CONNECT_MANAGED", IdentityManagementType.ConnectManaged)]
    [InlineData("connect_managed", IdentityManagementType.ConnectManaged)]
    [InlineData("EXISTING_DIRECTORY", IdentityManagementType.ExistingDirectory)]
    public void EnumsParseFromTheConnectSpelling(string text, IdentityManagementType expected)
    {
        Assert.True(EnumWire.TryParse<IdentityManagementType>(text, out var value));
        Assert.Equal(expected, value);
        Assert.False(EnumWire.TryParse<IdentityManagementType>("ConnectManaged", out _));
    }

    [Fact]
    public void EnumWireNamesMatchTheConnectModel()
    {
        Assert.Equal(["TOLL_FREE", "DID", "UIFN", "SHARED", "THIRD_PARTY_TF", "THIRD_PARTY_DID", "SHORT_CODE"], EnumWire.WireNames<PhoneNumberType>());
        Assert.Equal("OUTBOUND_WHISPER", EnumWire.ToWire(ContactFlowType.OutboundWhisper));
        Assert.Equal("TIME_SINCE_LAST_INBOUND", EnumWire.ToWire(AgentAvailabilityTimer.TimeSinceLastInbound));
    }

    [Fact]
    public void ConfigHashIgnoresKeyOrderButNotValues()
    {
        var a = ConfigHasher.Compute(Tree.Map(("A", 1), ("B", "x")), []);
        var b = ConfigHasher.Compute(Tree.Map(("b", "x"), ("a", 1)), []);
        var c = ConfigHasher.Compute(Tree.Map(("A", 2), ("B", "x")), []);
        var d = ConfigHasher.Compute(Tree.Map(("A", "1"), ("B", "x")), []);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.NotEqual(a, d);
        Assert.Matches("^sha256:[0-9a-f]{64}$", a);
    }
}
