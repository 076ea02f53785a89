using System.Text;

namespace ConnectOps.Tests;

public sealed class ConfigScaleTests : IDisposable
{
    private readonly ConfigFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public void AThousandUserConfigReadsAndBindsWhereImportPowerShellDataFileCannot()
    {
        var sb = new StringBuilder(ConfigSamples.WithBody(
            "    RoutingProfiles = @( @{ Name = 'Agents'; DefaultOutboundQueue = 'BasicQueue'; MediaConcurrencies = @( @{ Channel = 'VOICE'; Concurrency = 1 }, @{ Channel = 'CHAT'; Concurrency = 3 } ) } )",
            "    HierarchyStructure = @('Team')",
            "    HierarchyGroups = @( @{ Name = 'Sales' }, @{ Name = 'Support' } )",
            "    Users = @(")[..^2]);
        for (var i = 0; i < 1000; i++)
        {
            sb.Append($"        @{{ Username = 'agent{i:D4}'; Email = 'agent{i:D4}@example.com'; FirstName = 'Agent'; LastName = 'Number {i}'; ")
              .Append($"PhoneType = 'SOFT_PHONE'; AutoAccept = $false; AfterContactWorkTimeLimit = 30; RoutingProfile = 'Agents'; ")
              .Append($"SecurityProfiles = @('Agent'); HierarchyGroup = '{(i % 2 == 0 ? "Sales" : "Support")}'; Tags = @{{ Team = 'T{i % 10}' }} }}\n");
        }
        sb.Append("    )\n}\n");

        var result = _fx.Load(sb.ToString());

        Assert.Empty(result.Errors);
        Assert.Equal(1000, result.Config!.Users.Count);
        Assert.Equal("agent0999", result.Config.Users[^1].Username);
        Assert.Equal("Support", result.Config.Users[^1].HierarchyGroup);
    }
}
