"""FilterCriteria on Lambda event source mappings over DynamoDB streams, through boto3 against FakeAws.Server.

The delivery cases follow LocalStack's AWS-validated test_dynamodb_event_filter and
test_dynamodb_invalid_event_filter: a first item that must reach the function, a second that may, and
the number of invocations AWS recorded. Invocations are counted from the server's record of calls
(GET /_fakeaws/calls: the Invoke calls Lambda made for the mapping).
    FAKEAWS_ENDPOINT=http://127.0.0.1:4566 python3 tests/conformance/lambda_event_filters.py
"""
import json
import urllib.request

from harness import ENDPOINT, Checks, admin, client
from lambda_common import BUILT_IN, ROLE, package, start

checks = Checks("lambda_event_filters")
ddb = client("dynamodb")


def fresh_start():
    """A reset target with the echo function, and an empty record of calls (a reset keeps the record)."""
    lam = start()
    urllib.request.urlopen(urllib.request.Request(f"{ENDPOINT}/_fakeaws/calls", method="DELETE"))
    lam.create_function(FunctionName="echo", Runtime="dotnet8", Role=ROLE, Handler=BUILT_IN + "Echo", Code={"ZipFile": package()})
    return lam


def invocations():
    """How many times Lambda invoked a function for an event source mapping so far."""
    calls = json.load(urllib.request.urlopen(f"{ENDPOINT}/_fakeaws/calls"))["calls"]
    return sum(1 for c in calls if c.get("operation") == "Invoke" and c.get("caller") == "lambda.amazonaws.com")


def mapped_table(lam, name, pattern):
    stream = ddb.create_table(
        TableName=name, BillingMode="PAY_PER_REQUEST",
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"},
    )["TableDescription"]["LatestStreamArn"]
    admin("run-until-idle", {})
    return lam.create_event_source_mapping(
        FunctionName="echo", EventSourceArn=stream, StartingPosition="TRIM_HORIZON", BatchSize=1,
        MaximumBatchingWindowInSeconds=1, MaximumRetryAttempts=1,
        FilterCriteria={"Filters": [{"Pattern": json.dumps(pattern)}]},
    )


CASES = [
    ("insert_same_entry_twice", {"id": {"S": "id_value"}, "id2": {"S": "id2_value"}}, {"id": {"S": "id_value"}, "id2": {"S": "id2_value"}},
     {"eventName": ["INSERT"]}, 1),
    ("content_or_filter", {"id": {"S": "id_value"}}, {"id": {"S": "id_value"}, "id2": {"S": "id2_new_value"}},
     {"eventName": ["INSERT", "MODIFY"]}, 2),
    ("content_filter_type", {"id": {"S": "id_value_1"}, "presentKey": {"S": "presentValue"}}, {"id": {"S": "id_value_2"}},
     {"dynamodb": {"NewImage": {"presentKey": {"S": ["presentValue"]}}}}, 1),
    ("exists_filter_type", {"id": {"S": "id_value_1"}, "presentKey": {"S": "presentValue"}}, {"id": {"S": "id_value_2"}},
     {"dynamodb": {"NewImage": {"presentKey": {"S": [{"exists": True}]}}}}, 1),
    ("exists_false_filter", {"id": {"S": "id_value_1"}}, {"id": {"S": "id_value_2"}, "presentKey": {"S": "presentValue"}},
     {"dynamodb": {"NewImage": {"presentKey": [{"exists": False}]}}}, 2),
    ("numeric_filter", {"id": {"S": "id_value_1"}, "numericFilter": {"N": "42"}}, {"id": {"S": "id_value_2"}, "numericFilter": {"N": "101"}},
     {"dynamodb": {"NewImage": {"numericFilter": {"N": [{"numeric": [">", 100]}, {"anything-but": "101"}]}}}}, 1),
    ("prefix_filter", {"id": {"S": "id_value_1"}, "prefix": {"S": "us-1-other-suffix"}}, {"id": {"S": "id_value_1"}, "prefix": {"S": "other-suffix"}},
     {"dynamodb": {"NewImage": {"prefix": {"S": [{"prefix": "us-1"}]}}}}, 1),
    ("date_time_conversion", {"id": {"S": "id_value_1"}}, {"id": {"S": "id_value_2"}},
     {"dynamodb": {"ApproximateCreationDateTime": [{"numeric": [">", 0]}]}}, 2),
]


def delivery(case):
    name, first, second, pattern, calls = case

    def steps():
        lam = fresh_start()
        mapping = mapped_table(lam, "filtered", pattern)
        checks.equal(f"{name}: the pattern is described back", mapping["FilterCriteria"], {"Filters": [{"Pattern": json.dumps(pattern)}]})
        ddb.put_item(TableName="filtered", Item=first)
        admin("run-until-idle", {})
        checks.equal(f"{name}: the first item reaches the function", invocations(), 1)
        ddb.put_item(TableName="filtered", Item=second)
        admin("run-until-idle", {})
        checks.equal(f"{name}: invocations", invocations(), calls)
    checks.section(name, steps)


for case in CASES:
    delivery(case)


def invalid_patterns():
    lam = fresh_start()
    stream = ddb.create_table(
        TableName="unfiltered", BillingMode="PAY_PER_REQUEST",
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}], AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"},
    )["TableDescription"]["LatestStreamArn"]
    for pattern in ["single-string", '[{"eventName": ["INSERT"=123}]', '{"eventName": "INSERT"}', '{"n": [{"numeric": [">", "ten"]}]}']:
        checks.error(f"pattern {pattern}", lambda: lam.create_event_source_mapping(
            FunctionName="echo", EventSourceArn=stream, StartingPosition="TRIM_HORIZON",
            FilterCriteria={"Filters": [{"Pattern": pattern}]}), "InvalidParameterValueException", "Invalid filter pattern definition.")
    checks.equal("nothing was created", lam.list_event_source_mappings()["EventSourceMappings"], [])


checks.section("invalid patterns", invalid_patterns)
checks.finish()
