using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb;

/// <summary>Table classes at create and update, and UpdateTable while the table is still updating.</summary>
public class TableClassAndUpdateLifecycleTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    protected override FakeAwsOptions Options(FakeAwsOptions options)
    {
        options.DynamoDb.TableStatusDelay = TimeSpan.FromSeconds(10);
        return options;
    }

    [Test]
    public async Task UpdateTable_TableClass_ShowsItsLastUpdateAndIsUpdatingUntilTheDelayPasses()
    {
        await CreateTableAsync("logs");
        await Aws.RunUntilIdleAsync();
        Assert.That((await Ddb.DescribeTableAsync("logs")).Table.TableClassSummary, Is.Null);
        Time.Advance(TimeSpan.FromHours(1));
        var updatedAt = Time.GetUtcNow();

        var updated = await Ddb.UpdateTableAsync(new UpdateTableRequest { TableName = "logs", TableClass = TableClass.STANDARD_INFREQUENT_ACCESS });

        Assert.That(updated.TableDescription.TableStatus, Is.EqualTo(TableStatus.UPDATING));
        Assert.That(updated.TableDescription.TableClassSummary.TableClass, Is.EqualTo(TableClass.STANDARD_INFREQUENT_ACCESS));
        Assert.That(updated.TableDescription.TableClassSummary.LastUpdateDateTime, Is.EqualTo(updatedAt.UtcDateTime));
        Fails<ResourceInUseException>(() => Ddb.UpdateTableAsync(new UpdateTableRequest { TableName = "logs", TableClass = TableClass.STANDARD }),
            "Attempt to change a resource which is still in use: Table is being updated: logs");

        // Polling code, as an SDK waiter does it, sees the table become ACTIVE as the clock moves.
        var polls = 0;
        while ((await Ddb.DescribeTableAsync("logs")).Table.TableStatus != TableStatus.ACTIVE)
        {
            polls++;
            Time.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.That(polls, Is.EqualTo(10));
    }

    [Test]
    public async Task UpdateTable_IndexThroughput_IndexIsUpdatingUntilTheDelayPasses()
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
                    Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
                    ProvisionedThroughput = new ProvisionedThroughput(5, 5),
                },
            ],
        });
        await Aws.RunUntilIdleAsync();

        var updated = await Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "orders",
            GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate { Update = new UpdateGlobalSecondaryIndexAction { IndexName = "by-status", ProvisionedThroughput = new ProvisionedThroughput(10, 10) } }],
        });
        Assert.That(updated.TableDescription.GlobalSecondaryIndexes.Single().IndexStatus, Is.EqualTo(IndexStatus.UPDATING));

        Time.Advance(TimeSpan.FromSeconds(10));
        var index = (await Ddb.DescribeTableAsync("orders")).Table.GlobalSecondaryIndexes.Single();
        Assert.That(index.IndexStatus, Is.EqualTo(IndexStatus.ACTIVE));
        Assert.That(index.ProvisionedThroughput.ReadCapacityUnits, Is.EqualTo(10));
    }
}
