"""DynamoDB Streams through boto3's `dynamodbstreams` client, against FakeAws.Server, and compared with moto.

Two parts:
  * checks: FakeAws alone, with time travel through /_fakeaws/clock/advance (retention, iterator
    expiry, readers at one instant, a disabled stream's last 24 hours, TTL deletions), each an exact check;
  * scenarios: the same calls on FakeAws and on moto_server (no time travel), reduced to plain
    data; every difference is printed, and docs/DYNAMODB.md says which side matches AWS.

    dotnet run --project src/FakeAws.Server -- --port 4571 &
    moto_server -H 127.0.0.1 -p 5005 &
    FAKEAWS_ENDPOINT=http://127.0.0.1:4571 MOTO_ENDPOINT=http://127.0.0.1:5005 python3 tests/conformance/dynamodb_streams.py
"""
import json
import os
import sys
import urllib.request

from botocore.exceptions import ClientError

from harness import ENDPOINT, Checks, client

MOTO = os.environ.get("MOTO_ENDPOINT")


def post(endpoint, path, body=None):
    data = json.dumps(body or {}).encode()
    request = urllib.request.Request(endpoint + path, data=data, method="POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"{}")


def reset(endpoint, is_moto=False):
    post(endpoint, "/moto-api/reset" if is_moto else "/_fakeaws/reset")


def advance(seconds):
    post(ENDPOINT, "/_fakeaws/clock/advance", {"seconds": seconds})


def create(ddb, name, view_type="NEW_AND_OLD_IMAGES"):
    response = ddb.create_table(
        TableName=name,
        BillingMode="PAY_PER_REQUEST",
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        StreamSpecification={"StreamEnabled": True, "StreamViewType": view_type},
    )
    return response["TableDescription"]["LatestStreamArn"]


def shard_of(streams, arn):
    return streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]["ShardId"]


def iterator(streams, arn, kind="TRIM_HORIZON", sequence=None):
    request = {"StreamArn": arn, "ShardId": shard_of(streams, arn), "ShardIteratorType": kind}
    if sequence:
        request["SequenceNumber"] = sequence
    return streams.get_shard_iterator(**request)["ShardIterator"]


def records(streams, arn, kind="TRIM_HORIZON", sequence=None):
    return streams.get_records(ShardIterator=iterator(streams, arn, kind, sequence))["Records"]


def keys(found):
    return [r["dynamodb"]["Keys"]["pk"]["S"] for r in found]


def checks():
    check = Checks("dynamodb_streams")
    ddb, streams = client("dynamodb"), client("dynamodbstreams")

    reset(ENDPOINT)
    arn = create(ddb, "orders")
    ddb.put_item(TableName="orders", Item={"pk": {"S": "a"}, "v": {"N": "1"}})
    ddb.update_item(TableName="orders", Key={"pk": {"S": "a"}}, UpdateExpression="SET v = :v", ExpressionAttributeValues={":v": {"N": "2"}})
    ddb.delete_item(TableName="orders", Key={"pk": {"S": "a"}})
    found = records(streams, arn)
    check.equal("event names", [r["eventName"] for r in found], ["INSERT", "MODIFY", "REMOVE"])
    check.equal("modify images", (found[1]["dynamodb"]["OldImage"]["v"], found[1]["dynamodb"]["NewImage"]["v"]), ({"N": "1"}, {"N": "2"}))
    check.equal("envelope", (found[0]["eventVersion"], found[0]["eventSource"], found[0]["awsRegion"]), ("1.1", "aws:dynamodb", "us-east-1"))
    check.equal("sequence numbers are 21 digits", all(len(r["dynamodb"]["SequenceNumber"]) == 21 for r in found), True)
    second = found[1]["dynamodb"]["SequenceNumber"]
    check.equal("AT_SEQUENCE_NUMBER", [r["eventName"] for r in records(streams, arn, "AT_SEQUENCE_NUMBER", second)], ["MODIFY", "REMOVE"])
    check.equal("AFTER_SEQUENCE_NUMBER", [r["eventName"] for r in records(streams, arn, "AFTER_SEQUENCE_NUMBER", second)], ["REMOVE"])
    check.equal("LATEST", records(streams, arn, "LATEST"), [])
    for view_type, images in [("KEYS_ONLY", []), ("NEW_IMAGE", ["NewImage"]), ("OLD_IMAGE", []), ("NEW_AND_OLD_IMAGES", ["NewImage"])]:
        table = "view-" + view_type.lower().replace("_", "-")
        typed = create(ddb, table, view_type)
        ddb.put_item(TableName=table, Item={"pk": {"S": "x"}})
        check.equal(f"{view_type} insert images", sorted(k for k in records(streams, typed)[0]["dynamodb"] if k.endswith("Image")), images)

    # A shard iterator lasts 15 minutes.
    stale = iterator(streams, arn)
    advance(15 * 60 + 1)
    check.error("expired iterator", lambda: streams.get_records(ShardIterator=stale), "ExpiredIteratorException", "Shard iterator has expired")

    # Records are kept 24 hours.
    reset(ENDPOINT)
    arn = create(ddb, "orders")
    ddb.put_item(TableName="orders", Item={"pk": {"S": "old"}})
    advance(23 * 3600 + 59 * 60)
    kept = records(streams, arn)
    check.equal("readable at 23h59m", keys(kept), ["old"])
    pinned = iterator(streams, arn, "AT_SEQUENCE_NUMBER", kept[0]["dynamodb"]["SequenceNumber"])
    advance(120)
    check.error("trimmed at 24h01m", lambda: streams.get_records(ShardIterator=pinned), "TrimmedDataAccessException",
                "The operation attempted to read past the oldest stream record in a shard.")
    check.equal("TRIM_HORIZON after trimming", records(streams, arn), [])

    # Readers are not limited by default: on a clock that stands still, a reader per poll is ordinary
    # sequential code, and AWS (whose clock moves) lets it through.
    readers = [iterator(streams, arn) for _ in range(10)]
    check.equal("ten readers at one instant", [streams.get_records(ShardIterator=r)["Records"] for r in readers], [[]] * 10)

    # Disabling and enabling again makes a new stream; the old one stays readable for 24 hours.
    reset(ENDPOINT)
    old = create(ddb, "orders", "KEYS_ONLY")
    ddb.put_item(TableName="orders", Item={"pk": {"S": "before"}})
    ddb.update_table(TableName="orders", StreamSpecification={"StreamEnabled": False})
    advance(60)
    new = ddb.update_table(TableName="orders", StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_IMAGE"})["TableDescription"]["LatestStreamArn"]
    check.equal("new stream ARN", new != old, True)
    check.equal("old stream disabled", streams.describe_stream(StreamArn=old)["StreamDescription"]["StreamStatus"], "DISABLED")
    last = streams.get_records(ShardIterator=iterator(streams, old))
    check.equal("old stream readable", keys(last["Records"]), ["before"])
    check.equal("closed shard read to its end", "NextShardIterator" in last, False)
    check.error("enable twice", lambda: ddb.update_table(TableName="orders", StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_IMAGE"}),
                "ValidationException", "Table already has an enabled stream: TableName: orders")
    advance(24 * 3600)
    check.error("old stream gone after 24h", lambda: streams.describe_stream(StreamArn=old), "ResourceNotFoundException")

    # Time to Live deletions are REMOVE records made by DynamoDB itself.
    reset(ENDPOINT)
    arn = create(ddb, "sessions")
    ddb.update_time_to_live(TableName="sessions", TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires"})
    now = post(ENDPOINT, "/_fakeaws/clock/advance", {"seconds": 0})["epochSeconds"]
    ddb.put_item(TableName="sessions", Item={"pk": {"S": "s"}, "expires": {"N": str(int(now) + 3600)}})
    advance(3599)
    check.equal("not yet expired", len(records(streams, arn)), 1)
    advance(2)
    removed = records(streams, arn)[-1]
    check.equal("TTL remove", removed["eventName"], "REMOVE")
    check.equal("TTL user identity", removed.get("userIdentity"), {"PrincipalId": "dynamodb.amazonaws.com", "Type": "Service"})

    # Shards roll over (every 4 hours by FakeAws's default): the parent closes, a child names it.
    reset(ENDPOINT)
    arn = create(ddb, "orders")
    ddb.put_item(TableName="orders", Item={"pk": {"S": "before"}})
    advance(4 * 3600)
    ddb.put_item(TableName="orders", Item={"pk": {"S": "after"}})
    shards = streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"]
    parent, child = shards[0]["ShardId"], shards[1]["ShardId"]
    check.equal("two shards after a rollover", len(shards), 2)
    check.equal("parent closed", "EndingSequenceNumber" in shards[0]["SequenceNumberRange"], True)
    check.equal("child names its parent", (shards[1].get("ParentShardId"), "EndingSequenceNumber" in shards[1]["SequenceNumberRange"]), (parent, False))
    check.equal("CHILD_SHARDS", [s["ShardId"] for s in streams.describe_stream(
        StreamArn=arn, ShardFilter={"Type": "CHILD_SHARDS", "ShardId": parent})["StreamDescription"]["Shards"]], [child])
    def read_shard(shard):
        return streams.get_records(ShardIterator=streams.get_shard_iterator(StreamArn=arn, ShardId=shard, ShardIteratorType="TRIM_HORIZON")["ShardIterator"])
    parent_read, child_read = read_shard(parent), read_shard(child)
    check.equal("parent read to its end", (keys(parent_read["Records"]), "NextShardIterator" in parent_read), (["before"], False))
    check.equal("child stays open", (keys(child_read["Records"]), "NextShardIterator" in child_read), (["after"], True))
    page = streams.describe_stream(StreamArn=arn, Limit=1)["StreamDescription"]
    check.equal("Limit pages shards", ([s["ShardId"] for s in page["Shards"]], page.get("LastEvaluatedShardId")), ([parent], parent))
    advance(24 * 3600)
    check.error("parent gone 24h after it closed", lambda: streams.get_shard_iterator(StreamArn=arn, ShardId=parent, ShardIteratorType="TRIM_HORIZON"),
                "ResourceNotFoundException", "Requested resource not found: Shard does not exist")
    return check


SCENARIOS = []


def scenario(function):
    SCENARIOS.append(function)
    return function


def attempt(call):
    try:
        result = call()
        result.pop("ResponseMetadata", None)
        return result
    except ClientError as e:
        return {"error": e.response["Error"].get("Code"), "message": e.response["Error"].get("Message")}


@scenario
def records_of_each_write(ddb, streams):
    arn = create(ddb, "orders")
    ddb.put_item(TableName="orders", Item={"pk": {"S": "a"}, "v": {"N": "1"}})
    ddb.put_item(TableName="orders", Item={"pk": {"S": "a"}, "v": {"N": "1"}})
    ddb.update_item(TableName="orders", Key={"pk": {"S": "a"}}, UpdateExpression="SET v = :v", ExpressionAttributeValues={":v": {"N": "2"}})
    ddb.delete_item(TableName="orders", Key={"pk": {"S": "a"}})
    return [{k: v for k, v in r["dynamodb"].items() if k not in ("SequenceNumber", "ApproximateCreationDateTime")} | {"eventName": r["eventName"]}
            for r in records(streams, arn)]


@scenario
def describe_stream(ddb, streams):
    arn = create(ddb, "orders", "KEYS_ONLY")
    description = streams.describe_stream(StreamArn=arn)["StreamDescription"]
    return {
        "status": description.get("StreamStatus"),
        "view": description.get("StreamViewType"),
        "keys": description.get("KeySchema"),
        "shards": len(description.get("Shards", [])),
        "label is the ARN's tail": arn.endswith(description.get("StreamLabel", "?")),
    }


@scenario
def list_streams(ddb, streams):
    create(ddb, "one")
    create(ddb, "two")
    return sorted(s["TableName"] for s in streams.list_streams()["Streams"])


@scenario
def enable_twice(ddb, streams):
    create(ddb, "orders")
    return attempt(lambda: ddb.update_table(TableName="orders", StreamSpecification={"StreamEnabled": True, "StreamViewType": "KEYS_ONLY"}))


@scenario
def iterator_without_sequence_number(ddb, streams):
    arn = create(ddb, "orders")
    return attempt(lambda: streams.get_shard_iterator(StreamArn=arn, ShardId=shard_of(streams, arn), ShardIteratorType="AT_SEQUENCE_NUMBER"))


@scenario
def unknown_shard(ddb, streams):
    arn = create(ddb, "orders")
    return attempt(lambda: streams.get_shard_iterator(StreamArn=arn, ShardId="shardId-00000000000000000000-00000000", ShardIteratorType="LATEST"))


@scenario
def records_limit_over_1000(ddb, streams):
    arn = create(ddb, "orders")
    return attempt(lambda: streams.get_records(ShardIterator=iterator(streams, arn), Limit=1001))


def run_all(endpoint, is_moto):
    ddb, streams = client("dynamodb", endpoint=endpoint), client("dynamodbstreams", endpoint=endpoint)
    results = {}
    for function in SCENARIOS:
        reset(endpoint, is_moto)
        try:
            results[function.__name__] = function(ddb, streams)
        except Exception as e:  # a scenario that breaks on one side is itself a difference
            results[function.__name__] = {"crashed": f"{type(e).__name__}: {e}"}
    return results


def main():
    check = checks()
    if MOTO:
        fake, moto = run_all(ENDPOINT, False), run_all(MOTO, True)
        found = 0
        for name in fake:
            if json.dumps(fake[name], default=str, sort_keys=True) != json.dumps(moto[name], default=str, sort_keys=True):
                found += 1
                print(f"DIFF {name}\n  FakeAws: {json.dumps(fake[name], default=str)}\n  moto:    {json.dumps(moto[name], default=str)}")
        print(f"dynamodb_streams: {len(SCENARIOS)} scenarios, {found} differences between FakeAws and moto")
    check.finish()


if __name__ == "__main__":
    sys.exit(main())
