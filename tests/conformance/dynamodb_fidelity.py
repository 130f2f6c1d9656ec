"""DynamoDB fidelity round 2 through boto3, against FakeAws.Server: each an exact check of AWS's answer.

Index key lengths, DescribeEndpoints, the tag requests' not-found and access-denied answers, PartiQL
nested paths, stream readers at one instant, attribute and projection duplicates, stream-setting texts,
and DescribeStream's ShardFilter and ExclusiveStartShardId (docs/DYNAMODB.md, "Fidelity round 2").

    dotnet run --project src/FakeAws.Server -- --port 4571 &
    FAKEAWS_ENDPOINT=http://127.0.0.1:4571 python3 tests/conformance/dynamodb_fidelity.py
"""
from harness import Checks, admin, client


def main():
    check = Checks("dynamodb_fidelity")
    admin("reset", {})
    ddb, streams = client("dynamodb"), client("dynamodbstreams")

    # Secondary-index key attributes: 2048 bytes in the partition key, 1024 in the sort key.
    ddb.create_table(
        TableName="long-keys", BillingMode="PAY_PER_REQUEST",
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": n, "AttributeType": "S"} for n in ["pk", "g", "r"]],
        GlobalSecondaryIndexes=[{"IndexName": "by-g", "Projection": {"ProjectionType": "ALL"},
                                 "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}, {"AttributeName": "r", "KeyType": "RANGE"}]}],
    )
    ddb.put_item(TableName="long-keys", Item={"pk": {"S": "a"}, "g": {"S": "g" * 2048}, "r": {"S": "r" * 1024}})
    check.error("index partition key over 2048 bytes",
                lambda: ddb.put_item(TableName="long-keys", Item={"pk": {"S": "b"}, "g": {"S": "g" * 2049}}), "ValidationException",
                "One or more parameter values were invalid: Size limit exceeded for Index Key g Actual Size: 2049 bytes Max Size: 2048 bytes IndexName: by-g")
    check.error("index sort key over 1024 bytes",
                lambda: ddb.put_item(TableName="long-keys", Item={"pk": {"S": "c"}, "g": {"S": "g"}, "r": {"S": "r" * 1025}}), "ValidationException",
                "One or more parameter values were invalid: Size limit exceeded for Index Key r Actual Size: 1025 bytes Max Size: 1024 bytes IndexName: by-g")
    check.equal("keys at the limits are indexed", ddb.scan(TableName="long-keys", IndexName="by-g")["Count"], 1)

    # Backfill leaves out items whose key is too long for the new index.
    ddb.create_table(TableName="later", BillingMode="PAY_PER_REQUEST",
                     KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                     AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}])
    ddb.put_item(TableName="later", Item={"pk": {"S": "short"}, "color": {"S": "red"}})
    ddb.put_item(TableName="later", Item={"pk": {"S": "long"}, "color": {"S": "r" * 2049}})
    ddb.update_table(TableName="later", AttributeDefinitions=[{"AttributeName": "color", "AttributeType": "S"}],
                     GlobalSecondaryIndexUpdates=[{"Create": {"IndexName": "by-color", "Projection": {"ProjectionType": "ALL"},
                                                              "KeySchema": [{"AttributeName": "color", "KeyType": "HASH"}]}}])
    check.equal("backfill leaves out long keys", [i["pk"]["S"] for i in ddb.scan(TableName="later", IndexName="by-color")["Items"]], ["short"])

    # DescribeEndpoints names the region's endpoint, cached for a day.
    check.equal("DescribeEndpoints", client("dynamodb", region="eu-west-1").describe_endpoints()["Endpoints"],
                [{"Address": "dynamodb.eu-west-1.amazonaws.com", "CachePeriodInMinutes": 1440}])

    # Tags of an ARN naming no table: the newer wording, "ResourceArn".
    arn = "arn:aws:dynamodb:us-east-1:123456789012:table/missing"
    check.error("tags of a missing table", lambda: ddb.list_tags_of_resource(ResourceArn=arn), "ResourceNotFoundException",
                f"Requested resource not found: ResourceArn: {arn} not found")

    # PartiQL SELECT of nested map paths returns the maps around each value.
    ddb.put_item(TableName="later", Item={"pk": {"S": "deep"}, "info": {"M": {"label": {"M": {"city": {"S": "Oslo"}, "size": {"N": "3"}}}, "other": {"S": "x"}}}})
    items = ddb.execute_statement(Statement='SELECT info.label.city, info.label."size" FROM "later" WHERE pk = \'deep\'')["Items"]
    check.equal("PartiQL nested paths", items, [{"info": {"M": {"label": {"M": {"city": {"S": "Oslo"}, "size": {"N": "3"}}}}}}])

    # Stream readers are not limited at one instant: sequential code that opens a reader per poll reads on.
    stream = ddb.create_table(TableName="streamed", BillingMode="PAY_PER_REQUEST",
                              KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                              AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                              StreamSpecification={"StreamEnabled": True, "StreamViewType": "KEYS_ONLY"})["TableDescription"]["LatestStreamArn"]
    ddb.put_item(TableName="streamed", Item={"pk": {"S": "a"}})
    shard = streams.describe_stream(StreamArn=stream)["StreamDescription"]["Shards"][0]["ShardId"]
    counts = []
    for _ in range(12):
        iterator = streams.get_shard_iterator(StreamArn=stream, ShardId=shard, ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
        counts.append(len(streams.get_records(ShardIterator=iterator)["Records"]))
    check.equal("twelve readers at one instant", counts, [1] * 12)

    # Round 2, second part: tag requests on something that is no ARN, index definitions, streams' shards.
    check.error("tags of something that is no ARN", lambda: ddb.list_tags_of_resource(ResourceArn="orders"), "AccessDeniedException",
                "User: arn:aws:iam::123456789012:root is not authorized to perform: dynamodb:ListTagsOfResource on resource: orders")
    check.error("tags of an ARN naming no table", lambda: ddb.list_tags_of_resource(ResourceArn="a:b:c:d:e:f/g"), "ValidationException",
                "Invalid TableArn: Invalid ResourceArn provided as input a:b:c:d:e:f/g")
    check.error("an attribute defined twice", lambda: ddb.create_table(
        TableName="twice", BillingMode="PAY_PER_REQUEST", KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "g", "AttributeType": "S"},
                              {"AttributeName": "g", "AttributeType": "N"}],
        GlobalSecondaryIndexes=[{"IndexName": "by-g", "Projection": {"ProjectionType": "ALL"}, "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}]}]),
        "ValidationException", "Attribute Name is duplicated: g")
    check.error("a NonKeyAttributes name twice", lambda: ddb.create_table(
        TableName="twice", BillingMode="PAY_PER_REQUEST", KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "g", "AttributeType": "S"}],
        GlobalSecondaryIndexes=[{"IndexName": "by-g", "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["x", "x"]},
                                 "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}]}]),
        "ValidationException", "One or more parameter values were invalid: Duplicate element in NonKeyAttributes: x")
    check.error("disabling a stream with a view type", lambda: ddb.update_table(
        TableName="streamed", StreamSpecification={"StreamEnabled": False, "StreamViewType": "KEYS_ONLY"}), "ValidationException",
        "One or more parameter values were invalid: If stream is being disabled, then UpdateViewType must not be specified")
    check.error("a shard the stream does not have", lambda: streams.get_shard_iterator(
        StreamArn=stream, ShardId="shardId-00000000000000000000-00000000", ShardIteratorType="TRIM_HORIZON"),
        "ResourceNotFoundException", "Requested resource not found: Shard does not exist")
    children = streams.describe_stream(StreamArn=stream, ShardFilter={"Type": "CHILD_SHARDS", "ShardId": shard})["StreamDescription"]
    check.equal("no child shards", children["Shards"], [])
    after = streams.describe_stream(StreamArn=stream, ExclusiveStartShardId="shardId-00000000000000000000-00000000")["StreamDescription"]
    check.equal("shards after an ExclusiveStartShardId the stream does not have", [s["ShardId"] for s in after["Shards"]], [shard])

    check.finish()


if __name__ == "__main__":
    main()
