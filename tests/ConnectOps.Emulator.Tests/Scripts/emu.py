"""Helpers for the boto3 scenario scripts: clients bound to the emulator, error capture, results as one JSON line."""
import json
import os
import sys
import time
import urllib.request

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

URL = os.environ["EMULATOR_URL"]
REGION = os.environ.get("EMULATOR_REGION", "eu-west-2")
results = {}


def client(service, retries=True, region=REGION):
    config = Config(
        retries={"total_max_attempts": 3 if retries else 1, "mode": "standard"},
        parameter_validation=True,
        connect_timeout=5,
        read_timeout=30,
    )
    return boto3.client(
        service,
        endpoint_url=URL,
        region_name=region,
        aws_access_key_id="AKIDCONNECTOPSTEST",
        aws_secret_access_key="connectops-test-secret",
        config=config,
    )


def error(call, **kwargs):
    """Calls and returns the error the service answered ({"Code": None} when it succeeded)."""
    try:
        call(**kwargs)
    except ClientError as e:
        err = e.response.get("Error", {})
        extra = {k: v for k, v in e.response.items() if k not in ("Error", "ResponseMetadata")}
        return {
            "Code": err.get("Code"),
            "Message": err.get("Message", ""),
            "Status": e.response["ResponseMetadata"]["HTTPStatusCode"],
            "RequestId": e.response["ResponseMetadata"].get("RequestId"),
            **extra,
        }
    return {"Code": None}


def record(key, value):
    results[key] = value


def finish():
    print(json.dumps(results, default=str))


def admin(path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(URL + "/_connectops/" + path, data=data, method="GET" if body is None else "POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"{}")


def new_instance(connect, alias):
    """Creates an instance and polls DescribeInstance until it is ACTIVE."""
    instance_id = connect.create_instance(IdentityManagementType="CONNECT_MANAGED", InstanceAlias=alias,
                                          InboundCallsEnabled=True, OutboundCallsEnabled=True)["Id"]
    for _ in range(20):
        if connect.describe_instance(InstanceId=instance_id)["Instance"]["InstanceStatus"] == "ACTIVE":
            return instance_id
        time.sleep(0.01)
    raise AssertionError("instance never became ACTIVE")


def by_name(items, key="Name"):
    return {item.get(key): item for item in items}


def all_pages(call, result_key, **kwargs):
    """Follows NextToken by hand; returns (items, number of pages)."""
    items, pages, token = [], 0, None
    while True:
        args = dict(kwargs)
        if token:
            args["NextToken"] = token
        page = call(**args)
        pages += 1
        items.extend(page.get(result_key, []))
        token = page.get("NextToken")
        if not token:
            return items, pages


def flow(actions, start):
    return json.dumps({"Version": "2019-10-30", "StartAction": start, "Metadata": {}, "Actions": actions})


def end_action(identifier="end"):
    return {"Identifier": identifier, "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}
