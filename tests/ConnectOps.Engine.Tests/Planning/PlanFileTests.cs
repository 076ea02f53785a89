using ConnectOps.Engine.Model;
using ConnectOps.Engine.Planning;

namespace ConnectOps.Engine.Tests.Planning;

public sealed class PlanFileTests
{
    [Fact]
    public void RoundTripsEveryField()
    {
        var plan = PlanSamples.Full();

        var read = PlanFile.Deserialize(PlanFile.Serialize(plan));

        Assert.Equal(plan.ConfigPath, read.ConfigPath);
        Assert.Equal(plan.ConfigHash, read.ConfigHash);
        Assert.Equal(plan.StateLineage, read.StateLineage);
        Assert.Equal(plan.StateSerial, read.StateSerial);
        Assert.Equal(plan.CreatedAt, read.CreatedAt);
        Assert.Equal(plan.Changes, read.Changes);
        Assert.Equal(plan.Statistics, read.Statistics);
        Assert.Equal(plan.Warnings, read.Warnings);
        Assert.Equal(plan, read);
    }

    [Fact]
    public void RoundTripsThroughAFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.json");
        try
        {
            PlanFile.Write(PlanSamples.Full(), path);
            Assert.Equal(PlanSamples.Full().Changes, PlanFile.Read(path).Changes);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void NeverWritesSensitiveValues()
    {
        var json = PlanFile.Serialize(PlanSamples.Full());

        Assert.DoesNotContain("secret", json);
        Assert.Contains("\"Sensitive\": true", json);
    }

    [Fact]
    public void RefusesAnUnknownFormatVersionWithAClearMessage()
    {
        var json = PlanFile.Serialize(PlanSamples.Full()).Replace("\"FormatVersion\": 1", "\"FormatVersion\": 99");

        var e = Assert.Throws<PlanFileException>(() => PlanFile.Deserialize(json, "plan.json"));

        Assert.Equal(PlanFileException.UnsupportedVersionId, e.ErrorId);
        Assert.Contains("format version 99", e.Message);
        Assert.Contains("Invoke-ConnectPlan", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"Changes\": []}")]
    [InlineData("{\"FormatVersion\": 1, \"ConfigPath\": 5}")]
    public void RefusesDamagedPlanFiles(string json)
    {
        var e = Assert.Throws<PlanFileException>(() => PlanFile.Deserialize(json, "plan.json"));

        Assert.Equal(PlanFileException.InvalidId, e.ErrorId);
        Assert.Contains("plan.json", e.Message);
    }

    [Fact]
    public void EmptyPlanIsOneWithOnlyNoOpsAndUnmanagedEntries()
    {
        var plan = PlanSamples.Full();
        Assert.False(plan.IsEmpty);
        Assert.True((plan with { Changes = plan.Changes.Where(c => c.Action == ChangeAction.NoOp).ToValueList() }).IsEmpty);
    }
}
