"""DynamoDB global tables (version 2019.11.21) through boto3 against FakeAws.Server, one client per
region: replicas added and removed with UpdateTable, replication on the virtual clock (advanced with
the admin endpoint), last writer wins, per-region streams, Multi-Region strong consistency (made whole,
replicated at once, frozen, torn down whole) and the legacy 2017.11.29 operations.
moto ignores ReplicaUpdates and MultiRegionConsistency, so there is nothing to compare with.

    dotnet run --project src/FakeAws.Server -- --port 4571 &
    FAKEAWS_ENDPOINT=http://127.0.0.1:4571 python3 tests/conformance/dynamodb_global_tables.py
"""
from dynamodb_common import create
from harness import Checks, admin, client

LOCAL = "Cannot add or delete the local region through ReplicaUpdates. Use CreateTable, DeleteTable, or UpdateTable as required."
LEGACY = ("One or more parameter values were invalid: DynamoDB global tables version 2017.11.29 is not supported. "
          "We recommend using DynamoDB global tables version 2019.11.21, instead of version 2017.11.29 (Legacy).")


def value(ddb, key):
    item = ddb.get_item(TableName="orders", Key={"pk": {"S": key}}, ConsistentRead=True).get("Item")
    return item["v"]["S"] if item else None


def put(ddb, key, v):
    ddb.put_item(TableName="orders", Item={"pk": {"S": key}, "v": {"S": v}})


def stream_keys(region, arn):
    streams = client("dynamodbstreams", region)
    shard = streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]["ShardId"]
    iterator = streams.get_shard_iterator(StreamArn=arn, ShardId=shard, ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    return sorted(r["dynamodb"]["Keys"]["pk"]["S"] for r in streams.get_records(ShardIterator=iterator)["Records"])


def region_error(ddb):
    try:
        ddb.update_table(TableName="orders", ReplicaUpdates=[{"Create": {"RegionName": "us-fake-1"}}])
    except ddb.exceptions.ClientError as error:
        return error.response["Error"]["Message"]
    return ""


STRONG = "for global tables with MultiRegionConsistency set to STRONG."


def strong_checks(check):
    """Multi-Region strong consistency: us-east-1's table with a us-east-2 replica and a us-west-2 witness."""
    us, ohio, oregon = client("dynamodb", "us-east-1"), client("dynamodb", "us-east-2"), client("dynamodb", "us-west-2")
    create(us, "strong")
    admin("run-until-idle", {})

    def strong(**request):
        return lambda: us.update_table(TableName="strong", MultiRegionConsistency="STRONG", **request)

    check.error("strong needs three regions", strong(ReplicaUpdates=[{"Create": {"RegionName": "us-east-2"}}]),
                "ValidationException", f"Unsupported replica count {STRONG}")
    check.error("strong region sets", strong(ReplicaUpdates=[{"Create": {"RegionName": "us-west-1"}}],
                                             GlobalTableWitnessUpdates=[{"Create": {"RegionName": "us-west-1"}}]),
                "ValidationException", f"Unsupported Region(s) specified {STRONG[:-1]}: [us-west-1].")
    check.error("witness in the replica's region", strong(ReplicaUpdates=[{"Create": {"RegionName": "us-east-2"}}],
                                                          GlobalTableWitnessUpdates=[{"Create": {"RegionName": "us-east-2"}}]),
                "ValidationException", "Cannot target multiple regions with the same action")
    check.error("witness needs STRONG", lambda: us.update_table(TableName="strong", ReplicaUpdates=[{"Create": {"RegionName": "us-east-2"}}],
                                                                GlobalTableWitnessUpdates=[{"Create": {"RegionName": "us-west-2"}}]),
                "ValidationException", "MultiRegionConsistency must be set as STRONG when GlobalTableWitnessUpdates parameter is present.")

    made = us.update_table(TableName="strong", MultiRegionConsistency="STRONG", ReplicaUpdates=[{"Create": {"RegionName": "us-east-2"}}],
                           GlobalTableWitnessUpdates=[{"Create": {"RegionName": "us-west-2"}}])["TableDescription"]
    check.equal("strong group made", (made.get("MultiRegionConsistency"), [w["RegionName"] for w in made["GlobalTableWitnesses"]]),
                ("STRONG", ["us-west-2"]))
    admin("run-until-idle", {})
    replica = ohio.describe_table(TableName="strong")["Table"]
    check.equal("replica describes the group", (replica.get("MultiRegionConsistency"), [r["RegionName"] for r in replica["Replicas"]],
                                                replica["GlobalTableWitnesses"]), ("STRONG", ["us-east-1"], [{"RegionName": "us-west-2", "WitnessStatus": "ACTIVE"}]))
    check.equal("the witness holds no table", oregon.list_tables()["TableNames"], [])

    us.put_item(TableName="strong", Item={"pk": {"S": "a"}, "v": {"S": "virginia"}})
    item = ohio.get_item(TableName="strong", Key={"pk": {"S": "a"}}, ConsistentRead=True).get("Item")
    check.equal("a write is in every region at once", item and item["v"]["S"], "virginia")
    check.error("conditions see the latest write", lambda: ohio.put_item(TableName="strong", Item={"pk": {"S": "a"}},
                                                                         ConditionExpression="attribute_not_exists(pk)"),
                "ConditionalCheckFailedException")
    check.error("frozen: no new replica", lambda: us.update_table(TableName="strong", ReplicaUpdates=[{"Create": {"RegionName": "eu-west-1"}}]),
                "ValidationException", "Cannot add replicas to a global table with strong MultiRegionConsistency")
    check.error("frozen: not one replica alone", lambda: us.update_table(TableName="strong", ReplicaUpdates=[{"Delete": {"RegionName": "us-east-2"}}]),
                "ValidationException", "Update table delete operation does not include all witnesses.")
    check.error("frozen: no DeleteTable", lambda: ohio.delete_table(TableName="strong"),
                "ValidationException", f"Deletion of only one table replica is not supported {STRONG}")
    check.error("no Time to Live", lambda: us.update_time_to_live(TableName="strong", TimeToLiveSpecification={"Enabled": True, "AttributeName": "ttl"}),
                "ValidationException")
    check.error("no transactions", lambda: us.transact_write_items(TransactItems=[{"Put": {"TableName": "strong", "Item": {"pk": {"S": "t"}}}}]),
                "ValidationException")

    us.update_table(TableName="strong", ReplicaUpdates=[{"Delete": {"RegionName": "us-east-2"}}],
                    GlobalTableWitnessUpdates=[{"Delete": {"RegionName": "us-west-2"}}])
    admin("run-until-idle", {})
    regional = us.describe_table(TableName="strong")["Table"]
    check.equal("torn down whole", [key for key in ("MultiRegionConsistency", "GlobalTableWitnesses", "Replicas") if key in regional], [])
    check.equal("the replica table is gone", ohio.list_tables()["TableNames"], [])


def checks():
    check = Checks("dynamodb_global_tables")
    us, eu = client("dynamodb", "us-east-1"), client("dynamodb", "eu-west-1")
    admin("reset", {})

    create(us, "orders")
    put(us, "before", "copied")
    check.error("local region", lambda: us.update_table(TableName="orders", ReplicaUpdates=[{"Create": {"RegionName": "us-east-1"}}]),
                "ValidationException", LOCAL)
    check.error("not a replica", lambda: us.update_table(TableName="orders", ReplicaUpdates=[{"Delete": {"RegionName": "eu-west-1"}}]),
                "ValidationException",
                "Update global table operation failed because one or more replicas were not part of the global table. "
                "Please retry the request without these replicas: [eu-west-1].")
    create(us, "provisioned", ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5})
    check.error("provisioned", lambda: us.update_table(TableName="provisioned", ReplicaUpdates=[{"Create": {"RegionName": "eu-west-1"}}]),
                "ValidationException", "Table write capacity should either be Pay-Per-Request or AutoScaled.")

    described = us.update_table(TableName="orders", ReplicaUpdates=[{"Create": {"RegionName": "eu-west-1"}}])["TableDescription"]
    check.equal("version", described.get("GlobalTableVersion"), "2019.11.21")
    check.equal("replicas", [r["RegionName"] for r in described["Replicas"]], ["eu-west-1"])
    check.equal("stream turned on", described["StreamSpecification"], {"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"})
    remote = eu.describe_table(TableName="orders")["Table"]
    check.equal("replica in its region", remote["TableArn"].split(":")[3], "eu-west-1")
    check.equal("replica lists the source", [r["RegionName"] for r in remote["Replicas"]], ["us-east-1"])
    check.equal("listed in the replica region", eu.list_tables()["TableNames"], ["orders"])
    check.equal("items copied", value(eu, "before"), "copied")

    put(us, "a", "from-us")
    check.equal("not there before the delay", value(eu, "a"), None)
    admin("clock/advance", {"seconds": 1})
    check.equal("there after the delay", value(eu, "a"), "from-us")

    put(us, "b", "us-first")
    admin("clock/advance", {"seconds": 0.5})
    put(eu, "b", "eu-later")
    admin("run-until-idle", {})
    check.equal("later write wins in us", value(us, "b"), "eu-later")
    check.equal("later write wins in eu", value(eu, "b"), "eu-later")

    put(eu, "c", "eu")
    put(us, "c", "us")
    admin("run-until-idle", {})
    check.equal("tie goes to the region sorting last (us)", value(us, "c"), "us")
    check.equal("tie goes to the region sorting last (eu)", value(eu, "c"), "us")

    eu.delete_item(TableName="orders", Key={"pk": {"S": "a"}})
    admin("run-until-idle", {})
    check.equal("delete replicated", value(us, "a"), None)

    # Each region records the writes applied there: a write that lost to a later one is never applied
    # (b's first write in eu-west-1, c's eu-west-1 write in us-east-1), so it has no record there.
    for region, ddb, expected in (("us-east-1", us, ["a", "a", "b", "b", "c"]), ("eu-west-1", eu, ["a", "a", "b", "c", "c"])):
        arn = ddb.describe_table(TableName="orders")["Table"]["LatestStreamArn"]
        check.equal(f"stream of {region} has local and replicated writes", stream_keys(region, arn), expected)
    check.error("stream cannot be disabled", lambda: us.update_table(TableName="orders", StreamSpecification={"StreamEnabled": False}),
                "ValidationException", "One or more parameter values were invalid: Disabling Stream is not allowed for a Global Table replica.")

    # Settings AWS keeps in step, from whichever region changes them; deletion protection stays regional.
    eu.update_table(TableName="orders", AttributeDefinitions=[{"AttributeName": "v", "AttributeType": "S"}],
                    GlobalSecondaryIndexUpdates=[{"Create": {"IndexName": "by-v", "KeySchema": [{"AttributeName": "v", "KeyType": "HASH"}],
                                                             "Projection": {"ProjectionType": "ALL"}}}])
    home = us.describe_table(TableName="orders")["Table"]
    check.equal("GSI made in eu-west-1 is in us-east-1", [i["IndexName"] for i in home.get("GlobalSecondaryIndexes", [])], ["by-v"])
    check.equal("replica entry lists its GSIs", [i["IndexName"] for i in home["Replicas"][0].get("GlobalSecondaryIndexes", [])], ["by-v"])
    found = us.query(TableName="orders", IndexName="by-v", KeyConditionExpression="v = :v", ExpressionAttributeValues={":v": {"S": "us"}})
    check.equal("GSI backfilled from us-east-1's items", sorted(i["pk"]["S"] for i in found["Items"]), ["c"])
    eu.update_time_to_live(TableName="orders", TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires"})
    check.equal("TTL set in eu-west-1 is on in us-east-1", us.describe_time_to_live(TableName="orders")["TimeToLiveDescription"],
                {"TimeToLiveStatus": "ENABLED", "AttributeName": "expires"})
    us.update_table(TableName="orders", DeletionProtectionEnabled=True)
    check.equal("deletion protection stays regional", eu.describe_table(TableName="orders")["Table"].get("DeletionProtectionEnabled"), False)
    us.update_table(TableName="orders", DeletionProtectionEnabled=False)
    admin("run-until-idle", {})
    check.error("unsupported region", lambda: us.update_table(TableName="orders", ReplicaUpdates=[{"Create": {"RegionName": "us-fake-1"}}]),
                "ValidationException")
    check.equal("unsupported region text", region_error(us)[:125],
                "Region us-fake-1 is not supported. The latest version of global tables are only supported in the following regions: [ap-south")
    check.error("replica changes travel alone", lambda: us.update_table(TableName="orders", ReplicaUpdates=[{"Create": {"RegionName": "us-west-2"}}],
                                                                    DeletionProtectionEnabled=True),
                "ValidationException", "One or more parameter values were invalid: Replica modification must be the only operation in the request")
    check.error("the source cannot leave for a day", lambda: us.delete_table(TableName="orders"), "ValidationException",
                "Replica cannot be deleted because it has acted as a source region for new replica(s) being added to the table in the last 24 hours.")

    # Legacy 2017.11.29 operations
    check.error("CreateGlobalTable", lambda: us.create_global_table(GlobalTableName="orders", ReplicationGroup=[{"RegionName": "us-east-1"}]),
                "ValidationException", LEGACY)
    check.error("DescribeGlobalTable", lambda: us.describe_global_table(GlobalTableName="orders"),
                "GlobalTableNotFoundException", "Global table not found: Global table with name: 'orders' does not exist.")
    check.error("DescribeGlobalTableSettings", lambda: us.describe_global_table_settings(GlobalTableName="orders"),
                "GlobalTableNotFoundException", "Global table with name: 'orders' does not exist.")
    check.equal("ListGlobalTables", us.list_global_tables()["GlobalTables"], [])
    scaling = us.describe_table_replica_auto_scaling(TableName="orders")["TableAutoScalingDescription"]
    check.equal("replica auto scaling", [r["RegionName"] for r in scaling["Replicas"]], ["eu-west-1", "us-east-1"])

    us.update_table(TableName="orders", ReplicaUpdates=[{"Delete": {"RegionName": "eu-west-1"}}])
    admin("run-until-idle", {})
    regional = us.describe_table(TableName="orders")["Table"]
    check.equal("regional again", ("GlobalTableVersion" in regional, "Replicas" in regional), (False, False))
    check.equal("replica table gone", eu.list_tables()["TableNames"], [])

    strong_checks(check)
    check.finish()


if __name__ == "__main__":
    checks()
