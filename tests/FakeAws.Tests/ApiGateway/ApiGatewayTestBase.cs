using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace FakeAws.Tests.ApiGateway;

/// <summary>A fresh cloud on a fake clock per test, a wire-level API Gateway client and builders for deployed APIs.</summary>
public abstract class ApiGatewayTestBase
{
    protected static readonly DateTimeOffset Start = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);

    protected FakeTimeProvider Time { get; private set; } = null!;
    protected FakeAwsCloud Aws { get; private set; } = null!;
    protected ApiGatewayWire Api { get; private set; } = null!;

    [SetUp]
    public void CreateCloud()
    {
        Time = new FakeTimeProvider(Start);
        Aws = new FakeAwsCloud(new FakeAwsOptions { TimeProvider = Time });
        Api = new ApiGatewayWire(Aws);
    }

    [TearDown]
    public void DisposeCloud()
    {
        Api.Dispose();
        Aws.Dispose();
    }

    protected static string FunctionArn(string function) => $"arn:aws:lambda:us-east-1:123456789012:function:{function}";

    protected static string InvokeUri(string function) =>
        $"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{FunctionArn(function)}/invocations";

    /// <summary>
    /// Adds an in-process function and lets API Gateway invoke it from this account's APIs, as the
    /// console or a deployment tool grants it when wiring an integration or authorizer.
    /// </summary>
    protected string AddFunction(string name, Delegate handler, Action<FakeAws.Lambda.LambdaFunctionOptions>? configure = null)
    {
        var arn = Aws.Lambda.AddFunction(name, handler, configure);
        using var lambda = new Lambda.LambdaWire(Aws);
        lambda.AllowInvoke(name, "apigateway.amazonaws.com", "apigateway-invoke", "arn:aws:execute-api:us-east-1:123456789012:*").GetAwaiter().GetResult();
        return arn;
    }

    /// <summary>A function that answers 200 with the event it received as its body.</summary>
    protected void AddEchoFunction(string name = "echo") =>
        AddFunction(name, (JsonElement input) => new { statusCode = 200, body = input.GetRawText() });

    protected async Task<string> CreateRestApi(object? settings = null)
    {
        var reply = await Api.Post("/restapis", settings ?? new { name = "api" });
        AssertStatus(reply, 201);
        return reply.Id();
    }

    protected async Task<string> RootId(string apiId) => (await Api.Get($"/restapis/{apiId}")).Id("rootResourceId");

    protected async Task<string> CreateResource(string apiId, string parentId, string pathPart)
    {
        var reply = await Api.Post($"/restapis/{apiId}/resources/{parentId}", new { pathPart });
        AssertStatus(reply, 201);
        return reply.Id();
    }

    protected async Task PutMethod(string apiId, string resourceId, string method, object? settings = null)
    {
        var reply = await Api.Put($"/restapis/{apiId}/resources/{resourceId}/methods/{method}", settings ?? new { authorizationType = "NONE" });
        AssertStatus(reply, 201);
    }

    protected async Task PutLambdaIntegration(string apiId, string resourceId, string method, string function, int? timeoutInMillis = null)
    {
        var reply = await Api.Put($"/restapis/{apiId}/resources/{resourceId}/methods/{method}/integration", new
        {
            type = "AWS_PROXY",
            httpMethod = "POST",
            uri = function.StartsWith("arn:", StringComparison.Ordinal) ? function : InvokeUri(function),
            timeoutInMillis,
        });
        AssertStatus(reply, 201);
    }

    /// <summary>
    /// Adds the function <paramref name="function"/> and makes it the integration of
    /// <paramref name="method"/>: non-proxy (AWS) with the given request templates and passthrough
    /// behaviour, or AWS_PROXY. Every test that puts a function behind a REST API goes through here,
    /// so the function's resource policy for API Gateway is set in this one place.
    /// </summary>
    protected async Task AddFunctionIntegration(string apiId, string resourceId, string method, string function, Delegate handler,
        string type = "AWS", Dictionary<string, string>? requestTemplates = null, string? passthroughBehavior = null)
    {
        AddFunction(function, handler);
        var reply = await Api.Put($"/restapis/{apiId}/resources/{resourceId}/methods/{method}/integration", new
        {
            type,
            httpMethod = "POST",
            uri = InvokeUri(function),
            requestTemplates,
            passthroughBehavior,
        });
        AssertStatus(reply, 201);
    }

    /// <summary>Puts a method response and its integration response (the default one when <paramref name="selectionPattern"/> is null).</summary>
    protected async Task PutResponses(string apiId, string resourceId, string method, int status, string? selectionPattern = null,
        Dictionary<string, string>? templates = null, Dictionary<string, string>? headers = null)
    {
        AssertStatus(await Api.Put($"/restapis/{apiId}/resources/{resourceId}/methods/{method}/responses/{status}", new
        {
            responseParameters = headers?.ToDictionary(h => h.Key, _ => false),
        }), 201);
        AssertStatus(await Api.Put($"/restapis/{apiId}/resources/{resourceId}/methods/{method}/integration/responses/{status}", new
        {
            selectionPattern,
            responseTemplates = templates,
            responseParameters = headers,
        }), 201);
    }

    /// <summary>A REST API whose root has GET with a MOCK integration answering 200; returns the API and its root.</summary>
    protected async Task<(string ApiId, string RootId)> MockRootApi(Dictionary<string, string>? requestParameters = null)
    {
        var apiId = await CreateRestApi();
        var rootId = await RootId(apiId);
        await PutMethod(apiId, rootId, "GET");
        AssertStatus(await Api.Put($"/restapis/{apiId}/resources/{rootId}/methods/GET/integration", new
        {
            type = "MOCK",
            requestTemplates = new Dictionary<string, string> { ["application/json"] = """{"statusCode": 200}""" },
            requestParameters,
        }), 201);
        return (apiId, rootId);
    }

    protected async Task Deploy(string apiId, string stage = "prod", object? variables = null)
    {
        var reply = await Api.Post($"/restapis/{apiId}/deployments", new { stageName = stage, variables });
        AssertStatus(reply, 201);
    }

    /// <summary>
    /// A REST API whose resource <paramref name="path"/> (built part by part) has <paramref name="method"/>
    /// proxied to <paramref name="function"/>, deployed to <c>prod</c>; returns the API and the resource.
    /// </summary>
    protected async Task<(string ApiId, string ResourceId)> LambdaProxyApi(string function, string path = "/items/{id}", string method = "ANY", object? methodSettings = null, object? variables = null)
    {
        var apiId = await CreateRestApi();
        var resourceId = await RootId(apiId);
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            resourceId = await CreateResource(apiId, resourceId, part);
        }
        await PutMethod(apiId, resourceId, method, methodSettings);
        await PutLambdaIntegration(apiId, resourceId, method, function);
        await Deploy(apiId, "prod", variables);
        return (apiId, resourceId);
    }

    protected static void AssertStatus(ApiReply reply, int status) =>
        Assert.That((int)reply.Status, Is.EqualTo(status), reply.ToString());

    /// <summary>Asserts a management error: status, X-Amzn-ErrorType and message.</summary>
    protected static void AssertError(ApiReply reply, int status, string code, string message)
    {
        Assert.Multiple(() =>
        {
            Assert.That((int)reply.Status, Is.EqualTo(status), reply.ToString());
            Assert.That(reply.ErrorType, Is.EqualTo(code), reply.ToString());
            Assert.That(reply.Message, Is.EqualTo(message), reply.ToString());
        });
    }

    /// <summary>Asserts a gateway response exactly: status, body text and x-amzn-ErrorType (null for none).</summary>
    protected static async Task AssertGatewayError(HttpResponseMessage response, int status, string body, string? errorType)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(status), text);
            Assert.That(text, Is.EqualTo(body));
            Assert.That(Header(response, "x-amzn-ErrorType"), Is.EqualTo(errorType));
        });
    }

    protected static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : null;

    /// <summary>The event a function built by <see cref="AddEchoFunction"/> received.</summary>
    protected static async Task<JsonElement> EchoedEvent(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
