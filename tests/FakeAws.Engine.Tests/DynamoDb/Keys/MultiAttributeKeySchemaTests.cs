using FakeAws.Engine.DynamoDb;
using static FakeAws.Engine.Tests.DynamoDb.Expressions.ExpressionKit;

namespace FakeAws.Engine.Tests.DynamoDb.Keys;

public class MultiAttributeKeySchemaTests
{
    private static readonly KeySchema Multi = new(
        [new KeyAttribute("h1", AttributeType.S), new KeyAttribute("h2", AttributeType.S)],
        [new KeyAttribute("r1", AttributeType.N), new KeyAttribute("r2", AttributeType.S)]);

    [Test]
    public void KeyOf_EveryPartPresent_ListsOfThePartsInSchemaOrder()
    {
        var key = Multi.KeyOf(Item(("r2", S("z")), ("h2", S("b")), ("r1", N("3")), ("h1", S("a"))));

        Assert.That(key, Is.EqualTo(new PrimaryKey(L(S("a"), S("b")), L(N("3"), S("z")))));
    }

    [TestCase("h2")]
    [TestCase("r2")]
    public void KeyOf_PartMissing_NotIndexed(string missing)
    {
        var item = Item(("h1", S("a")), ("h2", S("b")), ("r1", N("3")), ("r2", S("z")));
        item.Remove(missing);

        Assert.That(Multi.KeyOf(item), Is.Null);
    }

    [Test]
    public void KeyOf_PartOfAnotherType_NotIndexed() =>
        Assert.That(Multi.KeyOf(Item(("h1", S("a")), ("h2", S("b")), ("r1", S("3")), ("r2", S("z")))), Is.Null);

    [Test]
    public void KeyOf_SingleRangeBesideMultiHash_PlainValue()
    {
        var schema = new KeySchema([new KeyAttribute("h1", AttributeType.S), new KeyAttribute("h2", AttributeType.S)], [new KeyAttribute("r", AttributeType.S)]);

        Assert.That(schema.KeyOf(Item(("h1", S("a")), ("h2", S("b")), ("r", S("c")))), Is.EqualTo(new PrimaryKey(L(S("a"), S("b")), S("c"))));
    }

    [Test]
    public void KeyTypeAt_HashAttributesThenRangeAttributes()
    {
        Assert.That(Enumerable.Range(0, 4).Select(Multi.KeyTypeAt), Is.EqualTo(new[] { "HASH", "HASH", "RANGE", "RANGE" }));
        Assert.That(Multi.IsMultiAttribute, Is.True);
        Assert.That(Multi.Contains("r2"), Is.True);
        Assert.That(Multi.Contains("x"), Is.False);
    }

    [Test]
    public void CompareKeys_Lists_ComparePartByPart()
    {
        Assert.That(AttributeValue.CompareKeys(L(N("9"), S("b")), L(N("10"), S("a"))), Is.LessThan(0));
        Assert.That(AttributeValue.CompareKeys(L(N("10"), S("a")), L(N("10"), S("b"))), Is.LessThan(0));
        Assert.That(AttributeValue.CompareKeys(L(N("10.0"), S("b")), L(N("10"), S("b"))), Is.Zero);
    }

    [Test]
    public void GetHashCode_EqualListsOfNumbers_Equal() =>
        Assert.That(L(S("a"), N("1.0")).GetHashCode(), Is.EqualTo(L(S("a"), N("1")).GetHashCode()));

    [Test]
    public void ItemStore_MultiAttributeKeys_SortsPartByPartInOnePartition()
    {
        var store = new ItemStore();
        var rows = new[] { ("t1", "b", "2"), ("t2", "a", "10"), ("t3", "a", "9") };
        foreach (var (id, a, n) in rows)
        {
            var item = Item(("id", S(id)), ("h1", S("p")), ("h2", S("q")), ("r1", N(n)), ("r2", S(a)));
            var key = Multi.KeyOf(item)!.Value;
            store.Put(new PrimaryKey(S(id), null), key.Hash, key.Range, item, 10);
        }

        var partition = store.Partition(L(S("p"), S("q")));

        Assert.That(partition!.Items.Forward(default).Select(i => i.Item["id"].S), Is.EqualTo(new[] { "t1", "t3", "t2" }));
    }
}
