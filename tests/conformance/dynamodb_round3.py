"""DynamoDB round 3 through boto3: resource-based policies, Contributor Insights and Kinesis streaming
destinations, each an exact check of AWS's answer (moto's AWS-verified tests and ack-api-quirks' recordings;
docs/DYNAMODB.md, "Resource-based policies, Contributor Insights and Kinesis destinations (round 3)").
FakeAws.Server's table status delay is zero, so each change has settled by the next request.

    dotnet run --no-build --project src/FakeAws.Server -- --port 4606 --clock manual &
    FAKEAWS_ENDPOINT=http://127.0.0.1:4606 python3 tests/conformance/dynamodb_round3.py

The same checks run against moto_server for comparison (DDB_TARGET=moto resets it through /moto-api):
    moto_server -p 4616 &
    FAKEAWS_ENDPOINT=http://127.0.0.1:4616 DDB_TARGET=moto python3 tests/conformance/dynamodb_round3.py
"""
import json
import os
import urllib.request

from dynamodb_common import create
from harness import ENDPOINT, Checks, client

MOTO = os.environ.get("DDB_TARGET") == "moto"
ACCOUNT = "123456789012"


def reset():
    urllib.request.urlopen(urllib.request.Request(f"{ENDPOINT}/{'moto-api' if MOTO else '_fakeaws'}/reset", method="POST", data=b"{}"))


def policy(arn, action="dynamodb:GetItem", effect="Allow", principal=None):
    """A pretty-printed policy: one statement, a list of one action, the principal an account id."""
    return json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Sid": "Reader", "Effect": effect, "Principal": principal or {"AWS": "111122223333"},
                       "Action": [action], "Resource": arn}],
    }, indent=2)


def resource_policies(check, ddb):
    table = create(ddb, "orders")
    arn = table["TableArn"]
    create(ddb, "bare")
    bare = f"arn:aws:dynamodb:us-east-1:{ACCOUNT}:table/bare"

    first = ddb.put_resource_policy(ResourceArn=arn, Policy=policy(arn))["RevisionId"]
    got = ddb.get_resource_policy(ResourceArn=arn)
    check.equal("Get answers the Put's revision", got["RevisionId"], first)
    check.equal("Get answers the canonical policy", got["Policy"], json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Sid": "Reader", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                       "Action": "dynamodb:GetItem", "Resource": arn}],
    }, separators=(",", ":")))
    check.equal("revision ids are 13-digit epoch milliseconds", (len(first), first.isdigit()), (13, True))
    check.equal("the same policy again keeps its revision",
                ddb.put_resource_policy(ResourceArn=arn, Policy=got["Policy"])["RevisionId"], first)
    second = ddb.put_resource_policy(ResourceArn=arn, Policy=policy(arn, "dynamodb:PutItem"), ExpectedRevisionId=first)["RevisionId"]
    check.equal("another policy gets a later revision", int(second) > int(first), True)

    check.error("a stale ExpectedRevisionId",
                lambda: ddb.put_resource_policy(ResourceArn=arn, Policy=policy(arn, "dynamodb:Query"), ExpectedRevisionId=first),
                "PolicyNotFoundException",
                f"Resource-based policy not found for the provided ResourceArn: Requested update for policy with revision id {first}, "
                f"but the policy associated to target table orders has revision id {second}.")
    check.error("NO_POLICY where a policy is",
                lambda: ddb.put_resource_policy(ResourceArn=arn, Policy=policy(arn, "dynamodb:Query"), ExpectedRevisionId="NO_POLICY"),
                "PolicyNotFoundException",
                f"Resource-based policy not found for the provided ResourceArn: Requested policy update expecting none to be present "
                f"for table orders, but a policy exists with revision id {second}.")
    check.error("Get of a table without a policy", lambda: ddb.get_resource_policy(ResourceArn=bare), "PolicyNotFoundException",
                f"Resource-based policy not found for the provided ResourceArn: {bare}")
    check.error("Put on a missing table", lambda: ddb.put_resource_policy(ResourceArn=arn + "_", Policy=policy(arn)),
                "ResourceNotFoundException", "Requested resource not found: Table: orders_ not found")
    check.error("Delete on a missing table", lambda: ddb.delete_resource_policy(ResourceArn=arn + "unknown"),
                "ResourceNotFoundException", "Requested resource not found: Table: ordersunknown not found")
    check.equal("Delete where no policy is answers no revision", "RevisionId" in ddb.delete_resource_policy(ResourceArn=bare), False)

    check.error("a policy over 20 KB", lambda: ddb.put_resource_policy(ResourceArn=bare, Policy=policy(bare) + " " * 20480),
                "ValidationException", "One or more parameter values were invalid: Maximum policy size of 20480 bytes exceeded")
    check.error("a policy that is no JSON", lambda: ddb.put_resource_policy(ResourceArn=bare, Policy="{not json"),
                "ValidationException", "One or more parameter values were invalid: Invalid policy document: This policy contains invalid Json")
    check.error("a policy allowing everyone", lambda: ddb.put_resource_policy(ResourceArn=bare, Policy=policy(bare, principal="*")),
                "ValidationException",
                "Resource-based policy grants unbounded access in one or more elements. Please revise the policy to ensure least-privilege form of access")
    check.error("a bare table name", lambda: ddb.get_resource_policy(ResourceArn="orders"),
                "ValidationException", "One or more parameter values were invalid: ARNs must start with 'arn:': orders")

    deleted = ddb.delete_resource_policy(ResourceArn=arn)
    check.equal("Delete echoes the removed revision", deleted.get("RevisionId"), second)
    check.error("Get after Delete", lambda: ddb.get_resource_policy(ResourceArn=arn), "PolicyNotFoundException",
                f"Resource-based policy not found for the provided ResourceArn: {arn}")

    created = ddb.create_table(TableName="guarded", BillingMode="PAY_PER_REQUEST",
                               KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                               AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                               StreamSpecification={"StreamEnabled": True, "StreamViewType": "KEYS_ONLY"},
                               ResourcePolicy=policy(f"arn:aws:dynamodb:us-east-1:{ACCOUNT}:table/guarded"))["TableDescription"]
    check.equal("CreateTable's ResourcePolicy is attached",
                json.loads(ddb.get_resource_policy(ResourceArn=created["TableArn"])["Policy"])["Statement"][0]["Action"], "dynamodb:GetItem")
    stream = created["LatestStreamArn"]
    ddb.put_resource_policy(ResourceArn=stream, Policy=policy(stream, "dynamodb:GetRecords"))
    check.equal("a stream has a policy of its own",
                json.loads(ddb.get_resource_policy(ResourceArn=stream)["Policy"])["Statement"][0]["Action"], "dynamodb:GetRecords")


def contributor_insights(check, ddb):
    ddb.create_table(TableName="insights", BillingMode="PAY_PER_REQUEST",
                     KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
                     AttributeDefinitions=[{"AttributeName": n, "AttributeType": "S"} for n in ["pk", "sk", "status"]],
                     GlobalSecondaryIndexes=[{"IndexName": "by-status", "Projection": {"ProjectionType": "KEYS_ONLY"},
                                              "KeySchema": [{"AttributeName": "status", "KeyType": "HASH"}]}],
                     LocalSecondaryIndexes=[{"IndexName": "by-sk", "Projection": {"ProjectionType": "KEYS_ONLY"},
                                             "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
                                                           {"AttributeName": "status", "KeyType": "RANGE"}]}])
    fresh = ddb.describe_contributor_insights(TableName="insights")
    fresh.pop("ResponseMetadata")
    check.equal("a table never configured", fresh, {"TableName": "insights", "ContributorInsightsStatus": "DISABLED"})
    check.equal("List leaves out DISABLED", ddb.list_contributor_insights(TableName="insights")["ContributorInsightsSummaries"], [])

    enabled = ddb.update_contributor_insights(TableName="insights", ContributorInsightsAction="ENABLE")
    check.equal("ENABLE answers ENABLING and the default mode",
                (enabled["ContributorInsightsStatus"], enabled.get("ContributorInsightsMode")), ("ENABLING", "ACCESSED_AND_THROTTLED_KEYS"))
    described = ddb.describe_contributor_insights(TableName="insights")
    rules = described.get("ContributorInsightsRuleList", [])
    check.equal("the rules' names", [r.rsplit("-", 1)[0] for r in rules],
                [f"DynamoDBContributorInsights-{k}-insights" for k in ["PKC", "PKT", "SKC", "SKT"]])
    check.equal("the rules share their creation time", len({r.rsplit("-", 1)[1] for r in rules}), 1)
    ddb.update_contributor_insights(TableName="insights", IndexName="by-status", ContributorInsightsAction="ENABLE",
                                    ContributorInsightsMode="THROTTLED_KEYS")
    index = ddb.describe_contributor_insights(TableName="insights", IndexName="by-status")
    check.equal("an index's rules in THROTTLED_KEYS mode", [r.rsplit("-", 1)[0] for r in index.get("ContributorInsightsRuleList", [])],
                ["DynamoDBContributorInsights-PKT-insights-by-status"])
    listed = ddb.list_contributor_insights(TableName="insights", MaxResults=1)
    check.equal("List pages the table first", [s.get("IndexName") for s in listed["ContributorInsightsSummaries"]], [None])
    following = ddb.list_contributor_insights(TableName="insights", MaxResults=1, NextToken=listed.get("NextToken", ""))
    check.equal("then its index", [s.get("IndexName") for s in following["ContributorInsightsSummaries"]], ["by-status"])

    check.error("a local index", lambda: ddb.update_contributor_insights(TableName="insights", IndexName="by-sk", ContributorInsightsAction="ENABLE"),
                "ResourceNotFoundException", "Requested resource not found: Index: by-sk not found for table: insights")
    check.error("an unknown index", lambda: ddb.describe_contributor_insights(TableName="insights", IndexName="nope"),
                "ResourceNotFoundException", "Requested resource not found: Index: nope not found for table: insights")
    check.error("a missing table", lambda: ddb.describe_contributor_insights(TableName="missing"),
                "ResourceNotFoundException", "Requested resource not found: Table: missing not found")

    disabled = ddb.update_contributor_insights(TableName="insights", ContributorInsightsAction="DISABLE")
    check.equal("DISABLE answers DISABLING", disabled["ContributorInsightsStatus"], "DISABLING")


def kinesis_destinations(check, ddb):
    create(ddb, "streamed")
    stream = f"arn:aws:kinesis:us-east-1:{ACCOUNT}:stream/changes"
    check.equal("no destination yet", ddb.describe_kinesis_streaming_destination(TableName="streamed")["KinesisDataStreamDestinations"], [])
    enabled = ddb.enable_kinesis_streaming_destination(TableName="streamed", StreamArn=stream)
    check.equal("Enable answers ENABLING and echoes an empty configuration",
                (enabled["DestinationStatus"], enabled.get("EnableKinesisStreamingConfiguration")), ("ENABLING", {}))
    check.equal("then ACTIVE, with no precision shown",
                ddb.describe_kinesis_streaming_destination(TableName="streamed")["KinesisDataStreamDestinations"],
                [{"StreamArn": stream, "DestinationStatus": "ACTIVE"}])
    check.error("a second live destination",
                lambda: ddb.enable_kinesis_streaming_destination(TableName="streamed", StreamArn=stream.replace("changes", "other")),
                "ValidationException",
                "Table is not in a valid state to enable Kinesis Streaming Destination: "
                "EnableKinesisStreamingDestination must be DISABLED or ENABLE_FAILED to perform ENABLE operation.")
    updated = ddb.update_kinesis_streaming_destination(TableName="streamed", StreamArn=stream,
                                                       UpdateKinesisStreamingConfiguration={"ApproximateCreationDateTimePrecision": "MICROSECOND"})
    check.equal("Update answers UPDATING", updated["DestinationStatus"], "UPDATING")
    table_id = ddb.describe_table(TableName="streamed")["Table"]["TableId"]
    check.error("the precision in force",
                lambda: ddb.update_kinesis_streaming_destination(TableName="streamed", StreamArn=stream,
                                                                 UpdateKinesisStreamingConfiguration={"ApproximateCreationDateTimePrecision": "MICROSECOND"}),
                "ValidationException",
                f"Invalid Request: Precision is already set to the desired value of MICROSECOND for tableId: {table_id}, kdsArn: {stream}")
    check.equal("Disable answers DISABLING",
                ddb.disable_kinesis_streaming_destination(TableName="streamed", StreamArn=stream)["DestinationStatus"], "DISABLING")
    check.error("Disable of a disabled destination",
                lambda: ddb.disable_kinesis_streaming_destination(TableName="streamed", StreamArn=stream), "ValidationException",
                "Table is not in a valid state to enable Kinesis Streaming Destination: "
                "KinesisStreamingDestination must be ACTIVE to perform DISABLE operation.")
    elsewhere = stream.replace("us-east-1", "eu-west-1")
    ddb.enable_kinesis_streaming_destination(TableName="streamed", StreamArn=elsewhere)
    check.equal("another region's stream fails, the disabled entry stays",
                [(d["StreamArn"], d["DestinationStatus"], d.get("DestinationStatusDescription"))
                 for d in ddb.describe_kinesis_streaming_destination(TableName="streamed")["KinesisDataStreamDestinations"]],
                [(elsewhere, "ENABLE_FAILED", "The kinesis Arn used to enable kinesis replication belongs to a stream which is not in the current region"),
                 (stream, "DISABLED", None)])


def main():
    reset()
    check = Checks("dynamodb_round3" + (" against moto" if MOTO else ""))
    ddb = client("dynamodb")
    check.section("resource-based policies", lambda: resource_policies(check, ddb))
    check.section("Contributor Insights", lambda: contributor_insights(check, ddb))
    check.section("Kinesis streaming destinations", lambda: kinesis_destinations(check, ddb))
    check.finish()


main()
