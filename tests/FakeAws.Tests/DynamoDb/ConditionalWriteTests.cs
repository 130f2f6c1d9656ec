using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb;

public class ConditionalWriteTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    [SetUp]
    public Task CreateTables() => CreateTableAsync("items");

    private Task<GetItemResponse> Get(string pk) => Ddb.GetItemAsync("items", Item(("pk", S(pk))));

    [Test]
    public async Task PutItem_AttributeNotExists_InsertsOnlyOnce()
    {
        var request = new PutItemRequest { TableName = "items", Item = Item(("pk", S("once")), ("v", N("1"))), ConditionExpression = "attribute_not_exists(pk)" };
        await Ddb.PutItemAsync(request);

        request.Item = Item(("pk", S("once")), ("v", N("2")));
        Fails<ConditionalCheckFailedException>(() => Ddb.PutItemAsync(request), "The conditional request failed");

        Assert.That((await Get("once")).Item["v"].N, Is.EqualTo("1"));
    }

    [Test]
    public async Task PutItem_ConditionWithFunctionsAndOperators_Evaluates()
    {
        await Ddb.PutItemAsync("items", Item(("pk", S("k")), ("name", S("alpha")), ("n", N("5")), ("tags", new AttributeValue { SS = ["x"] })));

        await Ddb.PutItemAsync(new PutItemRequest
        {
            TableName = "items",
            Item = Item(("pk", S("k")), ("name", S("beta"))),
            ConditionExpression = "begins_with(#name, :a) AND n BETWEEN :lo AND :hi AND contains(tags, :x) AND size(#name) = :five AND attribute_type(n, :num) AND NOT (n IN (:lo, :hi))",
            ExpressionAttributeNames = new() { ["#name"] = "name" },
            ExpressionAttributeValues = new()
            {
                [":a"] = S("al"), [":lo"] = N("1"), [":hi"] = N("9"), [":x"] = S("x"), [":five"] = N("5"), [":num"] = S("N"),
            },
        });

        Assert.That((await Get("k")).Item["name"].S, Is.EqualTo("beta"));
    }

    [Test]
    public async Task PutItem_ReturnValuesOnConditionCheckFailure_CarriesTheOldItem()
    {
        await Ddb.PutItemAsync("items", Item(("pk", S("k")), ("v", N("1"))));

        var error = Fails<ConditionalCheckFailedException>(() => Ddb.PutItemAsync(new PutItemRequest
        {
            TableName = "items",
            Item = Item(("pk", S("k"))),
            ConditionExpression = "attribute_not_exists(pk)",
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        }), "The conditional request failed");

        Assert.That(error.Item["v"].N, Is.EqualTo("1"));
    }

    [Test]
    public void PutItem_ConditionFailsOnMissingItem_NoItemReturned()
    {
        var error = Fails<ConditionalCheckFailedException>(() => Ddb.PutItemAsync(new PutItemRequest
        {
            TableName = "items",
            Item = Item(("pk", S("none"))),
            ConditionExpression = "attribute_exists(pk)",
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        }), "The conditional request failed");

        Assert.That(error.Item, Is.Null.Or.Empty);
    }

    [Test]
    public async Task PutItem_LegacyExpected_Evaluates()
    {
        await Ddb.PutItemAsync("items", Item(("pk", S("k")), ("v", N("1"))));

        await Ddb.PutItemAsync(new PutItemRequest
        {
            TableName = "items",
            Item = Item(("pk", S("k")), ("v", N("2"))),
            Expected = new() { ["v"] = new ExpectedAttributeValue { Value = N("1") } },
        });
        Fails<ConditionalCheckFailedException>(() => Ddb.PutItemAsync(new PutItemRequest
        {
            TableName = "items",
            Item = Item(("pk", S("k")), ("v", N("3"))),
            Expected = new() { ["v"] = new ExpectedAttributeValue { Exists = false } },
        }), "The conditional request failed");

        Assert.That((await Get("k")).Item["v"].N, Is.EqualTo("2"));
    }

    [Test]
    public async Task DeleteItem_ConditionFalse_KeepsTheItem()
    {
        await Ddb.PutItemAsync("items", Item(("pk", S("k")), ("v", N("1"))));

        Fails<ConditionalCheckFailedException>(() => Ddb.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = "items",
            Key = Item(("pk", S("k"))),
            ConditionExpression = "v > :v",
            ExpressionAttributeValues = new() { [":v"] = N("1") },
        }), "The conditional request failed");

        Assert.That((await Get("k")).Item, Is.Not.Null);
    }

    [Test]
    public async Task DeleteItem_ConditionTrue_Deletes()
    {
        await Ddb.PutItemAsync("items", Item(("pk", S("k")), ("v", N("1"))));

        await Ddb.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = "items",
            Key = Item(("pk", S("k"))),
            ConditionExpression = "v = :v",
            ExpressionAttributeValues = new() { [":v"] = N("1") },
        });

        Assert.That((await Get("k")).IsItemSet, Is.False);
    }

    [Test]
    public void PutItem_UndefinedPlaceholder_ValidationException() =>
        Invalid(() => Ddb.PutItemAsync(new PutItemRequest { TableName = "items", Item = Item(("pk", S("k"))), ConditionExpression = "a = :missing" }),
            "1 validation error detected: Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :missing");

    [Test]
    public void PutItem_ReservedWord_ValidationException() =>
        Invalid(() => Ddb.PutItemAsync(new PutItemRequest { TableName = "items", Item = Item(("pk", S("k"))), ConditionExpression = "attribute_exists(name)" }),
            "1 validation error detected: Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: name");

    [Test]
    public void PutItem_NamesWithoutExpression_ValidationException() =>
        Invalid(() => Ddb.PutItemAsync(new PutItemRequest { TableName = "items", Item = Item(("pk", S("k"))), ExpressionAttributeNames = new() { ["#a"] = "a" } }),
            "1 validation error detected: ExpressionAttributeNames can only be specified when using expressions");

    [Test]
    public void PutItem_UnusedName_ValidationException() =>
        Invalid(() => Ddb.PutItemAsync(new PutItemRequest
        {
            TableName = "items",
            Item = Item(("pk", S("k"))),
            ConditionExpression = "attribute_not_exists(pk)",
            ExpressionAttributeNames = new() { ["#a"] = "a" },
        }), "1 validation error detected: Value provided in ExpressionAttributeNames unused in expressions: keys: {#a}");

    [Test]
    public void DeleteItem_ReturnValuesAllNew_ValidationException() =>
        Invalid(() => Ddb.DeleteItemAsync(new DeleteItemRequest { TableName = "items", Key = Item(("pk", S("k"))), ReturnValues = ReturnValue.ALL_NEW }),
            "1 validation error detected: ReturnValues can only be ALL_OLD or NONE");

    [Test]
    public async Task GetItem_ProjectionExpression_ReturnsNestedParts()
    {
        await Ddb.PutItemAsync("items", Item(("pk", S("k")), ("a", S("1")), ("b", S("2")),
            ("m", new AttributeValue { M = new() { ["x"] = N("1"), ["y"] = N("2") } })));

        var got = await Ddb.GetItemAsync(new GetItemRequest { TableName = "items", Key = Item(("pk", S("k"))), ProjectionExpression = "a, m.y" });

        Assert.That(got.Item.Keys, Is.EquivalentTo(new[] { "a", "m" }));
        Assert.That(got.Item["m"].M.Keys, Is.EquivalentTo(new[] { "y" }));
    }

    [Test]
    public void GetItem_ProjectionAndAttributesToGet_ValidationException() =>
        Invalid(() => Ddb.GetItemAsync(new GetItemRequest { TableName = "items", Key = Item(("pk", S("k"))), ProjectionExpression = "a", AttributesToGet = ["b"] }),
            "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
}
