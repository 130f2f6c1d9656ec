using System.Text.Json;

namespace FakeAws.Tests.ApiGateway;

/// <summary>GetExport: a deployed stage as OpenAPI 3.0 or Swagger 2.0, in JSON or YAML, with API Gateway's extensions on request.</summary>
public class OpenApiExportTests : ApiGatewayTestBase
{
    /// <summary>
    /// An API with <c>GET /items/{id}</c> (a query parameter, an API key, a 200 with the Empty model
    /// and a header) proxied to a function, a request validator and a customised gateway response,
    /// deployed to <c>prod</c>.
    /// </summary>
    private async Task<string> DeployedApi()
    {
        var apiId = await CreateRestApi(new { name = "orders", description = "Orders API", binaryMediaTypes = new[] { "image/png" } });
        var items = await CreateResource(apiId, await RootId(apiId), "items");
        var item = await CreateResource(apiId, items, "{id}");
        var validator = (await Api.Post($"/restapis/{apiId}/requestvalidators", new { name = "params", validateRequestParameters = true })).Id();
        await PutMethod(apiId, item, "GET", new
        {
            authorizationType = "NONE",
            apiKeyRequired = true,
            operationName = "GetItem",
            requestValidatorId = validator,
            requestParameters = new Dictionary<string, bool> { ["method.request.path.id"] = true, ["method.request.querystring.color"] = false },
        });
        await PutLambdaIntegration(apiId, item, "GET", "orders");
        AssertStatus(await Api.Put($"/restapis/{apiId}/resources/{item}/methods/GET/responses/200", new
        {
            responseModels = new Dictionary<string, string> { ["application/json"] = "Empty" },
            responseParameters = new Dictionary<string, bool> { ["method.response.header.X-Trace"] = false },
        }), 201);
        AssertStatus(await Api.Put($"/restapis/{apiId}/gatewayresponses/MISSING_AUTHENTICATION_TOKEN", new { statusCode = "404" }), 201);
        await Deploy(apiId);
        return apiId;
    }

    /// <summary>A part of the (indented) export without its whitespace.</summary>
    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);

    [Test]
    public async Task Oas30_TheStageAsOpenApi3WithoutExtensions()
    {
        var apiId = await DeployedApi();

        var reply = await Api.Get($"/restapis/{apiId}/stages/prod/exports/oas30");

        AssertStatus(reply, 200);
        var spec = reply.Json;
        var get = spec.GetProperty("paths").GetProperty("/items/{id}").GetProperty("get");
        Assert.Multiple(() =>
        {
            Assert.That(reply.Header("Content-Type"), Does.StartWith("application/json"));
            Assert.That(spec.GetProperty("openapi").GetString(), Is.EqualTo("3.0.1"));
            Assert.That(spec.GetProperty("info").GetProperty("title").GetString(), Is.EqualTo("orders"));
            Assert.That(spec.GetProperty("info").GetProperty("description").GetString(), Is.EqualTo("Orders API"));
            Assert.That(spec.GetProperty("info").GetProperty("version").GetString(), Is.EqualTo("2030-06-01T12:00:00Z"));
            Assert.That(spec.GetProperty("servers")[0].GetProperty("url").GetString(), Is.EqualTo($"https://{apiId}.execute-api.us-east-1.amazonaws.com/{{basePath}}"));
            Assert.That(spec.GetProperty("servers")[0].GetProperty("variables").GetProperty("basePath").GetProperty("default").GetString(), Is.EqualTo("prod"));
            Assert.That(spec.GetProperty("paths").TryGetProperty("/items", out _), Is.False, "a resource without methods is left out");
            Assert.That(get.GetProperty("operationId").GetString(), Is.EqualTo("GetItem"));
            Assert.That(Compact(get.GetProperty("parameters")), Is.EqualTo(
                """[{"name":"id","in":"path","required":true,"schema":{"type":"string"}},{"name":"color","in":"query","schema":{"type":"string"}}]"""));
            Assert.That(Compact(get.GetProperty("responses").GetProperty("200")), Is.EqualTo(
                """{"description":"200 response","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Empty"}}},"headers":{"X-Trace":{"schema":{"type":"string"}}}}"""));
            Assert.That(Compact(get.GetProperty("security")), Is.EqualTo("""[{"api_key":[]}]"""));
            Assert.That(get.TryGetProperty("x-amazon-apigateway-integration", out _), Is.False);
            Assert.That(Compact(spec.GetProperty("components").GetProperty("securitySchemes").GetProperty("api_key")),
                Is.EqualTo("""{"type":"apiKey","name":"x-api-key","in":"header"}"""));
            Assert.That(Compact(spec.GetProperty("components").GetProperty("schemas").GetProperty("Empty")),
                Is.EqualTo("""{"title":"Empty Schema","type":"object"}"""));
            Assert.That(spec.TryGetProperty("x-amazon-apigateway-gateway-responses", out _), Is.False);
        });
    }

    [Test]
    public async Task Swagger_HostBasePathAndDefinitions()
    {
        var apiId = await DeployedApi();

        var spec = (await Api.Get($"/restapis/{apiId}/stages/prod/exports/swagger")).Json;

        var get = spec.GetProperty("paths").GetProperty("/items/{id}").GetProperty("get");
        Assert.Multiple(() =>
        {
            Assert.That(spec.GetProperty("swagger").GetString(), Is.EqualTo("2.0"));
            Assert.That(spec.GetProperty("host").GetString(), Is.EqualTo($"{apiId}.execute-api.us-east-1.amazonaws.com"));
            Assert.That(spec.GetProperty("basePath").GetString(), Is.EqualTo("/prod"));
            Assert.That(Compact(spec.GetProperty("schemes")), Is.EqualTo("""["https"]"""));
            Assert.That(Compact(get.GetProperty("produces")), Is.EqualTo("""["application/json"]"""));
            Assert.That(Compact(get.GetProperty("parameters")[1]), Is.EqualTo("""{"name":"color","in":"query","required":false,"type":"string"}"""));
            Assert.That(Compact(get.GetProperty("responses").GetProperty("200").GetProperty("schema")), Is.EqualTo("""{"$ref":"#/definitions/Empty"}"""));
            Assert.That(spec.GetProperty("securityDefinitions").GetProperty("api_key").GetProperty("name").GetString(), Is.EqualTo("x-api-key"));
            Assert.That(spec.GetProperty("definitions").GetProperty("Error").GetProperty("title").GetString(), Is.EqualTo("Error Schema"));
        });
    }

    [Test]
    public async Task ExtensionsIntegrations_AddsTheIntegrationOnly()
    {
        var apiId = await DeployedApi();

        var spec = (await Api.Get($"/restapis/{apiId}/stages/prod/exports/oas30?extensions=integrations")).Json;

        var integration = spec.GetProperty("paths").GetProperty("/items/{id}").GetProperty("get").GetProperty("x-amazon-apigateway-integration");
        Assert.Multiple(() =>
        {
            Assert.That(integration.GetProperty("type").GetString(), Is.EqualTo("aws_proxy"));
            Assert.That(integration.GetProperty("httpMethod").GetString(), Is.EqualTo("POST"));
            Assert.That(integration.GetProperty("uri").GetString(), Is.EqualTo(InvokeUri("orders")));
            Assert.That(integration.GetProperty("passthroughBehavior").GetString(), Is.EqualTo("when_no_match"));
            Assert.That(spec.TryGetProperty("x-amazon-apigateway-gateway-responses", out _), Is.False);
        });
    }

    [Test]
    public async Task ExtensionsApiGateway_AddsTheApiLevelExtensions()
    {
        var apiId = await DeployedApi();

        var spec = (await Api.Get($"/restapis/{apiId}/stages/prod/exports/oas30?extensions=apigateway")).Json;

        Assert.Multiple(() =>
        {
            Assert.That(spec.GetProperty("paths").GetProperty("/items/{id}").GetProperty("get").GetProperty("x-amazon-apigateway-request-validator").GetString(),
                Is.EqualTo("params"));
            Assert.That(Compact(spec.GetProperty("x-amazon-apigateway-request-validators").GetProperty("params")),
                Is.EqualTo("""{"validateRequestParameters":true,"validateRequestBody":false}"""));
            Assert.That(spec.GetProperty("x-amazon-apigateway-gateway-responses").GetProperty("MISSING_AUTHENTICATION_TOKEN").GetProperty("statusCode").GetString(),
                Is.EqualTo("404"));
            Assert.That(Compact(spec.GetProperty("x-amazon-apigateway-binary-media-types")), Is.EqualTo("""["image/png"]"""));
            Assert.That(spec.GetProperty("x-amazon-apigateway-api-key-source").GetString(), Is.EqualTo("HEADER"));
        });
    }

    [Test]
    public async Task Accept_Yaml_TheSameDocumentInYaml()
    {
        var apiId = await DeployedApi();

        var reply = await Api.Get($"/restapis/{apiId}/stages/prod/exports/swagger", accept: "application/yaml");

        Assert.Multiple(() =>
        {
            Assert.That(reply.Header("Content-Type"), Does.StartWith("application/yaml"));
            Assert.That(reply.Text, Does.StartWith("swagger: \"2.0\"\n"));
            Assert.That(reply.Text, Does.Contain("basePath: /prod\n"));
            Assert.That(reply.Text, Does.Contain("\"200\":"), "a status code stays a string");
        });
    }

    [Test]
    public async Task ExportsTheDeployment_NotLaterEdits()
    {
        var apiId = await DeployedApi();
        await CreateResource(apiId, await RootId(apiId), "later");
        await Api.PatchOperations($"/restapis/{apiId}", new { op = "replace", path = "/name", value = "renamed" });

        var spec = (await Api.Get($"/restapis/{apiId}/stages/prod/exports/oas30")).Json;

        Assert.That(spec.GetProperty("paths").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "/items/{id}" }));
    }

    [Test]
    public async Task Authorizers_SchemeAlways_ExtensionOnRequest()
    {
        var apiId = await CreateRestApi();
        var rootId = await RootId(apiId);
        var authorizerId = (await Api.Post($"/restapis/{apiId}/authorizers", new
        {
            name = "tokens",
            type = "TOKEN",
            authorizerUri = InvokeUri("auth"),
            identitySource = "method.request.header.X-Token",
            authorizerResultTtlInSeconds = 60,
        })).Id();
        await PutMethod(apiId, rootId, "GET", new { authorizationType = "CUSTOM", authorizerId });
        await PutLambdaIntegration(apiId, rootId, "GET", "backend");
        await Deploy(apiId);

        var plain = (await Api.Get($"/restapis/{apiId}/stages/prod/exports/oas30")).Json;
        var extended = (await Api.Get($"/restapis/{apiId}/stages/prod/exports/oas30?extensions=authorizers")).Json;

        var scheme = extended.GetProperty("components").GetProperty("securitySchemes").GetProperty("tokens");
        Assert.Multiple(() =>
        {
            Assert.That(Compact(plain.GetProperty("paths").GetProperty("/").GetProperty("get").GetProperty("security")), Is.EqualTo("""[{"tokens":[]}]"""));
            Assert.That(plain.GetProperty("components").GetProperty("securitySchemes").GetProperty("tokens").TryGetProperty("x-amazon-apigateway-authorizer", out _), Is.False);
            Assert.That(scheme.GetProperty("name").GetString(), Is.EqualTo("X-Token"));
            Assert.That(scheme.GetProperty("x-amazon-apigateway-authtype").GetString(), Is.EqualTo("custom"));
            Assert.That(Compact(scheme.GetProperty("x-amazon-apigateway-authorizer")), Is.EqualTo(
                $$"""{"type":"token","authorizerUri":"{{InvokeUri("auth")}}","identitySource":"method.request.header.X-Token","authorizerResultTtlInSeconds":60}"""));
        });
    }

    [Test]
    public async Task PublishedDocumentation_ExportedWithTheApiGatewayExtensions()
    {
        var apiId = await DeployedApi();
        AssertStatus(await Api.Post($"/restapis/{apiId}/documentation/parts", new { location = new { type = "API" }, properties = """{"description":"the orders"}""" }), 201);
        AssertStatus(await Api.Post($"/restapis/{apiId}/documentation/versions", new { documentationVersion = "1.0", stageName = "prod" }), 201);

        var spec = (await Api.Get($"/restapis/{apiId}/stages/prod/exports/swagger?extensions=apigateway")).Json;

        var documentation = spec.GetProperty("x-amazon-apigateway-documentation");
        Assert.Multiple(() =>
        {
            Assert.That(documentation.GetProperty("version").GetString(), Is.EqualTo("1.0"));
            Assert.That(documentation.GetProperty("documentationParts")[0].GetProperty("location").GetProperty("type").GetString(), Is.EqualTo("API"));
            Assert.That(documentation.GetProperty("documentationParts")[0].GetProperty("properties").GetProperty("description").GetString(), Is.EqualTo("the orders"));
        });
    }

    [Test]
    public async Task UnknownStage_NotFound()
    {
        var apiId = await DeployedApi();

        AssertError(await Api.Get($"/restapis/{apiId}/stages/dev/exports/oas30"), 404, "NotFoundException", "Invalid Stage identifier specified");
    }

    [Test]
    public async Task UnknownExportType_BadRequest()
    {
        var apiId = await DeployedApi();

        AssertError(await Api.Get($"/restapis/{apiId}/stages/prod/exports/raml"), 400, "BadRequestException", "No API exporter for type 'raml'");
    }

    [Test]
    public async Task UnknownApi_NotFound() =>
        AssertError(await Api.Get("/restapis/nope123456/stages/prod/exports/oas30"), 404, "NotFoundException", "Invalid API identifier specified 123456789012:nope123456");

    [Test]
    public async Task ExportedJson_IsIndentedText()
    {
        var apiId = await DeployedApi();

        var reply = await Api.Get($"/restapis/{apiId}/stages/prod/exports/oas30");

        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.StartWith("{\n  \"openapi\": \"3.0.1\""));
            Assert.That(reply.Header("Content-Disposition"), Is.EqualTo("attachment; filename=\"oas30_2030-06-01T12:00:00Z.json\""));
            Assert.That(() => JsonDocument.Parse(reply.Body), Throws.Nothing);
        });
    }
}
