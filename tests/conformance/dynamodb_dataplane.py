"""DynamoDB's data plane through boto3, run against FakeAws.Server and against moto_server.

Each scenario runs on both endpoints from a clean state and reduces what it sees (results, or an
error's code and message) to plain data. The script prints every scenario where the two differ;
docs/DYNAMODB.md says, for each difference, which side matches AWS.

    dotnet run --project src/FakeAws.Server -- --port 4567 &
    moto_server -H 127.0.0.1 -p 5001 &
    FAKEAWS_ENDPOINT=http://127.0.0.1:4567 MOTO_ENDPOINT=http://127.0.0.1:5001 python3 tests/conformance/dynamodb_dataplane.py

Without MOTO_ENDPOINT it runs FakeAws alone and prints what FakeAws answered.
"""
import json
import os
import sys
import urllib.request

from botocore.exceptions import ClientError

from harness import ENDPOINT, client

MOTO = os.environ.get("MOTO_ENDPOINT")
SCENARIOS = []


def scenario(function):
    SCENARIOS.append(function)
    return function


def reset(endpoint, is_moto):
    path = "/moto-api/reset" if is_moto else "/_fakeaws/reset"
    urllib.request.urlopen(urllib.request.Request(endpoint + path, method="POST"))


def attempt(call):
    """The call's result, or its error as (code, message)."""
    try:
        return call()
    except ClientError as e:
        error = e.response["Error"]
        result = {"error": error.get("Code"), "message": error.get("Message")}
        if "CancellationReasons" in e.response:
            result["reasons"] = [r.get("Code") for r in e.response["CancellationReasons"]]
        if "Item" in e.response:
            result["item"] = e.response["Item"]
        return result


def create(ddb, name="items", hash_type="S", range_key=None, range_type="S", gsis=None, lsis=None, extra=None):
    key_schema = [{"AttributeName": "pk", "KeyType": "HASH"}]
    definitions = [{"AttributeName": "pk", "AttributeType": hash_type}]
    if range_key:
        key_schema.append({"AttributeName": range_key, "KeyType": "RANGE"})
        definitions.append({"AttributeName": range_key, "AttributeType": range_type})
    definitions += extra or []
    request = {"TableName": name, "BillingMode": "PAY_PER_REQUEST", "KeySchema": key_schema, "AttributeDefinitions": definitions}
    if gsis:
        request["GlobalSecondaryIndexes"] = gsis
    if lsis:
        request["LocalSecondaryIndexes"] = lsis
    return ddb.create_table(**request)


def s(value):
    return {"S": value}


def n(value):
    return {"N": str(value)}


def keys(items, attribute="sk"):
    return [next(iter(i[attribute].values())) for i in items]


@scenario
def conditional_put(ddb):
    create(ddb)
    ddb.put_item(TableName="items", Item={"pk": s("a"), "v": n(1)})
    failed = attempt(lambda: ddb.put_item(TableName="items", Item={"pk": s("a")}, ConditionExpression="attribute_not_exists(pk)",
                                          ReturnValuesOnConditionCheckFailure="ALL_OLD"))
    return {"failed": failed, "item": ddb.get_item(TableName="items", Key={"pk": s("a")})["Item"]}


@scenario
def update_return_values(ddb):
    create(ddb)
    ddb.put_item(TableName="items", Item={"pk": s("a"), "n": n(1), "l": {"L": [n(1)]}})
    out = {}
    for mode in ["ALL_OLD", "ALL_NEW", "UPDATED_OLD", "UPDATED_NEW"]:
        out[mode] = ddb.update_item(TableName="items", Key={"pk": s("a")},
                                    UpdateExpression="SET n = n + :one, l = list_append(l, :more), c = if_not_exists(c, :zero)",
                                    ExpressionAttributeValues={":one": n(1), ":more": {"L": [n(2)]}, ":zero": n(0)},
                                    ReturnValues=mode).get("Attributes")
    return out


@scenario
def update_add_delete_remove(ddb):
    create(ddb)
    ddb.put_item(TableName="items", Item={"pk": s("a"), "tags": {"SS": ["x", "y"]}, "gone": s("z"), "l": {"L": [n(0), n(1), n(2)]}})
    ddb.update_item(TableName="items", Key={"pk": s("a")}, UpdateExpression="ADD hits :one DELETE tags :x REMOVE gone, l[1]",
                    ExpressionAttributeValues={":one": n(1), ":x": {"SS": ["x"]}})
    return ddb.get_item(TableName="items", Key={"pk": s("a")})["Item"]


@scenario
def update_errors(ddb):
    create(ddb)
    ddb.put_item(TableName="items", Item={"pk": s("a"), "s": s("text")})
    return {
        "key": attempt(lambda: ddb.update_item(TableName="items", Key={"pk": s("a")}, UpdateExpression="SET pk = :v",
                                               ExpressionAttributeValues={":v": s("b")})),
        "type": attempt(lambda: ddb.update_item(TableName="items", Key={"pk": s("a")}, UpdateExpression="ADD s :one",
                                                ExpressionAttributeValues={":one": n(1)})),
        "unused": attempt(lambda: ddb.update_item(TableName="items", Key={"pk": s("a")}, UpdateExpression="SET a = :v",
                                                  ExpressionAttributeValues={":v": n(1), ":w": n(2)})),
        "reserved": attempt(lambda: ddb.update_item(TableName="items", Key={"pk": s("a")}, UpdateExpression="SET name = :v",
                                                    ExpressionAttributeValues={":v": n(1)})),
        "bad value": attempt(lambda: ddb.update_item(TableName="items", Key={"pk": s("a")}, UpdateExpression="SET a = :v",
                                                     ExpressionAttributeValues={":v": n("abc")})),
    }


@scenario
def query_ranges_and_pages(ddb):
    create(ddb, range_key="sk", range_type="N")
    for value in [10, -2, 3.5, 100, 0]:
        ddb.put_item(TableName="items", Item={"pk": s("p"), "sk": n(value)})
    values = {":p": s("p"), ":v": n(3.5)}
    out = {}
    for name, condition in [("lt", "sk < :v"), ("ge", "sk >= :v"), ("between", "sk BETWEEN :p2 AND :v")]:
        extra = {":p2": n(0)} if name == "between" else {}
        out[name] = keys(ddb.query(TableName="items", KeyConditionExpression=f"pk = :p AND {condition}",
                                   ExpressionAttributeValues={**values, **extra})["Items"])
    page = ddb.query(TableName="items", KeyConditionExpression="pk = :p", ExpressionAttributeValues={":p": s("p")},
                     ScanIndexForward=False, Limit=2)
    out["backward page"] = keys(page["Items"])
    out["last key"] = page.get("LastEvaluatedKey")
    full = ddb.query(TableName="items", KeyConditionExpression="pk = :p", ExpressionAttributeValues={":p": s("p")}, Limit=5)
    out["limit equals count: last key"] = full.get("LastEvaluatedKey")
    return out


@scenario
def query_errors(ddb):
    create(ddb, range_key="sk", range_type="N")
    return {
        "missing hash": attempt(lambda: ddb.query(TableName="items", KeyConditionExpression="sk = :v", ExpressionAttributeValues={":v": n(1)})),
        "filter on key": attempt(lambda: ddb.query(TableName="items", KeyConditionExpression="pk = :p", FilterExpression="sk > :v",
                                                   ExpressionAttributeValues={":p": s("p"), ":v": n(1)})),
        "no condition": attempt(lambda: ddb.query(TableName="items")),
        "start key outside": attempt(lambda: ddb.query(TableName="items", KeyConditionExpression="pk = :p",
                                                       ExpressionAttributeValues={":p": s("p")}, ExclusiveStartKey={"pk": s("q"), "sk": n(1)})),
        "select count with projection": attempt(lambda: ddb.query(TableName="items", KeyConditionExpression="pk = :p",
                                                                  ExpressionAttributeValues={":p": s("p")}, Select="COUNT", ProjectionExpression="sk")),
        "unknown index": attempt(lambda: ddb.query(TableName="items", IndexName="nope", KeyConditionExpression="pk = :p",
                                                   ExpressionAttributeValues={":p": s("p")})),
    }


@scenario
def scan_filter_count_segments(ddb):
    create(ddb, range_key="sk", range_type="N")
    for i in range(30):
        ddb.put_item(TableName="items", Item={"pk": s(f"p{i % 10}"), "sk": n(i), "odd": {"BOOL": i % 2 == 1}})
    counted = ddb.scan(TableName="items", FilterExpression="odd = :t", ExpressionAttributeValues={":t": {"BOOL": True}}, Select="COUNT")
    segments = sorted(int(i["sk"]["N"]) for segment in range(3)
                      for i in ddb.scan(TableName="items", Segment=segment, TotalSegments=3)["Items"])
    return {
        "count": counted["Count"], "scanned": counted["ScannedCount"], "items": "Items" in counted,
        "segments cover": segments == list(range(30)),
        "segment without total": attempt(lambda: ddb.scan(TableName="items", Segment=1)),
        "segment too large": attempt(lambda: ddb.scan(TableName="items", Segment=3, TotalSegments=3)),
    }


@scenario
def global_and_local_indexes(ddb):
    create(ddb, range_key="sk", extra=[{"AttributeName": "status", "AttributeType": "S"}, {"AttributeName": "size", "AttributeType": "N"}],
           gsis=[{"IndexName": "by-status", "KeySchema": [{"AttributeName": "status", "KeyType": "HASH"}],
                  "Projection": {"ProjectionType": "KEYS_ONLY"}}],
           lsis=[{"IndexName": "by-size", "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "size", "KeyType": "RANGE"}],
                  "Projection": {"ProjectionType": "ALL"}}])
    ddb.put_item(TableName="items", Item={"pk": s("a"), "sk": s("1"), "status": s("open"), "size": n(5), "note": s("x")})
    ddb.put_item(TableName="items", Item={"pk": s("a"), "sk": s("2"), "size": n(1)})
    table = ddb.describe_table(TableName="items")["Table"]
    gsi = ddb.query(TableName="items", IndexName="by-status", KeyConditionExpression="#s = :s",
                    ExpressionAttributeNames={"#s": "status"}, ExpressionAttributeValues={":s": s("open")})["Items"]
    lsi = ddb.query(TableName="items", IndexName="by-size", KeyConditionExpression="pk = :p",
                    ExpressionAttributeValues={":p": s("a")})["Items"]
    return {
        "gsi status": table["GlobalSecondaryIndexes"][0]["IndexStatus"],
        "gsi projection": table["GlobalSecondaryIndexes"][0]["Projection"],
        "gsi item": gsi,
        "lsi order": keys(lsi),
        "consistent gsi": attempt(lambda: ddb.query(TableName="items", IndexName="by-status", ConsistentRead=True,
                                                    KeyConditionExpression="#s = :s", ExpressionAttributeNames={"#s": "status"},
                                                    ExpressionAttributeValues={":s": s("open")})),
        "index key type": attempt(lambda: ddb.put_item(TableName="items", Item={"pk": s("b"), "sk": s("1"), "status": n(1)})),
    }


@scenario
def update_table_adds_index(ddb):
    create(ddb)
    ddb.put_item(TableName="items", Item={"pk": s("a"), "color": s("red")})
    ddb.update_table(TableName="items", AttributeDefinitions=[{"AttributeName": "color", "AttributeType": "S"}],
                     GlobalSecondaryIndexUpdates=[{"Create": {"IndexName": "by-color", "KeySchema": [{"AttributeName": "color", "KeyType": "HASH"}],
                                                              "Projection": {"ProjectionType": "ALL"}}}])
    found = ddb.query(TableName="items", IndexName="by-color", KeyConditionExpression="color = :c",
                      ExpressionAttributeValues={":c": s("red")})["Items"]
    return {"backfilled": found, "again": attempt(lambda: ddb.update_table(
        TableName="items", AttributeDefinitions=[{"AttributeName": "color", "AttributeType": "S"}],
        GlobalSecondaryIndexUpdates=[{"Create": {"IndexName": "by-color", "KeySchema": [{"AttributeName": "color", "KeyType": "HASH"}],
                                                 "Projection": {"ProjectionType": "ALL"}}}]))}


@scenario
def batches(ddb):
    create(ddb)
    written = ddb.batch_write_item(RequestItems={"items": [{"PutRequest": {"Item": {"pk": s(f"k{i}")}}} for i in range(3)]})
    got = ddb.batch_get_item(RequestItems={"items": {"Keys": [{"pk": s("k0")}, {"pk": s("k2")}, {"pk": s("none")}]}})
    return {
        "unprocessed items": written["UnprocessedItems"],
        "got": sorted(i["pk"]["S"] for i in got["Responses"]["items"]),
        "unprocessed keys": got["UnprocessedKeys"],
        "duplicate get": attempt(lambda: ddb.batch_get_item(RequestItems={"items": {"Keys": [{"pk": s("a")}, {"pk": s("a")}]}})),
        "duplicate write": attempt(lambda: ddb.batch_write_item(RequestItems={"items": [
            {"PutRequest": {"Item": {"pk": s("a")}}}, {"DeleteRequest": {"Key": {"pk": s("a")}}}]})),
        "too many writes": attempt(lambda: ddb.batch_write_item(RequestItems={"items": [
            {"PutRequest": {"Item": {"pk": s(f"x{i}")}}} for i in range(26)]})),
    }


@scenario
def transactions(ddb):
    create(ddb)
    ddb.put_item(TableName="items", Item={"pk": s("alice"), "balance": n(100)})
    ok = ddb.transact_write_items(TransactItems=[
        {"Update": {"TableName": "items", "Key": {"pk": s("alice")}, "UpdateExpression": "SET balance = balance - :x",
                    "ConditionExpression": "balance >= :x", "ExpressionAttributeValues": {":x": n(30)}}},
        {"Put": {"TableName": "items", "Item": {"pk": s("bob"), "balance": n(30)}, "ConditionExpression": "attribute_not_exists(pk)"}},
    ])
    cancelled = attempt(lambda: ddb.transact_write_items(TransactItems=[
        {"Put": {"TableName": "items", "Item": {"pk": s("carol")}}},
        {"ConditionCheck": {"TableName": "items", "Key": {"pk": s("bob")}, "ConditionExpression": "attribute_not_exists(pk)"}},
    ]))
    twice = attempt(lambda: ddb.transact_write_items(TransactItems=[
        {"Put": {"TableName": "items", "Item": {"pk": s("dave")}}},
        {"Delete": {"TableName": "items", "Key": {"pk": s("dave")}}},
    ]))
    read = ddb.transact_get_items(TransactItems=[{"Get": {"TableName": "items", "Key": {"pk": s("alice")}}},
                                                 {"Get": {"TableName": "items", "Key": {"pk": s("nobody")}}}])
    token = {"ClientRequestToken": "token-1", "TransactItems": [
        {"Update": {"TableName": "items", "Key": {"pk": s("bob")}, "UpdateExpression": "ADD balance :one", "ExpressionAttributeValues": {":one": n(1)}}}]}
    ddb.transact_write_items(**token)
    ddb.transact_write_items(**token)
    token["TransactItems"][0]["Update"]["ExpressionAttributeValues"][":one"] = n(2)
    mismatch = attempt(lambda: ddb.transact_write_items(**token))
    return {
        "ok": sorted(ok.keys()) == ["ResponseMetadata"],
        "cancelled": cancelled,
        "carol written": "Item" in ddb.get_item(TableName="items", Key={"pk": s("carol")}),
        "same item twice": twice,
        "read": read["Responses"],
        "bob after token replay": ddb.get_item(TableName="items", Key={"pk": s("bob")})["Item"]["balance"],
        "token mismatch": mismatch,
    }


@scenario
def partiql(ddb):
    create(ddb, range_key="sk")

    def run(statement, parameters=None):
        extra = {"Parameters": parameters} if parameters else {}
        return attempt(lambda: ddb.execute_statement(Statement=statement, **extra).get("Items"))

    return {
        "insert": run("INSERT INTO \"items\" VALUE {'pk': 'a', 'sk': '1', 'n': 1}"),
        "insert with parameter": run("INSERT INTO items VALUE {'pk': ?, 'sk': '2', 'n': 2}", [s("a")]),
        "select": run("SELECT * FROM items WHERE pk = 'a' AND n > 1"),
        "duplicate insert": run("INSERT INTO items VALUE {'pk': 'a', 'sk': '1'}"),
        "update": run("UPDATE items SET n = n + 10 WHERE pk = 'a' AND sk = '1'"),
        "after update": ddb.get_item(TableName="items", Key={"pk": s("a"), "sk": s("1")}).get("Item"),
        "delete": run("DELETE FROM items WHERE pk = 'a' AND sk = '2'"),
        "remaining": keys(ddb.scan(TableName="items")["Items"]),
        "update without key": run("UPDATE items SET n = 1 WHERE pk = 'a'"),
        "parameter count": run("SELECT * FROM items WHERE pk = ?"),
    }


@scenario
def consumed_capacity(ddb):
    create(ddb)
    put = ddb.put_item(TableName="items", Item={"pk": s("a"), "d": s("x" * 2000)}, ReturnConsumedCapacity="TOTAL")
    get = ddb.get_item(TableName="items", Key={"pk": s("a")}, ReturnConsumedCapacity="TOTAL")
    strong = ddb.get_item(TableName="items", Key={"pk": s("a")}, ConsistentRead=True, ReturnConsumedCapacity="INDEXES")
    transact = ddb.transact_write_items(TransactItems=[{"Put": {"TableName": "items", "Item": {"pk": s("b")}}}], ReturnConsumedCapacity="TOTAL")
    return {"put": put["ConsumedCapacity"], "get": get["ConsumedCapacity"], "strong": strong["ConsumedCapacity"],
            "transact": transact.get("ConsumedCapacity")}


def run_all(endpoint, is_moto):
    ddb = client("dynamodb", endpoint=endpoint)
    results = {}
    for function in SCENARIOS:
        reset(endpoint, is_moto)
        try:
            results[function.__name__] = function(ddb)
        except Exception as e:  # a scenario that breaks on one side is itself a difference
            results[function.__name__] = {"crashed": f"{type(e).__name__}: {e}"}
    for result in results.values():
        strip_metadata(result)
    return results


def strip_metadata(value):
    if isinstance(value, dict):
        value.pop("ResponseMetadata", None)
        for member in value.values():
            strip_metadata(member)
    elif isinstance(value, list):
        for member in value:
            strip_metadata(member)


def differences(left, right, path=""):
    if isinstance(left, dict) and isinstance(right, dict):
        for key in sorted(set(left) | set(right), key=str):
            yield from differences(left.get(key, "<absent>"), right.get(key, "<absent>"), f"{path}.{key}" if path else str(key))
    elif left != right:
        yield path, left, right


def main():
    fake = run_all(ENDPOINT, is_moto=False)
    if not MOTO:
        print(json.dumps(fake, indent=2, default=str))
        return 0
    moto = run_all(MOTO, is_moto=True)
    found = 0
    for name in fake:
        for path, ours, theirs in differences(fake[name], moto[name]):
            found += 1
            print(f"DIFF {name}.{path}\n  FakeAws: {json.dumps(ours, default=str)}\n  moto:    {json.dumps(theirs, default=str)}")
    print(f"dynamodb_dataplane: {len(SCENARIOS)} scenarios, {found} differences between FakeAws and moto")
    return 0


if __name__ == "__main__":
    sys.exit(main())
