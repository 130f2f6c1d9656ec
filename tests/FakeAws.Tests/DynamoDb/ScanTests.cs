using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb;

public class ScanTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    private const int ItemCount = 60;

    [SetUp]
    public async Task CreateTables()
    {
        await CreateTableAsync("items", "pk", range: "sk", rangeType: ScalarAttributeType.N);
        var writes = Enumerable.Range(0, ItemCount)
            .Select(i => new WriteRequest(new PutRequest(Item(("pk", S($"p{i % 20}")), ("sk", N($"{i}")), ("odd", new AttributeValue { BOOL = i % 2 == 1 })))))
            .ToList();
        foreach (var chunk in writes.Chunk(25))
        {
            await Ddb.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new() { ["items"] = [.. chunk] } });
        }
    }

    private async Task<List<Dictionary<string, AttributeValue>>> ScanAll(ScanRequest request)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        do
        {
            var response = await Ddb.ScanAsync(request);
            items.AddRange(response.Items ?? []);
            request.ExclusiveStartKey = response.LastEvaluatedKey;
        }
        while (request.ExclusiveStartKey is { Count: > 0 });
        return items;
    }

    [Test]
    public async Task Scan_Paged_ReturnsEveryItemOnce()
    {
        var items = await ScanAll(new ScanRequest { TableName = "items", Limit = 7 });

        Assert.That(items.Select(i => i["sk"].N).Order(), Is.EquivalentTo(Enumerable.Range(0, ItemCount).Select(i => $"{i}")));
    }

    [Test]
    public async Task Scan_SamePartition_ComesTogetherInSortOrder()
    {
        var items = await ScanAll(new ScanRequest { TableName = "items" });

        var order = items.Select(i => (i["pk"].S, int.Parse(i["sk"].N, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var partitions = order.Select(o => o.S).Distinct().ToList();
        Assert.That(partitions, Has.Count.EqualTo(20));
        foreach (var partition in partitions)
        {
            var positions = order.Select((o, i) => (o, i)).Where(x => x.o.S == partition).ToList();
            Assert.That(positions.Select(p => p.o.Item2), Is.Ordered);
            Assert.That(positions[^1].i - positions[0].i, Is.EqualTo(positions.Count - 1));
        }
    }

    [Test]
    public async Task Scan_ParallelSegments_CoverTheTableWithoutOverlap()
    {
        var all = new List<string>();
        for (var segment = 0; segment < 4; segment++)
        {
            var items = await ScanAll(new ScanRequest { TableName = "items", Segment = segment, TotalSegments = 4, Limit = 5 });
            all.AddRange(items.Select(i => i["sk"].N));
        }

        Assert.That(all, Is.EquivalentTo(Enumerable.Range(0, ItemCount).Select(i => $"{i}")));
    }

    [Test]
    public async Task Scan_FilterAndSelectCount_CountsMatches()
    {
        var response = await Ddb.ScanAsync(new ScanRequest
        {
            TableName = "items",
            FilterExpression = "odd = :t",
            ExpressionAttributeValues = new() { [":t"] = new AttributeValue { BOOL = true } },
            Select = Select.COUNT,
        });

        Assert.That(response.Count, Is.EqualTo(ItemCount / 2));
        Assert.That(response.ScannedCount, Is.EqualTo(ItemCount));
        Assert.That(response.Items, Is.Null.Or.Empty);
    }

    [Test]
    public async Task Scan_LegacyScanFilterAndAttributesToGet_Work()
    {
        var response = await Ddb.ScanAsync(new ScanRequest
        {
            TableName = "items",
            ScanFilter = new() { ["sk"] = new Condition { ComparisonOperator = ComparisonOperator.LT, AttributeValueList = [N("3")] } },
            AttributesToGet = ["sk"],
        });

        Assert.That(response.Items.Select(i => i["sk"].N), Is.EquivalentTo(new[] { "0", "1", "2" }));
        Assert.That(response.Items.SelectMany(i => i.Keys).Distinct(), Is.EqualTo(new[] { "sk" }));
    }

    [Test]
    public void Scan_SegmentWithoutTotal_ValidationException() =>
        Invalid(() => Ddb.ScanAsync(new ScanRequest { TableName = "items", Segment = 1 }),
            "The TotalSegments parameter is required but was not present in the request when Segment parameter is present");

    [Test]
    public void Scan_TotalWithoutSegment_ValidationException() =>
        Invalid(() => Ddb.ScanAsync(new ScanRequest { TableName = "items", TotalSegments = 2 }),
            "The Segment parameter is required but was not present in the request when parameter TotalSegments is present");

    [Test]
    public void Scan_SegmentOutOfRange_ValidationException() =>
        Invalid(() => Ddb.ScanAsync(new ScanRequest { TableName = "items", Segment = 3, TotalSegments = 3 }),
            "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 3 is not less than TotalSegments: 3");

    [Test]
    public async Task Scan_StartKeyOfAnotherSegment_ValidationException()
    {
        var first = await Ddb.ScanAsync(new ScanRequest { TableName = "items", Segment = 0, TotalSegments = 2, Limit = 1 });
        Invalid(() => Ddb.ScanAsync(new ScanRequest { TableName = "items", Segment = 1, TotalSegments = 2, ExclusiveStartKey = first.LastEvaluatedKey }),
            "The provided starting key is invalid: Invalid ExclusiveStartKey. Please use ExclusiveStartKey with correct Segment. TotalSegments: 2 Segment: 1");
    }

    [Test]
    public void Scan_StartKeyNotMatchingSchema_ValidationException() =>
        Invalid(() => Ddb.ScanAsync(new ScanRequest { TableName = "items", ExclusiveStartKey = Item(("pk", S("p1"))) }),
            "The provided starting key is invalid: The provided key element does not match the schema");

    [Test]
    public void Scan_SpecificAttributesWithoutProjection_ValidationException() =>
        Invalid(() => Ddb.ScanAsync(new ScanRequest { TableName = "items", Select = Select.SPECIFIC_ATTRIBUTES }),
            "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");

    [Test]
    public void Scan_AllProjectedWithoutIndex_ValidationException() =>
        Invalid(() => Ddb.ScanAsync(new ScanRequest { TableName = "items", Select = Select.ALL_PROJECTED_ATTRIBUTES }),
            "ALL_PROJECTED_ATTRIBUTES can be used only when Scanning using an IndexName");

    [Test]
    public void Scan_EmptyFilter_ValidationException() =>
        Invalid(() => Ddb.ScanAsync(new ScanRequest { TableName = "items", FilterExpression = "" }),
            "Invalid FilterExpression: The expression can not be empty;");

    [Test]
    public async Task Scan_ConsumedCapacityEventuallyConsistent_HalfUnits()
    {
        var response = await Ddb.ScanAsync(new ScanRequest { TableName = "items", ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES });

        Assert.That(response.ConsumedCapacity.CapacityUnits, Is.EqualTo(0.5));
        Assert.That(response.ConsumedCapacity.Table.CapacityUnits, Is.EqualTo(0.5));
    }
}
