using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb;

/// <summary>
/// Kinesis streaming destinations: Enable, Disable, Describe and UpdateKinesisStreamingDestination with the
/// statuses and texts ack-api-quirks recorded against AWS. FakeAws has no Kinesis: a stream ARN of the table's
/// account and region stands for an ACTIVE stream.
/// </summary>
public class KinesisStreamingDestinationTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    private static readonly TimeSpan StatusDelay = TimeSpan.FromSeconds(2);
    private const string Stream = "arn:aws:kinesis:us-east-1:123456789012:stream/changes";
    private const string NotValid = "Table is not in a valid state to enable Kinesis Streaming Destination: ";

    protected override FakeAwsOptions Options(FakeAwsOptions options)
    {
        options.DynamoDb.TableStatusDelay = StatusDelay;
        return options;
    }

    private async Task CreateAsync()
    {
        await CreateTableAsync("orders");
        Time.Advance(StatusDelay);
    }

    private Task<EnableKinesisStreamingDestinationResponse> EnableAsync(string stream = Stream, ApproximateCreationDateTimePrecision? precision = null) =>
        Ddb.EnableKinesisStreamingDestinationAsync(new EnableKinesisStreamingDestinationRequest
        {
            TableName = "orders",
            StreamArn = stream,
            EnableKinesisStreamingConfiguration = precision is null ? null : new EnableKinesisStreamingConfiguration { ApproximateCreationDateTimePrecision = precision },
        });

    private Task<DisableKinesisStreamingDestinationResponse> DisableAsync(string stream = Stream) =>
        Ddb.DisableKinesisStreamingDestinationAsync(new DisableKinesisStreamingDestinationRequest { TableName = "orders", StreamArn = stream });

    private Task<UpdateKinesisStreamingDestinationResponse> UpdateAsync(ApproximateCreationDateTimePrecision? precision) =>
        Ddb.UpdateKinesisStreamingDestinationAsync(new UpdateKinesisStreamingDestinationRequest
        {
            TableName = "orders",
            StreamArn = Stream,
            UpdateKinesisStreamingConfiguration = new UpdateKinesisStreamingConfiguration { ApproximateCreationDateTimePrecision = precision },
        });

    private async Task<List<(string Stream, string Status)>> DestinationsAsync() =>
        [.. ((await Ddb.DescribeKinesisStreamingDestinationAsync(new DescribeKinesisStreamingDestinationRequest { TableName = "orders" }))
            .KinesisDataStreamDestinations ?? []).Select(d => (d.StreamArn, d.DestinationStatus.Value))];

    [Test]
    public async Task Enable_IsEnablingThenActive_AndOnlyOneDestinationLives()
    {
        await CreateAsync();
        Assert.That(await DestinationsAsync(), Is.Empty);

        var enabled = await EnableAsync();
        var enabling = await DestinationsAsync();
        Invalid(() => EnableAsync("arn:aws:kinesis:us-east-1:123456789012:stream/other"),
            $"{NotValid}EnableKinesisStreamingDestination must be DISABLED or ENABLE_FAILED to perform ENABLE operation.");
        Invalid(() => DisableAsync(), $"{NotValid}KinesisStreamingDestination must be ACTIVE to perform DISABLE operation.");
        Time.Advance(StatusDelay);
        var active = (await Ddb.DescribeKinesisStreamingDestinationAsync(new DescribeKinesisStreamingDestinationRequest { TableName = "orders" })).KinesisDataStreamDestinations.Single();

        Assert.Multiple(() =>
        {
            Assert.That(enabled.TableName, Is.EqualTo("orders"));
            Assert.That(enabled.DestinationStatus, Is.EqualTo(DestinationStatus.ENABLING));
            Assert.That(enabled.EnableKinesisStreamingConfiguration?.ApproximateCreationDateTimePrecision, Is.Null);
            Assert.That(enabling, Is.EqualTo(new[] { (Stream, "ENABLING") }));
            Assert.That(active.DestinationStatus, Is.EqualTo(DestinationStatus.ACTIVE));
            Assert.That(active.ApproximateCreationDateTimePrecision, Is.Null, "AWS shows no precision until one is set");
            Assert.That(active.DestinationStatusDescription, Is.Null);
        });
        Invalid(() => EnableAsync(), $"{NotValid}EnableKinesisStreamingDestination must be DISABLED or ENABLE_FAILED to perform ENABLE operation.");
    }

    [Test]
    public async Task Disable_IsDisablingThenDisabled_TheEntryStays_AndEnablingAgainTakesItUp()
    {
        await CreateAsync();
        await EnableAsync(precision: ApproximateCreationDateTimePrecision.MICROSECOND);
        Time.Advance(StatusDelay);

        var disabled = await DisableAsync();
        var again = await DisableAsync();
        Time.Advance(StatusDelay);
        var afterwards = await DestinationsAsync();
        Invalid(() => DisableAsync(), $"{NotValid}KinesisStreamingDestination must be ACTIVE to perform DISABLE operation.");
        await EnableAsync();
        Time.Advance(StatusDelay);
        var enabledAgain = (await Ddb.DescribeKinesisStreamingDestinationAsync(new DescribeKinesisStreamingDestinationRequest { TableName = "orders" })).KinesisDataStreamDestinations;

        Assert.Multiple(() =>
        {
            Assert.That(disabled.DestinationStatus, Is.EqualTo(DestinationStatus.DISABLING));
            Assert.That(again.DestinationStatus, Is.EqualTo(DestinationStatus.DISABLING));
            Assert.That(afterwards, Is.EqualTo(new[] { (Stream, "DISABLED") }));
            Assert.That(enabledAgain.Select(d => (d.StreamArn, d.DestinationStatus.Value)), Is.EqualTo(new[] { (Stream, "ACTIVE") }));
            Assert.That(enabledAgain.Single().ApproximateCreationDateTimePrecision, Is.Null, "enabling again forgets the precision");
        });
        Invalid(() => Ddb.DisableKinesisStreamingDestinationAsync(new DisableKinesisStreamingDestinationRequest
        {
            TableName = "orders",
            StreamArn = Stream,
            EnableKinesisStreamingConfiguration = new EnableKinesisStreamingConfiguration { ApproximateCreationDateTimePrecision = ApproximateCreationDateTimePrecision.MICROSECOND },
        }), "Stream cannot be disabled using EnableKinesisStreamingConfiguration parameters");
    }

    [Test]
    public async Task Enable_OfAStreamAwsWouldNotAccept_EndsEnableFailed_WithAwsDescriptions()
    {
        await CreateAsync();
        var otherRegion = "arn:aws:kinesis:eu-west-1:123456789012:stream/changes";
        var otherAccount = "arn:aws:kinesis:us-east-1:999999999999:stream/changes";
        var table = "arn:aws:dynamodb:us-east-1:123456789012:table/orders";

        foreach (var stream in new[] { otherRegion, otherAccount, table })
        {
            Assert.That((await EnableAsync(stream)).DestinationStatus, Is.EqualTo(DestinationStatus.ENABLING));
            Time.Advance(StatusDelay);
        }
        var failed = (await Ddb.DescribeKinesisStreamingDestinationAsync(new DescribeKinesisStreamingDestinationRequest { TableName = "orders" })).KinesisDataStreamDestinations;

        Assert.That(failed.Select(d => (d.StreamArn, d.DestinationStatus.Value, d.DestinationStatusDescription)), Is.EqualTo(new[]
        {
            (table, "ENABLE_FAILED", "User does not have a permission to use kinesis stream"),
            (otherAccount, "ENABLE_FAILED", "The kinesis Arn used to enable kinesis replication belongs to a stream which is not in Active state"),
            (otherRegion, "ENABLE_FAILED", "The kinesis Arn used to enable kinesis replication belongs to a stream which is not in the current region"),
        }));
        Invalid(() => UpdateAsync(ApproximateCreationDateTimePrecision.MICROSECOND),
            $"{NotValid}Kinesis streaming is not in ACTIVE state. Updates are only allowed in ACTIVE state. TableName: orders");
        // Failed entries do not stand in the way of a stream that works.
        await EnableAsync();
        Time.Advance(StatusDelay);
        Assert.That((await DestinationsAsync())[0], Is.EqualTo((Stream, "ACTIVE")));
    }

    [Test]
    public async Task Update_ChangesThePrecision_ThroughUpdating()
    {
        await CreateAsync();
        await EnableAsync();
        Time.Advance(StatusDelay);
        var tableId = (await Ddb.DescribeTableAsync("orders")).Table.TableId;

        Invalid(() => UpdateAsync(null),
            "Streaming destination cannot be updated with given parameters: UpdateKinesisStreamingConfiguration cannot be null or contain only null values");
        Invalid(() => UpdateAsync(ApproximateCreationDateTimePrecision.MILLISECOND),
            $"Invalid Request: Precision is already set to the desired value of MILLISECOND for tableId: {tableId}, kdsArn: {Stream}");
        var updated = await UpdateAsync(ApproximateCreationDateTimePrecision.MICROSECOND);
        var updating = await DestinationsAsync();
        Invalid(() => UpdateAsync(ApproximateCreationDateTimePrecision.MILLISECOND),
            $"{NotValid}Kinesis streaming is not in ACTIVE state. Updates are only allowed in ACTIVE state. TableName: orders");
        Time.Advance(StatusDelay);
        var active = (await Ddb.DescribeKinesisStreamingDestinationAsync(new DescribeKinesisStreamingDestinationRequest { TableName = "orders" })).KinesisDataStreamDestinations.Single();

        Assert.Multiple(() =>
        {
            Assert.That(updated.DestinationStatus, Is.EqualTo(DestinationStatus.UPDATING));
            Assert.That(updated.UpdateKinesisStreamingConfiguration.ApproximateCreationDateTimePrecision, Is.EqualTo(ApproximateCreationDateTimePrecision.MICROSECOND));
            Assert.That(updating, Is.EqualTo(new[] { (Stream, "UPDATING") }));
            Assert.That(active.DestinationStatus, Is.EqualTo(DestinationStatus.ACTIVE));
            Assert.That(active.ApproximateCreationDateTimePrecision, Is.EqualTo(ApproximateCreationDateTimePrecision.MICROSECOND));
        });
    }

    [Test]
    public async Task MissingTable_AndDeleteTable()
    {
        Fails<ResourceNotFoundException>(() => EnableAsync(), "Requested resource not found: Table: orders not found");
        Fails<ResourceNotFoundException>(() => Ddb.DescribeKinesisStreamingDestinationAsync(new DescribeKinesisStreamingDestinationRequest { TableName = "orders" }),
            "Requested resource not found: Table: orders not found");
        await CreateAsync();
        await EnableAsync();
        var snapshot = Aws.Snapshot();

        await Ddb.DeleteTableAsync("orders");
        Time.Advance(StatusDelay);
        await CreateAsync();
        Assert.That(await DestinationsAsync(), Is.Empty, "a table made again under the name has no destination");

        Aws.Restore(snapshot);
        Time.Advance(StatusDelay);
        Assert.That(await DestinationsAsync(), Is.EqualTo(new[] { (Stream, "ACTIVE") }), "snapshots keep destinations");
    }
}
