"""DynamoDB over time through boto3: TTL, point-in-time recovery, backups, throughput, tags and
limits, against FakeAws.Server with time travel, and compared with moto where moto implements them.

    dotnet run --project src/FakeAws.Server -- --port 4571 &
    moto_server -H 127.0.0.1 -p 5005 &
    FAKEAWS_ENDPOINT=http://127.0.0.1:4571 MOTO_ENDPOINT=http://127.0.0.1:5005 python3 tests/conformance/dynamodb_time.py
"""
import datetime
import json
import os
import sys
import urllib.request

from botocore.exceptions import ClientError

from dynamodb_common import create
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
    """Moves FakeAws's clock; returns the new virtual time."""
    return datetime.datetime.fromtimestamp(post(ENDPOINT, "/_fakeaws/clock/advance", {"seconds": seconds})["epochSeconds"], datetime.timezone.utc)


def value(ddb, table, key):
    item = ddb.get_item(TableName=table, Key={"pk": {"S": key}}).get("Item")
    return item["v"]["S"] if item else None


def checks():
    check = Checks("dynamodb_time")
    ddb = client("dynamodb")

    # Time to Live
    reset(ENDPOINT)
    create(ddb, "sessions")
    ddb.update_time_to_live(TableName="sessions", TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires"})
    check.equal("TTL described", ddb.describe_time_to_live(TableName="sessions")["TimeToLiveDescription"],
                {"TimeToLiveStatus": "ENABLED", "AttributeName": "expires"})
    check.error("TTL enabled twice", lambda: ddb.update_time_to_live(TableName="sessions", TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires"}),
                "ValidationException", "TimeToLive is already enabled")
    check.error("TTL changed within the hour", lambda: ddb.update_time_to_live(TableName="sessions", TimeToLiveSpecification={"Enabled": False, "AttributeName": "expires"}),
                "ValidationException", "Time to live has been modified multiple times within a fixed interval")
    now = advance(0)
    ddb.put_item(TableName="sessions", Item={"pk": {"S": "a"}, "v": {"S": "x"}, "expires": {"N": str(int(now.timestamp()) + 3600)}})
    advance(3599)
    check.equal("item before its expiry", value(ddb, "sessions", "a"), "x")
    advance(2)
    check.equal("item deleted after its expiry", value(ddb, "sessions", "a"), None)

    # Point-in-time recovery: restore to ten days ago.
    reset(ENDPOINT)
    create(ddb, "orders")
    ddb.put_item(TableName="orders", Item={"pk": {"S": "a"}, "v": {"S": "v1"}})
    ddb.update_continuous_backups(TableName="orders", PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
    advance(5 * 86400)
    ddb.put_item(TableName="orders", Item={"pk": {"S": "a"}, "v": {"S": "v2"}})
    ten_days_ago = advance(5 * 86400)
    advance(5 * 86400)
    ddb.put_item(TableName="orders", Item={"pk": {"S": "a"}, "v": {"S": "v3"}})
    advance(5 * 86400)
    description = ddb.describe_continuous_backups(TableName="orders")["ContinuousBackupsDescription"]["PointInTimeRecoveryDescription"]
    check.equal("PITR status and period", (description["PointInTimeRecoveryStatus"], description["RecoveryPeriodInDays"]), ("ENABLED", 35))
    ddb.restore_table_to_point_in_time(SourceTableName="orders", TargetTableName="orders-10d", RestoreDateTime=ten_days_ago)
    check.equal("restore to T-10 days returns the old value", value(ddb, "orders-10d", "a"), "v2")
    ddb.restore_table_to_point_in_time(SourceTableName="orders", TargetTableName="orders-latest", UseLatestRestorableTime=True)
    check.equal("restore to the latest time", value(ddb, "orders-latest", "a"), "v3")
    check.error("restore before recovery was enabled", lambda: ddb.restore_table_to_point_in_time(
        SourceTableName="orders", TargetTableName="too-early", RestoreDateTime=ten_days_ago - datetime.timedelta(days=20)), "InvalidRestoreTimeException")
    check.error("restore onto an existing table", lambda: ddb.restore_table_to_point_in_time(
        SourceTableName="orders", TargetTableName="orders-latest", UseLatestRestorableTime=True), "TableAlreadyExistsException", "Table already exists: orders-latest")

    # Backups outlive their table.
    reset(ENDPOINT)
    create(ddb, "orders")
    ddb.put_item(TableName="orders", Item={"pk": {"S": "a"}, "v": {"S": "kept"}})
    arn = ddb.create_backup(TableName="orders", BackupName="nightly")["BackupDetails"]["BackupArn"]
    ddb.delete_table(TableName="orders")
    check.equal("backup listed after its table is gone", [b["BackupName"] for b in ddb.list_backups()["BackupSummaries"]], ["nightly"])
    ddb.restore_table_from_backup(BackupArn=arn, TargetTableName="orders")
    check.equal("restored from the backup", value(ddb, "orders", "a"), "kept")
    ddb.delete_backup(BackupArn=arn)
    check.error("deleted backup", lambda: ddb.describe_backup(BackupArn=arn), "BackupNotFoundException", f"Backup not found: {arn}")

    # Provisioned throughput: 300 seconds of burst, then throttled, refilled by time.
    reset(ENDPOINT)
    create(ddb, "hot", ProvisionedThroughput={"ReadCapacityUnits": 1, "WriteCapacityUnits": 1})
    for i in range(300):
        ddb.put_item(TableName="hot", Item={"pk": {"S": str(i)}})
    check.error("301st write in one second", lambda: ddb.put_item(TableName="hot", Item={"pk": {"S": "x"}}), "ProvisionedThroughputExceededException",
                "The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.")
    advance(1)
    ddb.put_item(TableName="hot", Item={"pk": {"S": "x"}})
    advance(3)
    batch = ddb.batch_write_item(RequestItems={"hot": [{"PutRequest": {"Item": {"pk": {"S": f"b{i}"}}}} for i in range(5)]})
    check.equal("throttled batch items come back unprocessed", [w["PutRequest"]["Item"]["pk"]["S"] for w in batch["UnprocessedItems"]["hot"]], ["b3", "b4"])
    check.error("batch with nothing left", lambda: ddb.batch_write_item(RequestItems=batch["UnprocessedItems"]), "ProvisionedThroughputExceededException")

    # Tags
    reset(ENDPOINT)
    table = create(ddb, "tagged")
    ddb.tag_resource(ResourceArn=table["TableArn"], Tags=[{"Key": "team", "Value": "blue"}])
    check.equal("tags listed", ddb.list_tags_of_resource(ResourceArn=table["TableArn"])["Tags"], [{"Key": "team", "Value": "blue"}])
    check.equal("describe limits", {k: v for k, v in ddb.describe_limits().items() if k != "ResponseMetadata"},
                {"AccountMaxReadCapacityUnits": 80000, "AccountMaxWriteCapacityUnits": 80000, "TableMaxReadCapacityUnits": 40000, "TableMaxWriteCapacityUnits": 40000})
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
def ttl_enable_twice(ddb):
    create(ddb, "sessions")
    spec = {"Enabled": True, "AttributeName": "expires"}
    ddb.update_time_to_live(TableName="sessions", TimeToLiveSpecification=spec)
    return attempt(lambda: ddb.update_time_to_live(TableName="sessions", TimeToLiveSpecification=spec))


@scenario
def ttl_described(ddb):
    create(ddb, "sessions")
    ddb.update_time_to_live(TableName="sessions", TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires"})
    return ddb.describe_time_to_live(TableName="sessions")["TimeToLiveDescription"]


@scenario
def pitr_default(ddb):
    create(ddb, "orders")
    return ddb.describe_continuous_backups(TableName="orders")["ContinuousBackupsDescription"]


@scenario
def pitr_not_enabled(ddb):
    create(ddb, "orders")
    return attempt(lambda: ddb.restore_table_to_point_in_time(SourceTableName="orders", TargetTableName="copy", UseLatestRestorableTime=True))


@scenario
def pitr_missing_source(ddb):
    return attempt(lambda: ddb.restore_table_to_point_in_time(SourceTableName="ghost", TargetTableName="copy", UseLatestRestorableTime=True))


@scenario
def backup_details(ddb):
    create(ddb, "orders")
    ddb.put_item(TableName="orders", Item={"pk": {"S": "a"}, "v": {"S": "1"}})
    details = ddb.create_backup(TableName="orders", BackupName="nightly")["BackupDetails"]
    return {k: details.get(k) for k in ("BackupName", "BackupStatus", "BackupType", "BackupSizeBytes")}


@scenario
def backup_of_missing_table(ddb):
    return attempt(lambda: ddb.create_backup(TableName="ghost", BackupName="nightly"))


@scenario
def restore_onto_existing_table(ddb):
    create(ddb, "orders")
    arn = ddb.create_backup(TableName="orders", BackupName="nightly")["BackupDetails"]["BackupArn"]
    return attempt(lambda: ddb.restore_table_from_backup(BackupArn=arn, TargetTableName="orders"))


@scenario
def throttled_write(ddb):
    create(ddb, "hot", ProvisionedThroughput={"ReadCapacityUnits": 1, "WriteCapacityUnits": 1})
    for i in range(300):
        ddb.put_item(TableName="hot", Item={"pk": {"S": str(i)}})
    return attempt(lambda: ddb.put_item(TableName="hot", Item={"pk": {"S": "x"}}))


@scenario
def too_many_tags(ddb):
    arn = create(ddb, "tagged")["TableArn"]
    ddb.tag_resource(ResourceArn=arn, Tags=[{"Key": f"k{i}", "Value": "v"} for i in range(50)])
    return attempt(lambda: ddb.tag_resource(ResourceArn=arn, Tags=[{"Key": "one-more", "Value": "v"}]))


@scenario
def tags_of_missing_table(ddb):
    return attempt(lambda: ddb.list_tags_of_resource(ResourceArn="arn:aws:dynamodb:us-east-1:123456789012:table/ghost"))


@scenario
def describe_limits(ddb):
    return attempt(ddb.describe_limits)


@scenario
def switch_back_to_on_demand(ddb):
    create(ddb, "orders")
    ddb.update_table(TableName="orders", BillingMode="PROVISIONED", ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5})
    return attempt(lambda: ddb.update_table(TableName="orders", BillingMode="PAY_PER_REQUEST"))


def run_all(endpoint, is_moto):
    ddb = client("dynamodb", endpoint=endpoint)
    results = {}
    for function in SCENARIOS:
        reset(endpoint, is_moto)
        try:
            results[function.__name__] = function(ddb)
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
        print(f"dynamodb_time: {len(SCENARIOS)} scenarios, {found} differences between FakeAws and moto")
    check.finish()


if __name__ == "__main__":
    sys.exit(main())
