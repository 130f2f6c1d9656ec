"""DynamoDB tables and items through boto3 against FakeAws.Server (issue 2's end-to-end proof)."""
import urllib.request

from harness import ENDPOINT, Checks, client

checks = Checks("dynamodb_foundation")
urllib.request.urlopen(urllib.request.Request(f"{ENDPOINT}/_fakeaws/reset", method="POST"))
ddb = client("dynamodb")

created = ddb.create_table(
    TableName="boto3-items",
    BillingMode="PAY_PER_REQUEST",
    KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
    AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "N"}],
)["TableDescription"]
checks.equal("create_table status", created["TableStatus"], "ACTIVE")
checks.equal("create_table arn", created["TableArn"], "arn:aws:dynamodb:us-east-1:123456789012:table/boto3-items")

item = {"pk": {"S": "order#1"}, "sk": {"N": "1.50"}, "tags": {"SS": ["a", "b"]}, "doc": {"M": {"n": {"N": "007"}, "l": {"L": [{"BOOL": True}, {"NULL": True}]}}}}
ddb.put_item(TableName="boto3-items", Item=item)
got = ddb.get_item(TableName="boto3-items", Key={"pk": {"S": "order#1"}, "sk": {"N": "1.5"}})["Item"]
checks.equal("get_item sort key canonical", got["sk"], {"N": "1.5"})
checks.equal("get_item nested number canonical", got["doc"]["M"]["n"], {"N": "7"})
checks.equal("get_item list", got["doc"]["M"]["l"], {"L": [{"BOOL": True}, {"NULL": True}]})
checks.equal("get_item set", sorted(got["tags"]["SS"]), ["a", "b"])

checks.equal("describe_table item count", ddb.describe_table(TableName="boto3-items")["Table"]["ItemCount"], 1)
checks.equal("list_tables", ddb.list_tables()["TableNames"], ["boto3-items"])

checks.error("get_item missing table", lambda: ddb.get_item(TableName="nope-table", Key={"pk": {"S": "x"}}),
             "ResourceNotFoundException", "Requested resource not found")
checks.error("describe_table missing table", lambda: ddb.describe_table(TableName="nope-table"),
             "ResourceNotFoundException", "Requested resource not found: Table: nope-table not found")
checks.error("put_item missing key", lambda: ddb.put_item(TableName="boto3-items", Item={"pk": {"S": "x"}}),
             "ValidationException", "One or more parameter values were invalid: Missing the key sk in the item")
checks.error("put_item bad number", lambda: ddb.put_item(TableName="boto3-items", Item={"pk": {"S": "x"}, "sk": {"N": "one"}}),
             # PutItem checks values in the current layer, inside the envelope (verified on AWS by the parity suite).
             "ValidationException", "1 validation error detected: The parameter cannot be converted to a numeric value: one")
checks.error("get_item wrong key", lambda: ddb.get_item(TableName="boto3-items", Key={"pk": {"S": "x"}}),
             "ValidationException", "The provided key element does not match the schema")
checks.error("create_table duplicate", lambda: ddb.create_table(
    TableName="boto3-items", BillingMode="PAY_PER_REQUEST",
    KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}], AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}]),
    "ResourceInUseException", "Table already exists: boto3-items")

old = ddb.delete_item(TableName="boto3-items", Key={"pk": {"S": "order#1"}, "sk": {"N": "1.5"}}, ReturnValues="ALL_OLD")["Attributes"]
checks.equal("delete_item returns old", old["pk"], {"S": "order#1"})
checks.equal("get_item after delete", "Item" in ddb.get_item(TableName="boto3-items", Key={"pk": {"S": "order#1"}, "sk": {"N": "1.5"}}), False)
checks.equal("delete_table status", ddb.delete_table(TableName="boto3-items")["TableDescription"]["TableStatus"], "DELETING")
checks.finish()
