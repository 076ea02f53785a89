using ConnectOps.Emulator.Tests.Infrastructure;

namespace ConnectOps.Emulator.Tests;

public sealed class PeerSkipTests
{
    [Fact]
    public void MissingPeer_SkipsWithTheReason_OutsideCi()
    {
        var reason = Peers.SkipReason("the AWS CLI ('aws') is not installed", isCi: false);
        Assert.NotNull(reason);
        Assert.Contains("the AWS CLI ('aws') is not installed", reason);
    }

    [Fact]
    public void MissingPeer_RunsAndFails_UnderCi() => Assert.Null(Peers.SkipReason("python3 with boto3 is not installed", isCi: true));

    [Fact]
    public void PresentPeer_AlwaysRuns()
    {
        Assert.Null(Peers.SkipReason(null, isCi: false));
        Assert.Null(Peers.SkipReason(null, isCi: true));
    }
}
