using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;

namespace ConnectOps.Tests;

public sealed class ConfigExampleTests : IDisposable
{
    private readonly ConfigFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public void DesignExampleBindsWithZeroErrors()
    {
        _fx.Write("flows/main-flow.json", ConfigSamples.MainFlow);

        var result = _fx.Load(ConfigSamples.DesignExample);

        Assert.Empty(result.Errors);
        var config = Assert.IsType<ConnectConfig>(result.Config);
        Assert.Equal("eu-west-2", config.Region);
        Assert.Equal(StateBackend.Local, config.State.Backend);
        Assert.Equal(Path.Combine(_fx.Directory, ".connectops", "state.json"), config.State.Path);
        Assert.Equal("my-contact-center", config.Instance.Alias);
        Assert.Equal(IdentityManagementType.ConnectManaged, config.Instance.IdentityManagementType);
        Assert.Equal(7, config.Instance.LogRetentionDays);
        Assert.Equal("production", config.Instance.Tags["Environment"]);
        Assert.Equal("connectops", config.Tags["ManagedBy"]);

        var hours = Assert.Single(config.HoursOfOperation);
        Assert.Equal(new HoursSlot(HoursDay.Monday, new TimeOnly(9, 0), new TimeOnly(17, 0)), Assert.Single(hours.Config));
        var queue = Assert.Single(config.Queues);
        Assert.Equal(("UK Business Hours", 100, "main_line"), (queue.HoursOfOperation, queue.MaxContacts!.Value, queue.OutboundCallerIdNumber));
        Assert.Equal(["supervisor"], queue.QuickConnects);
        var profile = Assert.Single(config.RoutingProfiles);
        Assert.Equal(new RoutingProfileQueueSpec("CustomerService", Channel.Voice, 1, 0), Assert.Single(profile.QueueConfigs));
        Assert.Equal("AgentProfile", profile.Description);
        Assert.Equal(["BasicAgentAccess", "OutboundCallAccess"], Assert.Single(config.SecurityProfiles).Permissions);
        var qc = Assert.Single(config.QuickConnects);
        Assert.Equal(("supervisor", QuickConnectType.Queue, "Default queue transfer"), (qc.Key, qc.Type, qc.ContactFlow));
        Assert.Equal(new ResourceAddress(Component.PhoneNumbers, "main_line"), Assert.Single(config.PhoneNumbers).Address);
        var flow = Assert.Single(config.ContactFlows);
        Assert.Contains("DisconnectParticipant", flow.Content);
        Assert.Equal(["Division", "Team"], config.HierarchyStructure!.Levels);
        Assert.Equal([1, 2], config.HierarchyGroups.Select(g => g.Level));
        Assert.Equal(["john.smith", "admin"], config.Users.Select(u => u.Username));
        var admin = config.AdminUser!;
        Assert.Equal(("AgentProfile", "Admin"), (admin.RoutingProfile, Assert.Single(admin.SecurityProfiles)));
        Assert.Equal("customer_lookup", Assert.Single(config.LambdaFunctions).Key);
        Assert.Equal([false, true], config.LexBots.Select(b => b.IsV2));
        Assert.StartsWith("sha256:", config.ConfigHash);
    }
}
