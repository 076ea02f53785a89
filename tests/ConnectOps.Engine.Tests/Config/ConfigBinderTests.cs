using ConnectOps.Engine.Config;
using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.Tests.Config;

public sealed class ConfigBinderTests
{
    private static ConfigLoadResult Bind(ConfigMap root) => ConfigBinder.Bind(root, Path.Combine(Path.GetTempPath(), "cc", "connectops.psd1"));

    [Fact]
    public void AMinimalConfigBindsWithDefaults()
    {
        var result = Bind(Tree.MinimalConfig());

        Assert.Empty(result.Errors);
        var config = result.Config!;
        Assert.Equal(StateBackend.Local, config.State.Backend);
        Assert.Equal(Path.Combine(Path.GetTempPath(), "cc", ".connectops", "state.json"), config.State.Path);
        Assert.Empty(config.Queues);
        Assert.Null(config.Instance.ContactLensEnabled);
    }

    [Fact]
    public void AnInvalidConfigYieldsNoModel()
    {
        var result = Bind(Tree.MinimalConfig(("Queues", Tree.List(Tree.Map(("Name", "Q")))))); // no HoursOfOperation

        Assert.Null(result.Config);
        Assert.Equal(ConfigErrorCodes.MissingValue, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void S3StateTakesBucketAndDefaultsTheKeyAndEncryption()
    {
        var result = Bind(Tree.MinimalConfig(("State", Tree.Map(("Backend", "S3"), ("Bucket", "my-state"), ("LockTable", "locks")))));

        Assert.Empty(result.Errors);
        Assert.Equal(new StateSettings(StateBackend.S3, null, "my-state", StateSettings.DefaultS3Key, null, true, null, "locks", null), result.Config!.State);
    }

    [Fact]
    public void RateLimitsTakeANumberOrAHashtable()
    {
        var result = Bind(Tree.MinimalConfig(("RateLimits", Tree.Map(("SearchUsers", 5), ("CreateUser", Tree.Map(("RequestsPerSecond", 1.5), ("Burst", 3)))))));

        Assert.Empty(result.Errors);
        Assert.Equal([new RateLimitOverride("SearchUsers", 5, null), new RateLimitOverride("CreateUser", 1.5, 3)], result.Config!.RateLimits);
    }

    [Fact]
    public void AnExistingInstanceByIdNeedsNoCreationSettings()
    {
        var result = Bind(Tree.Map(("Instance", Tree.Map(("Id", "0b7e2d4c-1111-4222-8333-944455556666")))));

        Assert.Empty(result.Errors);
        Assert.Null(result.Config!.Instance.InboundCallsEnabled);
    }

    [Fact]
    public void InlineFlowContentBindsAndItsPlaceholdersMustResolve()
    {
        var flow = """{"Version":"2019-10-30","StartAction":"a","Actions":[{"Identifier":"a","Type":"X","Parameters":{"QueueId":"${Queues/Sales}"}}]}""";
        var ok = Bind(Tree.MinimalConfig(
            ("ContactFlows", Tree.List(Tree.Map(("Name", "F"), ("Type", "CONTACT_FLOW"), ("Content", flow)))),
            ("Queues", Tree.List(Tree.Map(("Name", "Sales"), ("HoursOfOperation", "Basic Hours"))))));
        var bad = Bind(Tree.MinimalConfig(("ContactFlows", Tree.List(Tree.Map(("Name", "F"), ("Type", "CONTACT_FLOW"), ("Content", flow))))));

        Assert.Empty(ok.Errors);
        Assert.Equal(ConfigErrorCodes.UnresolvedPlaceholder, Assert.Single(bad.Errors).Code);
    }

    [Fact]
    public void ABinderNeverThrowsOnNonsenseTypes()
    {
        var result = Bind(Tree.Map(("Instance", Tree.List(1, 2)), ("Queues", "x"), ("QuickConnects", Tree.List()), ("Users", Tree.Map())));

        Assert.Null(result.Config);
        Assert.All(result.Errors, e => Assert.NotNull(e.Position));
        Assert.Contains(result.Errors, e => e.KeyPath == "Instance" && e.Code == ConfigErrorCodes.WrongType);
    }
}
