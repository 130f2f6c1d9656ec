using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier3/error-messages/valueLayers.test.ts:
// DynamoDB checks attribute values in one of two layers, and the operation decides which, and so the
// wording of a bad number or a duplicate set member. The current layer (PutItem, UpdateItem and
// DeleteItem inside the "1 validation error detected: " envelope; GetItem, BatchGetItem and Query bare)
// and the older one (BatchWriteItem and the transactions, bare, expression values inside the
// "ExpressionAttributeValues contains invalid value" wrapper). Where regions differ (transactions run
// either layer), the suite accepts exactly the two answers, and so does this fixture.
public class ParityErrorMessagesValueLayersTests(DynamoDbPath path) : ParityTestBase(path)
{
    private static readonly string[] Shapes = ["abc", "", "1e126", "1e2147483647"];
    private static readonly string[] Current = [$"{NotNumeric}: abc", $"{NotNumeric}: ", Overflow, Overflow];
    private static readonly string[] Older = [$"{NotNumeric}: abc", NotNumeric, Overflow, Underflow];

    private static readonly AttributeValue[] Dupes =
    [
        SS("b", "a", "b"),
        BS([0xFF], [0x00], [0x00]),
        NS("2", "1", "2"),
    ];

    private static readonly string[] DupeCurrent =
    [
        $"{ParametersInvalid}Input collection [\"a\", \"b\", \"b\"] contains duplicates.",
        $"{ParametersInvalid}Input collection [\"AA==\",\"/w==\",\"AA==\"]of type BS contains duplicates.",
        $"{ParametersInvalid}Input collection contains duplicates.",
    ];

    private static readonly string[] DupeOlder =
    [
        $"{ParametersInvalid}Input collection [b, a, b] contains duplicates.",
        $"{ParametersInvalid}Input collection [/w==, AA==, AA==]of type BS contains duplicates.",
        "Input collection contains duplicates",
    ];

    [SetUp]
    public Task CreateTables() => CreateTablesAsync(Hash);

    private static string[] EachShape(Func<AttributeValue, string, Task> send) =>
        [.. Shapes.Select(shape => Refusal(() => send(N(shape), shape)))];

    private static string[] EachSet(Func<AttributeValue, Task> send) => [.. Dupes.Select(dupe => Refusal(() => send(dupe)))];

    private static string[] Enveloped(IEnumerable<string> messages) => [.. messages.Select(One)];

    private static string ForKey(string message, string key) => $"ExpressionAttributeValues contains invalid value: {message} for key {key}";

    private static void EitherLayer(string[] got, string[] older, string[] current)
    {
        for (var i = 0; i < got.Length; i++)
        {
            Assert.That(got[i], Is.AnyOf(older[i], current[i]));
        }
    }

    [TestCase("1e99999999999", Overflow)]
    [TestCase("-1e99999999999", Overflow)]
    [TestCase("1e-99999999999", Underflow)]
    [TestCase("1e2147483648", Overflow)]
    [TestCase("1e2147483647", Overflow)]
    [TestCase("1e-2147483648", Underflow)]
    [TestCase("1e126", Overflow)]
    [TestCase("1e-131", Underflow)]
    [TestCase("abc", NotNumeric + ": abc")]
    [TestCase("1.2.3", NotNumeric + ": 1.2.3")]
    [TestCase("", NotNumeric + ": ")]
    [TestCase(" 1", NotNumeric + ":  1")]
    [TestCase("1 ", NotNumeric + ": 1 ")]
    [TestCase("0x10", NotNumeric + ": 0x10")]
    [TestCase("1e", NotNumeric + ": 1e")]
    [TestCase("NaN", NotNumeric + ": NaN")]
    [TestCase("Infinity", NotNumeric + ": Infinity")]
    [TestCase("1234567890123456789012345678901234567890", TooManyDigits)]
    public void PutItem_MalformedNumberInItem_Enveloped(string number, string message) =>
        Invalid(() => Ddb.PutItemAsync(Hash, Item(("pk", S("vl-n")), ("n", N(number)))), One(message));

    [Test]
    public void PutItem_MalformedSetMemberOrNestedNumber_Enveloped()
    {
        var member = EachShape((_, raw) => Ddb.PutItemAsync(Hash, Item(("pk", S("vl-n")), ("n", NS("1", raw)))));
        var nested = EachShape((v, _) => Ddb.PutItemAsync(Hash, Item(("pk", S("vl-n")), ("n", M(("x", L(v)))))));
        Assert.That(member, Is.EqualTo(Enveloped(Current)));
        Assert.That(nested, Is.EqualTo(Enveloped(Current)));
    }

    [Test]
    public void PutItem_MalformedNumberInConditionValue_EnvelopedWithoutWrapper() =>
        Assert.That(EachShape((v, _) => Ddb.PutItemAsync(new PutItemRequest
        {
            TableName = Hash,
            Item = Key("vl-n"),
            ConditionExpression = "attribute_not_exists(pk) OR n = :v",
            ExpressionAttributeValues = Item((":v", v)),
        })), Is.EqualTo(Enveloped(Current)));

    [Test]
    public async Task PutItem_MalformedNumberInExpected_EnvelopedAndNothingWritten()
    {
        var got = EachShape((v, _) => Ddb.PutItemAsync(new PutItemRequest
        {
            TableName = Hash,
            Item = Key("vl-n-expected"),
            Expected = new Dictionary<string, ExpectedAttributeValue> { ["n"] = new() { Value = v } },
        }));
        Assert.That(got, Is.EqualTo(Enveloped(Current)));
        Assert.That(await StoredAsync(Hash, Key("vl-n-expected")), Is.Null);
    }

    [Test]
    public void UpdateItem_MalformedNumberInValueAttributeUpdatesOrKey_Enveloped()
    {
        var value = EachShape((v, _) => Ddb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = Hash, Key = Key("vl-n"), UpdateExpression = "SET n = :v", ExpressionAttributeValues = Item((":v", v)),
        }));
        var attributeUpdates = EachShape((v, _) => Ddb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = Hash, Key = Key("vl-n"),
            AttributeUpdates = new Dictionary<string, AttributeValueUpdate> { ["n"] = new() { Action = AttributeAction.PUT, Value = v } },
        }));
        var keyValue = EachShape((v, _) => Ddb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = Hash, Key = Item(("pk", v)), UpdateExpression = "SET n = :o", ExpressionAttributeValues = Item((":o", N("1"))),
        }));
        Assert.That(value, Is.EqualTo(Enveloped(Current)));
        Assert.That(attributeUpdates, Is.EqualTo(Enveloped(Current)));
        Assert.That(keyValue, Is.EqualTo(Enveloped(Current)));
    }

    [Test]
    public void DeleteItem_MalformedNumberInConditionValueOrKey_EnvelopedWithoutWrapper()
    {
        var value = EachShape((v, _) => Ddb.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = Hash, Key = Key("vl-n"), ConditionExpression = "n = :v", ExpressionAttributeValues = Item((":v", v)),
        }));
        var keyValue = EachShape((v, _) => Ddb.DeleteItemAsync(Hash, Item(("pk", v))));
        Assert.That(value, Is.EqualTo(Enveloped(Current)));
        Assert.That(keyValue, Is.EqualTo(Enveloped(Current)));
    }

    [Test]
    public void GetBatchGetAndQuery_MalformedNumber_BareCurrentWording()
    {
        var get = EachShape((v, _) => Ddb.GetItemAsync(Hash, Item(("pk", v))));
        var batchGet = EachShape((v, _) => Ddb.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new Dictionary<string, KeysAndAttributes> { [Hash] = new() { Keys = [Item(("pk", v))] } },
        }));
        var query = EachShape((v, _) => Ddb.QueryAsync(new QueryRequest
        {
            TableName = Hash,
            KeyConditionExpression = "pk = :p",
            FilterExpression = "n = :v",
            ExpressionAttributeValues = Item((":p", S("vl-n")), (":v", v)),
        }));
        Assert.That(get, Is.EqualTo(Current));
        Assert.That(batchGet, Is.EqualTo(Current));
        Assert.That(query, Is.EqualTo(Current));
    }

    [Test]
    public void BatchWriteItem_MalformedNumber_BareOlderWording() =>
        Assert.That(EachShape((v, _) => Ddb.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new Dictionary<string, List<WriteRequest>> { [Hash] = [new WriteRequest { PutRequest = new PutRequest { Item = Item(("pk", S("vl-n")), ("n", v)) } }] },
        })), Is.EqualTo(Older));

    [Test]
    public void TransactWriteItems_MalformedNumberInPutItem_EitherLayer() =>
        EitherLayer(EachShape((v, _) => Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [new TransactWriteItem { Put = new Put { TableName = Hash, Item = Item(("pk", S("vl-n")), ("n", v)) } }],
        })), Older, Current);

    [Test]
    public void TransactWriteItems_MalformedNumberInUpdateValue_EitherLayer() =>
        EitherLayer(EachShape((v, _) => Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [new TransactWriteItem { Update = new Update { TableName = Hash, Key = Key("vl-n"), UpdateExpression = "SET n = :v", ExpressionAttributeValues = Item((":v", v)) } }],
        })), [.. Older.Select(m => ForKey(m, ":v"))], Current);

    [Test]
    public void TransactGetItems_MalformedNumberInKey_EitherLayer() =>
        EitherLayer(EachShape((v, _) => Ddb.TransactGetItemsAsync(new TransactGetItemsRequest
        {
            TransactItems = [new TransactGetItem { Get = new Get { TableName = Hash, Key = Item(("pk", v)) } }],
        })), Older, Current);

    [Test]
    public void PutItem_DuplicateInItemConditionOrExpected_Enveloped()
    {
        var item = EachSet(d => Ddb.PutItemAsync(Hash, Item(("pk", S("vl-d")), ("s", d))));
        var condition = EachSet(d => Ddb.PutItemAsync(new PutItemRequest
        {
            TableName = Hash, Item = Key("vl-d"), ConditionExpression = "attribute_not_exists(pk) OR s = :t", ExpressionAttributeValues = Item((":t", d)),
        }));
        var expected = EachSet(d => Ddb.PutItemAsync(new PutItemRequest
        {
            TableName = Hash, Item = Key("vl-d"), Expected = new Dictionary<string, ExpectedAttributeValue> { ["s"] = new() { Value = d } },
        }));
        Assert.That(item, Is.EqualTo(Enveloped(DupeCurrent)));
        Assert.That(condition, Is.EqualTo(Enveloped(DupeCurrent)));
        Assert.That(expected, Is.EqualTo(Enveloped(DupeCurrent)));
    }

    [Test]
    public void UpdateItem_DuplicateInConditionAttributeUpdatesOrKey_Enveloped()
    {
        var condition = EachSet(d => Ddb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = Hash, Key = Key("vl-d"), UpdateExpression = "SET o = :o",
            ConditionExpression = "attribute_not_exists(pk) OR s = :t", ExpressionAttributeValues = Item((":o", N("1")), (":t", d)),
        }));
        var attributeUpdates = EachSet(d => Ddb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = Hash, Key = Key("vl-d"),
            AttributeUpdates = new Dictionary<string, AttributeValueUpdate> { ["s"] = new() { Action = AttributeAction.PUT, Value = d } },
        }));
        var keyValue = EachSet(d => Ddb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = Hash, Key = Item(("pk", d)), UpdateExpression = "SET o = :o", ExpressionAttributeValues = Item((":o", N("1"))),
        }));
        Assert.That(condition, Is.EqualTo(Enveloped(DupeCurrent)));
        Assert.That(attributeUpdates, Is.EqualTo(Enveloped(DupeCurrent)));
        Assert.That(keyValue, Is.EqualTo(Enveloped(DupeCurrent)));
    }

    [Test]
    public void DeleteItem_DuplicateInKey_Enveloped() =>
        Assert.That(EachSet(d => Ddb.DeleteItemAsync(Hash, Item(("pk", d)))), Is.EqualTo(Enveloped(DupeCurrent)));

    [Test]
    public void GetItemAndBatchGetItem_DuplicateInKey_BareCurrentWording()
    {
        Assert.That(EachSet(d => Ddb.GetItemAsync(Hash, Item(("pk", d)))), Is.EqualTo(DupeCurrent));
        Assert.That(EachSet(d => Ddb.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new Dictionary<string, KeysAndAttributes> { [Hash] = new() { Keys = [Item(("pk", d))] } },
        })), Is.EqualTo(DupeCurrent));
    }

    [Test]
    public void Query_DuplicateInKeyFilterStartKeyOrQueryFilter_BareCurrentWording()
    {
        var keyValue = EachSet(d => Ddb.QueryAsync(new QueryRequest { TableName = Hash, KeyConditionExpression = "pk = :t", ExpressionAttributeValues = Item((":t", d)) }));
        var filter = EachSet(d => Ddb.QueryAsync(new QueryRequest
        {
            TableName = Hash, KeyConditionExpression = "pk = :p", FilterExpression = "s = :t", ExpressionAttributeValues = Item((":p", S("vl-d")), (":t", d)),
        }));
        var startKey = EachSet(d => Ddb.QueryAsync(new QueryRequest
        {
            TableName = Hash, KeyConditionExpression = "pk = :p", ExpressionAttributeValues = Item((":p", S("vl-d"))), ExclusiveStartKey = Item(("pk", d)),
        }));
        var queryFilter = EachSet(d => Ddb.QueryAsync(new QueryRequest
        {
            TableName = Hash,
            KeyConditions = new Dictionary<string, Condition> { ["pk"] = new() { ComparisonOperator = ComparisonOperator.EQ, AttributeValueList = [S("vl-d")] } },
            QueryFilter = new Dictionary<string, Condition> { ["s"] = new() { ComparisonOperator = ComparisonOperator.EQ, AttributeValueList = [d] } },
        }));
        Assert.That(keyValue, Is.EqualTo(DupeCurrent));
        Assert.That(filter, Is.EqualTo(DupeCurrent));
        Assert.That(startKey, Is.EqualTo(DupeCurrent));
        Assert.That(queryFilter, Is.EqualTo(DupeCurrent));
    }

    [Test]
    public void BatchWriteItem_DuplicateInItemOrDeleteKey_BareOlderWording()
    {
        var put = EachSet(d => Ddb.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new Dictionary<string, List<WriteRequest>> { [Hash] = [new WriteRequest { PutRequest = new PutRequest { Item = Item(("pk", S("vl-d")), ("s", d)) } }] },
        }));
        var delete = EachSet(d => Ddb.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new Dictionary<string, List<WriteRequest>> { [Hash] = [new WriteRequest { DeleteRequest = new DeleteRequest { Key = Item(("pk", d)) } }] },
        }));
        Assert.That(put, Is.EqualTo(DupeOlder));
        Assert.That(delete, Is.EqualTo(DupeOlder));
    }

    [Test]
    public void TransactWriteItems_DuplicateInPutItemOrDeleteKey_EitherLayer()
    {
        EitherLayer(EachSet(d => Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [new TransactWriteItem { Put = new Put { TableName = Hash, Item = Item(("pk", S("vl-d")), ("s", d)) } }],
        })), DupeOlder, DupeCurrent);
        EitherLayer(EachSet(d => Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [new TransactWriteItem { Delete = new Delete { TableName = Hash, Key = Item(("pk", d)) } }],
        })), DupeOlder, DupeCurrent);
    }

    [Test]
    public void TransactWriteItems_DuplicateInAnyActionsValue_EitherLayerUpFront()
    {
        const string condition = "attribute_not_exists(pk) OR s = :t";
        Func<AttributeValue, TransactWriteItem>[] shapes =
        [
            d => new() { Put = new Put { TableName = Hash, Item = Key("vl-d"), ConditionExpression = condition, ExpressionAttributeValues = Item((":t", d)) } },
            d => new() { Update = new Update { TableName = Hash, Key = Key("vl-d"), UpdateExpression = "SET s = :t", ExpressionAttributeValues = Item((":t", d)) } },
            d => new() { Delete = new Delete { TableName = Hash, Key = Key("vl-d"), ConditionExpression = condition, ExpressionAttributeValues = Item((":t", d)) } },
            d => new() { ConditionCheck = new ConditionCheck { TableName = Hash, Key = Key("vl-d"), ConditionExpression = condition, ExpressionAttributeValues = Item((":t", d)) } },
        ];
        foreach (var shape in shapes)
        {
            EitherLayer(EachSet(d => Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = [shape(d)] })),
                [.. DupeOlder.Select(m => ForKey(m, ":t"))], DupeCurrent);
        }
    }

    [Test]
    public void TransactGetItems_DuplicateInKey_EitherLayer() =>
        EitherLayer(EachSet(d => Ddb.TransactGetItemsAsync(new TransactGetItemsRequest
        {
            TransactItems = [new TransactGetItem { Get = new Get { TableName = Hash, Key = Item(("pk", d)) } }],
        })), DupeOlder, DupeCurrent);
}
