"""Instance lifecycle: async creation, default resources, attributes, alias uniqueness, instance quota, delete."""
from emu import *

c = client("connect")
created = c.create_instance(IdentityManagementType="CONNECT_MANAGED", InstanceAlias="alpha",
                            InboundCallsEnabled=True, OutboundCallsEnabled=False)
iid = created["Id"]
record("arn", created["Arn"])
record("statuses", [c.describe_instance(InstanceId=iid)["Instance"]["InstanceStatus"] for _ in range(4)])
instance = c.describe_instance(InstanceId=iid)["Instance"]
record("serviceRole", instance["ServiceRole"])
record("createdTimeIsDatetime", type(instance["CreatedTime"]).__name__ == "datetime")
record("outbound", instance["OutboundCallsEnabled"])
record("listed", [s["InstanceAlias"] for s in c.list_instances()["InstanceSummaryList"]])

record("queues", sorted(q.get("Name", "") for q in c.list_queues(InstanceId=iid)["QueueSummaryList"]))
record("hours", [h["Name"] for h in c.list_hours_of_operations(InstanceId=iid)["HoursOfOperationSummaryList"]])
profiles = c.search_routing_profiles(InstanceId=iid)["RoutingProfiles"]
record("routingProfiles", {p["Name"]: p.get("IsDefault") for p in profiles})
record("securityProfiles", sorted(p["Name"] for p in c.list_security_profiles(InstanceId=iid)["SecurityProfileSummaryList"]))
flows = c.list_contact_flows(InstanceId=iid)["ContactFlowSummaryList"]
record("flows", {f["Name"]: f["ContactFlowType"] for f in flows})
admin_profile = by_name(c.list_security_profiles(InstanceId=iid)["SecurityProfileSummaryList"])["Admin"]
permissions, _ = all_pages(c.list_security_profile_permissions, "Permissions", InstanceId=iid, SecurityProfileId=admin_profile["Id"])
record("adminPermissionCount", len(permissions))

attributes, pages = all_pages(c.list_instance_attributes, "Attributes", InstanceId=iid)
record("attributeCount", len(attributes))
record("attributePages", pages)
c.update_instance_attribute(InstanceId=iid, AttributeType="CONTACTFLOW_LOGS", Value="true")
record("contactFlowLogs", c.describe_instance_attribute(InstanceId=iid, AttributeType="CONTACTFLOW_LOGS")["Attribute"]["Value"])
record("inbound", c.describe_instance_attribute(InstanceId=iid, AttributeType="INBOUND_CALLS")["Attribute"]["Value"])

record("duplicateAlias", error(c.create_instance, IdentityManagementType="CONNECT_MANAGED", InstanceAlias="alpha",
                               InboundCallsEnabled=True, OutboundCallsEnabled=True))
c.create_instance(IdentityManagementType="CONNECT_MANAGED", InstanceAlias="beta", InboundCallsEnabled=True, OutboundCallsEnabled=True)
record("thirdInstance", error(c.create_instance, IdentityManagementType="CONNECT_MANAGED", InstanceAlias="gamma",
                              InboundCallsEnabled=True, OutboundCallsEnabled=True))
record("missingAlias", error(c.create_instance, IdentityManagementType="CONNECT_MANAGED",
                             InboundCallsEnabled=True, OutboundCallsEnabled=True)["Code"])
c.delete_instance(InstanceId=iid)
admin("config", {"InstanceFailureReason": "Directory could not be created"})
doomed = c.create_instance(IdentityManagementType="CONNECT_MANAGED", InstanceAlias="doomed", InboundCallsEnabled=True, OutboundCallsEnabled=True)["Id"]
polled = [c.describe_instance(InstanceId=doomed)["Instance"] for _ in range(3)]
record("failedInstance", {"Status": polled[-1]["InstanceStatus"], "Reason": polled[-1].get("StatusReason", {}).get("Message")})
record("afterDelete", error(c.describe_instance, InstanceId=iid))
finish()
