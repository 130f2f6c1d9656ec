using System.Globalization;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity.LocalStack;

// Tests of LocalStack's tests/aws/services/dynamodb/test_dynamodb.py marked aws.validated whose recordings
// (or assertions made against AWS) are newer than the stored test_dynamodb.validation.json, which does not
// list them: TestDynamoDB::test_dynamodb_streams_shard_iterator_format,
// test_dynamodb_stream_records_with_update_item and test_dynamodb_update_table_without_sse_specification_change.
public class LocalStackUnlistedParityTests(DynamoDbPath path) : LocalStackParityTestBase(path)
{
    [Test]
    public async Task ShardIterators_StreamArnThenADigitThenAToken()
    {
        await CreateLocalStackTableAsync("iterators", hash: "my_partition_key");
        var arn = (await Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "iterators", StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_IMAGE },
        })).TableDescription.LatestStreamArn;
        var format = new Regex($@"^{Regex.Escape(arn)}\|\d\|.+$");

        var iterator = await Streams.IteratorAsync(arn);
        var read = await Streams.GetRecordsAsync(iterator);

        Assert.Multiple(() =>
        {
            Assert.That(iterator, Does.Match(format));
            Assert.That(read["NextShardIterator"]!.GetValue<string>(), Does.Match(format));
            Assert.That((JsonArray)read["Records"]!, Is.Empty);
        });
    }

    [Test]
    public async Task UpdateItem_Stream_InsertThenNoRecordForTheSameValuesThenModify()
    {
        var arn = (await CreateLocalStackTableAsync("updates", streamViewType: "NEW_AND_OLD_IMAGES")).TableDescription.LatestStreamArn;
        var starting = (await Streams.DescribeStreamAsync(arn))["Shards"]![0]!["SequenceNumberRange"]!["StartingSequenceNumber"]!.GetValue<string>();
        var iterator = await Streams.IteratorAsync(arn);
        Task Set(string first, string second) => Ddb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "updates", Key = Item(("id", S("my-item-id"))), UpdateExpression = "SET attr1 = :v1, attr2 = :v2",
            ExpressionAttributeValues = new() { [":v1"] = S(first), [":v2"] = S(second) },
        });

        Time.Advance(TimeSpan.FromMilliseconds(1500));
        await Set("value1", "value2");
        await Set("value1", "value2");
        await Set("value2", "value3");
        var records = (JsonArray)(await Streams.GetRecordsAsync(iterator))["Records"]!;

        Assert.That(records, Has.Count.EqualTo(2));
        AssertRecord(records[0], "INSERT", """{"id":{"S":"my-item-id"}}""", """{"attr1":{"S":"value1"},"attr2":{"S":"value2"},"id":{"S":"my-item-id"}}""", null, 46, "NEW_AND_OLD_IMAGES");
        AssertRecord(records[1], "MODIFY", """{"id":{"S":"my-item-id"}}""", """{"attr1":{"S":"value2"},"attr2":{"S":"value3"},"id":{"S":"my-item-id"}}""",
            """{"attr1":{"S":"value1"},"attr2":{"S":"value2"},"id":{"S":"my-item-id"}}""", 80, "NEW_AND_OLD_IMAGES");
        foreach (var record in records)
        {
            var created = record!["dynamodb"]!["ApproximateCreationDateTime"]!.GetValue<double>();
            Assert.That(created % 1, Is.Zero, "ApproximateCreationDateTime is in whole seconds");
            Assert.That(decimal.Parse(record["dynamodb"]!["SequenceNumber"]!.GetValue<string>(), CultureInfo.InvariantCulture),
                Is.GreaterThan(decimal.Parse(starting, CultureInfo.InvariantCulture)));
        }
    }

    [Test]
    public async Task UpdateTable_WithoutSseSpecification_KeepsTheEncryption()
    {
        var created = (await Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "keepsse",
            KeySchema = [new("id", KeyType.HASH)],
            AttributeDefinitions = [new("id", ScalarAttributeType.S)],
            ProvisionedThroughput = new ProvisionedThroughput(5, 5),
            SSESpecification = new SSESpecification { Enabled = true },
        })).TableDescription.SSEDescription;

        var updated = (await Ddb.UpdateTableAsync(new UpdateTableRequest { TableName = "keepsse", ProvisionedThroughput = new ProvisionedThroughput(6, 6) }))
            .TableDescription.SSEDescription;

        Assert.Multiple(() =>
        {
            Assert.That(updated.Status, Is.EqualTo(SSEStatus.ENABLED));
            Assert.That(updated.SSEType, Is.EqualTo(SSEType.KMS));
            Assert.That(updated.KMSMasterKeyArn, Is.EqualTo(created.KMSMasterKeyArn));
        });
    }
}
