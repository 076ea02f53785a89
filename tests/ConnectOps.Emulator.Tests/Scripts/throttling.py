"""Rate limits under --rate-limits aws-default: boto3 without retries sees ThrottlingException (429)."""
from emu import *

c = client("connect", retries=False)
iid = c.create_instance(IdentityManagementType="CONNECT_MANAGED", InstanceAlias="throttle", InboundCallsEnabled=True, OutboundCallsEnabled=True)["Id"]
outcomes = [error(c.list_security_profiles, InstanceId=iid) for _ in range(25)]
codes = [o["Code"] for o in outcomes]
record("listCodes", codes)
record("throttleStatus", next((o["Status"] for o in outcomes if o["Code"]), None))
record("secondCreateInstance", error(c.create_instance, IdentityManagementType="CONNECT_MANAGED", InstanceAlias="throttle-2",
                                     InboundCallsEnabled=True, OutboundCallsEnabled=True)["Code"])
record("otherOperationUnaffected", error(c.list_routing_profiles, InstanceId=iid)["Code"])
record("calls", admin("calls"))
admin("config", {"RateLimits": "off"})
record("afterOff", [error(c.list_security_profiles, InstanceId=iid)["Code"] for _ in range(12)])
admin("config", {"RateLimits": "aws-default", "RateLimitOverrides": {"ListQueues": {"Rate": 0.1, "Burst": 1}}})
record("override", [error(c.list_queues, InstanceId=iid)["Code"] for _ in range(3)])
admin("config", {"RateLimits": "off", "RateLimitOverrides": {}})
finish()
