using FakeAws.Engine.DynamoDb;

namespace FakeAws.Engine.Tests.DynamoDb.Storage;

public class SortedChunkListTests
{
    private static SortedChunkList<int> Filled(IEnumerable<int> values)
    {
        var list = new SortedChunkList<int>(Comparer<int>.Default);
        foreach (var value in values)
        {
            list.Add(value);
        }
        return list;
    }

    [Test]
    public void Add_ManyInRandomOrder_KeepsOrderAcrossChunks()
    {
        var values = Enumerable.Range(0, 5000).OrderBy(i => (i * 7919) % 5003).ToList();

        var list = Filled(values);

        Assert.That(list.Count, Is.EqualTo(5000));
        Assert.That(list.Forward(SortedChunkList<int>.Start), Is.EqualTo(Enumerable.Range(0, 5000)));
        Assert.That(list.Backward(list.End), Is.EqualTo(Enumerable.Range(0, 5000).Reverse()));
    }

    [Test]
    public void Seek_FindsTheFirstElementNotBefore()
    {
        var list = Filled(Enumerable.Range(0, 3000).Select(i => i * 2));

        Assert.That(list.Forward(list.Seek(v => v < 1001)).First(), Is.EqualTo(1002));
        Assert.That(list.Forward(list.Seek(v => v < 1002)).First(), Is.EqualTo(1002));
        Assert.That(list.Backward(list.Seek(v => v < 1002)).First(), Is.EqualTo(1000));
        Assert.That(list.Forward(list.Seek(v => v < 100_000)), Is.Empty);
        Assert.That(list.Backward(list.Seek(_ => false)), Is.Empty);
    }

    [Test]
    public void Remove_PresentAndAbsent_ReportsAndDropsEmptyChunks()
    {
        var list = Filled(Enumerable.Range(0, 2000));

        Assert.That(list.Remove(5000), Is.False);
        foreach (var value in Enumerable.Range(0, 1990))
        {
            Assert.That(list.Remove(value), Is.True);
        }

        Assert.That(list.Forward(SortedChunkList<int>.Start), Is.EqualTo(Enumerable.Range(1990, 10)));
        Assert.That(list.Count, Is.EqualTo(10));
    }
}
