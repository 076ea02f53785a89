"""Users (AGENT queues, updates, search) and the user hierarchy (structure, groups, paths, in-use rules)."""
from emu import *

c = client("connect")
iid = new_instance(c, "users-hierarchy")
agent_sp = by_name(c.list_security_profiles(InstanceId=iid)["SecurityProfileSummaryList"])["Agent"]["Id"]
admin_sp = by_name(c.list_security_profiles(InstanceId=iid)["SecurityProfileSummaryList"])["Admin"]["Id"]
basic_rp = c.list_routing_profiles(InstanceId=iid)["RoutingProfileSummaryList"][0]["Id"]
hours = c.list_hours_of_operations(InstanceId=iid)["HoursOfOperationSummaryList"][0]["Id"]
queue = c.list_queues(InstanceId=iid, QueueTypes=["STANDARD"])["QueueSummaryList"][0]["Id"]
rp2 = c.create_routing_profile(InstanceId=iid, Name="Chat", Description="Chat", DefaultOutboundQueueId=queue,
                               MediaConcurrencies=[{"Channel": "CHAT", "Concurrency": 2}])["RoutingProfileId"]

record("groupWithoutStructure", error(c.create_user_hierarchy_group, InstanceId=iid, Name="Early")["Code"])
c.update_user_hierarchy_structure(InstanceId=iid, HierarchyStructure={"LevelOne": {"Name": "Division"}, "LevelTwo": {"Name": "Team"}})
structure = c.describe_user_hierarchy_structure(InstanceId=iid)["HierarchyStructure"]
record("structure", {k: v["Name"] for k, v in structure.items()})
record("skippedLevel", error(c.update_user_hierarchy_structure, InstanceId=iid, HierarchyStructure={"LevelOne": {"Name": "A"}, "LevelThree": {"Name": "C"}})["Code"])
sales = c.create_user_hierarchy_group(InstanceId=iid, Name="Sales", Tags={"cost": "1"})
inside = c.create_user_hierarchy_group(InstanceId=iid, Name="Inside Sales", ParentGroupId=sales["HierarchyGroupId"])
record("tooDeep", error(c.create_user_hierarchy_group, InstanceId=iid, Name="Pod", ParentGroupId=inside["HierarchyGroupId"])["Code"])
group = c.describe_user_hierarchy_group(InstanceId=iid, HierarchyGroupId=inside["HierarchyGroupId"])["HierarchyGroup"]
record("groupArn", group["Arn"])
record("groupPath", {k: v["Name"] for k, v in group["HierarchyPath"].items()})
record("groupLevel", group["LevelId"] == structure["LevelTwo"]["Id"])
record("groupSearch", [g["Name"] for g in c.search_user_hierarchy_groups(InstanceId=iid, SearchCriteria={
    "StringCondition": {"FieldName": "parentId", "Value": sales["HierarchyGroupId"], "ComparisonType": "EXACT"}})["UserHierarchyGroups"]])
c.update_user_hierarchy_group_name(InstanceId=iid, HierarchyGroupId=sales["HierarchyGroupId"], Name="Sales EMEA")
record("renamedPath", c.describe_user_hierarchy_group(InstanceId=iid, HierarchyGroupId=inside["HierarchyGroupId"])["HierarchyGroup"]["HierarchyPath"]["LevelOne"]["Name"])

user = c.create_user(InstanceId=iid, Username="john.smith", Password="Passw0rd!", SecurityProfileIds=[agent_sp], RoutingProfileId=basic_rp,
                     IdentityInfo={"FirstName": "John", "LastName": "Smith", "Email": "john@example.com"},
                     PhoneConfig={"PhoneType": "SOFT_PHONE", "AutoAccept": False, "AfterContactWorkTimeLimit": 30},
                     HierarchyGroupId=inside["HierarchyGroupId"], Tags={"team": "a"})
uid = user["UserId"]
record("userArn", user["UserArn"])
record("passwordMissing", error(c.create_user, InstanceId=iid, Username="nopass", SecurityProfileIds=[agent_sp], RoutingProfileId=basic_rp)["Code"])
record("passwordWeak", error(c.create_user, InstanceId=iid, Username="weak", Password="password", SecurityProfileIds=[agent_sp], RoutingProfileId=basic_rp)["Message"])
jane = c.create_user(InstanceId=iid, Username="jane.doe", Password="Secr3tPass", SecurityProfileIds=[admin_sp, agent_sp], RoutingProfileId=rp2,
                     IdentityInfo={"FirstName": "Jane", "LastName": "Doe"}, PhoneConfig={"PhoneType": "DESK_PHONE", "DeskPhoneNumber": "+15555550100"})
described = c.describe_user(InstanceId=iid, UserId=uid)["User"]
record("userDescribed", {"Username": described["Username"], "First": described["IdentityInfo"]["FirstName"], "Acw": described["PhoneConfig"]["AfterContactWorkTimeLimit"],
                         "Group": described.get("HierarchyGroupId") == inside["HierarchyGroupId"], "HasPassword": "Password" in described, "Tags": described.get("Tags")})
all_queues = c.list_queues(InstanceId=iid)["QueueSummaryList"]
record("agentQueues", sum(1 for q in all_queues if q["QueueType"] == "AGENT"))
record("standardOnly", [q["Name"] for q in c.list_queues(InstanceId=iid, QueueTypes=["STANDARD"])["QueueSummaryList"]])
record("duplicateUser", error(c.create_user, InstanceId=iid, Username="john.smith", Password="Passw0rd!", SecurityProfileIds=[agent_sp], RoutingProfileId=basic_rp,
                              PhoneConfig={"PhoneType": "SOFT_PHONE"})["Code"])

users, pages = all_pages(c.list_users, "UserSummaryList", InstanceId=iid, MaxResults=1)
record("listedUsers", {"names": sorted(u["Username"] for u in users), "pages": pages})
record("searchFirstName", [u["Username"] for u in c.search_users(InstanceId=iid, SearchCriteria={
    "StringCondition": {"FieldName": "FirstName", "Value": "Jan", "ComparisonType": "STARTS_WITH"}})["Users"]])
record("searchHierarchy", [u["Username"] for u in c.search_users(InstanceId=iid, SearchCriteria={
    "HierarchyGroupCondition": {"Value": sales["HierarchyGroupId"], "HierarchyGroupMatchType": "WITH_CHILD_GROUPS"}})["Users"]])
record("searchHierarchyExact", [u["Username"] for u in c.search_users(InstanceId=iid, SearchCriteria={
    "HierarchyGroupCondition": {"Value": sales["HierarchyGroupId"], "HierarchyGroupMatchType": "EXACT"}})["Users"]])
record("searchOr", sorted(u["Username"] for u in c.search_users(InstanceId=iid, SearchCriteria={"OrConditions": [
    {"StringCondition": {"FieldName": "Username", "Value": "john.smith", "ComparisonType": "EXACT"}},
    {"StringCondition": {"FieldName": "RoutingProfileId", "Value": rp2, "ComparisonType": "EXACT"}}]})["Users"]))
record("searchSecurityProfile", [u["Username"] for u in c.search_users(InstanceId=iid, SearchCriteria={
    "StringCondition": {"FieldName": "SecurityProfileId", "Value": admin_sp, "ComparisonType": "EXACT"}})["Users"]])
record("attributeFilter", error(c.search_users, InstanceId=iid, SearchFilter={"UserAttributeFilter": {"TagCondition": {"TagKey": "team", "TagValue": "a"}}})["Code"])
record("searchSummaryIdentity", c.search_users(InstanceId=iid)["Users"][0].get("IdentityInfo"))

record("groupWithChildInUse", error(c.delete_user_hierarchy_group, InstanceId=iid, HierarchyGroupId=sales["HierarchyGroupId"]))
record("groupWithUserInUse", error(c.delete_user_hierarchy_group, InstanceId=iid, HierarchyGroupId=inside["HierarchyGroupId"]))
record("levelInUse", error(c.update_user_hierarchy_structure, InstanceId=iid, HierarchyStructure={"LevelOne": {"Name": "Division"}}))
record("routingProfileInUse", error(c.delete_routing_profile, InstanceId=iid, RoutingProfileId=rp2)["Code"])
record("securityProfileInUse", error(c.delete_security_profile, InstanceId=iid, SecurityProfileId=admin_sp)["Code"])

c.update_user_identity_info(InstanceId=iid, UserId=uid, IdentityInfo={"FirstName": "Johnny", "LastName": "Smith"})
c.update_user_phone_config(InstanceId=iid, UserId=uid, PhoneConfig={"PhoneType": "DESK_PHONE", "DeskPhoneNumber": "+15555550101", "AutoAccept": True})
c.update_user_routing_profile(InstanceId=iid, UserId=uid, RoutingProfileId=rp2)
c.update_user_security_profiles(InstanceId=iid, UserId=uid, SecurityProfileIds=[admin_sp])
c.update_user_hierarchy(InstanceId=iid, UserId=uid)
c.update_user_config(InstanceId=iid, UserId=uid, AutoAcceptConfigs=[{"Channel": "VOICE", "AutoAccept": True}])
described = c.describe_user(InstanceId=iid, UserId=uid)["User"]
record("userUpdated", {"First": described["IdentityInfo"]["FirstName"], "Phone": described["PhoneConfig"]["PhoneType"], "Rp": described["RoutingProfileId"] == rp2,
                       "Sp": described["SecurityProfileIds"] == [admin_sp], "Group": described.get("HierarchyGroupId"), "AutoAccept": described.get("AutoAcceptConfigs")})
record("userNotFound", error(c.update_user_routing_profile, InstanceId=iid, UserId="00000000-0000-0000-0000-000000000000", RoutingProfileId=rp2)["Code"])
record("missingRoutingProfile", error(c.update_user_routing_profile, InstanceId=iid, UserId=uid, RoutingProfileId="00000000-0000-0000-0000-000000000000")["Code"])

c.delete_user(InstanceId=iid, UserId=uid)
c.delete_user(InstanceId=iid, UserId=jane["UserId"])
record("agentQueuesAfter", sum(1 for q in c.list_queues(InstanceId=iid)["QueueSummaryList"] if q["QueueType"] == "AGENT"))
c.delete_user_hierarchy_group(InstanceId=iid, HierarchyGroupId=inside["HierarchyGroupId"])
c.delete_user_hierarchy_group(InstanceId=iid, HierarchyGroupId=sales["HierarchyGroupId"])
c.update_user_hierarchy_structure(InstanceId=iid, HierarchyStructure={"LevelOne": {"Name": "Division"}})
record("structureAfter", list(c.describe_user_hierarchy_structure(InstanceId=iid)["HierarchyStructure"].keys()))
finish()
