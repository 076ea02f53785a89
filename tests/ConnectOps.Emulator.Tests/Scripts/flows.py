"""Contact flows: published content validated (InvalidContactFlowException problems), saved drafts, metadata, search."""
from emu import *

c = client("connect")
iid = new_instance(c, "flows")
valid = flow([{"Identifier": "greet", "Type": "MessageParticipant", "Parameters": {"Text": "Hello"},
               "Transitions": {"NextAction": "end", "Errors": [{"ErrorType": "NoMatchingError", "NextAction": "end"}]}}, end_action()], "greet")
created = c.create_contact_flow(InstanceId=iid, Name="Main", Type="CONTACT_FLOW", Content=valid, Description="Main flow", Tags={"k": "v"})
fid = created["ContactFlowId"]
record("flowArn", created["ContactFlowArn"])
described = c.describe_contact_flow(InstanceId=iid, ContactFlowId=fid)["ContactFlow"]
record("described", {k: described.get(k) for k in ("Name", "Type", "State", "Status", "Description", "Tags")})
record("contentRoundTrips", described["Content"] == valid)

broken = flow([{"Identifier": "a", "Type": "MessageParticipant", "Parameters": {}, "Transitions": {"NextAction": "nowhere"}},
               {"Identifier": "a", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}},
               {"Identifier": "x" * 51, "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}], "missing")
bad = error(c.create_contact_flow, InstanceId=iid, Name="Broken", Type="CONTACT_FLOW", Content=broken)
record("invalid", {"Code": bad["Code"], "Status": bad["Status"], "Problems": [p["message"] for p in bad.get("problems", [])]})
wrong_version = json.dumps({"Version": "2020-01-01", "StartAction": "end", "Actions": [end_action()]})
record("wrongVersion", error(c.create_contact_flow, InstanceId=iid, Name="Old", Type="CONTACT_FLOW", Content=wrong_version).get("problems"))
too_many = flow([{"Identifier": f"a{i}", "Type": "MessageParticipant", "Parameters": {}, "Transitions": {"NextAction": f"a{i+1}"}} for i in range(250)] + [end_action("a250")], "a0")
record("tooMany", [p["message"] for p in error(c.create_contact_flow, InstanceId=iid, Name="Huge", Type="CONTACT_FLOW", Content=too_many).get("problems", [])])
record("notJson", error(c.create_contact_flow, InstanceId=iid, Name="Junk", Type="CONTACT_FLOW", Content="{not json")["Code"])

draft = c.create_contact_flow(InstanceId=iid, Name="Draft", Type="CUSTOMER_QUEUE", Status="SAVED", Content=json.dumps({"Version": "2019-10-30", "Actions": []}))
record("draftUnpublished", error(c.describe_contact_flow, InstanceId=iid, ContactFlowId=draft["ContactFlowId"])["Code"])
record("draftSaved", c.describe_contact_flow(InstanceId=iid, ContactFlowId=draft["ContactFlowId"] + ":$SAVED")["ContactFlow"]["Status"])
record("draftByArn", c.describe_contact_flow(InstanceId=iid, ContactFlowId=draft["ContactFlowArn"] + ":$SAVED")["ContactFlow"]["Name"])

c.update_contact_flow_content(InstanceId=iid, ContactFlowId=draft["ContactFlowId"] + ":$SAVED", Content=json.dumps({"Version": "2019-10-30"}))
record("draftStillUnpublished", error(c.describe_contact_flow, InstanceId=iid, ContactFlowId=draft["ContactFlowId"])["Code"])
c.update_contact_flow_content(InstanceId=iid, ContactFlowId=draft["ContactFlowId"], Content=flow([end_action("q")], "q"))
record("draftPublished", c.describe_contact_flow(InstanceId=iid, ContactFlowId=draft["ContactFlowId"])["ContactFlow"]["Status"])
updated = flow([end_action("bye")], "bye")
c.update_contact_flow_content(InstanceId=iid, ContactFlowId=fid, Content=updated)
record("contentUpdated", c.describe_contact_flow(InstanceId=iid, ContactFlowId=fid)["ContactFlow"]["Content"] == updated)
record("contentRejected", error(c.update_contact_flow_content, InstanceId=iid, ContactFlowId=fid, Content=flow([end_action("bye")], "hello"))["Code"])
c.update_contact_flow_metadata(InstanceId=iid, ContactFlowId=fid, Name="Main v2", ContactFlowState="ARCHIVED")
c.update_contact_flow_name(InstanceId=iid, ContactFlowId=draft["ContactFlowId"], Name="Draft v2", Description="d")
meta = c.describe_contact_flow(InstanceId=iid, ContactFlowId=fid)["ContactFlow"]
record("metadata", {"Name": meta["Name"], "State": meta["State"]})
record("duplicateName", error(c.create_contact_flow, InstanceId=iid, Name="Main v2", Type="CONTACT_FLOW", Content=valid)["Code"])

queues = [f["Name"] for f in c.list_contact_flows(InstanceId=iid, ContactFlowTypes=["CUSTOMER_QUEUE"])["ContactFlowSummaryList"]]
record("listByType", sorted(queues))
flows_all, pages = all_pages(c.list_contact_flows, "ContactFlowSummaryList", InstanceId=iid, MaxResults=4)
record("listPaged", {"count": len(flows_all), "pages": pages})
record("summaryKeys", sorted(flows_all[-1].keys()))
search = c.search_contact_flows(InstanceId=iid, SearchCriteria={"AndConditions": [{"TypeCondition": "CONTACT_FLOW"}, {"StateCondition": "ARCHIVED"}]})
record("search", [f["Name"] for f in search["ContactFlows"]])
record("searchHasContent", "Content" in search["ContactFlows"][0])
record("searchByTag", [f["Name"] for f in c.search_contact_flows(InstanceId=iid, SearchFilter={"TagFilter": {"TagCondition": {"TagKey": "k", "TagValue": "v"}}})["ContactFlows"]])
c.delete_contact_flow(InstanceId=iid, ContactFlowId=fid)
record("deleted", error(c.describe_contact_flow, InstanceId=iid, ContactFlowId=fid)["Code"])
finish()
