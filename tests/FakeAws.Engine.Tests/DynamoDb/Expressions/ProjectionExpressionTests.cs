using FakeAws.Engine.DynamoDb;
using FakeAws.Engine.DynamoDb.Expressions;
using static FakeAws.Engine.Tests.DynamoDb.Expressions.ExpressionKit;

namespace FakeAws.Engine.Tests.DynamoDb.Expressions;

public class ProjectionExpressionTests
{
    private static readonly Dictionary<string, AttributeValue> Stored = Item(
        ("p", S("key")),
        ("a", M(("b", L(N("2"), N("4"), M(("x", S("hi")), ("y", S("yo"))))), ("c", N("5")))),
        ("b", S("hello")),
        ("a.b", S("dotted")));

    private static Dictionary<string, AttributeValue> Project(string expression, Dictionary<string, string>? names = null) =>
        Projection(expression, names).Projection!.Apply(Stored);

    [Test]
    public void ProjectionExpression_TopLevel_KeepsOnlyThoseAttributes() =>
        Assert.That(Project(" a  ,   b  "), Is.EqualTo(Item(("a", Stored["a"]), ("b", S("hello")))));

    [Test]
    public void ProjectionExpression_MissingAttribute_GivesEmptyItem() =>
        Assert.That(Project("nonexistent"), Is.Empty);

    [TestCase("a.b", "{\"a\":{\"b\":[2,4,{\"x\":\"hi\",\"y\":\"yo\"}]}}")]
    [TestCase("a.b[0]", "{\"a\":{\"b\":[2]}}")]
    [TestCase("a.b[2].y", "{\"a\":{\"b\":[{\"y\":\"yo\"}]}}")]
    [TestCase("a.b[0],a.b[1]", "{\"a\":{\"b\":[2,4]}}")]
    [TestCase("a.b[1],a.b[0]", "{\"a\":{\"b\":[2,4]}}")]
    [TestCase("a.b[0],a.c", "{\"a\":{\"b\":[2],\"c\":5}}")]
    [TestCase("a.c,b", "{\"a\":{\"c\":5},\"b\":\"hello\"}")]
    [TestCase("a.x, a.b[0], x, a.b[3].x", "{\"a\":{\"b\":[2]}}")]
    [TestCase("a.b[3]", "{}")]
    [TestCase("a.x.y", "{}")]
    [TestCase("a.b.x", "{}")]
    [TestCase("a[0]", "{}")]
    [TestCase("a.b[0].x", "{}")]
    [TestCase("a.b[0][0]", "{}")]
    public void ProjectionExpression_NestedPaths_KeepStructure(string expression, string expected) =>
        Assert.That(Show(Project(expression)), Is.EqualTo(expected));

    [Test]
    public void ProjectionExpression_Placeholders_AreSingleComponents()
    {
        Assert.That(Project("#n1.#n2", new() { ["#n1"] = "a", ["#n2"] = "c" }), Is.EqualTo(Item(("a", M(("c", N("5")))))));
        Assert.That(Project("#name", new() { ["#name"] = "a.b" }), Is.EqualTo(Item(("a.b", S("dotted")))));
    }

    [Test]
    public void ProjectionExpression_Paths_AreExposedResolved()
    {
        var projection = Projection("#x.b[2], b", new() { ["#x"] = "a" }).Projection!;
        Assert.That(projection.Paths.Select(p => p.ToString()), Is.EqualTo(new[] { "[a, b, [2]]", "[b]" }));
        Assert.That(projection.TopLevelAttributes, Is.EqualTo(new[] { "a", "b" }));
    }

    [TestCase("a, b")]
    [TestCase("a.b, a.c")]
    [TestCase("a[1], a[2]")]
    [TestCase("a.b, a.c[2]")]
    public void ProjectionExpression_NonOverlappingPaths_AreAccepted(string expression) =>
        Assert.That(Projection(expression).Projection!.Paths, Has.Count.EqualTo(2));

    [TestCase("a, a", "[a]", "[a]")]
    [TestCase("a.b, a.b", "[a, b]", "[a, b]")]
    [TestCase("a[1], a[1]", "[a, [1]]", "[a, [1]]")]
    [TestCase("a, a.b", "[a]", "[a, b]")]
    [TestCase("a.b, a", "[a, b]", "[a]")]
    [TestCase("a, a.b[2].c", "[a]", "[a, b, [2], c]")]
    [TestCase("a.b.d.e, a.b", "[a, b, d, e]", "[a, b]")]
    public void ProjectionExpression_OverlappingPaths_AreRejected(string expression, string one, string two) =>
        AssertValidation(() => Projection(expression),
            $"Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: {one}, path two: {two}");

    [TestCase("a.b, a[1]", "Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [1]]")]
    [TestCase("a,", "Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"")]
    [TestCase(",a", "Invalid ProjectionExpression: Syntax error; token: \",\", near: \",a\"")]
    [TestCase("a,,b", "Invalid ProjectionExpression: Syntax error; token: \",\", near: \",,b\"")]
    [TestCase("size(a)", "Invalid ProjectionExpression: Syntax error; token: \"(\", near: \"size(a\"")]
    [TestCase("Name", "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: Name")]
    [TestCase("a, #missing", "Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; attribute name: #missing")]
    [TestCase("", "Invalid ProjectionExpression: The expression can not be empty;")]
    public void ProjectionExpression_BadInput_FailsWithAwsMessage(string expression, string message) =>
        AssertValidation(() => Projection(expression), message);

    [Test]
    public void ProjectionExpression_UnusedName_IsRejected() =>
        AssertValidation(() => Projection("#name", new() { ["#name"] = "a", ["#unused"] = "b" }),
            "Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}");

    [Test]
    public void ProjectionExpression_NestedPathThroughKey_IsRejected()
    {
        var compiled = Projection("a, p.x");
        AssertValidation(() => compiled.CheckKeySchema(new KeySchema(new KeyAttribute("p", AttributeType.S), null)),
            "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: p");
    }

    [Test]
    public void ProjectionExpression_NestedPathThroughIndexKey_IsRejected()
    {
        var table = new KeySchema(new KeyAttribute("p", AttributeType.S), null);
        var index = new KeySchema(new KeyAttribute("g", AttributeType.S), null);
        var compiled = RequestExpressions.Compile(new ExpressionInputs { ProjectionExpression = "g.x" }, ExpressionOperation.Scan);
        Assert.DoesNotThrow(() => compiled.CheckKeySchema(table));
        AssertValidation(() => compiled.CheckKeySchema(table, index),
            "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: g");
    }

    [Test]
    public void AttributesToGet_GetItem_ProjectsTopLevelNames()
    {
        var compiled = RequestExpressions.Compile(new ExpressionInputs { AttributesToGet = ["b", "a.b", "none"] }, ExpressionOperation.GetItem);
        Assert.That(compiled.Projection!.Apply(Stored), Is.EqualTo(Item(("b", S("hello")), ("a.b", S("dotted")))));
    }

    [Test]
    public void AttributesToGet_Duplicate_IsRejected() =>
        AssertValidation(() => RequestExpressions.Compile(new ExpressionInputs { AttributesToGet = ["a", "b", "a"] }, ExpressionOperation.Scan),
            "One or more parameter values were invalid: Duplicate value in attribute name: a");

    [Test]
    public void AttributesToGet_WithProjectionExpression_IsRejected() =>
        AssertValidation(() => RequestExpressions.Compile(new ExpressionInputs { AttributesToGet = ["b"], ProjectionExpression = "a" }, ExpressionOperation.GetItem),
            "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");

    // A compact rendering for the nested cases: numbers bare, strings quoted.
    private static string Show(IReadOnlyDictionary<string, AttributeValue> item) =>
        "{" + string.Join(",", item.Select(kv => $"\"{kv.Key}\":{Show(kv.Value)}")) + "}";

    private static string Show(AttributeValue value) => value.Type switch
    {
        AttributeType.N => value.N,
        AttributeType.S => $"\"{value.S}\"",
        AttributeType.L => "[" + string.Join(",", value.L.Select(Show)) + "]",
        AttributeType.M => Show(value.M),
        _ => value.ToString(),
    };
}
