using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.Tests.StepFunctions;

public class JsonPathTests
{
    private static readonly JsonNode Store = JsonNode.Parse("""
        {"store": {"book": [
            {"title": "A", "price": 8, "tags": ["x"]},
            {"title": "B", "price": 12},
            {"title": "C", "price": 20, "isbn": "1"}
          ], "name": "shop"},
         "delivery-partner": "UQS", "n": null}
        """)!;

    private static string Select(string path) => JsonValues.Serialize(JsonPath.Parse(path).Select(Store));

    [TestCase("$", "store")]
    [TestCase("$.store.name", "\"shop\"")]
    [TestCase("$['store']['name']", "\"shop\"")]
    [TestCase("$.store.book[1].title", "\"B\"")]
    [TestCase("$.store.book[-1].title", "\"C\"")]
    [TestCase("$.delivery-partner", "\"UQS\"")]
    [TestCase("$.n", "null")]
    public void Select_DefinitePath_ReturnsTheValue(string path, string expected)
    {
        Assert.That(JsonPath.Parse(path).IsDefinite, Is.True);
        Assert.That(Select(path), Does.Contain(expected));
    }

    [TestCase("$.store.book[*].title", """["A","B","C"]""")]
    [TestCase("$.store.book[0,2].title", """["A","C"]""")]
    [TestCase("$.store.book[1:].price", "[12,20]")]
    [TestCase("$.store.book[:2].price", "[8,12]")]
    [TestCase("$..price", "[8,12,20]")]
    [TestCase("$.store.book[?(@.price > 10)].title", """["B","C"]""")]
    [TestCase("$.store.book[?(@.price > 10 && @.isbn)].title", """["C"]""")]
    [TestCase("$.store.book[?(@.title == 'A' || @.price >= 20)].title", """["A","C"]""")]
    [TestCase("$.store.book[?(@.title =~ /b/i)].title", """["B"]""")]
    [TestCase("$.store.book[?(@.price in [8, 20])].title", """["A","C"]""")]
    [TestCase("$.store.book[?(@.missing)].title", "[]")]
    public void Select_IndefinitePath_ReturnsEveryMatchAsAList(string path, string expected)
    {
        Assert.That(JsonPath.Parse(path).IsDefinite, Is.False);
        Assert.That(Select(path), Is.EqualTo(expected));
    }

    [TestCase("$.store.missing", "No results for path: $['store']['missing']")]
    [TestCase("$.no.such.path", "Missing property in path $['no']")]
    [TestCase("$.store.book[10]", "No results for path: $['store']['book'][10]")]
    public void Select_DefinitePathThatSelectsNothing_ThrowsJaywaysMessage(string path, string message)
    {
        var e = Assert.Throws<JsonPathNotFoundException>(() => JsonPath.Parse(path).Select(Store));
        Assert.That(e!.Message, Is.EqualTo(message));
    }

    [Test]
    public void Select_PropertyOfAString_ThrowsThatItIsNotAnObject()
    {
        var e = Assert.Throws<JsonPathNotFoundException>(() => JsonPath.Parse("$.store.name.first").Select(Store));
        Assert.That(e!.Message, Does.StartWith("Expected to find an object with property ['first'] in path $['store']['name'] but found 'java.lang.String'"));
    }

    [TestCase("$$.Execution.Id", "Context", null)]
    [TestCase("$myVar.field", "Variable", "myVar")]
    [TestCase("$.x", "Data", null)]
    public void Parse_Root_IsRecognised(string path, string root, string? variable)
    {
        var parsed = JsonPath.Parse(path);
        Assert.That(parsed.Root.ToString(), Is.EqualTo(root));
        Assert.That(parsed.Variable, Is.EqualTo(variable));
    }

    [TestCase("x.y")]
    [TestCase("$.")]
    [TestCase("$[")]
    [TestCase("$.a[?(@.b > )]")]
    [TestCase("$.a b")]
    public void TryParse_InvalidPath_ReturnsFalse(string path) =>
        Assert.That(JsonPath.TryParse(path, out _), Is.False);

    [Test]
    public void Select_ReturnsACopyThatCanJoinAnotherDocument()
    {
        var value = JsonPath.Parse("$.store.book[0]").Select(Store);
        var other = new JsonObject { ["book"] = value };
        Assert.That(other.ToJsonString(), Does.Contain("\"title\":\"A\""));
    }
}
