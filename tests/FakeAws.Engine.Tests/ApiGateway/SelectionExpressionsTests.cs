using FakeAws.Engine.ApiGateway.V2.WebSocket;

namespace FakeAws.Engine.Tests.ApiGateway;

/// <summary>WebSocket selection expressions evaluated on a message, as API Gateway evaluates them.</summary>
public class SelectionExpressionsTests
{
    [TestCase("$request.body.action", """{"action":"join"}""", "join")]
    [TestCase("$request.body.message.type", """{"message":{"type":"chat"}}""", "chat")]
    [TestCase("$request.body.count", """{"count":3}""", "3")]
    [TestCase("$request.body.flag", """{"flag":true}""", "true")]
    [TestCase("$request.body.action", """{"other":"x"}""", null)]
    [TestCase("$request.body.action", "not json", null)]
    [TestCase("$request.body.action", """{"action":null}""", null)]
    [TestCase("${request.body.a}-${request.body.b}", """{"a":"x","b":"y"}""", "x-y")]
    [TestCase("\\$default", "anything", "$default")]
    public void Evaluate(string expression, string body, string? expected) =>
        Assert.That(SelectionExpressions.Evaluate(expression, body), Is.EqualTo(expected));

    [TestCase("/2\\d\\d/", "200", true)]
    [TestCase("/2\\d\\d/", "2000", false)]
    [TestCase("/4\\d\\d|5\\d\\d/", "503", true)]
    [TestCase("$default", "200", false)]
    public void KeyMatches(string key, string status, bool expected) =>
        Assert.That(SelectionExpressions.KeyMatches(key, status), Is.EqualTo(expected));
}
