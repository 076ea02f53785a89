using System.Collections.Immutable;
using System.Text.Json.Nodes;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Planning;

namespace ConnectOps.Engine.Tests.Planning;

internal static class PlanSamples
{
    public static ResourceChange Change(string address, ChangeAction action, string? id, params PropertyDiff[] diffs) =>
        new(ResourceAddress.Parse(address), action, id, diffs.ToValueList(), ValueList<string>.Empty);

    public static Plan Full() => new()
    {
        ConfigPath = "/cc/connectops.psd1",
        ConfigHash = "sha256:" + new string('a', 64),
        StateLineage = Guid.Parse("0b7e2d4c-1111-4222-8333-944455556666"),
        StateSerial = 12,
        CreatedAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
        Changes = new[]
        {
            Change("Queues/Sales", ChangeAction.Create, null, new PropertyDiff("Name", null, "Sales"), new PropertyDiff("MaxContacts", null, 50)),
            Change("Queues/CustomerService", ChangeAction.Update, "q-1", new PropertyDiff("MaxContacts", 100, 200)),
            Change("PhoneNumbers/main_line", ChangeAction.Replace, "pn-1", new PropertyDiff("CountryCode", "GB", "US", forcesReplacement: true)),
            Change("Users/old.agent", ChangeAction.Delete, "u-9") with { Reasons = new ValueList<string>(["removed from the config"]) },
            Change("HoursOfOperation/Basic Hours", ChangeAction.Import, "h-1"),
            Change("Users/john.smith", ChangeAction.Update, "u-1", new PropertyDiff("Password", "secret", "other", sensitive: true),
                new PropertyDiff("SecurityProfiles", new JsonArray("Agent"), new JsonArray("Agent", "Admin"))),
            Change("Queues/Unchanged", ChangeAction.NoOp, "q-2"),
            Change("Queues/ByCmdlet", ChangeAction.NoOp, "q-3") with { Unmanaged = true },
        }.ToValueList(),
        Statistics = new PlanStatistics
        {
            ApiCalls = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, int> { ["SearchQueues"] = 2, ["SearchUsers"] = 3 }),
            ReadPages = 5,
        },
        Warnings = new[] { new PlanWarning(ResourceAddress.Parse("Queues/CustomerService"), "changed by a cmdlet since the last apply") }.ToValueList(),
    };
}
