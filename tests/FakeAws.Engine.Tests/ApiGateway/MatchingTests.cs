using FakeAws.Engine.ApiGateway;
using FakeAws.Engine.ApiGateway.Invoke;
using FakeAws.Engine.ApiGateway.Model;
using Route = FakeAws.Engine.ApiGateway.V2.Model.Route;

namespace FakeAws.Engine.Tests.ApiGateway;

public class MatchingTests
{
    private static DeployedResource Resource(string id, string? parent, string? part, string path, params string[] methods) =>
        new(id, parent, part, path, methods.ToDictionary(m => m, m => new Method { HttpMethod = m }));

    private static readonly ResourceMatcher Rest = new(new RestApiSnapshot("d1",
    [
        Resource("root", null, null, "/", "GET"),
        Resource("items", "root", "items", "/items", "GET"),
        Resource("item", "items", "{id}", "/items/{id}", "GET"),
        Resource("special", "items", "special", "/items/special", "POST"),
        Resource("proxy", "root", "{proxy+}", "/{proxy+}", "ANY"),
    ], new Dictionary<string, Authorizer>(), "HEADER", false, null, []));

    [TestCase("GET", "/", "root")]
    [TestCase("GET", "/items/", "items")]
    [TestCase("GET", "/items/7", "item")]
    [TestCase("POST", "/items/special", "special")]
    [TestCase("GET", "/items/special", "item")]
    [TestCase("DELETE", "/items/7", "proxy")]
    [TestCase("GET", "/a/b/c", "proxy")]
    public void ResourceMatcher_LiteralThenVariableThenGreedy_Backtracking(string method, string path, string expected) =>
        Assert.That(Rest.Match(method, path)?.Resource.Id, Is.EqualTo(expected));

    [Test]
    public void ResourceMatcher_DecodesPathParameters() =>
        Assert.That(Rest.Match("GET", "/items/a%2Fb")!.PathParameters["id"], Is.EqualTo("a/b"));

    private static readonly List<Route> Routes =
    [
        new() { RouteKey = "GET /pets/{id}" },
        new() { RouteKey = "GET /pets/dog" },
        new() { RouteKey = "ANY /pets/{id}" },
        new() { RouteKey = "GET /files/{path+}" },
        new() { RouteKey = "$default" },
    ];

    [TestCase("GET", "/pets/dog", "GET /pets/dog")]
    [TestCase("GET", "/pets/cat", "GET /pets/{id}")]
    [TestCase("PUT", "/pets/cat", "ANY /pets/{id}")]
    [TestCase("GET", "/files/a/b", "GET /files/{path+}")]
    [TestCase("GET", "/files", "$default")]
    [TestCase("GET", "/other", "$default")]
    public void RouteMatcher_MostSpecificFirst(string method, string path, string expected) =>
        Assert.That(RouteMatcher.Match(Routes, method, path)?.Route.RouteKey, Is.EqualTo(expected));

    [Test]
    public void RouteMatcher_GreedyParameter() =>
        Assert.That(RouteMatcher.Match(Routes, "GET", "/files/a/b")!.PathParameters["path"], Is.EqualTo("a/b"));

    [TestCase("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:fn/invocations", "arn:aws:lambda:us-east-1:123456789012:function:fn")]
    [TestCase("arn:aws:lambda:us-east-1:123456789012:function:fn:live", "arn:aws:lambda:us-east-1:123456789012:function:fn:live")]
    [TestCase("arn:aws:apigateway:us-east-1:sqs:path/123/queue", null)]
    public void IntegrationUris_LambdaFunction(string uri, string? function) => Assert.That(IntegrationUris.LambdaFunction(uri), Is.EqualTo(function));

    [Test]
    public void IntegrationUris_StageVariables() =>
        Assert.That(IntegrationUris.WithStageVariables("fn-${stageVariables.env}", new Dictionary<string, string> { ["env"] = "prod" }), Is.EqualTo("fn-prod"));
}
