using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tour;

/// <summary>A query on a global secondary index and a transaction that is all-or-nothing.</summary>
internal static class DynamoDbQueries
{
    public static async Task RunAsync()
    {
        using var aws = new FakeAwsCloud();
        var ddb = aws.CreateClient<AmazonDynamoDBClient>();
        await ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "orders",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S), new AttributeDefinition("status", ScalarAttributeType.S), new AttributeDefinition("total", ScalarAttributeType.N)],
            GlobalSecondaryIndexes =
            [
                new GlobalSecondaryIndex
                {
                    IndexName = "by-status",
                    KeySchema = [new KeySchemaElement("status", KeyType.HASH), new KeySchemaElement("total", KeyType.RANGE)],
                    Projection = new Projection { ProjectionType = ProjectionType.ALL },
                },
            ],
        });
        foreach (var (id, status, total) in new[] { ("o1", "open", "30"), ("o2", "open", "12.5"), ("o3", "shipped", "8"), ("o4", "open", "99") })
        {
            await ddb.PutItemAsync("orders", new() { ["id"] = new(id), ["status"] = new(status), ["total"] = new() { N = total } });
        }

        var open = await ddb.QueryAsync(new QueryRequest
        {
            TableName = "orders",
            IndexName = "by-status",
            KeyConditionExpression = "#s = :open AND #t > :min",
            ExpressionAttributeNames = new() { ["#s"] = "status", ["#t"] = "total" },
            ExpressionAttributeValues = new() { [":open"] = new("open"), [":min"] = new() { N = "20" } },
            ScanIndexForward = false,
        });
        Stop.Say($"Query by-status = open, total > 20, descending: {string.Join(", ", open.Items.Select(i => $"{i["id"].S} ({i["total"].N})"))}");

        try
        {
            await ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
            {
                TransactItems =
                [
                    new TransactWriteItem { Update = new Update { TableName = "orders", Key = new() { ["id"] = new("o1") }, UpdateExpression = "SET #s = :shipped", ExpressionAttributeNames = new() { ["#s"] = "status" }, ExpressionAttributeValues = new() { [":shipped"] = new("shipped") } } },
                    new TransactWriteItem { ConditionCheck = new ConditionCheck { TableName = "orders", Key = new() { ["id"] = new("o3") }, ConditionExpression = "#s = :open", ExpressionAttributeNames = new() { ["#s"] = "status" }, ExpressionAttributeValues = new() { [":open"] = new("open") } } },
                ],
            });
        }
        catch (TransactionCanceledException e)
        {
            Stop.Say($"TransactWriteItems cancelled: {e.Message}");
            Stop.Say($"  reasons: {string.Join(", ", e.CancellationReasons.Select(r => r.Code))}; o1 is still {(await ddb.GetItemAsync("orders", new() { ["id"] = new("o1") })).Item["status"].S}");
        }
    }
}
