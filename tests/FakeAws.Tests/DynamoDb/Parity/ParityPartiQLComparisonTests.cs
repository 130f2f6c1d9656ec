using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier2/partiql/comparison.test.ts: PartiQL equality on
// non-scalar types agrees with the same predicate as a ConditionExpression (sets and maps ignore order,
// lists do not), and an ordering operator refuses an operand whose type has no ordering.
public class ParityPartiQLComparisonTests(DynamoDbPath path) : ParityTestBase(path)
{
    /// <summary>One case per type: what is stored, an equal value, a different one, and a permutation with whether it matches.</summary>
    public sealed record Case(string Type, AttributeValue Stored, AttributeValue Same, AttributeValue Differs, AttributeValue? Permuted = null, bool PermutedMatches = false)
    {
        public override string ToString() => Type;
    }

    public static readonly Case[] Cases =
    [
        new("SS", SS("a", "b", "c"), SS("a", "b", "c"), SS("a", "b", "d"), SS("c", "a", "b"), true),
        new("NS", NS("1", "2", "3"), NS("1", "2", "3"), NS("1", "2", "4"), NS("3", "1", "2"), true),
        new("BS", BS([1, 2], [3, 4]), BS([1, 2], [3, 4]), BS([1, 2], [5, 6]), BS([3, 4], [1, 2]), true),
        new("L", L(S("a"), S("b")), L(S("a"), S("b")), L(S("a"), S("c")), L(S("b"), S("a")), false),
        new("M", M(("x", N("1")), ("y", N("2"))), M(("x", N("1")), ("y", N("2"))), M(("x", N("1")), ("y", N("3"))), M(("y", N("2")), ("x", N("1"))), true),
        new("B", B(1, 2, 3), B(1, 2, 3), B(1, 2, 4)),
        new("NULL", NullValue, NullValue, S("not null")),
    ];

    public static readonly (string Type, AttributeValue Value)[] Unordered =
    [
        ("BOOL", Bool(true)), ("NULL", NullValue), ("L", L(S("a"))), ("M", M(("a", S("b")))), ("SS", SS("a")), ("NS", NS("1")), ("BS", BS([1])),
    ];

    [SetUp]
    public async Task CreateTables()
    {
        await CreateTablesAsync(Hash);
        foreach (var c in Cases)
        {
            await Ddb.PutItemAsync(Hash, Item(("pk", S(KeyFor(c.Type))), ("val", c.Stored)));
        }
    }

    private static string KeyFor(string type) => $"pq-cmp-{type}";

    private async Task<bool> PartiQLMatches(string pk, AttributeValue value, string op) =>
        (await Statement($"SELECT pk FROM \"{Hash}\" WHERE pk = ? AND val {op} ?", S(pk), value)).Items.Count == 1;

    private async Task<bool> ConditionHolds(string pk, AttributeValue value, string op)
    {
        try
        {
            await Ddb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = Hash, Key = Key(pk), UpdateExpression = "SET marker = :m", ConditionExpression = $"val {op} :v",
                ExpressionAttributeValues = Item((":m", N("1")), (":v", value)),
            });
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    [TestCaseSource(nameof(Cases))]
    public async Task ExecuteStatement_Equality_MatchesEqualNotDifferent(Case c)
    {
        Assert.That(await PartiQLMatches(KeyFor(c.Type), c.Same, "="), Is.True);
        Assert.That(await PartiQLMatches(KeyFor(c.Type), c.Differs, "="), Is.False);
    }

    [TestCaseSource(nameof(Cases))]
    public async Task ExecuteStatement_NotEqual_ComplementOfEqual(Case c)
    {
        Assert.That(await PartiQLMatches(KeyFor(c.Type), c.Same, "<>"), Is.False);
        Assert.That(await PartiQLMatches(KeyFor(c.Type), c.Differs, "<>"), Is.True);
    }

    [TestCaseSource(nameof(Cases))]
    public async Task ExecuteStatement_Permutation_MatchesOnlyUnorderedTypes(Case c)
    {
        if (c.Permuted is null)
        {
            Assert.Pass("The type has no permutation.");
        }
        Assert.That(await PartiQLMatches(KeyFor(c.Type), c.Permuted!, "="), Is.EqualTo(c.PermutedMatches));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task ExecuteStatement_Comparison_AgreesWithConditionExpression(Case c)
    {
        foreach (var value in new[] { c.Same, c.Differs })
        {
            foreach (var op in new[] { "=", "<>" })
            {
                Assert.That(await PartiQLMatches(KeyFor(c.Type), value, op), Is.EqualTo(await ConditionHolds(KeyFor(c.Type), value, op)), $"{c.Type} {op}");
            }
        }
    }

    [Test]
    public void ExecuteStatement_OrderingAgainstUnorderedType_Refused([Range(0, 6)] int type) =>
        Refusal(() => Statement($"SELECT pk FROM \"{Hash}\" WHERE pk = ? AND val < ?", S(KeyFor("B")), Unordered[type].Value));

    [TestCase("<")]
    [TestCase("<=")]
    [TestCase(">")]
    [TestCase(">=")]
    public void ExecuteStatement_OrderingAgainstBoolean_NamesTheOperatorAsWritten(string op) =>
        Invalid(() => Statement($"SELECT pk FROM \"{Hash}\" WHERE pk = ? AND val {op} ?", S(KeyFor("B")), Bool(true)),
            $"Incorrect operand type for operator or function; operator or function: {op}, operand type: BOOL");

    [Test]
    public void ExecuteStatement_BetweenBooleans_NamesBetween() =>
        InvalidContaining(() => Statement($"SELECT pk FROM \"{Hash}\" WHERE pk = ? AND val BETWEEN ? AND ?", S(KeyFor("B")), Bool(true), Bool(false)),
            "operator or function: BETWEEN");

    [Test]
    public async Task ExecuteStatement_EqualityAgainstUnorderedType_Accepted([Range(0, 6)] int type)
    {
        Assert.That(await PartiQLMatches(KeyFor("B"), Unordered[type].Value, "="), Is.False);
        Assert.That(await PartiQLMatches(KeyFor("B"), Unordered[type].Value, "<>"), Is.True);
    }

    [Test]
    public Task ExecuteStatement_OrderingBetweenStringAndNumber_Accepted() =>
        Statement($"SELECT pk FROM \"{Hash}\" WHERE pk = ? AND val < ?", S(KeyFor("NULL")), N("5"));

    [Test]
    public async Task ExecuteStatement_OrderingOfBinary_ByBytes()
    {
        Assert.That((await Statement($"SELECT pk FROM \"{Hash}\" WHERE pk = ? AND val < ?", S(KeyFor("B")), B(1, 2, 4))).Items, Has.Count.EqualTo(1));
        Assert.That((await Statement($"SELECT pk FROM \"{Hash}\" WHERE pk = ? AND val > ?", S(KeyFor("B")), B(1, 2, 4))).Items, Is.Empty);
    }

    [Test]
    public async Task ExecuteStatement_UpdateConditionedOnHoldingSetEquality_Applied()
    {
        await Ddb.PutItemAsync(Hash, Item(("pk", S("pq-cmp-SS-write-true")), ("val", SS("a", "b"))));
        await Statement($"UPDATE \"{Hash}\" SET touched = 'yes' WHERE pk = ? AND val = ?", S("pq-cmp-SS-write-true"), SS("b", "a"));
        Assert.That((await StoredAsync(Hash, Key("pq-cmp-SS-write-true")))!["touched"].S, Is.EqualTo("yes"));
    }

    [Test]
    public async Task ExecuteStatement_UpdateConditionedOnFailingMapEquality_ConditionalCheckFailed()
    {
        await Ddb.PutItemAsync(Hash, Item(("pk", S("pq-cmp-M-write-false")), ("val", M(("x", N("1"))))));
        Assert.ThrowsAsync<ConditionalCheckFailedException>(() =>
            Statement($"UPDATE \"{Hash}\" SET touched = 'yes' WHERE pk = ? AND val = ?", S("pq-cmp-M-write-false"), M(("x", N("2")))));
        Assert.That((await StoredAsync(Hash, Key("pq-cmp-M-write-false")))!.ContainsKey("touched"), Is.False);
    }
}
