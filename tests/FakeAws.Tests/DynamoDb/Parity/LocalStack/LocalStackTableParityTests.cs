using System.Net;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity.LocalStack;

// Facts from AWS-recorded responses in LocalStack's tests/aws/services/dynamodb/test_dynamodb.py
// (validated snapshots): TestDynamoDB::test_create_duplicate_table, test_dynamodb_pay_per_request,
// test_dynamodb_create_table_with_partial_sse_specification (not its KMS DescribeKey: FakeAws has no KMS),
// test_continuous_backup_update, the "create-table" snapshots of test_batch_write_items_streaming and
// test_transact_write_items_streaming_for_different_tables; and from
// tests/aws/services/dynamodbstreams/test_dynamodb_streams.py::TestDynamoDBStreams::test_table_v2_stream
// (the table's DescribeTable; the table itself was made by CloudFormation there).
public class LocalStackTableParityTests(DynamoDbPath path) : LocalStackParityTestBase(path)
{
    [Test]
    public async Task CreateTable_NameTaken_ResourceInUseNamingTheTable()
    {
        await CreateLocalStackTableAsync("test_table_dup");

        var error = Fails<ResourceInUseException>(() => CreateLocalStackTableAsync("test_table_dup"), "Table already exists: test_table_dup");

        Assert.That(error.ErrorCode, Is.EqualTo("ResourceInUseException"));
    }

    [Test]
    public void CreateTable_PayPerRequestWithProvisionedThroughput_Refused() =>
        Invalid(() => Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "ppr",
            KeySchema = [new("id", KeyType.HASH)],
            AttributeDefinitions = [new("id", ScalarAttributeType.S)],
            ProvisionedThroughput = new ProvisionedThroughput(5, 5),
            BillingMode = BillingMode.PAY_PER_REQUEST,
        }), "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");

    [Test]
    public async Task CreateTable_ProvisionedWithStream_DescriptionAsAwsRecordedIt()
    {
        var table = (await CreateLocalStackTableAsync("streamed", streamViewType: "NEW_AND_OLD_IMAGES")).TableDescription;

        Assert.Multiple(() =>
        {
            Assert.That(table.AttributeDefinitions.Select(a => (a.AttributeName, a.AttributeType.Value)), Is.EqualTo(new[] { ("id", "S") }));
            Assert.That(table.CreationDateTime, Is.Not.Null);
            Assert.That(table.DeletionProtectionEnabled, Is.False);
            Assert.That(table.ItemCount, Is.EqualTo(0));
            Assert.That(table.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value)), Is.EqualTo(new[] { ("id", "HASH") }));
            Assert.That(table.LatestStreamArn, Is.EqualTo($"{table.TableArn}/stream/{table.LatestStreamLabel}"));
            Assert.That(table.LatestStreamLabel, Is.Not.Empty);
            Assert.That(table.ProvisionedThroughput.NumberOfDecreasesToday, Is.EqualTo(0));
            Assert.That(table.ProvisionedThroughput.ReadCapacityUnits, Is.EqualTo(5));
            Assert.That(table.ProvisionedThroughput.WriteCapacityUnits, Is.EqualTo(5));
            Assert.That(table.ProvisionedThroughput.LastIncreaseDateTime, Is.Null);
            Assert.That(table.ProvisionedThroughput.LastDecreaseDateTime, Is.Null);
            Assert.That(table.StreamSpecification.StreamEnabled, Is.True);
            Assert.That(table.StreamSpecification.StreamViewType, Is.EqualTo(StreamViewType.NEW_AND_OLD_IMAGES));
            Assert.That(table.TableArn, Is.EqualTo("arn:aws:dynamodb:us-east-1:123456789012:table/streamed"));
            Assert.That(Guid.TryParse(table.TableId, out _), Is.True, table.TableId);
            Assert.That(table.TableName, Is.EqualTo("streamed"));
            Assert.That(table.TableSizeBytes, Is.EqualTo(0));
            Assert.That(table.TableStatus, Is.Not.Null);
            Assert.That(table.BillingModeSummary, Is.Null);
            Assert.That(table.TableClassSummary, Is.Null);
            Assert.That(table.SSEDescription, Is.Null);
            Assert.That(table.GlobalSecondaryIndexes, Is.Null.Or.Empty);
            Assert.That(table.LocalSecondaryIndexes, Is.Null.Or.Empty);
        });
    }

    [Test]
    public async Task CreateTable_WithoutStream_NoStreamMembers()
    {
        var table = (await CreateLocalStackTableAsync("plain")).TableDescription;

        Assert.Multiple(() =>
        {
            Assert.That(table.LatestStreamArn, Is.Null);
            Assert.That(table.LatestStreamLabel, Is.Null);
            Assert.That(table.StreamSpecification, Is.Null);
            Assert.That(table.ProvisionedThroughput.ReadCapacityUnits, Is.EqualTo(5));
            Assert.That(table.TableSizeBytes, Is.EqualTo(0));
        });
    }

    [Test]
    public async Task DescribeTable_OnDemandWithStream_BillingSummaryAndZeroThroughput()
    {
        await CreateLocalStackTableAsync("tablev2", streamViewType: "NEW_AND_OLD_IMAGES", onDemand: true);

        var table = (await Ddb.DescribeTableAsync("tablev2")).Table;

        Assert.Multiple(() =>
        {
            Assert.That(table.BillingModeSummary.BillingMode, Is.EqualTo(BillingMode.PAY_PER_REQUEST));
            Assert.That(table.BillingModeSummary.LastUpdateToPayPerRequestDateTime, Is.Not.Null);
            Assert.That(table.DeletionProtectionEnabled, Is.False);
            Assert.That(table.ItemCount, Is.EqualTo(0));
            Assert.That(table.ProvisionedThroughput.NumberOfDecreasesToday, Is.EqualTo(0));
            Assert.That(table.ProvisionedThroughput.ReadCapacityUnits, Is.EqualTo(0));
            Assert.That(table.ProvisionedThroughput.WriteCapacityUnits, Is.EqualTo(0));
            Assert.That(table.StreamSpecification.StreamEnabled, Is.True);
            Assert.That(table.StreamSpecification.StreamViewType, Is.EqualTo(StreamViewType.NEW_AND_OLD_IMAGES));
            Assert.That(table.LatestStreamArn, Is.EqualTo($"{table.TableArn}/stream/{table.LatestStreamLabel}"));
            Assert.That(table.TableSizeBytes, Is.EqualTo(0));
        });
    }

    [Test]
    public async Task CreateTable_SseEnabledWithoutKey_AwsManagedKmsKey_AndDisablingAnswersUpdating()
    {
        var created = (await Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "sse",
            KeySchema = [new("id", KeyType.HASH)],
            AttributeDefinitions = [new("id", ScalarAttributeType.S)],
            ProvisionedThroughput = new ProvisionedThroughput(5, 5),
            SSESpecification = new SSESpecification { Enabled = true },
            Tags = [new Tag { Key = "Name", Value = "test-table" }, new Tag { Key = "TestKey", Value = "true" }],
        })).TableDescription.SSEDescription;

        var disabled = (await Ddb.UpdateTableAsync(new UpdateTableRequest { TableName = "sse", SSESpecification = new SSESpecification { Enabled = false } }))
            .TableDescription.SSEDescription;

        Assert.Multiple(() =>
        {
            Assert.That(created.Status, Is.EqualTo(SSEStatus.ENABLED));
            Assert.That(created.SSEType, Is.EqualTo(SSEType.KMS));
            Assert.That(created.KMSMasterKeyArn, Does.Match("^arn:aws:kms:us-east-1:123456789012:key/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
            Assert.That(created.InaccessibleEncryptionDateTime, Is.Null);
            Assert.That(disabled.Status, Is.EqualTo(SSEStatus.UPDATING));
            Assert.That(disabled.SSEType, Is.EqualTo(SSEType.KMS));
            Assert.That(disabled.KMSMasterKeyArn, Is.EqualTo(created.KMSMasterKeyArn));
        });
    }

    [Test]
    public async Task UpdateContinuousBackups_EnablePointInTimeRecovery_UpdateAndDescribeAnswerTheSame()
    {
        await CreateLocalStackTableAsync("backups");

        var updated = await Ddb.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest
        {
            TableName = "backups", PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true },
        });
        var described = await Ddb.DescribeContinuousBackupsAsync(new DescribeContinuousBackupsRequest { TableName = "backups" });

        Assert.Multiple(() =>
        {
            foreach (var backups in new[] { updated.ContinuousBackupsDescription, described.ContinuousBackupsDescription })
            {
                Assert.That(backups.ContinuousBackupsStatus, Is.EqualTo(ContinuousBackupsStatus.ENABLED));
                Assert.That(backups.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus, Is.EqualTo(PointInTimeRecoveryStatus.ENABLED));
                Assert.That(backups.PointInTimeRecoveryDescription.EarliestRestorableDateTime, Is.Not.Null);
                Assert.That(backups.PointInTimeRecoveryDescription.LatestRestorableDateTime, Is.Not.Null);
            }
            Assert.That(updated.HttpStatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }
}
