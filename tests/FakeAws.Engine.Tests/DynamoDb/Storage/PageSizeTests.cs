using FakeAws.Engine.DynamoDb;

namespace FakeAws.Engine.Tests.DynamoDb.Storage;

public class PageSizeTests
{
    [Test]
    public void Of_SmallItem_CountsHeadersAndRecordOverhead()
    {
        // "pk" = "ab": 2 bytes + 1 length header + 1 name reference; 2 + 4 + 1 × (18 + 0).
        var item = new Dictionary<string, AttributeValue> { ["pk"] = AttributeValue.FromS("ab") };
        Assert.That(PageSize.Of(item, null), Is.EqualTo(24));
    }

    [Test]
    public void Of_SortKey_IsCountedOncePerRecordBlock()
    {
        var item = new Dictionary<string, AttributeValue> { ["pk"] = AttributeValue.FromS("ab"), ["sk"] = AttributeValue.FromS("xyz") };
        Assert.That(PageSize.Of(item, "sk"), Is.EqualTo(2 + 4 + 18 + 3));
    }

    [TestCase("0", 1)]
    [TestCase("7", 2)]
    [TestCase("12", 2)]
    [TestCase("12000", 3)]
    [TestCase("123", 3)]
    [TestCase("-5", 3)]
    public void EncodedSize_Numbers_PairDigits(string number, int size) =>
        Assert.That(DynamoNumber.Parse(number).EncodedSize, Is.EqualTo(size));
}
