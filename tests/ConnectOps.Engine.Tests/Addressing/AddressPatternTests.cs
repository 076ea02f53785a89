using ConnectOps.Engine.Addressing;

namespace ConnectOps.Engine.Tests.Addressing;

public sealed class AddressPatternTests
{
    [Theory]
    [InlineData("Queues/*", "Queues/Sales", true)]
    [InlineData("Queues/*", "Users/Sales", false)]
    [InlineData("queues/s*", "Queues/Sales", true)]
    [InlineData("Queues/Sal?s", "Queues/Sales", true)]
    [InlineData("Queues/[st]ales", "Queues/Tales", true)]
    [InlineData("Queues/[st]ales", "Queues/Males", false)]
    [InlineData("Queues", "Queues/Anything", true)]
    [InlineData("*", "Instance", true)]
    [InlineData("*", "Users/x", true)]
    [InlineData("*/Sales", "HierarchyGroups/Sales", true)]
    [InlineData("*/Sales", "HierarchyGroups/Inside Sales", false)]
    [InlineData("Instance", "Instance", true)]
    [InlineData("Users/john.smith", "Users/JOHN.SMITH", true)]
    [InlineData("Queues/a`*b", "Queues/a*b", true)]
    [InlineData("Queues/a`*b", "Queues/axb", false)]
    [InlineData("LexBots/arn:*", "LexBots/arn:aws:lex:eu-west-2:1:bot-alias/B/A", true)]
    public void MatchesWildcardsCaseInsensitively(string pattern, string address, bool matches)
    {
        Assert.Equal(matches, AddressPattern.Parse(pattern).Matches(ResourceAddress.Parse(address)));
    }

    [Theory]
    [InlineData("Queues/Sales", true)]
    [InlineData("Instance", true)]
    [InlineData("Queues/*", false)]
    [InlineData("Queues", false)]
    public void KnowsWhetherItNamesExactlyOneAddress(string pattern, bool literal)
    {
        Assert.Equal(literal, AddressPattern.Parse(pattern).IsLiteral);
    }

    [Theory]
    [InlineData("Queus/*", "Did you mean 'Queues'?")]
    [InlineData("Instance/x", "takes no key")]
    [InlineData("Queues/", "ends with '/'")]
    public void RejectsInvalidTargets(string pattern, string expected)
    {
        Assert.False(AddressPattern.TryParse(pattern, out _, out var error));
        Assert.Contains(expected, error);
    }
}
