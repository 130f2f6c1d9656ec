using FakeAws.Engine.DynamoDb;
using FakeAws.Engine.DynamoDb.Expressions;
using static FakeAws.Engine.Tests.DynamoDb.Expressions.ExpressionKit;

namespace FakeAws.Engine.Tests.DynamoDb.Expressions;

public class UpdateExpressionTests
{
    private static readonly Dictionary<string, AttributeValue> Key = Item(("pk", S("k")));

    private static UpdateResult Apply(string expression, Dictionary<string, AttributeValue>? existing,
        Dictionary<string, AttributeValue>? values = null, Dictionary<string, string>? names = null) =>
        Update(expression, values, names).Update!.Apply(existing, Key);

    private static Dictionary<string, AttributeValue> Stored(params (string Name, AttributeValue Value)[] attributes) =>
        Item([("pk", S("k")), .. attributes]);

    [Test]
    public void UpdateExpression_SetOnMissingItem_StartsFromKey()
    {
        var result = Apply("SET a = :v", null, new() { [":v"] = N("4") });
        Assert.That(result.Item, Is.EqualTo(Stored(("a", N("4")))));
    }

    [Test]
    public void UpdateExpression_Set_MergesIntoExistingItem()
    {
        var existing = Stored(("a", S("hi")), ("b", S("keep")));
        var result = Apply("set a = :v, c = :v", existing, new() { [":v"] = S("hey") });
        Assert.That(result.Item, Is.EqualTo(Stored(("a", S("hey")), ("b", S("keep")), ("c", S("hey")))));
        Assert.That(existing["a"], Is.EqualTo(S("hi")), "the stored item is never modified");
    }

    [Test]
    public void UpdateExpression_SetFromOtherAttribute_ReadsTheOriginalItem()
    {
        var existing = Stored(("a", S("hello")));
        var result = Apply("REMOVE a SET b = a", existing);
        Assert.That(result.Item, Is.EqualTo(Stored(("b", S("hello")))));
    }

    [Test]
    public void UpdateExpression_SetFromKeyOnMissingItem_ReadsKey()
    {
        var result = Apply("SET #n = #p", null, names: new() { ["#n"] = "n", ["#p"] = "pk" });
        Assert.That(result.Item["n"], Is.EqualTo(S("k")));
    }

    [TestCase("SET a = a + :v", "5")]
    [TestCase("SET a = :v + a", "5")]
    [TestCase("SET a = a - :v", "-1")]
    [TestCase("SET a = :v-a", "1")]
    [TestCase("SET a = if_not_exists(absent, :v) + a", "5")]
    [TestCase("SET a = (a + :v)", "5")]
    [TestCase("SET a = (a) + (:v)", "5")]
    public void UpdateExpression_Arithmetic_IsExact(string expression, string expected)
    {
        var result = Apply(expression, Stored(("a", N("2"))), new() { [":v"] = N("3") });
        Assert.That(result.Item["a"], Is.EqualTo(N(expected)));
    }

    [Test]
    public void UpdateExpression_ArithmeticWithManyDigits_KeepsPrecision()
    {
        var result = Apply("SET a = a + :v", Stored(("a", N("0.1"))), new() { [":v"] = N("1234567890123456789012345678901234567") });
        Assert.That(result.Item["a"].N, Is.EqualTo("1234567890123456789012345678901234567.1"));
    }

    [Test]
    public void UpdateExpression_ArithmeticBeyond38Digits_IsRejected()
    {
        var compiled = Update("SET a = a + :v", new() { [":v"] = N("12345678901234567890123456789012345678") });
        AssertValidation(() => compiled.Update!.Apply(Stored(("a", N("0.1"))), Key),
            "Attempting to store more than 38 significant digits in a Number");
    }

    [Test]
    public void UpdateExpression_ListAppend_ConcatenatesInOrder()
    {
        var existing = Stored(("a", L(S("hi"), N("2"))));
        var values = new Dictionary<string, AttributeValue> { [":v"] = L(S("dog")) };
        Assert.That(Apply("SET a = list_append(a, :v)", existing, values).Item["a"], Is.EqualTo(L(S("hi"), N("2"), S("dog"))));
        Assert.That(Apply("SET a = list_append(:v, a)", existing, values).Item["a"], Is.EqualTo(L(S("dog"), S("hi"), N("2"))));
    }

    [Test]
    public void UpdateExpression_ListAppendWithIfNotExists_CreatesList()
    {
        var result = Apply("SET a = list_append(if_not_exists(a, :empty), :v)", null,
            new() { [":empty"] = L(), [":v"] = L(N("1")) });
        Assert.That(result.Item["a"], Is.EqualTo(L(N("1"))));
    }

    [Test]
    public void UpdateExpression_IfNotExists_KeepsExistingValue()
    {
        var values = new Dictionary<string, AttributeValue> { [":v"] = N("9") };
        Assert.That(Apply("SET a = if_not_exists(a, :v)", Stored(("a", N("2"))), values).Item["a"], Is.EqualTo(N("2")));
        Assert.That(Apply("SET a = if_not_exists(a, :v)", Stored(), values).Item["a"], Is.EqualTo(N("9")));
        Assert.That(Apply("SET b = if_not_exists(a, :v)", Stored(("a", N("2"))), values).Item["b"], Is.EqualTo(N("2")));
    }

    [Test]
    public void UpdateExpression_NestedSet_ReplacesOnlyThatMember()
    {
        var existing = Stored(("a", M(("b", N("3")), ("c", L(S("hi"), M(("x", M(("y", L(N("3"), N("5"), N("7")))))))))));
        var result = Apply("SET a.c[1].#name.y[1] = :v, a.d = :v", existing, new() { [":v"] = N("9") }, new() { ["#name"] = "x" });
        Assert.That(result.Item["a"], Is.EqualTo(M(("b", N("3")), ("c", L(S("hi"), M(("x", M(("y", L(N("3"), N("9"), N("7")))))))), ("d", N("9")))));
    }

    [Test]
    public void UpdateExpression_DotInPlaceholderName_IsOneTopLevelAttribute()
    {
        var result = Apply("SET #a = :v", null, new() { [":v"] = N("3") }, new() { ["#a"] = "a.b" });
        Assert.That(result.Item.ContainsKey("a.b"), Is.True);
    }

    [Test]
    public void UpdateExpression_SetIndexPastEnd_AppendsInIndexOrder()
    {
        var existing = Stored(("a", L(S("one"), S("two"), S("three"))));
        var result = Apply("SET a[84] = :v1, a[37] = :v2, a[17] = :v3", existing,
            new() { [":v1"] = S("a1"), [":v2"] = S("a2"), [":v3"] = S("a3") });
        Assert.That(result.Item["a"], Is.EqualTo(L(S("one"), S("two"), S("three"), S("a3"), S("a2"), S("a1"))));
    }

    [Test]
    public void UpdateExpression_RemoveAndSetIndexes_ReferToOriginalPositions()
    {
        var existing = Stored(("a", L(N("2"), N("3"), N("4"), N("5"), N("6"), N("7"))));
        var values = new Dictionary<string, AttributeValue> { [":v"] = N("17") };
        var expected = L(N("2"), N("4"), N("17"), N("6"), N("7"));
        Assert.That(Apply("REMOVE a[1] SET a[3] = :v", existing, values).Item["a"], Is.EqualTo(expected));
        Assert.That(Apply("SET a[3] = :v REMOVE a[1]", existing, values).Item["a"], Is.EqualTo(expected));
    }

    [Test]
    public void UpdateExpression_RemoveSeveralIndexes_ShiftsLaterElements()
    {
        var result = Apply("REMOVE a[0], a[2]", Stored(("a", L(N("0"), N("1"), N("2"), N("3")))));
        Assert.That(result.Item["a"], Is.EqualTo(L(N("1"), N("3"))));
    }

    [Test]
    public void UpdateExpression_RemoveNested_LeavesEmptyMapsAndLists()
    {
        var result = Apply("REMOVE a.b, c[0]", Stored(("a", M(("b", N("1")))), ("c", L(N("1")))));
        Assert.That(result.Item["a"], Is.EqualTo(M()));
        Assert.That(result.Item["c"], Is.EqualTo(L()));
    }

    [Test]
    public void UpdateExpression_RemoveMissingLeaf_ChangesNothing()
    {
        var existing = Stored(("a", M(("x", N("3")))), ("b", L(S("hi"))));
        var result = Apply("REMOVE a.y, b[7], c", existing);
        Assert.That(result.Item, Is.EqualTo(existing));
    }

    [Test]
    public void UpdateExpression_RemoveNestedFromMissingItem_IsIgnored()
    {
        var result = Apply("REMOVE x.y, z[0]", null);
        Assert.That(result.Item, Is.EqualTo(Key));
    }

    [Test]
    public void UpdateExpression_AddNumber_AddsOrCreates()
    {
        var values = new Dictionary<string, AttributeValue> { [":v"] = N("4") };
        Assert.That(Apply("ADD a :v", Stored(("a", N("3"))), values).Item["a"], Is.EqualTo(N("7")));
        Assert.That(Apply("ADD a :v", null, values).Item["a"], Is.EqualTo(N("4")));
    }

    [Test]
    public void UpdateExpression_AddSet_UnionsWithoutDuplicates()
    {
        var result = Apply("ADD a :v", Stored(("a", SS("beaver", "lynx"))), new() { [":v"] = SS("lynx", "badger") });
        Assert.That(result.Item["a"], Is.EqualTo(SS("beaver", "lynx", "badger")));
        Assert.That(result.Item["a"].Strings, Has.Count.EqualTo(3));
    }

    [Test]
    public void UpdateExpression_AddBinarySetAndNumberSet_Union()
    {
        Assert.That(Apply("ADD a :v", Stored(("a", BS([1]))), new() { [":v"] = BS([1], [2]) }).Item["a"], Is.EqualTo(BS([1], [2])));
        Assert.That(Apply("ADD a :v", Stored(("a", NS("1"))), new() { [":v"] = NS("1.0", "2") }).Item["a"], Is.EqualTo(NS("1", "2")));
    }

    [Test]
    public void UpdateExpression_DeleteFromSet_RemovesMembers()
    {
        var result = Apply("DELETE a :v", Stored(("a", SS("dog", "cat", "mouse"))), new() { [":v"] = SS("cat", "mouse", "pig") });
        Assert.That(result.Item["a"], Is.EqualTo(SS("dog")));
    }

    [Test]
    public void UpdateExpression_DeleteLastMembers_RemovesAttribute()
    {
        var values = new Dictionary<string, AttributeValue> { [":v"] = SS("dog") };
        Assert.That(Apply("DELETE a :v", Stored(("a", SS("dog"))), values).Item.ContainsKey("a"), Is.False);
        Assert.That(Apply("DELETE a :v", Stored(), values).Item.ContainsKey("a"), Is.False);
    }

    [Test]
    public void UpdateExpression_AllClauses_InAnyOrderAndCase()
    {
        var existing = Stored(("a", N("1")), ("b", SS("x", "y")), ("c", S("gone")));
        var result = Apply("delete b :d add a :one REMOVE c set d = :one", existing,
            new() { [":d"] = SS("x"), [":one"] = N("1") });
        Assert.That(result.Item, Is.EqualTo(Stored(("a", N("2")), ("b", SS("y")), ("d", N("1")))));
    }

    [Test]
    public void UpdateExpression_Whitespace_IsIgnored()
    {
        var result = Apply("  SET   a=:v , b [ 0 ] = :v  ", Stored(("b", L(N("0")))), new() { [":v"] = N("5") });
        Assert.That(result.Item["b"], Is.EqualTo(L(N("5"))));
    }

    [Test]
    public void UpdateExpression_UpdatedOldAndNew_ProjectOnlyUpdatedPaths()
    {
        var existing = Stored(("a", M(("b", S("dog")), ("c", L(N("1"), N("2"), N("3"))))), ("d", S("cat")));
        var result = Apply("SET a.c[1] = :v, a.b = :w", existing, new() { [":v"] = N("8"), [":w"] = S("yo") });
        Assert.That(result.UpdatedOld(existing), Is.EqualTo(Item(("a", M(("b", S("dog")), ("c", L(N("2"))))))));
        Assert.That(result.UpdatedNew(), Is.EqualTo(Item(("a", M(("b", S("yo")), ("c", L(N("8"))))))));
        Assert.That(result.UpdatedAttributes, Is.EqualTo(new[] { "a" }));
    }

    [Test]
    public void UpdateExpression_UpdatedNewAfterAppendOrRemove_FollowsAws()
    {
        var existing = Stored(("c", L(N("1"), N("2"), N("70"))));
        var appended = Apply("SET c[100] = :v", existing, new() { [":v"] = N("9") });
        Assert.That(appended.UpdatedNew(), Is.Empty);
        var removed = Apply("REMOVE c[1]", existing);
        Assert.That(removed.UpdatedNew(), Is.EqualTo(Item(("c", L(N("70"))))));
        Assert.That(removed.UpdatedOld(existing), Is.EqualTo(Item(("c", L(N("2"))))));
        Assert.That(removed.UpdatedOld(null), Is.Empty);
    }

    [Test]
    public void UpdateExpression_KeyAttribute_CannotBeUpdated()
    {
        var key = new KeySchema(new KeyAttribute("pk", AttributeType.S), new KeyAttribute("sk", AttributeType.N));
        foreach (var (expression, attribute) in new[] { ("SET pk = :v", "pk"), ("REMOVE sk", "sk"), ("ADD sk :v", "sk"), ("SET a = :v, sk = :v", "sk") })
        {
            var compiled = Update(expression, expression.Contains(":v") ? new() { [":v"] = N("1") } : null);
            AssertValidation(() => compiled.CheckKeySchema(key),
                $"One or more parameter values were invalid: Cannot update attribute {attribute}. This attribute is part of the key");
        }
    }

    [Test]
    public void UpdateExpression_NestedPathThroughKey_IsRejected()
    {
        var key = new KeySchema(new KeyAttribute("pk", AttributeType.S), null);
        var compiled = Update("SET a = pk.x");
        AssertValidation(() => compiled.CheckKeySchema(key),
            "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: pk");
    }

    [Test]
    public void UpdateExpression_NamesUsedOnlyInCondition_CountAsUsed()
    {
        var compiled = RequestExpressions.Compile(new ExpressionInputs
        {
            UpdateExpression = "SET #a = :v",
            ConditionExpression = "#b = :w",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#a"] = "a", ["#b"] = "b" },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":v"] = N("1"), [":w"] = N("2") },
        }, ExpressionOperation.UpdateItem);
        Assert.That(compiled.Condition!.Evaluate(Item(("b", N("2")))), Is.True);
        Assert.That(compiled.Update!.Apply(null, Key).Item["a"], Is.EqualTo(N("1")));
    }
}
