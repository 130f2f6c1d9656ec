using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb;
using FakeAws.Engine.DynamoDb.Expressions;

namespace FakeAws.Engine.Tests.DynamoDb.Expressions;

/// <summary>Short builders for values, items and requests, and the assertion for AWS's errors.</summary>
internal static class ExpressionKit
{
    public static AttributeValue S(string value) => AttributeValue.FromS(value);

    public static AttributeValue N(string value) => AttributeValue.FromN(value);

    public static AttributeValue B(params byte[] value) => AttributeValue.FromB(value);

    public static AttributeValue Bool(bool value) => AttributeValue.FromBool(value);

    public static AttributeValue SS(params string[] members) => AttributeValue.FromSS(members);

    public static AttributeValue NS(params string[] members) => AttributeValue.FromNS(members);

    public static AttributeValue BS(params byte[][] members) => AttributeValue.FromBS(members);

    public static AttributeValue L(params AttributeValue[] elements) => AttributeValue.FromL(elements);

    public static AttributeValue M(params (string Name, AttributeValue Value)[] members) =>
        AttributeValue.FromM(members.ToDictionary(m => m.Name, m => m.Value));

    public static Dictionary<string, AttributeValue> Item(params (string Name, AttributeValue Value)[] attributes) =>
        attributes.ToDictionary(a => a.Name, a => a.Value);

    /// <summary>Values every error test may draw on; errors come before the unused-value check.</summary>
    public static Dictionary<string, AttributeValue> StandardValues() => new()
    {
        [":s"] = S("abc"),
        [":s2"] = S("abd"),
        [":empty"] = S(""),
        [":n"] = N("1"),
        [":n2"] = N("2"),
        [":b"] = B(1, 2),
        [":l"] = L(N("1")),
        [":m"] = M(("x", N("1"))),
        [":ss"] = SS("a"),
        [":ns"] = NS("1"),
        [":bool"] = Bool(true),
        [":null"] = AttributeValue.Null,
        [":type"] = S("S"),
        [":badtype"] = S("DOG"),
    };

    public static Dictionary<string, string> StandardNames() => new()
    {
        ["#n"] = "n",
        ["#a"] = "a",
        ["#b"] = "b",
        ["#p"] = "p",
    };

    /// <summary>A ConditionExpression of PutItem, with the standard names and values.</summary>
    public static RequestExpressions Condition(string expression, Dictionary<string, AttributeValue>? values = null, Dictionary<string, string>? names = null) =>
        RequestExpressions.Compile(new ExpressionInputs
        {
            ConditionExpression = expression,
            ExpressionAttributeValues = values,
            ExpressionAttributeNames = names,
        }, ExpressionOperation.PutItem);

    /// <summary>An UpdateExpression of UpdateItem.</summary>
    public static RequestExpressions Update(string expression, Dictionary<string, AttributeValue>? values = null, Dictionary<string, string>? names = null) =>
        RequestExpressions.Compile(new ExpressionInputs
        {
            UpdateExpression = expression,
            ExpressionAttributeValues = values,
            ExpressionAttributeNames = names,
        }, ExpressionOperation.UpdateItem);

    /// <summary>A ProjectionExpression of GetItem.</summary>
    public static RequestExpressions Projection(string expression, Dictionary<string, string>? names = null) =>
        RequestExpressions.Compile(new ExpressionInputs { ProjectionExpression = expression, ExpressionAttributeNames = names }, ExpressionOperation.GetItem);

    /// <summary>A KeyConditionExpression of Query.</summary>
    public static RequestExpressions Query(string keyCondition, Dictionary<string, AttributeValue>? values = null, Dictionary<string, string>? names = null) =>
        RequestExpressions.Compile(new ExpressionInputs
        {
            KeyConditionExpression = keyCondition,
            ExpressionAttributeValues = values,
            ExpressionAttributeNames = names,
        }, ExpressionOperation.Query);

    /// <summary>Asserts that <paramref name="action"/> fails with a ValidationException of exactly <paramref name="message"/>.</summary>
    public static void AssertValidation(TestDelegate action, string message)
    {
        var error = Assert.Throws<AwsServiceException>(action);
        Assert.That(error!.Message, Is.EqualTo(message));
        Assert.That(error.Code, Is.EqualTo("ValidationException"));
    }
}
