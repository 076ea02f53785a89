using ConnectOps.Engine.Addressing;

namespace ConnectOps.Engine.Tests.Addressing;

public sealed class ResourceAddressTests
{
    [Theory]
    [InlineData("Queues/CustomerService", Component.Queues, "CustomerService")]
    [InlineData("queues/CustomerService", Component.Queues, "CustomerService")]
    [InlineData("HoursOfOperation/UK Business Hours", Component.HoursOfOperation, "UK Business Hours")]
    [InlineData("Users/john.smith", Component.Users, "john.smith")]
    [InlineData("LexBots/arn:aws:lex:eu-west-2:123456789012:bot-alias/BOTID/ALIASID", Component.LexBots, "arn:aws:lex:eu-west-2:123456789012:bot-alias/BOTID/ALIASID")]
    [InlineData("Iam/ConnectRole", Component.Iam, "ConnectRole")]
    public void ParsesComponentAndKeyWithKeyBeingEverythingAfterTheFirstSlash(string text, Component component, string key)
    {
        var address = ResourceAddress.Parse(text);

        Assert.Equal(component, address.Component);
        Assert.Equal(key, address.Key);
    }

    [Theory]
    [InlineData("instance", "Instance")]
    [InlineData("HIERARCHYSTRUCTURE", "HierarchyStructure")]
    [InlineData("QUEUES/Sales", "Queues/Sales")]
    public void FormatsWithTheCanonicalComponentSpelling(string text, string formatted)
    {
        Assert.Equal(formatted, ResourceAddress.Parse(text).ToString());
    }

    [Fact]
    public void KeysCompareCaseInsensitivelyButKeepTheirSpelling()
    {
        var a = ResourceAddress.Parse("Queues/Sales");
        var b = ResourceAddress.Parse("queues/SALES");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal("Queues/SALES", b.ToString());
    }

    [Theory]
    [InlineData("Instance/x", "takes no key")]
    [InlineData("Queues", "needs a key")]
    [InlineData("Queues/", "needs a key")]
    [InlineData("Queus/Sales", "Did you mean 'Queues'?")]
    [InlineData("", "empty")]
    public void RejectsMalformedAddressesWithAHelpfulMessage(string text, string expected)
    {
        Assert.False(ResourceAddress.TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void SortsByComponentDependencyOrderThenKey()
    {
        var sorted = new[] { "Users/b", "Queues/z", "Instance", "Queues/A", "HoursOfOperation/x" }
            .Select(ResourceAddress.Parse).Order().Select(a => a.ToString());

        Assert.Equal(["Instance", "HoursOfOperation/x", "Queues/A", "Queues/z", "Users/b"], sorted);
    }
}
