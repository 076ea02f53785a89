using System.Text.Json.Nodes;
using ConnectOps.Emulator.Connect.Framework;
using ConnectOps.Emulator.Protocols;
using ConnectOps.Emulator.State;

namespace ConnectOps.Emulator.Connect.Components;

/// <summary>
/// Users (ARN segment agent): identity info, phone config, routing profile, 1–10 security profiles, hierarchy group.
/// Each user gets an AGENT queue (id = the user's id, ARN …/queue/agent/{userId}) when created, deleted with the
/// user. A password is required exactly when the instance is CONNECT_MANAGED, and is never stored.
/// </summary>
internal sealed class UserKind : ResourceKind
{
    public UserKind()
    {
        Name = "user";
        ArnSegment = "agent";
        Noun = "User";
        ResourceType = "USER";
        NameMember = "Username";
        CreateOperation = "CreateUser";
        DescribeOperation = "DescribeUser";
        DescribeMember = "User";
        ListOperation = "ListUsers";
        ListMember = "UserSummaryList";
        SearchOperation = "SearchUsers";
        SearchMember = "Users";
        DeleteOperation = "DeleteUser";
        NotStored = ["Password"];
        Updates = new Dictionary<string, UpdateFacet>
        {
            ["UpdateUserIdentityInfo"] = UpdateFacet.Of("IdentityInfo"),
            ["UpdateUserPhoneConfig"] = UpdateFacet.Of("PhoneConfig"),
            ["UpdateUserConfig"] = UpdateFacet.Of("AutoAcceptConfigs", "AfterContactWorkConfigs", "PhoneNumberConfigs", "PersistentConnectionConfigs", "VoiceEnhancementConfigs"),
            ["UpdateUserRoutingProfile"] = UpdateFacet.Of("RoutingProfileId"),
            ["UpdateUserSecurityProfiles"] = UpdateFacet.Of("SecurityProfileIds"),
            ["UpdateUserHierarchy"] = UpdateFacet.Replacing("HierarchyGroupId"),
        };
        References =
        [
            new Reference("RoutingProfileId", "routing-profile"),
            new Reference("SecurityProfileIds[]", "security-profile"),
            new Reference("HierarchyGroupId", "hierarchy-group"),
        ];
        Quota = 500;
        SearchFields = new Dictionary<string, string>
        {
            ["username"] = "Username", ["firstname"] = "IdentityInfo.FirstName", ["lastname"] = "IdentityInfo.LastName",
            ["routingprofileid"] = "RoutingProfileId", ["securityprofileid"] = "SecurityProfileIds[]", ["resourceid"] = "Id",
            ["hierarchygroupid"] = "HierarchyGroupId",
        };
    }

    public override void OnCreate(ConnectContext ctx, Resource resource)
    {
        CheckPassword(ctx);
        var data = resource.Data;
        data["PhoneConfig"] ??= new JsonObject { ["PhoneType"] = "SOFT_PHONE", ["AutoAccept"] = false, ["AfterContactWorkTimeLimit"] = 0 };
        var agentQueue = ctx.Insert(ctx.Catalog["queue"], new JsonObject { ["QueueType"] = "AGENT", ["Status"] = "ENABLED" }, arnSuffix: $"agent/{resource.Id}", id: resource.Id);
        data["AgentQueueId"] = agentQueue.Id;
    }

    /// <summary>
    /// A password is required when Amazon Connect manages identities, and an error otherwise (CreateUser docs);
    /// it needs 8–64 characters with an upper-case letter, a lower-case letter and a digit.
    /// </summary>
    private static void CheckPassword(ConnectContext ctx)
    {
        var password = ctx.Call.GetString("Password");
        var identity = RecordPath.Text(ctx.Instance.Record.Data["IdentityManagementType"]);
        if (identity == "CONNECT_MANAGED" && password is null)
        {
            throw ApiException.InvalidParameter("Password is required when the instance's IdentityManagementType is CONNECT_MANAGED.");
        }

        if (identity != "CONNECT_MANAGED" && password is not null)
        {
            throw ApiException.InvalidParameter($"Password must not be set when the instance's IdentityManagementType is {identity}.");
        }

        if (password is not null
            && (password.Length is < 8 or > 64 || !password.Any(char.IsAsciiLetterUpper) || !password.Any(char.IsAsciiLetterLower) || !password.Any(char.IsAsciiDigit)))
        {
            throw ApiException.InvalidParameter("Password must be 8 to 64 characters with at least one upper-case letter, one lower-case letter and one digit.");
        }
    }

    public override void OnDelete(ConnectContext ctx, Resource resource)
    {
        var queues = ctx.Catalog["queue"];
        if (RecordPath.Text(resource.Data["AgentQueueId"]) is { } queueId && ctx.Find(queues, queueId) is { } agentQueue)
        {
            ctx.Remove(queues, agentQueue);
        }
    }

    /// <summary>HierarchyGroupCondition: EXACT matches the user's group; WITH_CHILD_GROUPS also its descendants.</summary>
    public override bool? MatchCondition(ConnectContext ctx, JsonObject view, string condition, JsonNode value)
    {
        if (condition != "HierarchyGroupCondition")
        {
            return null;
        }

        var wanted = RecordPath.Text(value["Value"]);
        var group = RecordPath.Text(view["HierarchyGroupId"]);
        if (wanted is null || group is null)
        {
            return false;
        }

        if (RecordPath.Text(value["HierarchyGroupMatchType"]) != "WITH_CHILD_GROUPS")
        {
            return group == wanted;
        }

        var groups = ctx.Catalog["hierarchy-group"];
        for (var current = ctx.Find(groups, group); current is not null; current = RecordPath.Text(current.Data["ParentGroupId"]) is { } parent ? ctx.Find(groups, parent) : null)
        {
            if (current.Id == wanted)
            {
                return true;
            }
        }

        return false;
    }
}
