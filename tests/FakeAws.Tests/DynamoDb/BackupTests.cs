using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb;

/// <summary>On-demand backups: made, listed, described, deleted and restored to new tables, outliving their table.</summary>
public class BackupTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    private async Task<string> BackupAsync(string table, string name) =>
        (await Ddb.CreateBackupAsync(new CreateBackupRequest { TableName = table, BackupName = name })).BackupDetails.BackupArn;

    private Task<RestoreTableFromBackupResponse> RestoreAsync(string backupArn, string target) =>
        Ddb.RestoreTableFromBackupAsync(new RestoreTableFromBackupRequest { BackupArn = backupArn, TargetTableName = target });

    [Test]
    public async Task CreateBackup_DescribesTheBackupAndItsTable()
    {
        await CreateTableAsync("orders");
        await Ddb.PutItemAsync("orders", Item(("pk", S("a")), ("v", S("1"))));

        var details = (await Ddb.CreateBackupAsync(new CreateBackupRequest { TableName = "orders", BackupName = "nightly" })).BackupDetails;
        var description = (await Ddb.DescribeBackupAsync(new DescribeBackupRequest { BackupArn = details.BackupArn })).BackupDescription;

        Assert.Multiple(() =>
        {
            Assert.That(details.BackupArn, Does.Match("^arn:aws:dynamodb:us-east-1:123456789012:table/orders/backup/[0-9]{14}-[0-9a-f]{8}$"));
            Assert.That(details.BackupName, Is.EqualTo("nightly"));
            Assert.That(details.BackupStatus, Is.EqualTo(BackupStatus.AVAILABLE));
            Assert.That(details.BackupType, Is.EqualTo(BackupType.USER));
            Assert.That(details.BackupCreationDateTime, Is.EqualTo(Start.UtcDateTime));
            Assert.That(details.BackupSizeBytes, Is.EqualTo(5));
            Assert.That(description.SourceTableDetails.TableName, Is.EqualTo("orders"));
            Assert.That(description.SourceTableDetails.ItemCount, Is.EqualTo(1));
            Assert.That(description.SourceTableDetails.BillingMode, Is.EqualTo(BillingMode.PAY_PER_REQUEST));
        });
    }

    [Test]
    public async Task Backup_OutlivesItsTableAndRestoresItsItems()
    {
        await CreateTableAsync("orders");
        await Ddb.PutItemAsync("orders", Item(("pk", S("a")), ("v", S("at backup"))));
        var arn = await BackupAsync("orders", "before-delete");
        await Ddb.PutItemAsync("orders", Item(("pk", S("a")), ("v", S("after backup"))));
        await Ddb.DeleteTableAsync("orders");

        var restored = await RestoreAsync(arn, "orders");
        var item = await Ddb.GetItemAsync("orders", Item(("pk", S("a"))));

        Assert.That(restored.TableDescription.RestoreSummary.SourceBackupArn, Is.EqualTo(arn));
        Assert.That(item.Item["v"].S, Is.EqualTo("at backup"));
    }

    [Test]
    public async Task ListBackups_FiltersByTableAndTimeAndPages()
    {
        await CreateTableAsync("orders");
        await CreateTableAsync("users");
        var first = await BackupAsync("orders", "first");
        Time.Advance(TimeSpan.FromHours(1));
        var second = await BackupAsync("orders", "second");
        await BackupAsync("users", "other");
        Time.Advance(TimeSpan.FromHours(1));
        var third = await BackupAsync("orders", "third");

        var ofOrders = await Ddb.ListBackupsAsync(new ListBackupsRequest { TableName = "orders" });
        var middle = await Ddb.ListBackupsAsync(new ListBackupsRequest
        {
            TableName = "orders",
            TimeRangeLowerBound = Start.AddHours(1).UtcDateTime,
            TimeRangeUpperBound = Start.AddHours(2).UtcDateTime,
        });
        var page = await Ddb.ListBackupsAsync(new ListBackupsRequest { TableName = "orders", Limit = 2 });
        var next = await Ddb.ListBackupsAsync(new ListBackupsRequest { TableName = "orders", Limit = 2, ExclusiveStartBackupArn = page.LastEvaluatedBackupArn });

        Assert.Multiple(() =>
        {
            Assert.That(ofOrders.BackupSummaries.Select(b => b.BackupArn), Is.EqualTo(new[] { first, second, third }));
            Assert.That(middle.BackupSummaries.Select(b => b.BackupName), Is.EqualTo(new[] { "second" }));
            Assert.That(page.BackupSummaries.Select(b => b.BackupArn), Is.EqualTo(new[] { first, second }));
            Assert.That(page.LastEvaluatedBackupArn, Is.EqualTo(second));
            Assert.That(next.BackupSummaries.Select(b => b.BackupArn), Is.EqualTo(new[] { third }));
            Assert.That(next.LastEvaluatedBackupArn, Is.Null);
        });
    }

    [Test]
    public async Task DeleteBackup_ThenItIsNotFound()
    {
        await CreateTableAsync("orders");
        var arn = await BackupAsync("orders", "nightly");

        var deleted = await Ddb.DeleteBackupAsync(new DeleteBackupRequest { BackupArn = arn });

        Assert.That(deleted.BackupDescription.BackupDetails.BackupStatus, Is.EqualTo(BackupStatus.DELETED));
        Fails<BackupNotFoundException>(() => Ddb.DescribeBackupAsync(new DescribeBackupRequest { BackupArn = arn }), $"Backup not found: {arn}");
        Fails<BackupNotFoundException>(() => RestoreAsync(arn, "copy"), $"Backup not found: {arn}");
    }

    [Test]
    public async Task Backup_AwsErrors()
    {
        await CreateTableAsync("orders");
        var arn = await BackupAsync("orders", "nightly");
        Fails<TableAlreadyExistsException>(() => RestoreAsync(arn, "orders"), "Table already exists: orders");
        Fails<TableNotFoundException>(() => BackupAsync("ghost", "nightly"), "Table not found: ghost");
        Invalid(() => BackupAsync("orders", "a b"),
            "1 validation error detected: Value 'a b' at 'backupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }

    [Test]
    public async Task DeletingATableWithRecoveryOn_KeepsASystemBackup()
    {
        await CreateTableAsync("orders");
        await Ddb.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest
        {
            TableName = "orders",
            PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true },
        });
        await Ddb.DeleteTableAsync("orders");

        var system = (await Ddb.ListBackupsAsync(new ListBackupsRequest { BackupType = BackupTypeFilter.SYSTEM })).BackupSummaries.Single();
        Assert.That(system.BackupName, Is.EqualTo("orders$DeletedTableBackup"));
        Assert.That(system.BackupExpiryDateTime, Is.EqualTo(Start.AddDays(35).UtcDateTime));
        Assert.That((await Ddb.ListBackupsAsync(new ListBackupsRequest())).BackupSummaries, Is.Empty, "USER backups are listed unless asked otherwise");

        Time.Advance(TimeSpan.FromDays(35));
        Assert.That((await Ddb.ListBackupsAsync(new ListBackupsRequest { BackupType = BackupTypeFilter.ALL })).BackupSummaries, Is.Empty);
    }
}

/// <summary>Backups while a table status delay is set: CREATING backups and restores in progress are in use.</summary>
public class BackupLifecycleTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    protected override FakeAwsOptions Options(FakeAwsOptions options)
    {
        options.DynamoDb.TableStatusDelay = TimeSpan.FromSeconds(30);
        return options;
    }

    [Test]
    public async Task BackupBeingMadeOrRestored_BackupInUseException()
    {
        await CreateTableAsync("orders");
        await Aws.RunUntilIdleAsync();
        var details = (await Ddb.CreateBackupAsync(new CreateBackupRequest { TableName = "orders", BackupName = "nightly" })).BackupDetails;
        const string inUse = "There is another ongoing conflicting backup control plane operation on the table. The backup is either being created, deleted or restored to a table.";

        Assert.That(details.BackupStatus, Is.EqualTo(BackupStatus.CREATING));
        Fails<BackupInUseException>(() => Ddb.DeleteBackupAsync(new DeleteBackupRequest { BackupArn = details.BackupArn }), inUse);
        Fails<BackupInUseException>(() => Ddb.RestoreTableFromBackupAsync(new RestoreTableFromBackupRequest { BackupArn = details.BackupArn, TargetTableName = "copy" }), inUse);

        Time.Advance(TimeSpan.FromSeconds(30));
        var restore = await Ddb.RestoreTableFromBackupAsync(new RestoreTableFromBackupRequest { BackupArn = details.BackupArn, TargetTableName = "copy" });
        Assert.That(restore.TableDescription.TableStatus, Is.EqualTo(TableStatus.CREATING));
        Assert.That(restore.TableDescription.RestoreSummary.RestoreInProgress, Is.True);
        Fails<BackupInUseException>(() => Ddb.DeleteBackupAsync(new DeleteBackupRequest { BackupArn = details.BackupArn }), inUse);

        Time.Advance(TimeSpan.FromSeconds(30));
        Assert.That((await Ddb.DescribeTableAsync("copy")).Table.RestoreSummary.RestoreInProgress, Is.False);
        await Ddb.DeleteBackupAsync(new DeleteBackupRequest { BackupArn = details.BackupArn });
    }
}
