using ConnectOps.Emulator.Tests.Infrastructure;
using static ConnectOps.Emulator.Tests.InstanceLifecycleTests;

namespace ConnectOps.Emulator.Tests;

public sealed class RoutingAndSecurityProfileTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Boto3Fact]
    public async Task RoutingProfilesAndSecurityProfiles_ManageQueuesConcurrencyAndPermissions()
    {
        await emulator.ResetAsync();
        var r = await emulator.RunBoto3Async("routing_security.py");

        Assert.Contains("/routing-profile/", (string)r["rpArn"]!);
        Assert.Equal(1, (int)r["rpDescribed"]!["Queues"]!);
        Assert.False((bool)r["rpDescribed"]!["IsDefault"]!);
        Assert.Equal(3, (int)r["rpDescribed"]!["Concurrency"]!["CHAT"]!);
        Assert.Equal(["Billing/VOICE/5/10", "Sales/CHAT/2/30", "Sales/VOICE/9/99"], Strings(r["rpQueues"]));
        Assert.Equal(2, (int)r["rpQueuePages"]!);
        Assert.Equal(["Billing/VOICE", "Sales/VOICE"], Strings(r["rpQueuesAfter"]));
        Assert.Equal("InvalidParameterException", (string)r["updateUnassociated"]!);
        Assert.Equal("InvalidParameterException", (string)r["tooManyQueues"]!["Code"]!);
        Assert.Contains("QueueConfigs", (string)r["tooManyQueues"]!["Message"]!);
        Assert.Contains("Priority", (string)r["badPriority"]!["Message"]!);

        var updated = r["rpUpdated"]!;
        Assert.Equal("Agents v2", (string)updated["Name"]!);
        Assert.True((bool)updated["Default"]!);
        Assert.Equal("TIME_SINCE_LAST_INBOUND", (string)updated["Timer"]!);
        Assert.Equal(10, (int)updated["Concurrency"]!["TASK"]!);
        Assert.Equal("gold", (string)updated["Tags"]!["tier"]!);
        Assert.Equal(["Agents v2"], Strings(r["rpSearch"]));
        Assert.Equal("ResourceInUseException", (string)r["queueInUseByProfile"]!["Code"]!);
        Assert.Equal("ROUTING_PROFILE", (string)r["queueInUseByProfile"]!["ResourceType"]!);
        Assert.Equal("DuplicateResourceException", (string)r["rpDuplicate"]!);

        Assert.Contains("/security-profile/", (string)r["spArn"]!);
        Assert.Equal("Supervisors", (string)r["spDescribed"]!["Name"]!);
        Assert.True((bool)r["spDescribed"]!["Org"]!);
        Assert.False((bool)r["spDescribed"]!["HasPermissions"]!);
        Assert.Equal(["BasicAgentAccess", "OutboundCallAccess", "Queues.View", "RealTimeMetrics.View", "Users.View"], Strings(r["spPermissions"]));
        Assert.Equal(3, (int)r["spPermissionPages"]!);
        Assert.Equal(["BasicAgentAccess"], Strings(r["spPermissionsReplaced"]));
        Assert.Equal(["Supervisors"], Strings(r["spSearch"]));
        Assert.Contains("Supervisors", Strings(r["spListNames"]));
        Assert.Equal("DuplicateResourceException", (string)r["spDuplicate"]!);
        Assert.Equal("InvalidParameterException", (string)r["spPageTooBig"]!["Code"]!);
        Assert.Contains("MaxResults", (string)r["spPageTooBig"]!["Message"]!);
        Assert.Equal("ResourceNotFoundException", (string)r["spDeleted"]!);
        Assert.Equal("ResourceNotFoundException", (string)r["rpDeleted"]!);
    }
}

public sealed class UsersAndHierarchyTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Boto3Fact]
    public async Task UsersAndHierarchy_GetAgentQueuesPathsSearchAndInUseProtection()
    {
        await emulator.ResetAsync();
        var r = await emulator.RunBoto3Async("users_hierarchy.py");

        Assert.Equal("InvalidRequestException", (string)r["groupWithoutStructure"]!);
        Assert.Equal("Division", (string)r["structure"]!["LevelOne"]!);
        Assert.Equal("Team", (string)r["structure"]!["LevelTwo"]!);
        Assert.Equal("InvalidParameterException", (string)r["skippedLevel"]!);
        Assert.Equal("InvalidRequestException", (string)r["tooDeep"]!);
        Assert.Contains("/agent-group/", (string)r["groupArn"]!);
        Assert.Equal("Sales", (string)r["groupPath"]!["LevelOne"]!);
        Assert.Equal("Inside Sales", (string)r["groupPath"]!["LevelTwo"]!);
        Assert.True((bool)r["groupLevel"]!);
        Assert.Equal(["Inside Sales"], Strings(r["groupSearch"]));
        Assert.Equal("Sales EMEA", (string)r["renamedPath"]!);

        Assert.Contains("/agent/", (string)r["userArn"]!);
        var user = r["userDescribed"]!;
        Assert.Equal("john.smith", (string)user["Username"]!);
        Assert.Equal("John", (string)user["First"]!);
        Assert.Equal(30, (int)user["Acw"]!);
        Assert.True((bool)user["Group"]!);
        Assert.False((bool)user["HasPassword"]!);
        Assert.Equal("a", (string)user["Tags"]!["team"]!);
        Assert.Equal(2, (int)r["agentQueues"]!);
        Assert.Equal(["BasicQueue"], Strings(r["standardOnly"]));
        Assert.Equal("DuplicateResourceException", (string)r["duplicateUser"]!);
        Assert.Equal("InvalidParameterException", (string)r["passwordMissing"]!);
        Assert.Contains("upper-case", (string)r["passwordWeak"]!);
        Assert.Equal(["jane.doe", "john.smith"], Strings(r["listedUsers"]!["names"]));
        Assert.Equal(2, (int)r["listedUsers"]!["pages"]!);
        Assert.Equal(["jane.doe"], Strings(r["searchFirstName"]));
        Assert.Equal(["john.smith"], Strings(r["searchHierarchy"]));
        Assert.Empty(r["searchHierarchyExact"]!.AsArray());
        Assert.Equal(["jane.doe", "john.smith"], Strings(r["searchOr"]));
        Assert.Equal(["jane.doe"], Strings(r["searchSecurityProfile"]));
        Assert.NotNull(r["searchSummaryIdentity"]!["FirstName"]);
        Assert.Equal("InvalidParameterException", (string)r["attributeFilter"]!);

        Assert.Equal("ResourceInUseException", (string)r["groupWithChildInUse"]!["Code"]!);
        Assert.Equal("HIERARCHY_GROUP", (string)r["groupWithChildInUse"]!["ResourceType"]!);
        Assert.Equal("ResourceInUseException", (string)r["groupWithUserInUse"]!["Code"]!);
        Assert.Equal("USER", (string)r["groupWithUserInUse"]!["ResourceType"]!);
        Assert.Equal("ResourceInUseException", (string)r["levelInUse"]!["Code"]!);
        Assert.Equal("HIERARCHY_LEVEL", (string)r["levelInUse"]!["ResourceType"]!);
        Assert.Equal("ResourceInUseException", (string)r["routingProfileInUse"]!);
        Assert.Equal("ResourceInUseException", (string)r["securityProfileInUse"]!);

        var updated = r["userUpdated"]!;
        Assert.Equal("Johnny", (string)updated["First"]!);
        Assert.Equal("DESK_PHONE", (string)updated["Phone"]!);
        Assert.True((bool)updated["Rp"]!);
        Assert.True((bool)updated["Sp"]!);
        Assert.Null(updated["Group"]);
        Assert.Equal("VOICE", (string)updated["AutoAccept"]![0]!["Channel"]!);
        Assert.Equal("ResourceNotFoundException", (string)r["userNotFound"]!);
        Assert.Equal("ResourceNotFoundException", (string)r["missingRoutingProfile"]!);
        Assert.Equal(0, (int)r["agentQueuesAfter"]!);
        Assert.Equal(["LevelOne"], Strings(r["structureAfter"]));
    }
}

public sealed class ContactFlowTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Boto3Fact]
    public async Task ContactFlows_ValidatePublishedContent_KeepSavedDrafts_AndSearchByTypeAndState()
    {
        await emulator.ResetAsync();
        var r = await emulator.RunBoto3Async("flows.py");

        Assert.Contains("/contact-flow/", (string)r["flowArn"]!);
        Assert.Equal("PUBLISHED", (string)r["described"]!["Status"]!);
        Assert.Equal("ACTIVE", (string)r["described"]!["State"]!);
        Assert.Equal("v", (string)r["described"]!["Tags"]!["k"]!);
        Assert.True((bool)r["contentRoundTrips"]!);

        Assert.Equal("InvalidContactFlowException", (string)r["invalid"]!["Code"]!);
        Assert.Equal(400, (int)r["invalid"]!["Status"]!);
        var problems = Strings(r["invalid"]!["Problems"]);
        Assert.Contains(problems, p => p.Contains("'nowhere'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("more than one action", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("longer than 50", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("StartAction 'missing'", StringComparison.Ordinal));
        Assert.Contains(r["wrongVersion"]!.AsArray(), p => ((string)p!["message"]!).Contains("2019-10-30", StringComparison.Ordinal));
        Assert.Contains(Strings(r["tooMany"]), p => p.Contains("at most 250", StringComparison.Ordinal));
        Assert.Equal("InvalidContactFlowException", (string)r["notJson"]!);

        Assert.Equal("ContactFlowNotPublishedException", (string)r["draftUnpublished"]!);
        Assert.Equal("SAVED", (string)r["draftSaved"]!);
        Assert.Equal("Draft", (string)r["draftByArn"]!);
        Assert.Equal("ContactFlowNotPublishedException", (string)r["draftStillUnpublished"]!);
        Assert.Equal("PUBLISHED", (string)r["draftPublished"]!);
        Assert.True((bool)r["contentUpdated"]!);
        Assert.Equal("InvalidContactFlowException", (string)r["contentRejected"]!);
        Assert.Equal("Main v2", (string)r["metadata"]!["Name"]!);
        Assert.Equal("ARCHIVED", (string)r["metadata"]!["State"]!);
        Assert.Equal("DuplicateResourceException", (string)r["duplicateName"]!);
        Assert.Equal(["Default customer queue", "Draft v2"], Strings(r["listByType"]));
        Assert.Equal(11, (int)r["listPaged"]!["count"]!);
        Assert.Equal(3, (int)r["listPaged"]!["pages"]!);
        Assert.Equal(["Arn", "ContactFlowState", "ContactFlowStatus", "ContactFlowType", "Id", "Name"], Strings(r["summaryKeys"]).Where(k => !k.StartsWith("LastModified", StringComparison.Ordinal)).ToArray());
        Assert.Equal(["Main v2"], Strings(r["search"]));
        Assert.True((bool)r["searchHasContent"]!);
        Assert.Equal(["Main v2"], Strings(r["searchByTag"]));
        Assert.Equal("ResourceNotFoundException", (string)r["deleted"]!);
    }
}

public sealed class PhoneNumberAndIntegrationTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Boto3Fact]
    public async Task PhoneNumbers_ClaimAsynchronously_AndLambdaLexAndTagsAssociate()
    {
        await emulator.ResetAsync();
        var r = await emulator.RunBoto3Async("phones_integrations.py");

        var available = Strings(r["available"]);
        Assert.Equal(5, available.Length);
        Assert.All(available, n => Assert.Matches(@"^\+1206\d{7}$", n));
        Assert.True((bool)r["deterministic"]!);
        Assert.StartsWith("+44800", (string)r["tollFree"]!);
        Assert.Empty(r["wrongPrefix"]!.AsArray());
        // A toll-free search with a prefix shorter than the toll-free range offers toll-free numbers only; a DID prefix offers none.
        Assert.All(Strings(r["tollFreeShortPrefix"]), n => Assert.StartsWith("+44800", n, StringComparison.Ordinal));
        Assert.NotEmpty(r["tollFreeShortPrefix"]!.AsArray());
        Assert.Empty(r["tollFreeDidPrefix"]!.AsArray());

        Assert.Matches(@"^arn:aws:connect:eu-west-2:123456789012:phone-number/[0-9a-f-]{36}$", (string)r["claimArn"]!);
        Assert.True((bool)r["replaySameId"]!);
        Assert.Equal("IdempotencyException", (string)r["tokenReuse"]!);
        Assert.Equal(["IN_PROGRESS", "IN_PROGRESS", "CLAIMED", "CLAIMED"], Strings(r["claimStatuses"]));
        Assert.True((bool)r["retargeted"]!["ToOther"]!);
        Assert.Equal("IN_PROGRESS", (string)r["retargeted"]!["Status"]!);
        Assert.Equal("CLAIMED", (string)r["retargetedBack"]!);
        Assert.Equal("US", (string)r["claimed"]!["PhoneNumberCountryCode"]!);
        Assert.Equal("DID", (string)r["claimed"]!["PhoneNumberType"]!);
        Assert.Equal("Main line", (string)r["claimed"]!["PhoneNumberDescription"]!);
        Assert.Equal("main", (string)r["claimed"]!["Tags"]!["line"]!);
        Assert.True((bool)r["searchExcludesClaimed"]!);
        Assert.Equal("InvalidParameterException", (string)r["claimTaken"]!);
        Assert.Equal("FAILED", (string)r["failedClaim"]!["Status"]!);
        Assert.Equal("Number not available in this region", (string)r["failedClaim"]!["Message"]!);

        Assert.Single(r["listV2"]!.AsArray());
        Assert.Contains(":instance/", (string)r["legacyArn"]!);
        Assert.Contains("/phone-number/", (string)r["legacyArn"]!);
        Assert.Equal("Support line", (string)r["metadata"]!);
        Assert.Equal("ResourceNotFoundException", (string)r["disassociateTwice"]!);
        Assert.Equal("42", (string)r["phoneTags"]!["cost"]!);
        Assert.Equal("ServiceQuotaExceededException", (string)r["phoneQuota"]!["Code"]!);
        Assert.Equal(402, (int)r["phoneQuota"]!["Status"]!);
        Assert.Equal("ResourceNotFoundException", (string)r["released"]!);

        Assert.Equal(2, r["lambdas"]!.AsArray().Count);
        Assert.Equal("ResourceConflictException", (string)r["lambdaTwice"]!);
        Assert.Equal(["arn:aws:lambda:eu-west-2:123456789012:function:Lookup2"], Strings(r["lambdasAfter"]));
        Assert.Equal("ResourceNotFoundException", (string)r["lambdaGone"]!);
        Assert.Equal("OrderBot", (string)r["lexBots"]![0]!["Name"]!);
        Assert.Single(r["lexBots"]!.AsArray());
        Assert.Equal("arn:aws:lex:eu-west-2:123456789012:bot-alias/BOTID/ALIASID", (string)r["botsV2"]![0]!["LexV2Bot"]!["AliasArn"]!);
        Assert.Equal("OrderBot", (string)r["botsV1"]![0]!["LexBot"]!["Name"]!);
        Assert.Equal("ResourceConflictException", (string)r["botTwice"]!);
        Assert.Empty(r["botsAfter"]!.AsArray());

        Assert.Equal("ops", (string)r["queueTags"]!["owner"]!);
        Assert.Null(r["queueTags"]!["env"]);
        Assert.Equal("ops", (string)r["queueTagsInDescribe"]!["owner"]!);
        Assert.Equal("test", (string)r["instanceTags"]!["stage"]!);
        Assert.Equal("ResourceNotFoundException", (string)r["unknownArn"]!);
        Assert.Equal("InvalidParameterException", (string)r["reservedTag"]!);
    }
}

public sealed class QuotaTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Boto3Fact]
    public async Task StandardQueues_StopAtTheInstanceQuota_UnlessQuotasAreSwitchedOff()
    {
        await emulator.ResetAsync();
        var r = await emulator.RunBoto3Async("limits.py");

        Assert.Equal("ServiceQuotaExceededException", (string)r["overQuota"]!["Code"]!);
        Assert.Equal(402, (int)r["overQuota"]!["Status"]!);
        Assert.Contains("50", (string)r["overQuota"]!["Message"]!);
        Assert.Equal(50, (int)r["standardQueues"]!["count"]!);
        Assert.Equal(3, (int)r["standardQueues"]!["pages"]!);
        Assert.Equal(30, (int)r["searchPage"]!["returned"]!);
        Assert.Equal(50, (int)r["searchPage"]!["total"]!);
        Assert.True((bool)r["searchPage"]!["hasToken"]!);
        Assert.Equal("<null>", (string?)r["quotaOff"] ?? "<null>");
    }
}

public sealed class ThrottlingTests(RateLimitedEmulatorFixture emulator) : IClassFixture<RateLimitedEmulatorFixture>
{
    [Boto3Fact]
    public async Task DefaultRateLimits_ThrottleBurstsPerOperation_AndCanBeSwitchedAtRunTime()
    {
        await emulator.ResetAsync();
        var r = await emulator.RunBoto3Async("throttling.py");

        var codes = r["listCodes"]!.AsArray().Select(c => (string?)c).ToList();
        Assert.True(codes.Take(5).All(c => c is null), "the burst of 5 is served");
        Assert.Contains("ThrottlingException", codes);
        Assert.Equal(429, (int)r["throttleStatus"]!);
        Assert.Equal("ThrottlingException", (string)r["secondCreateInstance"]!);
        Assert.Null(r["otherOperationUnaffected"]);
        Assert.True((int)r["calls"]!["Throttled"]!["Connect.ListSecurityProfiles"]! > 0);
        Assert.Equal(25, (int)r["calls"]!["Calls"]!["Connect.ListSecurityProfiles"]!);
        Assert.All(r["afterOff"]!.AsArray(), c => Assert.Null(c));
        Assert.Equal(["<null>", "ThrottlingException", "ThrottlingException"], Strings(r["override"]));
    }
}
