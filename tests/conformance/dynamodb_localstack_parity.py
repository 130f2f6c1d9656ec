"""DynamoDB through boto3: facts of LocalStack's AWS-validated snapshot tests (test_dynamodb.py, recorded
against AWS), checked on FakeAws.Server's wire with the exact members AWS answered; the full port is
tests/FakeAws.Tests/DynamoDb/Parity/LocalStack/ (docs/DYNAMODB.md, "Parity with LocalStack's AWS-validated
tests"). Ids, labels and timestamps are compared by shape.

    dotnet run --no-build --project src/FakeAws.Server -- --port 4603 --clock manual &
    FAKEAWS_ENDPOINT=http://127.0.0.1:4603 python3 tests/conformance/dynamodb_localstack_parity.py
"""
import re

from harness import Checks, admin, client

PROVISIONED = {"ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}}


def create(ddb, name, hash_key="id", **extra):
    return ddb.create_table(TableName=name, KeySchema=[{"AttributeName": hash_key, "KeyType": "HASH"}],
                            AttributeDefinitions=[{"AttributeName": hash_key, "AttributeType": "S"}], **(extra or PROVISIONED))


def tables(check, ddb):
    streamed = create(ddb, "streamed", **PROVISIONED, StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"})
    description = streamed["TableDescription"]
    check.equal("CreateTable answers AWS's members (test_batch_write_items_streaming)", sorted(description), sorted([
        "AttributeDefinitions", "CreationDateTime", "DeletionProtectionEnabled", "ItemCount", "KeySchema", "LatestStreamArn",
        "LatestStreamLabel", "ProvisionedThroughput", "StreamSpecification", "TableArn", "TableId", "TableName", "TableSizeBytes",
        "TableStatus"]))
    check.equal("ProvisionedThroughput of a new table", description["ProvisionedThroughput"],
                {"NumberOfDecreasesToday": 0, "ReadCapacityUnits": 5, "WriteCapacityUnits": 5})
    check.equal("the stream ARN is the table's ARN, /stream/ and the label", description["LatestStreamArn"],
                f"{description['TableArn']}/stream/{description['LatestStreamLabel']}")
    plain = create(ddb, "plain")["TableDescription"]
    check.equal("no stream members without a stream (test_transact_write_items_streaming_for_different_tables)",
                [m for m in ("LatestStreamArn", "LatestStreamLabel", "StreamSpecification") if m in plain], [])
    check.error("a taken name (test_create_duplicate_table)", lambda: create(ddb, "plain"), "ResourceInUseException", "Table already exists: plain")
    check.error("throughput with PAY_PER_REQUEST (test_dynamodb_pay_per_request)",
                lambda: create(ddb, "ppr", **PROVISIONED, BillingMode="PAY_PER_REQUEST"), "ValidationException",
                "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST")

    sse = create(ddb, "encrypted", **PROVISIONED, SSESpecification={"Enabled": True})["TableDescription"]["SSEDescription"]
    check.equal("SSE enabled without a key: the AWS managed KMS key (test_dynamodb_create_table_with_partial_sse_specification)",
                (sorted(sse), sse["SSEType"], sse["Status"], bool(re.fullmatch(r"arn:aws:kms:us-east-1:\d{12}:key/[0-9a-f-]{36}", sse["KMSMasterKeyArn"]))),
                (["KMSMasterKeyArn", "SSEType", "Status"], "KMS", "ENABLED", True))
    off = ddb.update_table(TableName="encrypted", SSESpecification={"Enabled": False})["TableDescription"]["SSEDescription"]
    check.equal("turning SSE off answers UPDATING for the same key", off, {**sse, "Status": "UPDATING"})


def items(check, ddb):
    create(ddb, "conditions")
    ddb.put_item(TableName="conditions", Item={"id": {"S": "456"}, "price": {"N": "650"}, "product": {"S": "sporting goods"}})
    try:
        ddb.delete_item(TableName="conditions", Key={"id": {"S": "456"}}, ConditionExpression="price between :lo and :hi",
                        ExpressionAttributeValues={":lo": {"N": "500"}, ":hi": {"N": "600"}}, ReturnValuesOnConditionCheckFailure="ALL_OLD")
        check.equal("the condition fails", "deleted", "ConditionalCheckFailedException")
    except ddb.exceptions.ConditionalCheckFailedException as error:
        check.equal("ConditionalCheckFailed carries the item (test_return_values_on_conditions_check_failure)",
                    (error.response["Error"], error.response["Item"], error.response["ResponseMetadata"]["HTTPStatusCode"]),
                    ({"Code": "ConditionalCheckFailedException", "Message": "The conditional request failed"},
                     {"id": {"S": "456"}, "price": {"N": "650"}, "product": {"S": "sporting goods"}}, 400))

    response = ddb.batch_get_item(RequestItems={"conditions": {"Keys": [{"id": {"S": "test-key"}}]}})
    check.equal("BatchGetItem of a missing key (test_dynamodb_get_batch_items)",
                {k: v for k, v in response.items() if k != "ResponseMetadata"}, {"Responses": {"conditions": []}, "UnprocessedKeys": {}})

    create(ddb, "users", "Username")
    ddb.put_item(TableName="users", Item={"Username": {"S": "Fred"}})
    check.error("a cancelled transaction (test_transaction_write_canceled)", lambda: ddb.transact_write_items(TransactItems=[
        {"ConditionCheck": {"TableName": "users", "ConditionExpression": "attribute_not_exists(Username)", "Key": {"Username": {"S": "Fred"}}}},
        {"Delete": {"TableName": "users", "Key": {"Username": {"S": "Bert"}}}},
    ]), "TransactionCanceledException", "Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]")
    check.error("a transaction on a table that does not exist (test_batch_write_not_existing_table)",
                lambda: ddb.transact_write_items(TransactItems=[{"Put": {"TableName": "non-existing-table", "Item": {}}}]),
                "ResourceNotFoundException", "Requested resource not found")

    executed = ddb.execute_transaction(TransactStatements=[{"Statement": "INSERT INTO users VALUE {'Username': 'user01'}"}])
    check.equal("ExecuteTransaction of writes answers an empty Responses list (test_dynamodb_execute_transaction)",
                {k: v for k, v in executed.items() if k != "ResponseMetadata"}, {"Responses": []})
    batch = ddb.batch_execute_statement(Statements=[{"Statement": "INSERT INTO users VALUE {'Username': 'user02'}"},
                                                    {"Statement": "UPDATE users SET Age=20 WHERE Username='Fred'"}])
    check.equal("BatchExecuteStatement's writes answer only the table (test_dynamodb_batch_execute_statement)",
                batch["Responses"], [{"TableName": "users"}, {"TableName": "users"}])


def streams(check, ddb, ddbstreams):
    arn = create(ddb, "updates", **PROVISIONED, StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"})["TableDescription"]["LatestStreamArn"]
    shard = ddbstreams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]
    check.equal("a new shard (test_batch_write_items_streaming)", sorted(shard), ["SequenceNumberRange", "ShardId"])
    iterator = ddbstreams.get_shard_iterator(StreamArn=arn, ShardId=shard["ShardId"], ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    check.equal("iterators are the stream ARN, |digit| and a token (test_dynamodb_streams_shard_iterator_format)",
                bool(re.fullmatch(rf"{re.escape(arn)}\|\d\|.+", iterator)), True)

    def update(first, second):
        ddb.update_item(TableName="updates", Key={"id": {"S": "my-item-id"}}, UpdateExpression="SET attr1 = :v1, attr2 = :v2",
                        ExpressionAttributeValues={":v1": {"S": first}, ":v2": {"S": second}})
    update("value1", "value2")
    update("value1", "value2")
    update("value2", "value3")
    records = ddbstreams.get_records(ShardIterator=iterator)["Records"]
    check.equal("an unchanged update makes no record (test_dynamodb_stream_records_with_update_item)",
                [(r["eventName"], r["dynamodb"]["SizeBytes"]) for r in records], [("INSERT", 46), ("MODIFY", 80)])
    check.equal("record members", sorted(records[0]), ["awsRegion", "dynamodb", "eventID", "eventName", "eventSource", "eventVersion"])
    check.equal("record's dynamodb members", sorted(records[1]["dynamodb"]),
                ["ApproximateCreationDateTime", "Keys", "NewImage", "OldImage", "SequenceNumber", "SizeBytes", "StreamViewType"])
    check.equal("the first record's number is above the shard's start",
                int(records[0]["dynamodb"]["SequenceNumber"]) > int(shard["SequenceNumberRange"]["StartingSequenceNumber"]), True)


def main():
    admin("reset", {})
    check = Checks("dynamodb_localstack_parity")
    ddb = client("dynamodb")
    check.section("tables", lambda: tables(check, ddb))
    check.section("items, transactions and PartiQL", lambda: items(check, ddb))
    check.section("streams", lambda: streams(check, ddb, client("dynamodbstreams")))
    check.finish()


main()
