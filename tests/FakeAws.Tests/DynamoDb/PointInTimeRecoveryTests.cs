using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb;

/// <summary>Point-in-time recovery: its window on the virtual clock and restores of exactly the data of an instant.</summary>
public class PointInTimeRecoveryTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    private Task<UpdateContinuousBackupsResponse> EnableAsync(string table, int? days = null) => Ddb.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest
    {
        TableName = table,
        PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true, RecoveryPeriodInDays = days },
    });

    private Task DisableAsync(string table) => Ddb.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest
    {
        TableName = table,
        PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = false },
    });

    private Task<RestoreTableToPointInTimeResponse> RestoreAsync(string source, string target, DateTimeOffset? at = null) =>
        Ddb.RestoreTableToPointInTimeAsync(new RestoreTableToPointInTimeRequest
        {
            SourceTableName = source,
            TargetTableName = target,
            RestoreDateTime = at?.UtcDateTime,
            UseLatestRestorableTime = at is null ? true : null,
        });

    private Task PutAsync(string table, string key, string value) =>
        Ddb.PutItemAsync(table, Item(("pk", S(key)), ("v", S(value))));

    private async Task<Dictionary<string, string>> ContentsAsync(string table) =>
        (await Ddb.ScanAsync(new ScanRequest(table))).Items.ToDictionary(i => i["pk"].S, i => i["v"].S);

    [Test]
    public async Task DescribeContinuousBackups_RecoveryOffByDefault()
    {
        await CreateTableAsync("orders");
        var description = (await Ddb.DescribeContinuousBackupsAsync(new DescribeContinuousBackupsRequest { TableName = "orders" })).ContinuousBackupsDescription;

        Assert.That(description.ContinuousBackupsStatus, Is.EqualTo(ContinuousBackupsStatus.ENABLED));
        Assert.That(description.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus, Is.EqualTo(PointInTimeRecoveryStatus.DISABLED));
        Assert.That(description.PointInTimeRecoveryDescription.EarliestRestorableDateTime, Is.Null);
    }

    [Test]
    public async Task Enabled_WindowRunsFromEnablingToFiveMinutesAgo()
    {
        await CreateTableAsync("orders");
        var enabled = (await EnableAsync("orders")).ContinuousBackupsDescription.PointInTimeRecoveryDescription;
        Time.Advance(TimeSpan.FromDays(1));
        var dayLater = (await Ddb.DescribeContinuousBackupsAsync(new DescribeContinuousBackupsRequest { TableName = "orders" }))
            .ContinuousBackupsDescription.PointInTimeRecoveryDescription;
        Time.Advance(TimeSpan.FromDays(40));
        var later = (await Ddb.DescribeContinuousBackupsAsync(new DescribeContinuousBackupsRequest { TableName = "orders" }))
            .ContinuousBackupsDescription.PointInTimeRecoveryDescription;

        Assert.Multiple(() =>
        {
            Assert.That(enabled.PointInTimeRecoveryStatus, Is.EqualTo(PointInTimeRecoveryStatus.ENABLED));
            Assert.That(enabled.RecoveryPeriodInDays, Is.EqualTo(35));
            Assert.That(enabled.EarliestRestorableDateTime, Is.EqualTo(Start.UtcDateTime));
            Assert.That(dayLater.EarliestRestorableDateTime, Is.EqualTo(Start.UtcDateTime));
            Assert.That(dayLater.LatestRestorableDateTime, Is.EqualTo(Start.AddDays(1).AddMinutes(-5).UtcDateTime));
            Assert.That(later.EarliestRestorableDateTime, Is.EqualTo(Start.AddDays(41 - 35).UtcDateTime));
        });
    }

    [Test]
    public async Task RestoreToTenDaysAgo_ReturnsTheValuesOfThatInstant()
    {
        await CreateTableAsync("orders");
        await PutAsync("orders", "kept", "unchanged");
        await PutAsync("orders", "changed", "v1");
        await PutAsync("orders", "deleted", "gone later");
        await EnableAsync("orders");

        Time.Advance(TimeSpan.FromDays(5));
        await PutAsync("orders", "changed", "v2");
        Time.Advance(TimeSpan.FromDays(5));
        var tenDaysBeforeTheEnd = Time.GetUtcNow();
        Time.Advance(TimeSpan.FromDays(5));
        await PutAsync("orders", "changed", "v3");
        await Ddb.DeleteItemAsync("orders", Item(("pk", S("deleted"))));
        await PutAsync("orders", "new", "born later");
        Time.Advance(TimeSpan.FromDays(5));

        var restored = await RestoreAsync("orders", "orders-restored", tenDaysBeforeTheEnd);

        Assert.That(restored.TableDescription.TableName, Is.EqualTo("orders-restored"));
        Assert.That(restored.TableDescription.RestoreSummary.SourceTableArn, Is.EqualTo("arn:aws:dynamodb:us-east-1:123456789012:table/orders"));
        Assert.That(restored.TableDescription.RestoreSummary.RestoreDateTime, Is.EqualTo(tenDaysBeforeTheEnd.UtcDateTime));
        Assert.That(restored.TableDescription.RestoreSummary.RestoreInProgress, Is.False);
        Assert.That(await ContentsAsync("orders-restored"), Is.EquivalentTo(new Dictionary<string, string>
        {
            ["kept"] = "unchanged",
            ["changed"] = "v2",
            ["deleted"] = "gone later",
        }));
        Assert.That((await ContentsAsync("orders"))["changed"], Is.EqualTo("v3"), "the source table is untouched");
    }

    [Test]
    public async Task UseLatestRestorableTime_RestoresTheStateOfFiveMinutesAgo()
    {
        await CreateTableAsync("orders");
        await EnableAsync("orders");
        await PutAsync("orders", "a", "old");
        Time.Advance(TimeSpan.FromHours(1));
        await PutAsync("orders", "a", "new");
        Time.Advance(TimeSpan.FromMinutes(4));

        await RestoreAsync("orders", "latest");

        Assert.That((await ContentsAsync("latest"))["a"], Is.EqualTo("old"));
    }

    [Test]
    public async Task RestoreTime_OutsideTheWindow_InvalidRestoreTimeException()
    {
        await CreateTableAsync("orders");
        await EnableAsync("orders");
        Time.Advance(TimeSpan.FromDays(1));

        Fails<InvalidRestoreTimeException>(() => RestoreAsync("orders", "early", Start.AddSeconds(-1)),
            "Only restore time between 2030-06-01T12:00:00.000Z and 2030-06-02T11:55:00.000Z can be used");
        Fails<InvalidRestoreTimeException>(() => RestoreAsync("orders", "late", Time.GetUtcNow().AddMinutes(-4)),
            "Only restore time between 2030-06-01T12:00:00.000Z and 2030-06-02T11:55:00.000Z can be used");
    }

    [Test]
    public async Task Restore_AwsErrors()
    {
        await CreateTableAsync("orders");
        await CreateTableAsync("taken");
        Fails<PointInTimeRecoveryUnavailableException>(() => RestoreAsync("orders", "copy"), "Point in time recovery is not enabled for table 'orders'");
        await EnableAsync("orders");
        Fails<TableAlreadyExistsException>(() => RestoreAsync("orders", "taken"), "Table already exists: taken");
        // The .NET SDK has no class for SourceTableNotFoundException: the code says it.
        Assert.That(Fails<AmazonDynamoDBException>(() => RestoreAsync("ghost", "copy"), "Source table not found: ghost").ErrorCode,
            Is.EqualTo("SourceTableNotFoundException"));
        Fails<TableNotFoundException>(() => EnableAsync("ghost"), "Table not found: ghost");
    }

    [Test]
    public async Task Disabling_DropsTheHistory()
    {
        await CreateTableAsync("orders");
        await EnableAsync("orders");
        await PutAsync("orders", "a", "v1");
        Time.Advance(TimeSpan.FromDays(1));
        await DisableAsync("orders");
        var reenabled = (await EnableAsync("orders")).ContinuousBackupsDescription.PointInTimeRecoveryDescription;
        Time.Advance(TimeSpan.FromDays(1));

        Assert.That(reenabled.EarliestRestorableDateTime, Is.EqualTo(Start.AddDays(1).UtcDateTime));
        Fails<InvalidRestoreTimeException>(() => RestoreAsync("orders", "copy", Start.AddHours(1)),
            "Only restore time between 2030-06-02T12:00:00.000Z and 2030-06-03T11:55:00.000Z can be used");
    }

    [Test]
    public async Task RecoveryPeriod_LimitsHowFarBackARestoreGoes()
    {
        await CreateTableAsync("orders");
        await EnableAsync("orders", days: 7);
        Time.Advance(TimeSpan.FromDays(10));

        var description = (await Ddb.DescribeContinuousBackupsAsync(new DescribeContinuousBackupsRequest { TableName = "orders" }))
            .ContinuousBackupsDescription.PointInTimeRecoveryDescription;

        Assert.That(description.RecoveryPeriodInDays, Is.EqualTo(7));
        Assert.That(description.EarliestRestorableDateTime, Is.EqualTo(Start.AddDays(3).UtcDateTime));
        Invalid(() => EnableAsync("orders", days: 36),
            "1 validation error detected: Value '36' at 'pointInTimeRecoverySpecification.recoveryPeriodInDays' failed to satisfy constraint: Member must have value less than or equal to 35");
    }

    [Test]
    public async Task Restore_WithOverrides_MakesTheTableAsAsked()
    {
        await Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "orders",
            KeySchema = [new("pk", KeyType.HASH)],
            AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("status", ScalarAttributeType.S)],
            ProvisionedThroughput = new ProvisionedThroughput(5, 5),
            GlobalSecondaryIndexes =
            [
                new GlobalSecondaryIndex
                {
                    IndexName = "by-status",
                    KeySchema = [new("status", KeyType.HASH)],
                    Projection = new Projection { ProjectionType = ProjectionType.ALL },
                    ProvisionedThroughput = new ProvisionedThroughput(5, 5),
                },
            ],
        });
        await EnableAsync("orders");
        await Ddb.PutItemAsync("orders", Item(("pk", S("a")), ("status", S("open"))));
        Time.Advance(TimeSpan.FromHours(1));

        var plain = await Ddb.RestoreTableToPointInTimeAsync(new RestoreTableToPointInTimeRequest
        {
            SourceTableName = "orders",
            TargetTableName = "plain",
            UseLatestRestorableTime = true,
            BillingModeOverride = BillingMode.PAY_PER_REQUEST,
            GlobalSecondaryIndexOverride = [],
        });
        var same = await RestoreAsync("orders", "same");
        var byStatus = await Ddb.QueryAsync(new QueryRequest
        {
            TableName = "same",
            IndexName = "by-status",
            KeyConditionExpression = "#s = :s",
            ExpressionAttributeNames = new() { ["#s"] = "status" },
            ExpressionAttributeValues = new() { [":s"] = S("open") },
        });

        Assert.Multiple(() =>
        {
            Assert.That(plain.TableDescription.BillingModeSummary.BillingMode, Is.EqualTo(BillingMode.PAY_PER_REQUEST));
            Assert.That(plain.TableDescription.GlobalSecondaryIndexes, Is.Null.Or.Empty);
            Assert.That(same.TableDescription.ProvisionedThroughput.ReadCapacityUnits, Is.EqualTo(5));
            Assert.That(same.TableDescription.GlobalSecondaryIndexes.Single().IndexName, Is.EqualTo("by-status"));
            Assert.That(byStatus.Count, Is.EqualTo(1));
        });
    }
}
