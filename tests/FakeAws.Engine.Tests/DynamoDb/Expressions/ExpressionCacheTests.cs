using FakeAws.Engine.DynamoDb;
using FakeAws.Engine.DynamoDb.Expressions;

namespace FakeAws.Engine.Tests.DynamoDb;

public class ExpressionCacheTests
{
    private static ExpressionInputs Update(AttributeValue value) => new()
    {
        UpdateExpression = "SET a = :v",
        ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":v"] = value },
    };

    [Test]
    public void Compile_SameInputs_ReturnsTheSameCompilation()
    {
        var cache = new ExpressionCache();

        var first = cache.Compile(Update(AttributeValue.FromN("1")), ExpressionOperation.UpdateItem);
        var second = cache.Compile(Update(AttributeValue.FromN("1.0")), ExpressionOperation.UpdateItem);

        Assert.That(second, Is.SameAs(first));
    }

    [Test]
    public void Compile_OtherValue_CompilesAgain()
    {
        var cache = new ExpressionCache();

        var one = cache.Compile(Update(AttributeValue.FromSS(["a", "b"])), ExpressionOperation.UpdateItem);
        var other = cache.Compile(Update(AttributeValue.FromS("x")), ExpressionOperation.UpdateItem);

        Assert.That(other, Is.Not.SameAs(one));
    }

    // Sets are kept in DynamoDB's own order, so a set sent in another order is the same value.
    [Test]
    public void Compile_SameSetInAnotherOrder_SharesTheCompilation()
    {
        var cache = new ExpressionCache();

        var one = cache.Compile(Update(AttributeValue.FromSS(["a", "b"])), ExpressionOperation.UpdateItem);
        var reordered = cache.Compile(Update(AttributeValue.FromSS(["b", "a"])), ExpressionOperation.UpdateItem);

        Assert.That(reordered, Is.SameAs(one));
        Assert.That(reordered.Update!.Apply(null, new Dictionary<string, AttributeValue>()).Item["a"].Strings, Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void Compile_InvalidInputs_FailEveryTime()
    {
        var cache = new ExpressionCache();
        var invalid = new ExpressionInputs { UpdateExpression = "SET a = :missing" };

        Assert.Throws<FakeAws.Engine.Core.AwsServiceException>(() => cache.Compile(invalid, ExpressionOperation.UpdateItem));
        Assert.Throws<FakeAws.Engine.Core.AwsServiceException>(() => cache.Compile(invalid, ExpressionOperation.UpdateItem));
    }
}
