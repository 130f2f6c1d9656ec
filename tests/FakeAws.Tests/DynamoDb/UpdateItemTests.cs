using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb;

public class UpdateItemTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    [SetUp]
    public Task CreateTables() => CreateTableAsync("items");

    private Task<UpdateItemResponse> Update(string pk, string expression, Dictionary<string, AttributeValue>? values = null,
        ReturnValue? returnValues = null, string? condition = null, Dictionary<string, string>? names = null) =>
        Ddb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "items",
            Key = Item(("pk", S(pk))),
            UpdateExpression = expression,
            ConditionExpression = condition,
            ExpressionAttributeValues = values,
            ExpressionAttributeNames = names,
            ReturnValues = returnValues,
        });

    private async Task<Dictionary<string, AttributeValue>> Get(string pk) => (await Ddb.GetItemAsync("items", Item(("pk", S(pk))))).Item;

    [Test]
    public async Task UpdateItem_Missing_CreatesTheItem()
    {
        await Update("new", "SET a = :a, n = :n", new() { [":a"] = S("x"), [":n"] = N("1") });

        var item = await Get("new");
        Assert.That(item["a"].S, Is.EqualTo("x"));
        Assert.That(item["n"].N, Is.EqualTo("1"));
    }

    [Test]
    public async Task UpdateItem_SetArithmeticAndListAppendAndIfNotExists_Applies()
    {
        await Ddb.PutItemAsync("items", Item(("pk", S("k")), ("n", N("10")), ("l", new AttributeValue { L = [N("1")] })));

        await Update("k", "SET n = n - :one, l = list_append(l, :more), c = if_not_exists(c, :zero)",
            new() { [":one"] = N("1"), [":more"] = new AttributeValue { L = [N("2")] }, [":zero"] = N("0") });

        var item = await Get("k");
        Assert.That(item["n"].N, Is.EqualTo("9"));
        Assert.That(item["l"].L.Select(e => e.N), Is.EqualTo(new[] { "1", "2" }));
        Assert.That(item["c"].N, Is.EqualTo("0"));
    }

    [Test]
    public async Task UpdateItem_AddAndDeleteAndRemove_Apply()
    {
        await Ddb.PutItemAsync("items", Item(("pk", S("k")), ("tags", new AttributeValue { SS = ["a", "b"] }), ("gone", S("x")),
            ("more", new AttributeValue { SS = ["b"] }), ("l", new AttributeValue { L = [S("0"), S("1"), S("2")] })));

        await Update("k", "ADD hits :one, more :c DELETE tags :a REMOVE gone, l[1]",
            new() { [":one"] = N("1"), [":c"] = new AttributeValue { SS = ["c"] }, [":a"] = new AttributeValue { SS = ["a"] } });

        var item = await Get("k");
        Assert.That(item["hits"].N, Is.EqualTo("1"));
        Assert.That(item["tags"].SS, Is.EquivalentTo(new[] { "b" }));
        Assert.That(item["more"].SS, Is.EquivalentTo(new[] { "b", "c" }));
        Assert.That(item.ContainsKey("gone"), Is.False);
        Assert.That(item["l"].L.Select(e => e.S), Is.EqualTo(new[] { "0", "2" }));
    }

    [Test]
    public async Task UpdateItem_NestedPath_UpdatesInsideMapsAndLists()
    {
        await Ddb.PutItemAsync("items", Item(("pk", S("k")),
            ("doc", new AttributeValue { M = new() { ["list"] = new AttributeValue { L = [new AttributeValue { M = new() { ["c"] = N("1") } }] } } })));

        await Update("k", "SET #d.#l[0].c = :v", new() { [":v"] = N("2") }, names: new() { ["#d"] = "doc", ["#l"] = "list" });

        Assert.That((await Get("k"))["doc"].M["list"].L[0].M["c"].N, Is.EqualTo("2"));
    }

    [TestCase("NONE")]
    [TestCase("ALL_OLD")]
    [TestCase("ALL_NEW")]
    [TestCase("UPDATED_OLD")]
    [TestCase("UPDATED_NEW")]
    public async Task UpdateItem_ReturnValues_ReturnsWhatAwsReturns(string mode)
    {
        await Ddb.PutItemAsync("items", Item(("pk", S("k")), ("a", N("1")), ("b", S("keep"))));

        var response = await Update("k", "SET a = :two", new() { [":two"] = N("2") }, returnValues: new ReturnValue(mode));

        var expected = mode switch
        {
            "ALL_OLD" => new Dictionary<string, string> { ["pk"] = "k", ["a"] = "1", ["b"] = "keep" },
            "ALL_NEW" => new Dictionary<string, string> { ["pk"] = "k", ["a"] = "2", ["b"] = "keep" },
            "UPDATED_OLD" => new Dictionary<string, string> { ["a"] = "1" },
            "UPDATED_NEW" => new Dictionary<string, string> { ["a"] = "2" },
            _ => [],
        };
        Assert.That((response.Attributes ?? []).ToDictionary(kv => kv.Key, kv => kv.Value.S ?? kv.Value.N), Is.EquivalentTo(expected));
    }

    [Test]
    public async Task UpdateItem_UpdatedOldOfNewAttribute_OmitsAttributes()
    {
        var response = await Update("fresh", "SET a = :a", new() { [":a"] = S("x") }, returnValues: ReturnValue.UPDATED_OLD);
        Assert.That(response.Attributes, Is.Null.Or.Empty);
    }

    [Test]
    public async Task UpdateItem_NoUpdateExpression_CreatesJustTheKey()
    {
        await Ddb.UpdateItemAsync(new UpdateItemRequest { TableName = "items", Key = Item(("pk", S("bare"))) });
        Assert.That((await Get("bare")).Keys, Is.EquivalentTo(new[] { "pk" }));
    }

    [Test]
    public async Task UpdateItem_ConditionFalse_ConditionalCheckFailedAndNothingChanges()
    {
        await Ddb.PutItemAsync("items", Item(("pk", S("k")), ("v", N("1"))));

        Fails<ConditionalCheckFailedException>(() => Update("k", "SET v = :two", new() { [":two"] = N("2"), [":three"] = N("3") }, condition: "v = :three"),
            "The conditional request failed");

        Assert.That((await Get("k"))["v"].N, Is.EqualTo("1"));
    }

    [Test]
    public async Task UpdateItem_ReturnValuesOnConditionCheckFailure_CarriesTheItem()
    {
        await Ddb.PutItemAsync("items", Item(("pk", S("k")), ("v", N("1"))));

        var error = Fails<ConditionalCheckFailedException>(() => Ddb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "items",
            Key = Item(("pk", S("k"))),
            UpdateExpression = "SET v = :v",
            ConditionExpression = "attribute_not_exists(pk)",
            ExpressionAttributeValues = new() { [":v"] = N("5") },
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        }), "The conditional request failed");

        Assert.That(error.Item["v"].N, Is.EqualTo("1"));
    }

    [Test]
    public async Task UpdateItem_LegacyAttributeUpdates_Apply()
    {
        await Ddb.PutItemAsync("items", Item(("pk", S("k")), ("n", N("1")), ("old", S("x"))));

        await Ddb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "items",
            Key = Item(("pk", S("k"))),
            AttributeUpdates = new()
            {
                ["n"] = new AttributeValueUpdate { Action = AttributeAction.ADD, Value = N("4") },
                ["old"] = new AttributeValueUpdate { Action = AttributeAction.DELETE },
                ["s"] = new AttributeValueUpdate { Action = AttributeAction.PUT, Value = S("new") },
            },
            Expected = new() { ["n"] = new ExpectedAttributeValue { Value = N("1") } },
        });

        var item = await Get("k");
        Assert.That(item["n"].N, Is.EqualTo("5"));
        Assert.That(item.ContainsKey("old"), Is.False);
        Assert.That(item["s"].S, Is.EqualTo("new"));
    }

    [Test]
    public void UpdateItem_KeyAttribute_ValidationException() =>
        Invalid(() => Update("k", "SET pk = :v", new() { [":v"] = S("x") }),
            "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key");

    [Test]
    public async Task UpdateItem_AddToString_IncorrectDataType()
    {
        await Ddb.PutItemAsync("items", Item(("pk", S("k")), ("s", S("text"))));
        Invalid(() => Update("k", "ADD s :one", new() { [":one"] = N("1") }), "An operand in the update expression has an incorrect data type");
    }

    [Test]
    public async Task UpdateItem_ResultTooLarge_ValidationExceptionAndNothingChanges()
    {
        await Ddb.PutItemAsync("items", Item(("pk", S("k")), ("a", S(new string('a', 300 * 1024)))));

        Invalid(() => Update("k", "SET b = :b", new() { [":b"] = S(new string('b', 200 * 1024)) }),
            "Item size to update has exceeded the maximum allowed size");

        Assert.That((await Get("k")).ContainsKey("b"), Is.False);
    }

    [Test]
    public void UpdateItem_BadNumberInValues_ReportedInTheEnvelope() =>
        Invalid(() => Update("k", "SET a = :v", new() { [":v"] = N("abc") }),
            "1 validation error detected: The parameter cannot be converted to a numeric value: abc");

    [Test]
    public void UpdateItem_EmptyValueInValues_NamesThePlaceholder() =>
        Invalid(() => Update("k", "SET a = :v", new() { [":v"] = new AttributeValue() }),
            "ExpressionAttributeValues contains invalid value: Supplied AttributeValue is empty, must contain exactly one of the supported datatypes for key :v");

    [Test]
    public void UpdateItem_UnusedValue_ValidationException() =>
        Invalid(() => Update("k", "SET a = :v", new() { [":v"] = N("1"), [":unused"] = N("2") }),
            "1 validation error detected: Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}");

    [Test]
    public void UpdateItem_SyntaxError_ValidationException() =>
        Invalid(() => Update("k", "SET a = = :v", new() { [":v"] = N("1") }),
            "1 validation error detected: Invalid UpdateExpression: Syntax error; token: \"=\", near: \"= = :v\"");

    [Test]
    public void UpdateItem_ExpressionAndLegacy_ValidationException() =>
        Invalid(() => Ddb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "items",
            Key = Item(("pk", S("k"))),
            UpdateExpression = "SET a = :v",
            ExpressionAttributeValues = new() { [":v"] = N("1") },
            AttributeUpdates = new() { ["b"] = new AttributeValueUpdate { Action = AttributeAction.PUT, Value = N("1") } },
        }), "1 validation error detected: Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributeUpdates} Expression parameters: {UpdateExpression}");

    [Test]
    public void UpdateItem_MissingTable_ResourceNotFound() =>
        Fails<ResourceNotFoundException>(() => Ddb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "nowhere",
            Key = Item(("pk", S("k"))),
            UpdateExpression = "SET a = :v",
            ExpressionAttributeValues = new() { [":v"] = N("1") },
        }), "Requested resource not found");
}
