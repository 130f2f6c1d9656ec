"""FakeAws's test superpowers through boto3 and the admin endpoints of FakeAws.Server: faults that fail
exactly the chosen calls, the record of a run, and snapshots restored into the same server and into a
fresh one (a second server this script starts with --state FILE, stops, and starts again).

    dotnet build src/FakeAws.Server
    dotnet run --no-build --project src/FakeAws.Server -- --port 4601 --clock manual &
    FAKEAWS_ENDPOINT=http://127.0.0.1:4601 python3 tests/conformance/superpowers.py
"""
import glob
import json
import os
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

import boto3
import botocore.config
from botocore.exceptions import ClientError

from dynamodb_common import create
from harness import ENDPOINT, Checks


def call(endpoint, method, path, body=None, raw=False):
    """An admin request: JSON in and out, or raw bytes with raw=True."""
    data = body if isinstance(body, bytes) else json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(f"{endpoint}/_fakeaws/{path}", method=method, data=data)
    with urllib.request.urlopen(request) as response:
        content = response.read()
    return content if raw else json.loads(content)


def dynamodb(endpoint=ENDPOINT, attempts=1):
    """A DynamoDB client that makes `attempts` attempts in all: the harness's client retries a 500 once."""
    return boto3.client("dynamodb", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="AKIAFAKEAWS000000000",
                        aws_secret_access_key="secret", config=botocore.config.Config(retries={"total_max_attempts": attempts, "mode": "standard"}))


def error_of(action):
    """The AWS error code and HTTP status a call fails with, or None when it succeeds."""
    try:
        action()
    except ClientError as e:
        return e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]
    return None


def item(pk, **attributes):
    return {"pk": {"S": pk}, **{k: {"S": v} for k, v in attributes.items()}}


def faults(checks, ddb):
    call(ENDPOINT, "POST", "reset")
    create(ddb, "orders")
    rule = call(ENDPOINT, "POST", "faults", {"service": "dynamodb", "operation": "PutItem", "errorCode": "InternalServerError", "statusCode": 500, "times": 1})
    checks.equal("a GetItem passes a PutItem rule", error_of(lambda: ddb.get_item(TableName="orders", Key=item("a"))), None)
    checks.equal("the chosen PutItem fails with 500", error_of(lambda: ddb.put_item(TableName="orders", Item=item("a"))), ("InternalServerError", 500))
    checks.equal("the next PutItem succeeds", error_of(lambda: ddb.put_item(TableName="orders", Item=item("a"))), None)
    listed = call(ENDPOINT, "GET", "faults")["faults"]
    checks.equal("the rule counts its hits", [(f["id"], f["matched"], f["fired"]) for f in listed], [(rule["id"], 2, 1)])

    call(ENDPOINT, "POST", "faults", {"operation": "PutItem", "requestContains": "poison", "throttle": True})
    checks.equal("a put without the marker passes", error_of(lambda: ddb.put_item(TableName="orders", Item=item("fine"))), None)
    checks.equal("the marked put is throttled", error_of(lambda: ddb.put_item(TableName="orders", Item=item("poison"))),
                 ("ProvisionedThroughputExceededException", 400))
    call(ENDPOINT, "DELETE", "faults")
    checks.equal("removed rules stop", error_of(lambda: ddb.put_item(TableName="orders", Item=item("poison"))), None)

    call(ENDPOINT, "POST", "faults", {"service": "dynamodb", "operation": "PutItem", "errorCode": "InternalServerError", "statusCode": 500, "afterCalls": 1, "times": 1})
    checks.equal("afterCalls lets the first through", error_of(lambda: ddb.put_item(TableName="orders", Item=item("1"))), None)
    checks.equal("then fails the next", error_of(lambda: ddb.put_item(TableName="orders", Item=item("2"))), ("InternalServerError", 500))
    try:
        call(ENDPOINT, "DELETE", "faults/999")
        checks.equal("an unknown rule id", "removed", 404)
    except urllib.error.HTTPError as e:
        checks.equal("an unknown rule id", e.code, 404)
    try:
        call(ENDPOINT, "POST", "faults", {"service": "dynamodb"})
        checks.equal("a rule without effect", "added", 400)
    except urllib.error.HTTPError as e:
        checks.equal("a rule without effect", e.code, 400)
    call(ENDPOINT, "DELETE", "faults")


def record(checks, ddb):
    call(ENDPOINT, "POST", "reset")
    create(ddb, "orders")
    call(ENDPOINT, "DELETE", "calls")
    rule = call(ENDPOINT, "POST", "faults", {"service": "dynamodb", "operation": "PutItem", "errorCode": "InternalServerError", "statusCode": 500, "times": 1})
    # boto3's own retries answer the injected 500 with a second PutItem.
    dynamodb(attempts=3).put_item(TableName="orders", Item=item("a", status="open"))
    ddb.get_item(TableName="orders", Key=item("a"))
    listed = call(ENDPOINT, "GET", "calls")
    checks.equal("the server keeps the last 1000 calls and dropped none", (listed["capacity"], listed["dropped"]), (1000, 0))
    calls = listed["calls"]
    checks.equal("every call in order", [c["operation"] for c in calls], ["PutItem", "PutItem", "GetItem"])
    checks.equal("the failed call's code", [c["errorCode"] for c in calls], ["InternalServerError", None, None])
    checks.equal("the failed call's status", calls[0]["statusCode"], 500)
    checks.equal("the fault that hit it", calls[0]["faultId"], rule["id"])
    checks.equal("service and region", (calls[2]["service"], calls[2]["region"]), ("dynamodb", "us-east-1"))
    checks.equal("the request as JSON", calls[0]["request"]["Item"], item("a", status="open"))
    checks.equal("the response as JSON", calls[2]["response"]["Item"]["status"], {"S": "open"})
    checks.equal("the error response", calls[0]["response"]["__type"], "InternalServerError")
    call(ENDPOINT, "DELETE", "calls")
    checks.equal("cleared", call(ENDPOINT, "GET", "calls")["calls"], [])
    call(ENDPOINT, "DELETE", "faults")


def refused(checks):
    """Requests refused before they reach an operation are recorded with what they were answered."""
    call(ENDPOINT, "DELETE", "calls")
    for target, body in (("DynamoDB_20120810.MakeCoffee", b"{}"), ("DynamoDB_20120810.GetItem", b"{not json")):
        request = urllib.request.Request(ENDPOINT + "/", method="POST", data=body, headers={
            "X-Amz-Target": target, "Content-Type": "application/x-amz-json-1.0",
            "Authorization": "AWS4-HMAC-SHA256 Credential=AKIAFAKEAWS000000000/20300101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=x"})
        try:
            urllib.request.urlopen(request).read()
        except urllib.error.HTTPError as e:
            e.read()
    calls = call(ENDPOINT, "GET", "calls")["calls"]
    checks.equal("refused calls are recorded", [(c["service"], c["operation"], c["errorCode"], c["statusCode"]) for c in calls],
                 [("dynamodb", "MakeCoffee", "UnknownOperationException", 400), ("dynamodb", "GetItem", "SerializationException", 400)])
    checks.equal("a body that is not JSON is recorded as text", calls[1]["request"], "{not json")
    call(ENDPOINT, "DELETE", "calls")


def snapshot_same_server(checks, ddb):
    call(ENDPOINT, "POST", "reset")
    create(ddb, "orders")
    for i in range(5):
        ddb.put_item(TableName="orders", Item=item(f"k{i}", n=str(i)))
    state = call(ENDPOINT, "GET", "state", raw=True)
    checks.equal("a snapshot is FakeAws's format", state[:16], b"FAKEAWS-SNAPSHOT")
    ddb.delete_item(TableName="orders", Key=item("k0"))
    create(ddb, "scratch")
    call(ENDPOINT, "PUT", "state", state)
    checks.equal("tables are back", ddb.list_tables()["TableNames"], ["orders"])
    checks.equal("items are back", ddb.scan(TableName="orders")["Count"], 5)
    checks.equal("a deleted item is back", ddb.get_item(TableName="orders", Key=item("k0"))["Item"]["n"], {"S": "0"})
    try:
        call(ENDPOINT, "PUT", "state", b"not a snapshot")
        checks.equal("a body that is no snapshot", "restored", 400)
    except urllib.error.HTTPError as e:
        checks.equal("a body that is no snapshot", e.code, 400)
    return state


def server_binary():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    found = sorted(glob.glob(os.path.join(root, "src", "FakeAws.Server", "bin", "*", "net*", "FakeAws.Server.dll")), key=os.path.getmtime)
    return found[-1] if found else None


def start_server(port, *flags):
    process = subprocess.Popen(["dotnet", server_binary(), "--port", str(port), "--clock", "manual", *flags],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            call(endpoint, "GET", "health")
            return process, endpoint
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"FakeAws.Server did not start on {endpoint}")


def stop_server(process):
    process.send_signal(signal.SIGINT)
    process.wait(timeout=60)


def snapshot_fresh_server(checks, state):
    if server_binary() is None:
        checks.equal("FakeAws.Server is built for the fresh-server checks", False, True)
        return
    port = urllib.parse.urlparse(ENDPOINT).port + 50
    with tempfile.TemporaryDirectory() as folder:
        state_file = os.path.join(folder, "cloud.snapshot")
        with open(state_file, "wb") as f:
            f.write(state)
        process, endpoint = start_server(port, "--state", state_file)
        try:
            other = dynamodb(endpoint)
            checks.equal("--state loads at start", other.scan(TableName="orders")["Count"], 5)
            other.put_item(TableName="orders", Item=item("k9", n="9"))
            call(endpoint, "PUT", "state", state)
            checks.equal("restored into the fresh server", other.scan(TableName="orders")["Count"], 5)
            other.put_item(TableName="orders", Item=item("k9", n="9"))
        finally:
            stop_server(process)
        process, endpoint = start_server(port, "--state", state_file)
        try:
            other = dynamodb(endpoint)
            checks.equal("--state saves at shutdown", other.get_item(TableName="orders", Key=item("k9"))["Item"]["n"], {"S": "9"})
        finally:
            stop_server(process)


def record_calls_flag(checks):
    """--record-calls N keeps the last N calls and counts the ones it dropped."""
    if server_binary() is None:
        checks.equal("FakeAws.Server is built for the --record-calls checks", False, True)
        return
    process, endpoint = start_server(urllib.parse.urlparse(ENDPOINT).port + 51, "--record-calls", "2")
    try:
        other = dynamodb(endpoint)
        for name in ("first", "second", "third"):
            other.list_tables(ExclusiveStartTableName=name)
        listed = call(endpoint, "GET", "calls")
        checks.equal("--record-calls 2 keeps the last two calls",
                     [c["request"]["ExclusiveStartTableName"] for c in listed["calls"]], ["second", "third"])
        checks.equal("and counts the one it dropped", (listed["capacity"], listed["dropped"]), (2, 1))
    finally:
        stop_server(process)


def main():
    checks = Checks("superpowers")
    ddb = dynamodb()
    faults(checks, ddb)
    record(checks, ddb)
    refused(checks)
    state = snapshot_same_server(checks, ddb)
    snapshot_fresh_server(checks, state)
    record_calls_flag(checks)
    checks.finish()


if __name__ == "__main__":
    main()
