using FakeAws.Engine.DynamoDb;

namespace FakeAws.Engine.Tests.DynamoDb.Storage;

public class ItemStoreTests
{
    private static AttributeValue S(string value) => AttributeValue.FromS(value);

    private static ItemStore Filled(int partitions, int perPartition)
    {
        var store = new ItemStore();
        for (var p = 0; p < partitions; p++)
        {
            for (var s = 0; s < perPartition; s++)
            {
                var key = new PrimaryKey(S($"p{p}"), AttributeValue.FromN($"{s}"));
                store.Put(key, key.Hash, key.Range, new Dictionary<string, AttributeValue> { ["pk"] = key.Hash, ["sk"] = key.Range! }, 10);
            }
        }
        return store;
    }

    [Test]
    public void Put_SameKeyTwice_ReplacesWithoutMoving()
    {
        var store = Filled(1, 3);
        var key = new PrimaryKey(S("p0"), AttributeValue.FromN("1"));

        store.Put(key, key.Hash, key.Range, new Dictionary<string, AttributeValue> { ["v"] = S("new") }, 25);

        Assert.That(store.Count, Is.EqualTo(3));
        Assert.That(store.SizeBytes, Is.EqualTo(45));
        Assert.That(store.Get(key)!.Item["v"].S, Is.EqualTo("new"));
    }

    [Test]
    public void PartitionsFrom_Segments_SplitTheStoreWithoutOverlap()
    {
        var store = Filled(200, 1);

        var segments = Enumerable.Range(0, 7)
            .Select(s => store.PartitionsFrom(null, new ScanSegment(s, 7)).Select(p => p.Hash.S).ToList())
            .ToList();

        Assert.That(segments.SelectMany(s => s), Is.EquivalentTo(Enumerable.Range(0, 200).Select(p => $"p{p}")));
        Assert.That(segments.All(s => s.Count > 0), Is.True);
    }

    [Test]
    public void Remove_LastItemOfPartition_DropsThePartition()
    {
        var store = Filled(2, 1);

        store.Remove(new PrimaryKey(S("p0"), AttributeValue.FromN("0")));

        Assert.That(store.Partition(S("p0")), Is.Null);
        Assert.That(store.PartitionsFrom(null, ScanSegment.All).Select(p => p.Hash.S), Is.EqualTo(new[] { "p1" }));
    }
}
