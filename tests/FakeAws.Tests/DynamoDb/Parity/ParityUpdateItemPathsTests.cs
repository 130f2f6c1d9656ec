using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier1/updateItem/paths.test.ts: UpdateItem through
// document paths.
public class ParityUpdateItemPathsTests(DynamoDbPath path) : ParityTestBase(path)
{
    [SetUp]
    public Task CreateTables() => CreateTablesAsync(Hash);

    private Task<UpdateItemResponse> Update(string pk, string expression, Dictionary<string, AttributeValue>? values = null, Dictionary<string, string>? names = null,
        ReturnValue? returnValues = null) =>
        Ddb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = Hash, Key = Key(pk), UpdateExpression = expression, ExpressionAttributeValues = values, ExpressionAttributeNames = names, ReturnValues = returnValues,
        });

    private Task Seed(string pk, string name, AttributeValue value) => Ddb.PutItemAsync(Hash, Item(("pk", S(pk)), (name, value)));

    private async Task<Dictionary<string, AttributeValue>> Stored(string pk) => (await StoredAsync(Hash, Key(pk)))!;

    private static Dictionary<string, string> Names(params string[] pairs) =>
        Enumerable.Range(0, pairs.Length / 2).ToDictionary(i => pairs[2 * i], i => pairs[2 * i + 1]);

    [Test]
    public async Task UpdateItem_SetThroughMissingIntermediateMap_ValidationException()
    {
        await Seed("path-missing-intermediate", "topLevel", S("val"));
        Refusal(() => Update("path-missing-intermediate", "SET #a.#b.#c = :v", Item((":v", S("test"))), Names("#a", "missing", "#b", "nested", "#c", "deep")));
    }

    [Test]
    public async Task UpdateItem_SetExistingNestedPath_Replaced()
    {
        await Seed("path-existing-nested", "mymap", M(("nested", S("old"))));
        await Update("path-existing-nested", "SET #m.#n = :v", Item((":v", S("updated"))), Names("#m", "mymap", "#n", "nested"));
        Assert.That((await Stored("path-existing-nested"))["mymap"].M["nested"].S, Is.EqualTo("updated"));
    }

    [Test]
    public async Task UpdateItem_SetListIndexPastTheEnd_Appends()
    {
        await Seed("path-list-beyond", "mylist", L(S("a"), S("b"), S("c")));
        await Update("path-list-beyond", "SET #l[5] = :v", Item((":v", S("inserted"))), Names("#l", "mylist"));
        Assert.That((await Stored("path-list-beyond"))["mylist"].L.Select(v => v.S), Is.EqualTo(new[] { "a", "b", "c", "inserted" }));
    }

    [Test]
    public async Task UpdateItem_SetDeepPathWithEveryIntermediate_Replaced()
    {
        await Seed("path-deep-nested", "a", M(("b", M(("c", S("old"))))));
        await Update("path-deep-nested", "SET #a.#b.#c = :v", Item((":v", S("new"))), Names("#a", "a", "#b", "b", "#c", "c"));
        Assert.That((await Stored("path-deep-nested"))["a"].M["b"].M["c"].S, Is.EqualTo("new"));
    }

    [Test]
    public async Task UpdateItem_ArithmeticOnNestedPath_Applied()
    {
        await Seed("path-nested-arith", "mymap", M(("counter", N("10"))));
        await Update("path-nested-arith", "SET #m.#c = #m.#c + :inc", Item((":inc", N("5"))), Names("#m", "mymap", "#c", "counter"));
        Assert.That((await Stored("path-nested-arith"))["mymap"].M["counter"].N, Is.EqualTo("15"));
    }

    [Test]
    public async Task UpdateItem_RemoveNestedKey_OnlyThatKey()
    {
        await Seed("path-remove-nested-key", "mymap", M(("nested", S("gone")), ("keep", S("stay"))));
        await Update("path-remove-nested-key", "REMOVE #m.#n", names: Names("#m", "mymap", "#n", "nested"));
        Assert.That((await Stored("path-remove-nested-key"))["mymap"].M.Keys, Is.EqualTo(new[] { "keep" }));
    }

    [Test]
    public async Task UpdateItem_RemoveListElement_Shifts()
    {
        await Seed("path-remove-list-idx", "mylist", L(S("a"), S("b"), S("c"), S("d")));
        await Update("path-remove-list-idx", "REMOVE #l[1]", names: Names("#l", "mylist"));
        Assert.That((await Stored("path-remove-list-idx"))["mylist"].L.Select(v => v.S), Is.EqualTo(new[] { "a", "c", "d" }));
    }

    [Test]
    public async Task UpdateItem_RemoveLastListElement_Removed()
    {
        await Seed("path-remove-last-elem", "mylist", L(S("x"), S("y")));
        await Update("path-remove-last-elem", "REMOVE #l[1]", names: Names("#l", "mylist"));
        Assert.That((await Stored("path-remove-last-elem"))["mylist"].L.Select(v => v.S), Is.EqualTo(new[] { "x" }));
    }

    [Test]
    public async Task UpdateItem_TwoSetsOfOneAttribute_RefusedOrApplied()
    {
        await Seed("path-multi-set-same", "val", S("original"));
        try
        {
            await Update("path-multi-set-same", "SET #v = :a, #v = :b", Item((":a", S("first")), (":b", S("second"))), Names("#v", "val"));
            Assert.That((await Stored("path-multi-set-same"))["val"].S, Is.Not.Null);
        }
        catch (AmazonDynamoDBException error)
        {
            Assert.That(error.ErrorCode, Is.EqualTo("ValidationException"));
        }
    }

    [Test]
    public async Task UpdateItem_SetIndexZeroOfEmptyList_Appends()
    {
        await Seed("path-list-empty", "mylist", new AttributeValue { L = [] });
        await Update("path-list-empty", "SET #l[0] = :v", Item((":v", S("first"))), Names("#l", "mylist"));
        Assert.That((await Stored("path-list-empty"))["mylist"].L.Select(v => v.S), Is.EqualTo(new[] { "first" }));
    }

    [Test]
    public async Task UpdateItem_SetDocumentPath_NestsWithoutFlattening()
    {
        await Seed("path-map-nest", "parent", M(("keep", S("k"))));
        await Update("path-map-nest", "SET parent.child = :v", Item((":v", S("nested"))));
        var item = await Stored("path-map-nest");
        Assert.That(item["parent"].M["child"].S, Is.EqualTo("nested"));
        Assert.That(item["parent"].M["keep"].S, Is.EqualTo("k"));
        Assert.That(item.ContainsKey("parent.child"), Is.False);
    }

    [Test]
    public async Task UpdateItem_UpdatedNewOfTwoSubpaths_ReturnsBoth()
    {
        await Seed("paths-multi-sub", "a", M(("existing", S("e"))));
        var response = await Update("paths-multi-sub", "SET #a.#b = :x, #a.#c = :y", Item((":x", S("x")), (":y", S("y"))), Names("#a", "a", "#b", "b", "#c", "c"), ReturnValue.UPDATED_NEW);
        Assert.That(response.Attributes["a"].M["b"].S, Is.EqualTo("x"));
        Assert.That(response.Attributes["a"].M["c"].S, Is.EqualTo("y"));
    }
}
