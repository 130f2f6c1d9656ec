using System.Net;
using System.Text.Json;
using FakeAws.Tests.ApiGateway;

namespace FakeAws.Tests.Lambda;

/// <summary>A function's resource-based policy decides whether API Gateway may invoke it, as on AWS.</summary>
public class ResourcePolicyEnforcementTests : HttpApiTestBase
{
    [Test]
    public async Task NoPermission_TheApiAnswers500_UntilThePolicyAllowsTheRoute()
    {
        Aws.Lambda.AddFunction("fn", (JsonElement _) => new { statusCode = 200, body = "ran" });
        var apiId = await HttpProxyApi("fn", "GET /items/{id}");
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");
        using var lambda = new LambdaWire(Aws);

        var denied = await client.GetAsync("items/1");
        await lambda.AllowInvoke("fn", "apigateway.amazonaws.com", "other-route", $"arn:aws:execute-api:us-east-1:123456789012:{apiId}/*/POST/items/{{id}}");
        var otherRoute = await client.GetAsync("items/1");
        await lambda.AllowInvoke("fn", "apigateway.amazonaws.com", "this-route", $"arn:aws:execute-api:us-east-1:123456789012:{apiId}/*/GET/items/{{id}}");
        var allowed = await client.GetAsync("items/1");

        Assert.Multiple(async () =>
        {
            Assert.That(denied.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(otherRoute.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await allowed.Content.ReadAsStringAsync(), Is.EqualTo("ran"));
        });
    }

    [Test]
    public async Task PermissionForAnotherPrincipal_DoesNotLetApiGatewayIn()
    {
        Aws.Lambda.AddFunction("fn", (JsonElement _) => new { statusCode = 200, body = "ran" });
        using var lambda = new LambdaWire(Aws);
        await lambda.AllowInvoke("fn", "s3.amazonaws.com", "s3");
        var apiId = await HttpProxyApi("fn");
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        Assert.That((await client.GetAsync("items/1")).StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
    }

    [Test]
    public async Task HttpIntegrationWithCredentials_InvokesWithTheRole_WithoutAPolicyStatement()
    {
        Aws.Lambda.AddFunction("fn", (JsonElement _) => new { statusCode = 200, body = "ran" });
        var apiId = await CreateHttpApi();
        var reply = await Api.Post($"/v2/apis/{apiId}/integrations", new
        {
            integrationType = "AWS_PROXY",
            integrationUri = FunctionArn("fn"),
            payloadFormatVersion = "2.0",
            credentialsArn = "arn:aws:iam::123456789012:role/apigateway-invoke",
        });
        AssertStatus(reply, 201);
        await CreateRoute(apiId, "GET /items/{id}", reply.Id("integrationId"));
        await CreateAutoDeployedStage(apiId);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        var response = await client.GetAsync("items/1");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("ran"));
    }

    [TestCase(null, HttpStatusCode.InternalServerError)]
    [TestCase("arn:aws:iam::123456789012:role/apigateway-invoke", HttpStatusCode.OK)]
    public async Task RestIntegration_WithoutAPolicyStatement_RunsOnlyWithCredentials(string? credentials, HttpStatusCode expected)
    {
        Aws.Lambda.AddFunction("fn", (JsonElement _) => new { statusCode = 200, body = "ran" });
        var apiId = await CreateRestApi();
        var resourceId = await CreateResource(apiId, await RootId(apiId), "items");
        await PutMethod(apiId, resourceId, "GET");
        var reply = await Api.Put($"/restapis/{apiId}/resources/{resourceId}/methods/GET/integration", new
        {
            type = "AWS_PROXY",
            httpMethod = "POST",
            uri = InvokeUri("fn"),
            credentials,
        });
        AssertStatus(reply, 201);
        await Deploy(apiId);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        Assert.That((await client.GetAsync("items")).StatusCode, Is.EqualTo(expected));
    }

    [Test]
    public async Task EnforcementOff_EveryServiceMayInvoke()
    {
        Aws.Options.Lambda.EnforceResourcePolicies = false;
        Aws.Lambda.AddFunction("fn", (JsonElement _) => new { statusCode = 200, body = "ran" });
        var apiId = await HttpProxyApi("fn");
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        Assert.That((await client.GetAsync("items/1")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ClientsOfTheCloud_AreNotChecked()
    {
        Aws.Lambda.AddFunction("fn", (JsonElement _) => "ran");

        Assert.That((await Aws.Lambda.InvokeAsync("fn")).FunctionError, Is.Null);
    }
}
