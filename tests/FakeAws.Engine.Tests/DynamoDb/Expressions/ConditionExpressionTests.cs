using System.Text.RegularExpressions;
using FakeAws.Engine.DynamoDb;
using static FakeAws.Engine.Tests.DynamoDb.Expressions.ExpressionKit;

namespace FakeAws.Engine.Tests.DynamoDb.Expressions;

public class ConditionExpressionTests
{
    private static readonly Dictionary<string, AttributeValue> Stored = Item(
        ("str", S("hello")),
        ("num", N("10")),
        ("bin", B(1, 2, 3)),
        ("yes", Bool(true)),
        ("nothing", AttributeValue.Null),
        ("strings", SS("dog", "cat")),
        ("numbers", NS("1", "2.5")),
        ("binaries", BS([1], [2])),
        ("lst", L(S("a"), N("2"), L(N("3")))),
        ("doc", M(("mid", M(("deep", N("7")))), ("xs", L(N("1"), N("5"))))),
        ("and", S("reserved name")));

    // Passes only the values the expression names, as an unused one is an error.
    private static bool Evaluate(string expression, params (string Name, AttributeValue Value)[] values)
    {
        var used = values.Where(v => Regex.IsMatch(expression, Regex.Escape(v.Name) + @"\b")).ToDictionary(v => v.Name, v => v.Value);
        var compiled = Condition(expression, used.Count == 0 ? null : used);
        return compiled.Condition!.Evaluate(Stored);
    }

    [TestCase("num = :v", "10", true)]
    [TestCase("num = :v", "10.0", true)]
    [TestCase("num = :v", "11", false)]
    [TestCase("num <> :v", "11", true)]
    [TestCase("num < :v", "11", true)]
    [TestCase("num < :v", "10", false)]
    [TestCase("num <= :v", "10", true)]
    [TestCase("num > :v", "9.99", true)]
    [TestCase("num >= :v", "10", true)]
    [TestCase("num >= :v", "100", false)]
    [TestCase(":v < num", "9", true)]
    public void ConditionExpression_NumberComparison_ComparesByValue(string expression, string number, bool expected) =>
        Assert.That(Evaluate(expression, (":v", N(number))), Is.EqualTo(expected));

    [TestCase("str < :v", "hellp", true)]
    [TestCase("str < :v", "hello", false)]
    [TestCase("str > :v", "Hello", true)]
    [TestCase("str = :v", "hello", true)]
    [TestCase("str = :v", "hello ", false)]
    public void ConditionExpression_StringComparison_ComparesByBytes(string expression, string text, bool expected) =>
        Assert.That(Evaluate(expression, (":v", S(text))), Is.EqualTo(expected));

    [TestCase("h", "i", true)]
    [TestCase("hello", "hello", true)]
    [TestCase("i", "j", false)]
    public void ConditionExpression_StringBetween_IsInclusive(string lower, string upper, bool expected) =>
        Assert.That(Evaluate("str BETWEEN :lo AND :hi", (":lo", S(lower)), (":hi", S(upper))), Is.EqualTo(expected));

    [Test]
    public void ConditionExpression_StringOrder_IsUtf8ByteOrder()
    {
        // U+FFFD sorts below U+1F600 in UTF-8, though above its surrogates in UTF-16.
        var item = Item(("s", S("\uFFFD")));
        var compiled = Condition("s < :v", new() { [":v"] = S("\U0001F600") });
        Assert.That(compiled.Condition!.Evaluate(item), Is.True);
    }

    [Test]
    public void ConditionExpression_BinaryComparison_IsUnsigned()
    {
        var item = Item(("b", B(127)));
        Assert.That(Condition("b < :v", new() { [":v"] = B(128) }).Condition!.Evaluate(item), Is.True);
    }

    [TestCase("num = :v")]
    [TestCase("num < :v")]
    [TestCase("num >= :v")]
    [TestCase("num BETWEEN :v AND :v")]
    public void ConditionExpression_TypeMismatch_IsFalse(string expression) =>
        Assert.That(Evaluate(expression, (":v", S("10"))), Is.False);

    [Test]
    public void ConditionExpression_NotEqualAcrossTypes_IsTrue() =>
        Assert.That(Evaluate("num <> :v", (":v", S("10"))), Is.True);

    [TestCase("absent = :v", false)]
    [TestCase("absent <> :v", true)]
    [TestCase("absent < :v", false)]
    [TestCase("absent = elsewhere", false)]
    [TestCase("absent <> elsewhere", true)]
    [TestCase("absent IN (:v)", false)]
    public void ConditionExpression_MissingAttribute_FollowsAws(string expression, bool expected) =>
        Assert.That(Evaluate(expression, (":v", N("1"))), Is.EqualTo(expected));

    [Test]
    public void ConditionExpression_SetEquality_IgnoresOrder() =>
        Assert.That(Evaluate("strings = :v", (":v", SS("cat", "dog"))), Is.True);

    [Test]
    public void ConditionExpression_ListEquality_IsOrdered() =>
        Assert.That(Evaluate("lst = :v", (":v", L(N("2"), S("a"), L(N("3"))))), Is.False);

    [TestCase("doc.mid.deep = :v", "7", true)]
    [TestCase("doc.xs[1] = :v", "5", true)]
    [TestCase("doc.xs[2] = :v", "5", false)]
    [TestCase("doc.mid[0] = :v", "7", false)]
    [TestCase("lst[2][0] = :v", "3", true)]
    public void ConditionExpression_DocumentPath_ReachesNestedValues(string expression, string number, bool expected) =>
        Assert.That(Evaluate(expression, (":v", N(number))), Is.EqualTo(expected));

    [Test]
    public void ConditionExpression_NamePlaceholders_StandForReservedAndDottedNames()
    {
        var item = Item(("and", M(("or", N("2")))), ("a.b", N("1")));
        var compiled = Condition("#x.#y = :two AND #dot = :one",
            new() { [":two"] = N("2"), [":one"] = N("1") },
            new() { ["#x"] = "and", ["#y"] = "or", ["#dot"] = "a.b" });
        Assert.That(compiled.Condition!.Evaluate(item), Is.True);
    }

    [TestCase("num BETWEEN :lo AND :hi", true)]
    [TestCase("num between :hi and :hi", true)]
    [TestCase("num BETWEEN :lo AND :lo", false)]
    public void ConditionExpression_Between_IsInclusive(string expression, bool expected) =>
        Assert.That(Evaluate(expression, (":lo", N("1")), (":hi", N("10"))), Is.EqualTo(expected));

    [Test]
    public void ConditionExpression_In_MatchesAnyCandidateOfAnyType() =>
        Assert.That(Evaluate("num IN (:a, :b)", (":a", S("x")), (":b", N("10"))), Is.True);

    [Test]
    public void ConditionExpression_InWithHundredOperands_IsAccepted()
    {
        var values = Enumerable.Range(0, 99).ToDictionary(i => $":v{i}", i => N(i.ToString()));
        var compiled = Condition($"num IN ({string.Join(", ", values.Keys)})", values);
        Assert.That(compiled.Condition!.Evaluate(Stored), Is.True);
    }

    [TestCase("attribute_exists(str)", true)]
    [TestCase("attribute_exists(doc.mid.deep)", true)]
    [TestCase("attribute_exists(doc.mid.nada)", false)]
    [TestCase("attribute_not_exists(absent)", true)]
    [TestCase("attribute_not_exists (str)", false)]
    [TestCase("attribute_exists(nothing)", true)]
    public void ConditionExpression_Existence_ChecksPath(string expression, bool expected) =>
        Assert.That(Evaluate(expression), Is.EqualTo(expected));

    [TestCase("str", "S")]
    [TestCase("num", "N")]
    [TestCase("bin", "B")]
    [TestCase("yes", "BOOL")]
    [TestCase("nothing", "NULL")]
    [TestCase("strings", "SS")]
    [TestCase("numbers", "NS")]
    [TestCase("binaries", "BS")]
    [TestCase("lst", "L")]
    [TestCase("doc", "M")]
    public void ConditionExpression_AttributeType_MatchesWireName(string attribute, string type)
    {
        Assert.That(Evaluate($"attribute_type({attribute}, :t)", (":t", S(type))), Is.True);
        Assert.That(Evaluate($"attribute_type({attribute}, :t)", (":t", S(type == "S" ? "N" : "S"))), Is.False);
    }

    [Test]
    public void ConditionExpression_AttributeTypeOfConstant_Works() =>
        Assert.That(Evaluate("attribute_type(:v, :t)", (":v", N("0")), (":t", S("N"))), Is.True);

    [TestCase("begins_with(str, :v)", "hel", true)]
    [TestCase("begins_with(str, :v)", "ello", false)]
    [TestCase("begins_with(:v, str)", "hello world", true)]
    [TestCase("begins_with(num, :v)", "1", false)]
    public void ConditionExpression_BeginsWithString_ChecksPrefix(string expression, string text, bool expected) =>
        Assert.That(Evaluate(expression, (":v", S(text))), Is.EqualTo(expected));

    [Test]
    public void ConditionExpression_BeginsWithBinary_ChecksBytePrefix()
    {
        Assert.That(Evaluate("begins_with(bin, :v)", (":v", B(1, 2))), Is.True);
        Assert.That(Evaluate("begins_with(bin, :v)", (":v", B(2))), Is.False);
    }

    [Test]
    public void ConditionExpression_Contains_CoversStringsSetsListsAndBinary()
    {
        Assert.That(Evaluate("contains(str, :v)", (":v", S("ell"))), Is.True);
        Assert.That(Evaluate("contains(strings, :v)", (":v", S("cat"))), Is.True);
        Assert.That(Evaluate("contains(strings, :v)", (":v", S("ca"))), Is.False);
        Assert.That(Evaluate("contains(numbers, :v)", (":v", N("2.50"))), Is.True);
        Assert.That(Evaluate("contains(binaries, :v)", (":v", B(2))), Is.True);
        Assert.That(Evaluate("contains(bin, :v)", (":v", B(2, 3))), Is.True);
        Assert.That(Evaluate("contains(lst, :v)", (":v", N("2"))), Is.True);
        Assert.That(Evaluate("contains(lst, :v)", (":v", L(N("3")))), Is.True);
        Assert.That(Evaluate("contains(num, :v)", (":v", N("1"))), Is.False);
        Assert.That(Evaluate("contains(absent, :v)", (":v", N("1"))), Is.False);
    }

    [TestCase("size(str) = :v", "5")]
    [TestCase("size(bin) = :v", "3")]
    [TestCase("size(strings) = :v", "2")]
    [TestCase("size(numbers) = :v", "2")]
    [TestCase("size(binaries) = :v", "2")]
    [TestCase("size(lst) = :v", "3")]
    [TestCase("size(doc) = :v", "2")]
    [TestCase("size(doc.xs) > :v", "1")]
    [TestCase(":v < size(str)", "4")]
    public void ConditionExpression_Size_MeasuresEachType(string expression, string number) =>
        Assert.That(Evaluate(expression, (":v", N(number))), Is.True);

    [TestCase("size(num) = :v")]
    [TestCase("size(yes) = :v")]
    [TestCase("size(nothing) = :v")]
    [TestCase("size(absent) = :v")]
    public void ConditionExpression_SizeOfUnsizedValue_IsFalse(string expression) =>
        Assert.That(Evaluate(expression, (":v", N("1"))), Is.False);

    [TestCase("num = :ten OR num = :one AND str = :one", true)]
    [TestCase("(num = :ten OR num = :one) AND str = :one", false)]
    [TestCase("NOT num = :one AND str = :one", false)]
    [TestCase("NOT (num = :one AND str = :one)", true)]
    [TestCase("nOt NOT num = :ten", true)]
    [TestCase("num = :one or NOT num = :one", true)]
    [TestCase("num BETWEEN :one AND :ten AND num = :ten", true)]
    public void ConditionExpression_Precedence_IsNotThenAndThenOr(string expression, bool expected) =>
        Assert.That(Evaluate(expression, (":one", N("1")), (":ten", N("10"))), Is.EqualTo(expected));

    [TestCase("(num) = :ten")]
    [TestCase("num = (:ten)")]
    [TestCase("(size(str)) > :ten OR (attribute_exists(str))")]
    [TestCase("((num = :ten) AND (str <> :ten))")]
    [TestCase("  num=:ten  ")]
    public void ConditionExpression_SingleParentheses_AreAllowed(string expression) =>
        Assert.That(Evaluate(expression, (":ten", N("10"))), Is.True);

    [Test]
    public void ConditionExpression_MissingItem_IsTestedAsEmpty()
    {
        var compiled = Condition("attribute_not_exists(pk) AND pk <> :v", new() { [":v"] = S("x") });
        Assert.That(compiled.Condition!.Evaluate(null), Is.True);
    }

    [Test]
    public void ConditionExpression_OrShortCircuit_StillCountsNamesAsUsed()
    {
        var compiled = Condition("#a = :a OR #b = :b",
            new() { [":a"] = N("1"), [":b"] = N("2") },
            new() { ["#a"] = "a", ["#b"] = "b" });
        Assert.That(compiled.Condition!.Evaluate(Item(("a", N("1")))), Is.True);
    }
}
