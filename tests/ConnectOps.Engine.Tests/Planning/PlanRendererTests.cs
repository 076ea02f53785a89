using ConnectOps.Engine.Model;
using ConnectOps.Engine.Planning;

namespace ConnectOps.Engine.Tests.Planning;

public sealed class PlanRendererTests
{
    private static string Render(params ResourceChange[] changes) =>
        PlanRenderer.Render(new Plan { ConfigPath = "c.psd1", ConfigHash = "h", Changes = changes.ToValueList() });

    [Fact]
    public void RendersACreateWithPlusLines()
    {
        var text = Render(PlanSamples.Change("Queues/Sales", ChangeAction.Create, null,
            new PropertyDiff("Name", null, "Sales"), new PropertyDiff("MaxContacts", null, 50)));

        Assert.Contains("  # Queues/Sales will be created\n  + Queues/Sales\n      + Name: \"Sales\"\n      + MaxContacts: 50\n", text);
        Assert.EndsWith("Plan: 1 to add, 0 to change, 0 to destroy.\n", text);
    }

    [Fact]
    public void RendersAnUpdateInPlaceWithBeforeAndAfter()
    {
        var text = Render(PlanSamples.Change("Queues/CustomerService", ChangeAction.Update, "q-1", new PropertyDiff("MaxContacts", 100, 200)));

        Assert.Contains("  # Queues/CustomerService will be updated in-place (id q-1)\n  ~ Queues/CustomerService\n      ~ MaxContacts: 100 -> 200\n", text);
        Assert.EndsWith("Plan: 0 to add, 1 to change, 0 to destroy.\n", text);
    }

    [Fact]
    public void RendersAReplaceMarkingThePropertyThatForcesIt()
    {
        var text = Render(PlanSamples.Change("PhoneNumbers/main_line", ChangeAction.Replace, "pn-1",
            new PropertyDiff("CountryCode", "GB", "US", forcesReplacement: true)) with { Irreversible = true });

        Assert.Contains("-/+ PhoneNumbers/main_line\n      ~ CountryCode: \"GB\" -> \"US\" (forces replacement)\n", text);
        Assert.Contains("# (irreversible: this cannot be undone)", text);
        Assert.EndsWith("Plan: 1 to add, 0 to change, 1 to destroy.\n", text);
    }

    [Fact]
    public void RendersADestroyWithItsReason()
    {
        var text = Render(PlanSamples.Change("Users/old.agent", ChangeAction.Delete, "u-9") with { Reasons = new ValueList<string>(["removed from the config"]) });

        Assert.Contains("  # Users/old.agent will be destroyed (id u-9)\n  # (removed from the config)\n  - Users/old.agent\n", text);
        Assert.EndsWith("Plan: 0 to add, 0 to change, 1 to destroy.\n", text);
    }

    [Fact]
    public void RendersAnImportAndCountsIt()
    {
        var text = Render(PlanSamples.Change("HoursOfOperation/Basic Hours", ChangeAction.Import, "h-1"));

        Assert.Contains(" <= HoursOfOperation/Basic Hours", text);
        Assert.EndsWith("Plan: 0 to add, 0 to change, 0 to destroy, 1 to import.\n", text);
    }

    [Fact]
    public void ShowsSensitiveValuesAsSensitive()
    {
        var text = Render(PlanSamples.Change("Users/a", ChangeAction.Update, "u", new PropertyDiff("Password", "hunter2", "hunter3", sensitive: true)));

        Assert.Contains("~ Password: (sensitive) -> (sensitive)", text);
        Assert.DoesNotContain("hunter", text);
    }

    [Fact]
    public void ShowsRemovedAndAddedPropertiesOfAnUpdate()
    {
        var text = Render(PlanSamples.Change("Queues/a", ChangeAction.Update, "q",
            new PropertyDiff("Description", "old", null), new PropertyDiff("OutboundFlow", null, "Out")));

        Assert.Contains("      - Description: \"old\" -> null\n      + OutboundFlow: \"Out\"\n", text);
    }

    [Fact]
    public void SaysNoChangesWhenThereIsNothingToDo()
    {
        var text = Render(PlanSamples.Change("Queues/a", ChangeAction.NoOp, "q"));

        Assert.Equal("No changes. Your contact centre matches the configuration.\n", text);
    }

    [Fact]
    public void ListsUnmanagedResourcesWithoutCountingThem()
    {
        var text = PlanRenderer.Render(PlanSamples.Full());

        Assert.Contains("Managed outside the config (created by cmdlets; not deleted):\n  Queues/ByCmdlet\n", text);
        Assert.DoesNotContain("Queues/Unchanged", text);
        Assert.Contains("Warning: Queues/CustomerService: changed by a cmdlet since the last apply", text);
        Assert.EndsWith("Plan: 2 to add, 2 to change, 2 to destroy, 1 to import.\n", text);
    }

    [Fact]
    public void WritesNoAnsiEscapes()
    {
        Assert.DoesNotContain("\u001b", PlanRenderer.Render(PlanSamples.Full()));
    }
}
