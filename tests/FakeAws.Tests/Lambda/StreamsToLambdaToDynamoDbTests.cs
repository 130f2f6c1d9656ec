using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Time.Testing;

namespace FakeAws.Tests.Lambda;

/// <summary>
/// Streams → Lambda → DynamoDB entirely in the test process: orders written to a table reach a
/// function through the table's stream, and the function keeps per-customer totals in another table.
/// Two clouds given the same writes see the same events, byte for byte.
/// </summary>
public class StreamsToLambdaToDynamoDbTests
{
    private static readonly DateTimeOffset Start = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task OrdersStream_ProjectsTotals_InProcessAndDeterministically()
    {
        var (totals, events) = await RunAsync();
        var (againTotals, againEvents) = await RunAsync();

        Assert.That(totals, Is.EquivalentTo(new Dictionary<string, decimal> { ["ada"] = 17.5m, ["bob"] = 3m }));
        Assert.That(againTotals, Is.EquivalentTo(totals));
        Assert.That(againEvents, Is.EqualTo(events), "the same writes give the same events: ids, sequence numbers and times");
    }

    /// <summary>Runs the whole flow in a fresh cloud; returns the totals table and the events the function saw.</summary>
    private static async Task<(Dictionary<string, decimal> Totals, List<string> Events)> RunAsync()
    {
        using var aws = new FakeAwsCloud(new FakeAwsOptions { TimeProvider = new FakeTimeProvider(Start) });
        using var ddb = aws.CreateClient<AmazonDynamoDBClient>();
        var events = new List<string>();
        var stream = (await ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "orders",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new("id", KeyType.HASH)],
            AttributeDefinitions = [new("id", ScalarAttributeType.S)],
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES },
        })).TableDescription.LatestStreamArn;
        await ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "totals",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new("customer", KeyType.HASH)],
            AttributeDefinitions = [new("customer", ScalarAttributeType.S)],
        });

        // The function adds each new order's amount (less the old amount of a changed order) to its customer's total.
        aws.Lambda.AddFunction("project-totals", async (JsonElement input) =>
        {
            events.Add(input.GetRawText());
            foreach (var record in input.GetProperty("Records").EnumerateArray())
            {
                var change = record.GetProperty("dynamodb");
                var amount = Amount(change, "NewImage") - Amount(change, "OldImage");
                var customer = (change.TryGetProperty("NewImage", out var image) ? image : change.GetProperty("OldImage"))
                    .GetProperty("customer").GetProperty("S").GetString()!;
                await ddb.UpdateItemAsync(new UpdateItemRequest
                {
                    TableName = "totals",
                    Key = new() { ["customer"] = new() { S = customer } },
                    UpdateExpression = "ADD #total :amount",
                    ExpressionAttributeNames = new() { ["#total"] = "total" },
                    ExpressionAttributeValues = new() { [":amount"] = new() { N = amount.ToString(CultureInfo.InvariantCulture) } },
                });
            }
        });
        using (var lambda = new LambdaWire(aws))
        {
            var mapped = await lambda.Post("/2015-03-31/event-source-mappings",
                new { EventSourceArn = stream, FunctionName = "project-totals", StartingPosition = "TRIM_HORIZON", BatchSize = 2 });
            Assert.That((int)mapped.Status, Is.EqualTo(202), mapped.ToString());
        }

        await Order(ddb, "o1", "ada", "10");
        await Order(ddb, "o2", "bob", "3");
        await Order(ddb, "o3", "ada", "5");
        await aws.RunUntilIdleAsync();
        await Order(ddb, "o1", "ada", "12.5");
        await aws.RunUntilIdleAsync();

        var totals = (await ddb.ScanAsync(new ScanRequest("totals"))).Items
            .ToDictionary(i => i["customer"].S, i => decimal.Parse(i["total"].N, CultureInfo.InvariantCulture));
        return (totals, events);
    }

    private static Task Order(AmazonDynamoDBClient ddb, string id, string customer, string amount) => ddb.PutItemAsync("orders", new()
    {
        ["id"] = new() { S = id },
        ["customer"] = new() { S = customer },
        ["amount"] = new() { N = amount },
    });

    private static decimal Amount(JsonElement change, string image) =>
        change.TryGetProperty(image, out var item) ? decimal.Parse(item.GetProperty("amount").GetProperty("N").GetString()!, CultureInfo.InvariantCulture) : 0;
}
