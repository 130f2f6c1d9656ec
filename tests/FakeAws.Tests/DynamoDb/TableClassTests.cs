using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb;

/// <summary>Table classes at create and update, and UpdateTable while the table is still updating.</summary>
public class TableClassAndUpdateLifecycleTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    protected override FakeAwsOptions Options(FakeAwsOptions options)
    {
        options.DynamoDbTableStatusDelay = TimeSpan.FromSeconds(10);
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
}
