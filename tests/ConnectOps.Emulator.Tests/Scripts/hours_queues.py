"""Hours of operation and queues: CRUD, paging, search, quick-connect associations, duplicates, in-use, not found."""
from emu import *

c = client("connect")
iid = new_instance(c, "hours-queues")
config = [{"Day": "MONDAY", "StartTime": {"Hours": 9, "Minutes": 0}, "EndTime": {"Hours": 17, "Minutes": 30}}]
h1 = c.create_hours_of_operation(InstanceId=iid, Name="UK Business Hours", TimeZone="Europe/London", Config=config,
                                 Tags={"team": "support"})
h2 = c.create_hours_of_operation(InstanceId=iid, Name="US Hours", TimeZone="America/New_York", Config=config)
record("hoursArn", h1["HoursOfOperationArn"])
described = c.describe_hours_of_operation(InstanceId=iid, HoursOfOperationId=h1["HoursOfOperationId"])["HoursOfOperation"]
record("hoursDescribed", {"Name": described["Name"], "TimeZone": described["TimeZone"], "EndMinutes": described["Config"][0]["EndTime"]["Minutes"], "Tags": described.get("Tags")})
items, pages = all_pages(c.list_hours_of_operations, "HoursOfOperationSummaryList", InstanceId=iid, MaxResults=1)
record("hoursPaged", {"count": len(items), "pages": pages})
paginated = [h["Name"] for page in c.get_paginator("list_hours_of_operations").paginate(InstanceId=iid, PaginationConfig={"PageSize": 2}) for h in page["HoursOfOperationSummaryList"]]
record("hoursPaginator", paginated)
c.update_hours_of_operation(InstanceId=iid, HoursOfOperationId=h2["HoursOfOperationId"], Name="US Eastern Hours", TimeZone="America/Chicago")
record("hoursUpdated", c.describe_hours_of_operation(InstanceId=iid, HoursOfOperationId=h2["HoursOfOperationId"])["HoursOfOperation"]["TimeZone"])
search = c.search_hours_of_operations(InstanceId=iid, SearchCriteria={"OrConditions": [
    {"StringCondition": {"FieldName": "name", "Value": "UK", "ComparisonType": "STARTS_WITH"}},
    {"StringCondition": {"FieldName": "timezone", "Value": "America/Chicago", "ComparisonType": "EXACT"}}]})
record("hoursSearch", sorted(h["Name"] for h in search["HoursOfOperations"]))
record("hoursSearchCount", search["ApproximateTotalCount"])
record("hoursDuplicate", error(c.create_hours_of_operation, InstanceId=iid, Name="US Eastern Hours", TimeZone="UTC", Config=config)["Code"])

q = c.create_queue(InstanceId=iid, Name="CustomerService", Description="Main queue", HoursOfOperationId=h1["HoursOfOperationId"],
                   MaxContacts=100, Tags={"env": "test"})
qid = q["QueueId"]
record("queueArn", q["QueueArn"])
queue = c.describe_queue(InstanceId=iid, QueueId=qid)["Queue"]
record("queueDescribed", {k: queue.get(k) for k in ("Name", "Description", "MaxContacts", "Status", "Tags", "HoursOfOperationId")})
record("queueHasLastModified", "LastModifiedTime" in queue)
c.update_queue_name(InstanceId=iid, QueueId=qid, Name="Customer Service", Description="Renamed")
c.update_queue_max_contacts(InstanceId=iid, QueueId=qid, MaxContacts=5)
c.update_queue_status(InstanceId=iid, QueueId=qid, Status="DISABLED")
c.update_queue_hours_of_operation(InstanceId=iid, QueueId=qid, HoursOfOperationId=h2["HoursOfOperationId"])
queue = c.describe_queue(InstanceId=iid, QueueId=qid)["Queue"]
record("queueUpdated", {k: queue.get(k) for k in ("Name", "Description", "MaxContacts", "Status")})
record("queueHoursMoved", queue["HoursOfOperationId"] == h2["HoursOfOperationId"])
record("queueDuplicate", error(c.create_queue, InstanceId=iid, Name="Customer Service", HoursOfOperationId=h1["HoursOfOperationId"]))
record("queueMissingHours", error(c.create_queue, InstanceId=iid, Name="Orphan", HoursOfOperationId="00000000-0000-0000-0000-000000000000")["Code"])
record("queueNotFound", error(c.describe_queue, InstanceId=iid, QueueId="00000000-0000-0000-0000-000000000000"))
record("hoursInUse", error(c.delete_hours_of_operation, InstanceId=iid, HoursOfOperationId=h2["HoursOfOperationId"]))

qc = c.create_quick_connect(InstanceId=iid, Name="To CS", QuickConnectConfig={"QuickConnectType": "QUEUE", "QueueConfig": {
    "QueueId": qid, "ContactFlowId": by_name(c.list_contact_flows(InstanceId=iid)["ContactFlowSummaryList"])["Default queue transfer"]["Id"]}})
phone_qc = c.create_quick_connect(InstanceId=iid, Name="Supervisor line", QuickConnectConfig={"QuickConnectType": "PHONE_NUMBER", "PhoneConfig": {"PhoneNumber": "+442071234567"}})
c.associate_queue_quick_connects(InstanceId=iid, QueueId=qid, QuickConnectIds=[qc["QuickConnectId"], phone_qc["QuickConnectId"]])
linked, pages = all_pages(c.list_queue_quick_connects, "QuickConnectSummaryList", InstanceId=iid, QueueId=qid, MaxResults=1)
record("queueQuickConnects", {"names": sorted(x["Name"] for x in linked), "pages": pages, "types": sorted(x["QuickConnectType"] for x in linked)})
c.disassociate_queue_quick_connects(InstanceId=iid, QueueId=qid, QuickConnectIds=[phone_qc["QuickConnectId"]])
record("queueQuickConnectsAfter", [x["Name"] for x in c.list_queue_quick_connects(InstanceId=iid, QueueId=qid)["QuickConnectSummaryList"]])
record("tooManyQuickConnects", error(c.associate_queue_quick_connects, InstanceId=iid, QueueId=qid, QuickConnectIds=[qc["QuickConnectId"]] * 51))
record("queueInUseByQuickConnect", error(c.delete_queue, InstanceId=iid, QueueId=qid)["Code"])

found = c.search_queues(InstanceId=iid, SearchCriteria={"AndConditions": [
    {"QueueTypeCondition": "STANDARD"},
    {"StringCondition": {"FieldName": "name", "Value": "stomer", "ComparisonType": "CONTAINS"}}]},
    SearchFilter={"TagFilter": {"OrConditions": [[{"TagKey": "env", "TagValue": "test"}]]}})
record("queueSearch", [x["Name"] for x in found["Queues"]])
record("queueSearchTags", found["Queues"][0].get("Tags") if found["Queues"] else None)
record("badField", error(c.search_queues, InstanceId=iid, SearchCriteria={"StringCondition": {"FieldName": "colour", "Value": "x", "ComparisonType": "EXACT"}}))

c.delete_quick_connect(InstanceId=iid, QuickConnectId=qc["QuickConnectId"])
c.delete_queue(InstanceId=iid, QueueId=qid)
record("queueDeleted", error(c.describe_queue, InstanceId=iid, QueueId=qid)["Code"])
c.delete_hours_of_operation(InstanceId=iid, HoursOfOperationId=h2["HoursOfOperationId"])
record("hoursLeft", sorted(h["Name"] for h in c.list_hours_of_operations(InstanceId=iid)["HoursOfOperationSummaryList"]))
finish()
