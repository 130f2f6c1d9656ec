using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb;

public class QueryTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    [SetUp]
    public async Task CreateTables()
    {
        await CreateTableAsync("numbers", "pk", range: "sk", rangeType: ScalarAttributeType.N);
        await CreateTableAsync("texts", "pk", range: "sk");
        await CreateTableAsync("bytes", "pk", range: "sk", rangeType: ScalarAttributeType.B);
        foreach (var n in new[] { "10", "-2", "3.5", "1E2", "0" })
        {
            await Ddb.PutItemAsync("numbers", Item(("pk", S("p")), ("sk", N(n)), ("even", new AttributeValue { BOOL = n is "10" or "-2" or "1E2" or "0" })));
        }
        await Ddb.PutItemAsync("numbers", Item(("pk", S("other")), ("sk", N("1"))));
        foreach (var s in new[] { "b", "a#2", "a#10", "Z", "é", "a" })
        {
            await Ddb.PutItemAsync("texts", Item(("pk", S("p")), ("sk", S(s))));
        }
    }

    private QueryRequest Numbers(string keyCondition, Dictionary<string, AttributeValue>? values = null) => new()
    {
        TableName = "numbers",
        KeyConditionExpression = keyCondition,
        ExpressionAttributeValues = values ?? new() { [":p"] = S("p") },
    };

    private static IEnumerable<string> Keys(QueryResponse response, string attribute = "sk") => response.Items.Select(i => i[attribute].N ?? i[attribute].S);

    [Test]
    public async Task Query_NumberSortKey_OrdersByValue()
    {
        var response = await Ddb.QueryAsync(Numbers("pk = :p"));

        Assert.That(Keys(response), Is.EqualTo(new[] { "-2", "0", "3.5", "10", "100" }));
        Assert.That(response.Count, Is.EqualTo(5));
        Assert.That(response.ScannedCount, Is.EqualTo(5));
        Assert.That(response.LastEvaluatedKey, Is.Null.Or.Empty);
    }

    [Test]
    public async Task Query_StringSortKey_OrdersByUtf8Bytes()
    {
        var response = await Ddb.QueryAsync(new QueryRequest
        {
            TableName = "texts",
            KeyConditionExpression = "pk = :p",
            ExpressionAttributeValues = new() { [":p"] = S("p") },
        });
        Assert.That(Keys(response), Is.EqualTo(new[] { "Z", "a", "a#10", "a#2", "b", "é" }));
    }

    [Test]
    public async Task Query_BinarySortKey_OrdersByUnsignedBytes()
    {
        foreach (var b in new byte[][] { [0x80], [0x01], [0x01, 0x00], [0xFF] })
        {
            await Ddb.PutItemAsync("bytes", Item(("pk", S("p")), ("sk", new AttributeValue { B = new MemoryStream(b) })));
        }

        var response = await Ddb.QueryAsync(new QueryRequest
        {
            TableName = "bytes",
            KeyConditionExpression = "pk = :p",
            ExpressionAttributeValues = new() { [":p"] = S("p") },
        });

        Assert.That(response.Items.Select(i => Convert.ToHexString(i["sk"].B.ToArray())), Is.EqualTo(new[] { "01", "0100", "80", "FF" }));
    }

    [TestCase("pk = :p AND sk < :v", "3.5", new[] { "-2", "0" })]
    [TestCase("pk = :p AND sk <= :v", "3.5", new[] { "-2", "0", "3.5" })]
    [TestCase("pk = :p AND sk > :v", "3.5", new[] { "10", "100" })]
    [TestCase("pk = :p AND sk >= :v", "3.5", new[] { "3.5", "10", "100" })]
    [TestCase("pk = :p AND sk = :v", "10", new[] { "10" })]
    public async Task Query_SortKeyComparison_SeeksTheRange(string condition, string value, string[] expected)
    {
        var response = await Ddb.QueryAsync(Numbers(condition, new() { [":p"] = S("p"), [":v"] = N(value) }));
        Assert.That(Keys(response), Is.EqualTo(expected));
    }

    [Test]
    public async Task Query_Between_IncludesBothBounds()
    {
        var response = await Ddb.QueryAsync(Numbers("pk = :p AND sk BETWEEN :lo AND :hi", new() { [":p"] = S("p"), [":lo"] = N("0"), [":hi"] = N("10") }));
        Assert.That(Keys(response), Is.EqualTo(new[] { "0", "3.5", "10" }));
    }

    [Test]
    public async Task Query_BeginsWith_FindsThePrefix()
    {
        var response = await Ddb.QueryAsync(new QueryRequest
        {
            TableName = "texts",
            KeyConditionExpression = "pk = :p AND begins_with(sk, :a)",
            ExpressionAttributeValues = new() { [":p"] = S("p"), [":a"] = S("a#") },
        });
        Assert.That(Keys(response), Is.EqualTo(new[] { "a#10", "a#2" }));
    }

    [Test]
    public async Task Query_BackwardWithLimit_PagesFromTheEnd()
    {
        var request = Numbers("pk = :p");
        request.ScanIndexForward = false;
        request.Limit = 2;
        var seen = new List<string>();
        var pages = 0;
        do
        {
            var response = await Ddb.QueryAsync(request);
            seen.AddRange(Keys(response));
            request.ExclusiveStartKey = response.LastEvaluatedKey;
            pages++;
        }
        while (request.ExclusiveStartKey is { Count: > 0 });

        Assert.That(seen, Is.EqualTo(new[] { "100", "10", "3.5", "0", "-2" }));
        Assert.That(pages, Is.EqualTo(3));
    }

    [Test]
    public async Task Query_LimitReachedExactly_StillReturnsLastEvaluatedKey()
    {
        var request = Numbers("pk = :p");
        request.Limit = 5;

        var response = await Ddb.QueryAsync(request);

        Assert.That(response.LastEvaluatedKey["sk"].N, Is.EqualTo("100"));
    }

    [Test]
    public async Task Query_Filter_CountsScannedAndReturned()
    {
        var request = Numbers("pk = :p");
        request.FilterExpression = "even = :t";
        request.ExpressionAttributeValues[":t"] = new AttributeValue { BOOL = true };
        request.Limit = 3;

        var response = await Ddb.QueryAsync(request);

        Assert.That(Keys(response), Is.EqualTo(new[] { "-2", "0" }));
        Assert.That(response.Count, Is.EqualTo(2));
        Assert.That(response.ScannedCount, Is.EqualTo(3));
        Assert.That(response.LastEvaluatedKey["sk"].N, Is.EqualTo("3.5"));
    }

    [Test]
    public async Task Query_SelectCount_ReturnsNoItems()
    {
        var request = Numbers("pk = :p");
        request.Select = Select.COUNT;

        var response = await Ddb.QueryAsync(request);

        Assert.That(response.Count, Is.EqualTo(5));
        Assert.That(response.Items, Is.Null.Or.Empty);
    }

    [Test]
    public async Task Query_ProjectionExpression_ReturnsOnlyThose()
    {
        var request = Numbers("pk = :p");
        request.ProjectionExpression = "sk";

        var response = await Ddb.QueryAsync(request);

        Assert.That(response.Items.SelectMany(i => i.Keys).Distinct(), Is.EqualTo(new[] { "sk" }));
    }

    [Test]
    public async Task Query_LegacyKeyConditionsAndQueryFilter_Work()
    {
        var response = await Ddb.QueryAsync(new QueryRequest
        {
            TableName = "numbers",
            KeyConditions = new()
            {
                ["pk"] = new Condition { ComparisonOperator = ComparisonOperator.EQ, AttributeValueList = [S("p")] },
                ["sk"] = new Condition { ComparisonOperator = ComparisonOperator.GT, AttributeValueList = [N("0")] },
            },
            QueryFilter = new() { ["even"] = new Condition { ComparisonOperator = ComparisonOperator.EQ, AttributeValueList = [new AttributeValue { BOOL = true }] } },
        });
        Assert.That(Keys(response), Is.EqualTo(new[] { "10", "100" }));
    }

    [Test]
    public async Task Query_PageOver1MB_StopsAndResumes()
    {
        await CreateTableAsync("big", "pk", range: "sk", rangeType: ScalarAttributeType.N);
        var payload = new string('x', 100 * 1024);
        for (var i = 0; i < 25; i++)
        {
            await Ddb.PutItemAsync("big", Item(("pk", S("p")), ("sk", N(i.ToString(System.Globalization.CultureInfo.InvariantCulture))), ("d", S(payload))));
        }
        var request = new QueryRequest { TableName = "big", KeyConditionExpression = "pk = :p", ExpressionAttributeValues = new() { [":p"] = S("p") } };

        var first = await Ddb.QueryAsync(request);
        request.ExclusiveStartKey = first.LastEvaluatedKey;
        var second = await Ddb.QueryAsync(request);

        // 100 KB items fill 1 MB after 11 items: the item that crosses the line is still returned.
        Assert.That(first.Count, Is.EqualTo(11));
        Assert.That(second.Count, Is.EqualTo(11));
        Assert.That(second.Items[0]["sk"].N, Is.EqualTo("11"));
    }

    [Test]
    public async Task Query_ConsumedCapacity_RoundsTheWholePageUp()
    {
        var request = Numbers("pk = :p");
        request.ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL;
        request.ConsistentRead = true;

        var response = await Ddb.QueryAsync(request);

        Assert.That(response.ConsumedCapacity.CapacityUnits, Is.EqualTo(1.0));
        Assert.That(response.ConsumedCapacity.TableName, Is.EqualTo("numbers"));
    }

    [Test]
    public void Query_MissingHashKey_ValidationException() =>
        Invalid(() => Ddb.QueryAsync(Numbers("sk = :p", new() { [":p"] = N("1") })), "Query condition missed key schema element: pk");

    [Test]
    public void Query_NoKeyCondition_ValidationException() =>
        Invalid(() => Ddb.QueryAsync(new QueryRequest { TableName = "numbers" }),
            "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");

    [Test]
    public void Query_FilterOnKey_ValidationException()
    {
        var request = Numbers("pk = :p");
        request.FilterExpression = "sk > :z";
        request.ExpressionAttributeValues[":z"] = N("0");
        Invalid(() => Ddb.QueryAsync(request), "Filter Expression can only contain non-primary key attributes: Primary key attribute: sk");
    }

    [Test]
    public void Query_StartKeyOutsidePartition_ValidationException()
    {
        var request = Numbers("pk = :p");
        request.ExclusiveStartKey = Item(("pk", S("other")), ("sk", N("1")));
        Invalid(() => Ddb.QueryAsync(request), "The provided starting key is outside query boundaries based on provided conditions");
    }

    [Test]
    public void Query_StartKeyOutsideRange_ValidationException()
    {
        var request = Numbers("pk = :p AND sk > :v", new() { [":p"] = S("p"), [":v"] = N("5") });
        request.ExclusiveStartKey = Item(("pk", S("p")), ("sk", N("1")));
        Invalid(() => Ddb.QueryAsync(request), "The provided starting key does not match the range key predicate");
    }

    [Test]
    public void Query_StartKeyWithExtraAttribute_ValidationException()
    {
        var request = Numbers("pk = :p");
        request.ExclusiveStartKey = Item(("pk", S("p")), ("sk", N("1")), ("x", N("1")));
        Invalid(() => Ddb.QueryAsync(request), "The provided starting key is invalid");
    }

    [TestCase("ALL_ATTRIBUTES", "Cannot specify the ProjectionExpression when choosing to get ALL_ATTRIBUTES")]
    [TestCase("COUNT", "Cannot specify the ProjectionExpression when choosing to get only the Count")]
    [TestCase("ALL_PROJECTED_ATTRIBUTES", "Cannot specify the ProjectionExpression when choosing to get ALL_PROJECTED_ATTRIBUTES")]
    public void Query_SelectWithProjection_ValidationException(string select, string message)
    {
        var request = Numbers("pk = :p");
        request.Select = select;
        request.ProjectionExpression = "sk";
        Invalid(() => Ddb.QueryAsync(request), message);
    }

    [Test]
    public void Query_SpecificAttributesWithoutProjection_ValidationException()
    {
        var request = Numbers("pk = :p");
        request.Select = Select.SPECIFIC_ATTRIBUTES;
        Invalid(() => Ddb.QueryAsync(request),
            "1 validation error detected: Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
    }

    [Test]
    public void Query_AllProjectedWithoutIndex_ValidationException()
    {
        var request = Numbers("pk = :p");
        request.Select = Select.ALL_PROJECTED_ATTRIBUTES;
        Invalid(() => Ddb.QueryAsync(request), "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
    }

    [Test]
    public void Query_UnknownIndex_ValidationException()
    {
        var request = Numbers("pk = :p");
        request.IndexName = "nope";
        Invalid(() => Ddb.QueryAsync(request), "The table does not have the specified index: nope");
    }

    [TestCase(0)]
    public void Query_LimitZero_ConstraintViolation(int limit)
    {
        var request = Numbers("pk = :p");
        request.Limit = limit;
        Invalid(() => Ddb.QueryAsync(request),
            "1 validation error detected: Value at 'Limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
    }

    [Test]
    public void Query_SortKeyTypeMismatch_ValidationException() =>
        Invalid(() => Ddb.QueryAsync(Numbers("pk = :p AND sk = :v", new() { [":p"] = S("p"), [":v"] = S("text") })),
            "One or more parameter values were invalid: Condition parameter type does not match schema type");
}
