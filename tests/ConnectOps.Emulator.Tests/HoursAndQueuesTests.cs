using ConnectOps.Emulator.Tests.Infrastructure;
using static ConnectOps.Emulator.Tests.InstanceLifecycleTests;

namespace ConnectOps.Emulator.Tests;

public sealed class HoursAndQueuesTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Boto3Fact]
    public async Task HoursAndQueues_AreCreatedDescribedPagedSearchedUpdatedAndDeleted_WithConflictsReported()
    {
        await emulator.ResetAsync();
        var r = await emulator.RunBoto3Async("hours_queues.py");

        Assert.Contains("/operating-hours/", (string)r["hoursArn"]!);
        Assert.Equal("Europe/London", (string)r["hoursDescribed"]!["TimeZone"]!);
        Assert.Equal(30, (int)r["hoursDescribed"]!["EndMinutes"]!);
        Assert.Equal("support", (string)r["hoursDescribed"]!["Tags"]!["team"]!);
        Assert.Equal(3, (int)r["hoursPaged"]!["count"]!);
        Assert.Equal(3, (int)r["hoursPaged"]!["pages"]!);
        Assert.Equal(["Basic Hours", "UK Business Hours", "US Hours"], Strings(r["hoursPaginator"]));
        Assert.Equal("America/Chicago", (string)r["hoursUpdated"]!);
        Assert.Equal(["UK Business Hours", "US Eastern Hours"], Strings(r["hoursSearch"]));
        Assert.Equal(2, (int)r["hoursSearchCount"]!);
        Assert.Equal("DuplicateResourceException", (string)r["hoursDuplicate"]!);

        Assert.Contains("/queue/", (string)r["queueArn"]!);
        var described = r["queueDescribed"]!;
        Assert.Equal("CustomerService", (string)described["Name"]!);
        Assert.Equal(100, (int)described["MaxContacts"]!);
        Assert.Equal("ENABLED", (string)described["Status"]!);
        Assert.Equal("test", (string)described["Tags"]!["env"]!);
        Assert.True((bool)r["queueHasLastModified"]!);
        var updated = r["queueUpdated"]!;
        Assert.Equal("Customer Service", (string)updated["Name"]!);
        Assert.Equal("Renamed", (string)updated["Description"]!);
        Assert.Equal(5, (int)updated["MaxContacts"]!);
        Assert.Equal("DISABLED", (string)updated["Status"]!);
        Assert.True((bool)r["queueHoursMoved"]!);

        Assert.Equal("DuplicateResourceException", (string)r["queueDuplicate"]!["Code"]!);
        Assert.Equal(409, (int)r["queueDuplicate"]!["Status"]!);
        Assert.Equal("ResourceNotFoundException", (string)r["queueMissingHours"]!);
        Assert.Equal("ResourceNotFoundException", (string)r["queueNotFound"]!["Code"]!);
        Assert.Equal("ResourceInUseException", (string)r["hoursInUse"]!["Code"]!);
        Assert.Equal("QUEUE", (string)r["hoursInUse"]!["ResourceType"]!);
        Assert.Contains("/queue/", (string)r["hoursInUse"]!["ResourceId"]!);

        Assert.Equal(["Supervisor line", "To CS"], Strings(r["queueQuickConnects"]!["names"]));
        Assert.Equal(2, (int)r["queueQuickConnects"]!["pages"]!);
        Assert.Equal(["PHONE_NUMBER", "QUEUE"], Strings(r["queueQuickConnects"]!["types"]));
        Assert.Equal(["To CS"], Strings(r["queueQuickConnectsAfter"]));
        Assert.Equal("InvalidParameterException", (string)r["tooManyQuickConnects"]!["Code"]!);
        Assert.Contains("QuickConnectIds", (string)r["tooManyQuickConnects"]!["Message"]!);
        Assert.Equal("ResourceInUseException", (string)r["queueInUseByQuickConnect"]!);

        Assert.Equal(["Customer Service"], Strings(r["queueSearch"]));
        Assert.Equal("test", (string)r["queueSearchTags"]!["env"]!);
        Assert.Equal("InvalidParameterException", (string)r["badField"]!["Code"]!);
        Assert.Contains("colour", (string)r["badField"]!["Message"]!);

        Assert.Equal("ResourceNotFoundException", (string)r["queueDeleted"]!);
        Assert.Equal(["Basic Hours", "UK Business Hours"], Strings(r["hoursLeft"]));
    }
}
