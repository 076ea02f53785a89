"""Phone numbers (search, async claim, idempotent tokens, failure, release, quota), Lambda/Lex associations and tags."""
from emu import *

c = client("connect")
iid = new_instance(c, "phones")
arn = c.describe_instance(InstanceId=iid)["Instance"]["Arn"]
first = c.search_available_phone_numbers(TargetArn=arn, PhoneNumberCountryCode="US", PhoneNumberType="DID", PhoneNumberPrefix="+1206", MaxResults=5)["AvailableNumbersList"]
again = c.search_available_phone_numbers(TargetArn=arn, PhoneNumberCountryCode="US", PhoneNumberType="DID", PhoneNumberPrefix="+1206", MaxResults=5)["AvailableNumbersList"]
record("available", [n["PhoneNumber"] for n in first])
record("deterministic", first == again)
record("tollFree", c.search_available_phone_numbers(InstanceId=iid, PhoneNumberCountryCode="GB", PhoneNumberType="TOLL_FREE", MaxResults=1)["AvailableNumbersList"][0]["PhoneNumber"])
record("wrongPrefix", c.search_available_phone_numbers(InstanceId=iid, PhoneNumberCountryCode="GB", PhoneNumberType="DID", PhoneNumberPrefix="+1")["AvailableNumbersList"])
record("tollFreeShortPrefix", [n["PhoneNumber"] for n in c.search_available_phone_numbers(InstanceId=iid, PhoneNumberCountryCode="GB", PhoneNumberType="TOLL_FREE", PhoneNumberPrefix="+4480", MaxResults=5)["AvailableNumbersList"]])
record("tollFreeDidPrefix", c.search_available_phone_numbers(InstanceId=iid, PhoneNumberCountryCode="GB", PhoneNumberType="TOLL_FREE", PhoneNumberPrefix="+4420")["AvailableNumbersList"])

number = first[0]["PhoneNumber"]
claim = c.claim_phone_number(TargetArn=arn, PhoneNumber=number, PhoneNumberDescription="Main line", ClientToken="token-1", Tags={"line": "main"})
replay = c.claim_phone_number(TargetArn=arn, PhoneNumber=number, PhoneNumberDescription="Main line", ClientToken="token-1", Tags={"line": "main"})
record("claimArn", claim["PhoneNumberArn"])
record("replaySameId", replay["PhoneNumberId"] == claim["PhoneNumberId"])
record("tokenReuse", error(c.claim_phone_number, TargetArn=arn, PhoneNumber=first[1]["PhoneNumber"], ClientToken="token-1")["Code"])
pid = claim["PhoneNumberId"]
record("claimStatuses", [c.describe_phone_number(PhoneNumberId=pid)["ClaimedPhoneNumberSummary"]["PhoneNumberStatus"]["Status"] for _ in range(4)])
other = c.create_instance(IdentityManagementType="CONNECT_MANAGED", InstanceAlias="phones-2", InboundCallsEnabled=True, OutboundCallsEnabled=True)["Id"]
c.update_phone_number(PhoneNumberId=pid, InstanceId=other)
moved = c.describe_phone_number(PhoneNumberId=pid)["ClaimedPhoneNumberSummary"]
record("retargeted", {"ToOther": moved["InstanceId"] == other, "Status": moved["PhoneNumberStatus"]["Status"]})
c.update_phone_number(PhoneNumberId=pid, TargetArn=arn)
record("retargetedBack", [c.describe_phone_number(PhoneNumberId=pid)["ClaimedPhoneNumberSummary"]["PhoneNumberStatus"]["Status"] for _ in range(3)][-1])
summary = c.describe_phone_number(PhoneNumberId=pid)["ClaimedPhoneNumberSummary"]
record("claimed", {k: summary.get(k) for k in ("PhoneNumber", "PhoneNumberCountryCode", "PhoneNumberType", "PhoneNumberDescription", "InstanceId", "Tags")})
record("searchExcludesClaimed", number not in [n["PhoneNumber"] for n in c.search_available_phone_numbers(
    TargetArn=arn, PhoneNumberCountryCode="US", PhoneNumberType="DID", PhoneNumberPrefix="+1206", MaxResults=10)["AvailableNumbersList"]])
record("claimTaken", error(c.claim_phone_number, TargetArn=arn, PhoneNumber=number)["Code"])

admin("config", {"ClaimFailureReason": "Number not available in this region"})
failed = c.claim_phone_number(InstanceId=iid, PhoneNumber=first[2]["PhoneNumber"])
statuses = [c.describe_phone_number(PhoneNumberId=failed["PhoneNumberId"])["ClaimedPhoneNumberSummary"]["PhoneNumberStatus"] for _ in range(3)]
record("failedClaim", statuses[-1])
c.release_phone_number(PhoneNumberId=failed["PhoneNumberId"])

v2 = c.list_phone_numbers_v2(TargetArn=arn)["ListPhoneNumbersSummaryList"]
record("listV2", [{"PhoneNumber": n["PhoneNumber"], "Arn": n["PhoneNumberArn"]} for n in v2])
legacy = c.list_phone_numbers(InstanceId=iid)["PhoneNumberSummaryList"]
record("legacyArn", legacy[0]["Arn"])
c.update_phone_number_metadata(PhoneNumberId=pid, PhoneNumberDescription="Support line")
record("metadata", c.describe_phone_number(PhoneNumberId=pid)["ClaimedPhoneNumberSummary"]["PhoneNumberDescription"])
main_flow = by_name(c.list_contact_flows(InstanceId=iid)["ContactFlowSummaryList"])["Sample inbound flow (first contact experience)"]["Id"]
c.associate_phone_number_contact_flow(PhoneNumberId=pid, InstanceId=iid, ContactFlowId=main_flow)
c.disassociate_phone_number_contact_flow(PhoneNumberId=pid, InstanceId=iid)
record("disassociateTwice", error(c.disassociate_phone_number_contact_flow, PhoneNumberId=pid, InstanceId=iid)["Code"])
c.tag_resource(resourceArn=claim["PhoneNumberArn"], tags={"cost": "42"})
record("phoneTags", c.list_tags_for_resource(resourceArn=claim["PhoneNumberArn"])["tags"])

more = c.search_available_phone_numbers(InstanceId=iid, PhoneNumberCountryCode="US", PhoneNumberType="TOLL_FREE", MaxResults=10)["AvailableNumbersList"]
for n in more[:4]:
    c.claim_phone_number(InstanceId=iid, PhoneNumber=n["PhoneNumber"])
quota = error(c.claim_phone_number, InstanceId=iid, PhoneNumber=more[5]["PhoneNumber"])
record("phoneQuota", {"Code": quota["Code"], "Status": quota["Status"]})
c.release_phone_number(PhoneNumberId=pid, ClientToken="release-1")
record("released", error(c.describe_phone_number, PhoneNumberId=pid)["Code"])

fn = "arn:aws:lambda:eu-west-2:123456789012:function:Lookup"
c.associate_lambda_function(InstanceId=iid, FunctionArn=fn)
c.associate_lambda_function(InstanceId=iid, FunctionArn=fn + "2")
record("lambdas", c.list_lambda_functions(InstanceId=iid)["LambdaFunctions"])
record("lambdaTwice", error(c.associate_lambda_function, InstanceId=iid, FunctionArn=fn)["Code"])
c.disassociate_lambda_function(InstanceId=iid, FunctionArn=fn)
record("lambdasAfter", c.list_lambda_functions(InstanceId=iid)["LambdaFunctions"])
record("lambdaGone", error(c.disassociate_lambda_function, InstanceId=iid, FunctionArn=fn)["Code"])
c.associate_lex_bot(InstanceId=iid, LexBot={"Name": "OrderBot", "LexRegion": "eu-west-2"})
alias = "arn:aws:lex:eu-west-2:123456789012:bot-alias/BOTID/ALIASID"
c.associate_bot(InstanceId=iid, LexV2Bot={"AliasArn": alias})
record("lexBots", c.list_lex_bots(InstanceId=iid)["LexBots"])
record("botsV2", c.list_bots(InstanceId=iid, LexVersion="V2")["LexBots"])
record("botsV1", c.list_bots(InstanceId=iid, LexVersion="V1")["LexBots"])
record("botTwice", error(c.associate_bot, InstanceId=iid, LexV2Bot={"AliasArn": alias})["Code"])
c.disassociate_bot(InstanceId=iid, LexV2Bot={"AliasArn": alias})
c.disassociate_lex_bot(InstanceId=iid, BotName="OrderBot", LexRegion="eu-west-2")
record("botsAfter", c.list_bots(InstanceId=iid, LexVersion="V2")["LexBots"] + c.list_bots(InstanceId=iid, LexVersion="V1")["LexBots"])

queue_arn = c.list_queues(InstanceId=iid, QueueTypes=["STANDARD"])["QueueSummaryList"][0]["Arn"]
c.tag_resource(resourceArn=queue_arn, tags={"owner": "ops", "env": "dev"})
c.untag_resource(resourceArn=queue_arn, tagKeys=["env"])
record("queueTags", c.list_tags_for_resource(resourceArn=queue_arn)["tags"])
record("queueTagsInDescribe", c.describe_queue(InstanceId=iid, QueueId=queue_arn.split("/")[-1])["Queue"].get("Tags"))
c.tag_resource(resourceArn=arn, tags={"stage": "test"})
record("instanceTags", c.describe_instance(InstanceId=iid)["Instance"].get("Tags"))
record("unknownArn", error(c.list_tags_for_resource, resourceArn=arn + "/queue/00000000-0000-0000-0000-000000000000")["Code"])
record("reservedTag", error(c.tag_resource, resourceArn=queue_arn, tags={"aws:x": "y"})["Code"])
finish()
