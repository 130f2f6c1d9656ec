using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Time.Testing;

namespace FakeAws.Tour;

/// <summary>All time comes from one clock that stands still until the test moves it.</summary>
internal static class VirtualTime
{
    public static async Task RunAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 9, 0, 0, TimeSpan.Zero));
        using var aws = new FakeAwsCloud(new FakeAwsOptions { TimeProvider = time, DynamoDb = { TableStatusDelay = TimeSpan.FromSeconds(30) } });
        var ddb = aws.CreateClient<AmazonDynamoDBClient>();

        var created = await ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "slow",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
        });
        Stop.Say($"{aws.Clock.GetUtcNow():HH:mm:ss} the table is {created.TableDescription.TableStatus}, created at {created.TableDescription.CreationDateTime:HH:mm:ss}");

        aws.Clock.Advance(TimeSpan.FromSeconds(30));
        Stop.Say($"{aws.Clock.GetUtcNow():HH:mm:ss} after Advance(30 s) it is {(await ddb.DescribeTableAsync("slow")).Table.TableStatus}");

        var wait = aws.Clock.Delay(TimeSpan.FromDays(365));
        await aws.RunUntilIdleAsync();
        await wait;
        Stop.Say($"{aws.Clock.GetUtcNow():yyyy-MM-dd} a one-year wait finished at once under RunUntilIdleAsync");
    }
}
