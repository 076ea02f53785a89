"""Per-instance quotas and their switch: STANDARD queues stop at 50 (BasicQueue included) with ServiceQuotaExceededException."""
from emu import *

c = client("connect")
iid = new_instance(c, "quotas")
hours = c.list_hours_of_operations(InstanceId=iid)["HoursOfOperationSummaryList"][0]["Id"]
for i in range(49):
    c.create_queue(InstanceId=iid, Name=f"Queue {i:02d}", HoursOfOperationId=hours)
over = error(c.create_queue, InstanceId=iid, Name="One too many", HoursOfOperationId=hours)
record("overQuota", {"Code": over["Code"], "Status": over["Status"], "Message": over["Message"]})
queues, pages = all_pages(c.list_queues, "QueueSummaryList", InstanceId=iid, QueueTypes=["STANDARD"], MaxResults=20)
record("standardQueues", {"count": len(queues), "pages": pages})
searched = c.search_queues(InstanceId=iid, MaxResults=30)
record("searchPage", {"returned": len(searched["Queues"]), "total": searched["ApproximateTotalCount"], "hasToken": "NextToken" in searched})
admin("config", {"ResourceQuotas": "off"})
record("quotaOff", error(c.create_queue, InstanceId=iid, Name="One too many", HoursOfOperationId=hours)["Code"])
admin("config", {"ResourceQuotas": "aws-default"})
finish()
