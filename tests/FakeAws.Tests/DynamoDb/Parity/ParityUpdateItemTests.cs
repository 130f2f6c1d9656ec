using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier1/updateItem/basic.test.ts: SET, REMOVE, ADD and
// DELETE, ReturnValues, and how an update expression is evaluated.
public class ParityUpdateItemTests(DynamoDbPath path) : ParityTestBase(path)
{
    [SetUp]
    public Task CreateTables() => CreateTablesAsync(Hash);

    private Task<UpdateItemResponse> Update(string pk, string expression, Dictionary<string, AttributeValue>? values = null,
        Dictionary<string, string>? names = null, ReturnValue? returnValues = null) =>
        Ddb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = Hash, Key = Key(pk), UpdateExpression = expression, ExpressionAttributeValues = values, ExpressionAttributeNames = names, ReturnValues = returnValues,
        });

    private async Task<Dictionary<string, AttributeValue>> Stored(string pk) => (await StoredAsync(Hash, Key(pk)))!;

    private Task Seed(string pk, params (string Name, AttributeValue Value)[] attributes) => Ddb.PutItemAsync(Hash, With(pk, attributes));

    private static Dictionary<string, AttributeValue> With(string pk, params (string Name, AttributeValue Value)[] attributes)
    {
        var item = Item(attributes);
        item["pk"] = S(pk);
        return item;
    }

    [Test]
    public async Task UpdateItem_SetOnAMissingItem_CreatesIt()
    {
        await Update("upd-set", "SET #d = :v", Item((":v", S("created-via-update"))), new Dictionary<string, string> { ["#d"] = "data" });
        Assert.That((await Stored("upd-set"))["data"].S, Is.EqualTo("created-via-update"));
    }

    [Test]
    public async Task UpdateItem_SetExistingAttribute_Replaced()
    {
        await Seed("upd-set", ("data", S("original")));
        await Update("upd-set", "SET #d = :v", Item((":v", S("modified"))), new Dictionary<string, string> { ["#d"] = "data" });
        Assert.That((await Stored("upd-set"))["data"].S, Is.EqualTo("modified"));
    }

    [Test]
    public async Task UpdateItem_SetNewAttribute_KeepsTheOthers()
    {
        await Seed("upd-set", ("existing", S("keep")));
        await Update("upd-set", "SET newAttr = :v", Item((":v", N("100"))));
        var item = await Stored("upd-set");
        Assert.That(item["existing"].S, Is.EqualTo("keep"));
        Assert.That(item["newAttr"].N, Is.EqualTo("100"));
    }

    [Test]
    public async Task UpdateItem_SetArithmetic_Adds()
    {
        await Seed("upd-set", ("counter", N("10")));
        await Update("upd-set", "SET #c = #c + :inc", Item((":inc", N("5"))), new Dictionary<string, string> { ["#c"] = "counter" });
        Assert.That((await Stored("upd-set"))["counter"].N, Is.EqualTo("15"));
    }

    [Test]
    public async Task UpdateItem_IfNotExists_KeepsPresentSetsAbsent()
    {
        await Seed("upd-set", ("existing", S("keep-me")));
        await Update("upd-set", "SET existing = if_not_exists(existing, :def), newone = if_not_exists(newone, :def2)", Item((":def", S("default")), (":def2", S("created"))));
        var item = await Stored("upd-set");
        Assert.That(item["existing"].S, Is.EqualTo("keep-me"));
        Assert.That(item["newone"].S, Is.EqualTo("created"));
    }

    [Test]
    public async Task UpdateItem_IfNotExistsOfAnotherAttribute_CopiesIt()
    {
        await Seed("upd-set", ("myval", S("original")));
        await Update("upd-set", "SET #bk = if_not_exists(#bk, #mv)", names: new Dictionary<string, string> { ["#bk"] = "backup", ["#mv"] = "myval" });
        Assert.That((await Stored("upd-set"))["backup"].S, Is.EqualTo("original"));
    }

    [Test]
    public async Task UpdateItem_ListAppend_Appends()
    {
        await Seed("upd-set", ("vals", L(S("a"), S("b"))));
        await Update("upd-set", "SET vals = list_append(vals, :newItems)", Item((":newItems", L(S("c"), S("d")))));
        Assert.That((await Stored("upd-set"))["vals"].L.Select(v => v.S), Is.EqualTo(new[] { "a", "b", "c", "d" }));
    }

    [Test]
    public async Task UpdateItem_SetStringSetOfTheEmptyString_Stored()
    {
        await Update("upd-set", "SET tags = :v", Item((":v", SS(""))));
        Assert.That((await Stored("upd-set"))["tags"].SS, Is.EqualTo(new[] { "" }));
    }

    [Test]
    public async Task UpdateItem_SetNestedSetWithEmptyMember_Stored()
    {
        await Seed("upd-set", ("wrapper", new AttributeValue { M = [] }));
        await Update("upd-set", "SET wrapper.tags = :v", Item((":v", SS(""))));
        Assert.That((await Stored("upd-set"))["wrapper"].M["tags"].SS, Is.EqualTo(new[] { "" }));
    }

    [Test]
    public async Task UpdateItem_Remove_DropsOnlyThatAttribute()
    {
        await Seed("upd-rem", ("keep", S("yes")), ("drop", S("no")));
        await Update("upd-rem", "REMOVE #d", names: new Dictionary<string, string> { ["#d"] = "drop" });
        var item = await Stored("upd-rem");
        Assert.That(item["keep"].S, Is.EqualTo("yes"));
        Assert.That(item.ContainsKey("drop"), Is.False);
    }

    [Test]
    public async Task UpdateItem_RemoveOfMissingAttributeOrNestedPath_Succeeds()
    {
        await Seed("upd-rem-ghost", ("existing", S("hello")), ("mapAttr", M(("realKey", S("value")))));
        await Update("upd-rem-ghost", "REMOVE #g", names: new Dictionary<string, string> { ["#g"] = "ghostAttr" });
        await Update("upd-rem-ghost", "REMOVE #m.#n", names: new Dictionary<string, string> { ["#m"] = "mapAttr", ["#n"] = "nonexistent" });
        var item = await Stored("upd-rem-ghost");
        Assert.That(item["existing"].S, Is.EqualTo("hello"));
        Assert.That(item["mapAttr"].M.Keys, Is.EqualTo(new[] { "realKey" }));
    }

    [Test]
    public async Task UpdateItem_AddNumber_AddsOrCreates()
    {
        await Seed("upd-add", ("count", N("10")));
        await Update("upd-add", "ADD #c :v", Item((":v", N("3"))), new Dictionary<string, string> { ["#c"] = "count" });
        await Update("upd-add", "ADD #c :v", Item((":v", N("10"))), new Dictionary<string, string> { ["#c"] = "counter" });
        var item = await Stored("upd-add");
        Assert.That(item["count"].N, Is.EqualTo("13"));
        Assert.That(item["counter"].N, Is.EqualTo("10"));
    }

    [Test]
    public async Task UpdateItem_AddToStringSet_Unites()
    {
        await Seed("upd-add-ss", ("tags", SS("a", "b")));
        await Update("upd-add-ss", "ADD tags :v", Item((":v", SS("c", "d"))));
        Assert.That((await Stored("upd-add-ss"))["tags"].SS, Is.EquivalentTo(new[] { "a", "b", "c", "d" }));
    }

    [Test]
    public async Task UpdateItem_AddEmptyStringMember_ReadBackInDynamoDbsOrder()
    {
        await Seed("upd-add-ss-empty", ("tags", SS("a")));
        await Update("upd-add-ss-empty", "ADD tags :v", Item((":v", SS(""))));
        Assert.That((await Stored("upd-add-ss-empty"))["tags"].SS, Is.EqualTo(new[] { "", "a" }));
    }

    [Test]
    public async Task UpdateItem_AddEmptyStringMemberToMissingAttribute_CreatesTheSet()
    {
        await Seed("upd-add-ss-empty-new");
        await Update("upd-add-ss-empty-new", "ADD tags :v", Item((":v", SS(""))));
        Assert.That((await Stored("upd-add-ss-empty-new"))["tags"].SS, Is.EqualTo(new[] { "" }));
    }

    [Test]
    public async Task UpdateItem_AddPresentEmptyMember_SetUnchanged()
    {
        await Seed("upd-add-ss-empty-dup", ("tags", SS("")));
        await Update("upd-add-ss-empty-dup", "ADD tags :v", Item((":v", SS(""))));
        Assert.That((await Stored("upd-add-ss-empty-dup"))["tags"].SS, Is.EqualTo(new[] { "" }));
    }

    [Test]
    public async Task UpdateItem_AddZeroLengthBinaryMember_Added()
    {
        await Seed("upd-add-bs-empty", ("bins", BS([1])));
        await Update("upd-add-bs-empty", "ADD bins :v", Item((":v", BS(Array.Empty<byte>()))));
        Assert.That((await Stored("upd-add-bs-empty"))["bins"].BS.Select(b => b.Length).Order(), Is.EqualTo(new long[] { 0, 1 }));
    }

    [Test]
    public async Task UpdateItem_DeleteEveryMember_RemovesTheAttribute()
    {
        await Seed("upd-del-all", ("tags", SS("a", "b")));
        await Update("upd-del-all", "DELETE #t :v", Item((":v", SS("a", "b"))), new Dictionary<string, string> { ["#t"] = "tags" });
        Assert.That((await Stored("upd-del-all")).ContainsKey("tags"), Is.False);
    }

    [Test]
    public async Task UpdateItem_DeleteSomeMembers_KeepsTheRest()
    {
        await Seed("upd-del-partial", ("tags", SS("a", "b", "c")));
        await Update("upd-del-partial", "DELETE tags :v", Item((":v", SS("b"))));
        Assert.That((await Stored("upd-del-partial"))["tags"].SS, Is.EquivalentTo(new[] { "a", "c" }));
    }

    [Test]
    public async Task UpdateItem_DeleteOfEmptyMembers_BehavesAsAnyMember()
    {
        await Seed("upd-del-ss-empty", ("tags", SS("", "a")));
        await Update("upd-del-ss-empty", "DELETE tags :v", Item((":v", SS(""))));
        Assert.That((await Stored("upd-del-ss-empty"))["tags"].SS, Is.EqualTo(new[] { "a" }));

        await Seed("upd-del-ss-empty-last", ("tags", SS("")));
        await Update("upd-del-ss-empty-last", "DELETE tags :v", Item((":v", SS(""))));
        Assert.That((await Stored("upd-del-ss-empty-last")).ContainsKey("tags"), Is.False);

        await Seed("upd-del-ss-to-empty", ("tags", SS("", "a")));
        await Update("upd-del-ss-to-empty", "DELETE tags :v", Item((":v", SS("a"))));
        Assert.That((await Stored("upd-del-ss-to-empty"))["tags"].SS, Is.EqualTo(new[] { "" }));
    }

    [Test]
    public async Task UpdateItem_ReturnValues_AllNewUpdatedOldUpdatedNew()
    {
        await Seed("upd-ret", ("x", N("1")), ("y", S("keep")));
        var allNew = await Update("upd-ret", "SET x = :v", Item((":v", N("2"))), returnValues: ReturnValue.ALL_NEW);
        Assert.That(allNew.Attributes["x"].N, Is.EqualTo("2"));
        Assert.That(allNew.Attributes["pk"].S, Is.EqualTo("upd-ret"));
        var updatedOld = await Update("upd-ret", "SET x = :v", Item((":v", N("3"))), returnValues: ReturnValue.UPDATED_OLD);
        Assert.That(updatedOld.Attributes.Keys, Is.EqualTo(new[] { "x" }));
        Assert.That(updatedOld.Attributes["x"].N, Is.EqualTo("2"));
        var updatedNew = await Update("upd-ret", "SET x = :v", Item((":v", N("4"))), returnValues: ReturnValue.UPDATED_NEW);
        Assert.That(updatedNew.Attributes.Keys, Is.EqualTo(new[] { "x" }));
        Assert.That(updatedNew.Attributes["x"].N, Is.EqualTo("4"));
    }

    [Test]
    public async Task UpdateItem_SecondClauseReadsAnotherAttribute_SeesThePreUpdateValue()
    {
        await Seed("upd-snapshot", ("a", S("OLD")));
        var response = await Update("upd-snapshot", "SET a = :v, b = a", Item((":v", S("NEW"))), returnValues: ReturnValue.ALL_NEW);
        Assert.That(response.Attributes["a"].S, Is.EqualTo("NEW"));
        Assert.That(response.Attributes["b"].S, Is.EqualTo("OLD"));
    }

    [Test]
    public async Task UpdateItem_ParenthesisedArithmetic_Applied()
    {
        await Seed("upd-paren", ("c", N("10")));
        Assert.That((await Update("upd-paren", "SET c = (c - :v)", Item((":v", N("3"))), returnValues: ReturnValue.ALL_NEW)).Attributes["c"].N, Is.EqualTo("7"));
    }

    [Test]
    public async Task UpdateItem_ArithmeticAroundIfNotExists_Applied()
    {
        await Seed("upd-ifnot-arith", ("v", N("10")));
        Assert.That((await Update("upd-ifnot-arith", "SET v = if_not_exists(v, :d) - :amt", Item((":d", N("0")), (":amt", N("3"))), returnValues: ReturnValue.ALL_NEW)).Attributes["v"].N,
            Is.EqualTo("7"));
    }

    [Test]
    public async Task UpdateItem_ListAppendOfIfNotExistsOnMissingList_Composes()
    {
        await Seed("upd-nested-fn");
        await Update("upd-nested-fn", "SET mylist = list_append(if_not_exists(mylist, :empty), :more)", Item((":empty", new AttributeValue { L = [] }), (":more", L(S("x")))));
        Assert.That((await Stored("upd-nested-fn"))["mylist"].L.Select(v => v.S), Is.EqualTo(new[] { "x" }));
    }

    [Test]
    public async Task UpdateItem_ListAppendValueFirst_Prepends()
    {
        await Seed("upd-prepend", ("vals", L(S("b"), S("c"))));
        await Update("upd-prepend", "SET vals = list_append(:new, vals)", Item((":new", L(S("a")))));
        Assert.That((await Stored("upd-prepend"))["vals"].L.Select(v => v.S), Is.EqualTo(new[] { "a", "b", "c" }));
    }

    [Test]
    public async Task UpdateItem_UpdatedNewOnCreate_ReturnsTheSetAttributes()
    {
        var response = await Update("rv-create", "SET a = :a", Item((":a", S("x"))), returnValues: ReturnValue.UPDATED_NEW);
        Assert.That(response.Attributes["a"].S, Is.EqualTo("x"));
    }

    [Test]
    public async Task UpdateItem_UpdatedNewOnNestedSet_OnlyTheChangedFragment()
    {
        await Seed("rv-nested", ("parent", M(("keep", S("k")), ("child", S("old")))));
        var response = await Update("rv-nested", "SET parent.child = :v", Item((":v", S("new"))), returnValues: ReturnValue.UPDATED_NEW);
        Assert.That(response.Attributes["parent"].M.Keys, Is.EqualTo(new[] { "child" }));
        Assert.That(response.Attributes["parent"].M["child"].S, Is.EqualTo("new"));
    }

    [Test]
    public async Task UpdateItem_RemoveWithUpdatedNew_NoAttributes()
    {
        await Seed("rv-remove", ("x", S("keep")), ("y", S("drop")));
        Assert.That((await Update("rv-remove", "REMOVE y", returnValues: ReturnValue.UPDATED_NEW)).Attributes, Is.Null.Or.Empty);
    }

    [Test]
    public async Task UpdateItem_OnlyKey_CreatesTheItemWithJustItsKey()
    {
        var response = await Ddb.UpdateItemAsync(new UpdateItemRequest { TableName = Hash, Key = Key("upd-noop") });
        Assert.That(response.Attributes, Is.Null.Or.Empty);
        Assert.That((await Stored("upd-noop")).Keys, Is.EqualTo(new[] { "pk" }));
    }
}
