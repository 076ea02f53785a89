using ConnectOps.Engine.Planning;
using ConnectOps.Engine.State;

namespace ConnectOps.Engine.Tests.Planning;

public sealed class PlanStalenessTests
{
    private static readonly Guid Lineage = Guid.NewGuid();

    private static Plan PlanAt(long serial, Guid? lineage) => new() { ConfigPath = "c.psd1", ConfigHash = "h1", StateLineage = lineage, StateSerial = serial };

    [Fact]
    public void AcceptsAPlanWhoseStateAndConfigAreUnchanged()
    {
        var state = new StateDocument { Lineage = Lineage, Serial = 4 };

        Assert.Empty(PlanStaleness.Check(PlanAt(4, Lineage), state, "h1"));
        PlanStaleness.EnsureCurrent(PlanAt(4, Lineage), state, "h1");
    }

    [Fact]
    public void RefusesAPlanWhenTheSerialMovedOn()
    {
        var e = Assert.Throws<StalePlanException>(() => PlanStaleness.EnsureCurrent(PlanAt(4, Lineage), new StateDocument { Lineage = Lineage, Serial = 5 }, "h1"));

        Assert.Contains("serial 5", e.Message);
        Assert.Contains("Invoke-ConnectPlan", e.Message);
    }

    [Fact]
    public void RefusesAPlanFromAnotherLineage()
    {
        Assert.Contains("lineage", Assert.Single(PlanStaleness.Check(PlanAt(4, Guid.NewGuid()), new StateDocument { Lineage = Lineage, Serial = 4 }, "h1")));
    }

    [Fact]
    public void RefusesAPlanWhoseConfigChanged()
    {
        Assert.Contains("config", Assert.Single(PlanStaleness.Check(PlanAt(4, Lineage), new StateDocument { Lineage = Lineage, Serial = 4 }, "h2")));
    }

    [Fact]
    public void RefusesAPlanMadeWithoutStateOnceStateExists()
    {
        Assert.Single(PlanStaleness.Check(PlanAt(0, null), new StateDocument { Lineage = Lineage, Serial = 1 }, "h1"));
        Assert.Empty(PlanStaleness.Check(PlanAt(0, null), null, "h1"));
    }
}
