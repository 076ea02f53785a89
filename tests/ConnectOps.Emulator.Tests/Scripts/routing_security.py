"""Routing profiles (queue configs, concurrency, default outbound queue) and security profiles (permissions)."""
from emu import *

c = client("connect")
iid = new_instance(c, "routing-security")
hours = c.list_hours_of_operations(InstanceId=iid)["HoursOfOperationSummaryList"][0]["Id"]
q1 = c.create_queue(InstanceId=iid, Name="Sales", HoursOfOperationId=hours)["QueueId"]
q2 = c.create_queue(InstanceId=iid, Name="Billing", HoursOfOperationId=hours)["QueueId"]
rp = c.create_routing_profile(InstanceId=iid, Name="Agents", Description="Agent profile", DefaultOutboundQueueId=q1,
                              MediaConcurrencies=[{"Channel": "VOICE", "Concurrency": 1}, {"Channel": "CHAT", "Concurrency": 3}],
                              QueueConfigs=[{"QueueReference": {"QueueId": q1, "Channel": "VOICE"}, "Priority": 1, "Delay": 0},
                                            {"QueueReference": {"QueueId": q1, "Channel": "CHAT"}, "Priority": 2, "Delay": 30}],
                              Tags={"tier": "gold"})
rid = rp["RoutingProfileId"]
record("rpArn", rp["RoutingProfileArn"])
profile = c.describe_routing_profile(InstanceId=iid, RoutingProfileId=rid)["RoutingProfile"]
record("rpDescribed", {"Queues": profile["NumberOfAssociatedQueues"], "IsDefault": profile.get("IsDefault"), "Default": profile["DefaultOutboundQueueId"] == q1,
                       "Concurrency": {m["Channel"]: m["Concurrency"] for m in profile["MediaConcurrencies"]}})
c.associate_routing_profile_queues(InstanceId=iid, RoutingProfileId=rid, QueueConfigs=[{"QueueReference": {"QueueId": q2, "Channel": "VOICE"}, "Priority": 5, "Delay": 10}])
c.update_routing_profile_queues(InstanceId=iid, RoutingProfileId=rid, QueueConfigs=[{"QueueReference": {"QueueId": q1, "Channel": "VOICE"}, "Priority": 9, "Delay": 99}])
configs, pages = all_pages(c.list_routing_profile_queues, "RoutingProfileQueueConfigSummaryList", InstanceId=iid, RoutingProfileId=rid, MaxResults=2)
record("rpQueues", sorted(f'{x["QueueName"]}/{x["Channel"]}/{x["Priority"]}/{x["Delay"]}' for x in configs))
record("rpQueuePages", pages)
c.disassociate_routing_profile_queues(InstanceId=iid, RoutingProfileId=rid, QueueReferences=[{"QueueId": q1, "Channel": "CHAT"}])
record("rpQueuesAfter", sorted(f'{x["QueueName"]}/{x["Channel"]}' for x in c.list_routing_profile_queues(InstanceId=iid, RoutingProfileId=rid)["RoutingProfileQueueConfigSummaryList"]))
record("updateUnassociated", error(c.update_routing_profile_queues, InstanceId=iid, RoutingProfileId=rid,
                                   QueueConfigs=[{"QueueReference": {"QueueId": q2, "Channel": "CHAT"}, "Priority": 1, "Delay": 0}])["Code"])
eleven = [{"QueueReference": {"QueueId": q1, "Channel": "VOICE"}, "Priority": 1, "Delay": d} for d in range(11)]
record("tooManyQueues", error(c.associate_routing_profile_queues, InstanceId=iid, RoutingProfileId=rid, QueueConfigs=eleven))
record("badPriority", error(c.associate_routing_profile_queues, InstanceId=iid, RoutingProfileId=rid,
                            QueueConfigs=[{"QueueReference": {"QueueId": q2, "Channel": "CHAT"}, "Priority": 100, "Delay": 0}]))
c.update_routing_profile_concurrency(InstanceId=iid, RoutingProfileId=rid, MediaConcurrencies=[{"Channel": "VOICE", "Concurrency": 1}, {"Channel": "TASK", "Concurrency": 10}])
c.update_routing_profile_default_outbound_queue(InstanceId=iid, RoutingProfileId=rid, DefaultOutboundQueueId=q2)
c.update_routing_profile_name(InstanceId=iid, RoutingProfileId=rid, Name="Agents v2", Description="Renamed")
c.update_routing_profile_agent_availability_timer(InstanceId=iid, RoutingProfileId=rid, AgentAvailabilityTimer="TIME_SINCE_LAST_INBOUND")
profile = c.describe_routing_profile(InstanceId=iid, RoutingProfileId=rid)["RoutingProfile"]
record("rpUpdated", {"Name": profile["Name"], "Default": profile["DefaultOutboundQueueId"] == q2, "Timer": profile.get("AgentAvailabilityTimer"),
                     "Concurrency": {m["Channel"]: m["Concurrency"] for m in profile["MediaConcurrencies"]}, "Tags": profile.get("Tags")})
search = c.search_routing_profiles(InstanceId=iid, SearchCriteria={"StringCondition": {"FieldName": "associatedQueueIds", "Value": q2, "ComparisonType": "EXACT"}})
record("rpSearch", [p["Name"] for p in search["RoutingProfiles"]])
record("queueInUseByProfile", error(c.delete_queue, InstanceId=iid, QueueId=q2))
record("rpDuplicate", error(c.create_routing_profile, InstanceId=iid, Name="Agents v2", Description="x", DefaultOutboundQueueId=q1,
                            MediaConcurrencies=[{"Channel": "VOICE", "Concurrency": 1}])["Code"])

sp = c.create_security_profile(InstanceId=iid, SecurityProfileName="Supervisors", Description="Leads",
                               Permissions=["BasicAgentAccess", "OutboundCallAccess", "Queues.View", "Users.View", "RealTimeMetrics.View"])
spid = sp["SecurityProfileId"]
record("spArn", sp["SecurityProfileArn"])
described = c.describe_security_profile(InstanceId=iid, SecurityProfileId=spid)["SecurityProfile"]
record("spDescribed", {"Name": described["SecurityProfileName"], "Org": described["OrganizationResourceId"] == iid, "HasPermissions": "Permissions" in described})
permissions, pages = all_pages(c.list_security_profile_permissions, "Permissions", InstanceId=iid, SecurityProfileId=spid, MaxResults=2)
record("spPermissions", sorted(permissions))
record("spPermissionPages", pages)
c.update_security_profile(InstanceId=iid, SecurityProfileId=spid, Permissions=["BasicAgentAccess"], Description="Only basics")
record("spPermissionsReplaced", c.list_security_profile_permissions(InstanceId=iid, SecurityProfileId=spid)["Permissions"])
record("spSearch", [p["SecurityProfileName"] for p in c.search_security_profiles(InstanceId=iid, SearchCriteria={
    "StringCondition": {"FieldName": "SecurityProfileName", "Value": "Super", "ComparisonType": "STARTS_WITH"}})["SecurityProfiles"]])
record("spListNames", sorted(p["Name"] for p in c.list_security_profiles(InstanceId=iid)["SecurityProfileSummaryList"]))
record("spDuplicate", error(c.create_security_profile, InstanceId=iid, SecurityProfileName="Supervisors")["Code"])
record("spPageTooBig", error(c.list_security_profile_permissions, InstanceId=iid, SecurityProfileId=spid, MaxResults=1001))
c.delete_security_profile(InstanceId=iid, SecurityProfileId=spid)
record("spDeleted", error(c.describe_security_profile, InstanceId=iid, SecurityProfileId=spid)["Code"])
c.delete_routing_profile(InstanceId=iid, RoutingProfileId=rid)
record("rpDeleted", error(c.describe_routing_profile, InstanceId=iid, RoutingProfileId=rid)["Code"])
finish()
