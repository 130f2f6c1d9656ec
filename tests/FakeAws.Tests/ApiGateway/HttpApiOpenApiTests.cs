using System.Text.Json;

namespace FakeAws.Tests.ApiGateway;

/// <summary>HTTP API (v2) ImportApi, ReimportApi and ExportApi: OpenAPI 3.0 in and out, and an imported API that answers.</summary>
public class HttpApiOpenApiTests : HttpApiTestBase
{
    private static string Definition(string functionArn) => """
        {
          "openapi": "3.0.1",
          "info": {"title": "pets-http", "version": "1.0"},
          "paths": {
            "/pets/{id}": {
              "get": {
                "operationId": "GetPet",
                "responses": {"default": {"description": "Default response for GET /pets/{id}"}},
                "security": [{"jwt": ["pets/read"]}],
                "x-amazon-apigateway-integration": {"payloadFormatVersion": "2.0", "type": "aws_proxy", "httpMethod": "POST", "uri": "FUNCTION", "connectionType": "INTERNET"}
              }
            },
            "$default": {
              "x-amazon-apigateway-any-method": {
                "responses": {"default": {"description": "Default response for $default"}},
                "x-amazon-apigateway-integration": {"payloadFormatVersion": "1.0", "type": "aws_proxy", "httpMethod": "POST", "uri": "FUNCTION"}
              }
            }
          },
          "components": {"securitySchemes": {"jwt": {"type": "oauth2", "flows": {}, "x-amazon-apigateway-authorizer": {
            "identitySource": "$request.header.Authorization", "jwtConfiguration": {"audience": ["pets"], "issuer": "https://issuer.example.com"}, "type": "jwt"}}}},
          "x-amazon-apigateway-cors": {"allowOrigins": ["https://example.com"], "allowMethods": ["GET"]}
        }
        """.Replace("FUNCTION", functionArn, StringComparison.Ordinal);

    private Task<ApiReply> ImportApi(string body, string query = "") => Api.Send(HttpMethod.Put, "/v2/apis" + query, new { body });

    [Test]
    public async Task ImportApi_BuildsRoutesIntegrationsAuthorizerAndCors()
    {
        var reply = await ImportApi(Definition(FunctionArn("pets")));

        AssertStatus(reply, 201);
        var apiId = reply.Id("apiId");
        var routes = (await Api.Get($"/v2/apis/{apiId}/routes")).Json.GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("routeKey").GetString()!);
        var authorizer = (await Api.Get($"/v2/apis/{apiId}/authorizers")).Json.GetProperty("items")[0];
        var integrations = (await Api.Get($"/v2/apis/{apiId}/integrations")).Json.GetProperty("items").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(reply.Json.GetProperty("name").GetString(), Is.EqualTo("pets-http"));
            Assert.That(reply.Json.GetProperty("version").GetString(), Is.EqualTo("1.0"));
            Assert.That(reply.Json.GetProperty("protocolType").GetString(), Is.EqualTo("HTTP"));
            Assert.That(reply.Json.GetProperty("corsConfiguration").GetProperty("allowOrigins")[0].GetString(), Is.EqualTo("https://example.com"));
            Assert.That(routes.Keys, Is.EquivalentTo(new[] { "GET /pets/{id}", "$default" }));
            Assert.That(routes["GET /pets/{id}"].GetProperty("authorizationType").GetString(), Is.EqualTo("JWT"));
            Assert.That(routes["GET /pets/{id}"].GetProperty("authorizationScopes")[0].GetString(), Is.EqualTo("pets/read"));
            Assert.That(routes["GET /pets/{id}"].GetProperty("operationName").GetString(), Is.EqualTo("GetPet"));
            Assert.That(authorizer.GetProperty("jwtConfiguration").GetProperty("issuer").GetString(), Is.EqualTo("https://issuer.example.com"));
            Assert.That(integrations.Select(i => i.GetProperty("payloadFormatVersion").GetString()), Is.EquivalentTo(new[] { "2.0", "1.0" }));
        });
    }

    [Test]
    public async Task ImportedApi_AnswersThroughHttpClient()
    {
        AddFunction("pets", (JsonElement e) => new { statusCode = 200, body = "payload " + e.GetProperty("version").GetString() });
        var apiId = (await ImportApi(Definition(FunctionArn("pets")))).Id("apiId");
        await CreateAutoDeployedStage(apiId);
        using var http = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        var response = await http.GetAsync("anything/else");

        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("payload 1.0"), "the $default route's integration, in payload format 1.0");
    }

    [Test]
    public async Task ExportApi_RoundTripsTheImport()
    {
        var apiId = (await ImportApi(Definition(FunctionArn("pets")))).Id("apiId");

        var exported = await Api.Get($"/v2/apis/{apiId}/exports/OAS30?outputType=JSON");

        AssertStatus(exported, 200);
        var spec = exported.Json;
        var get = spec.GetProperty("paths").GetProperty("/pets/{id}").GetProperty("get");
        Assert.Multiple(() =>
        {
            Assert.That(spec.GetProperty("openapi").GetString(), Is.EqualTo("3.0.1"));
            Assert.That(spec.GetProperty("servers")[0].GetProperty("url").GetString(), Is.EqualTo($"https://{apiId}.execute-api.us-east-1.amazonaws.com/{{basePath}}"));
            Assert.That(get.GetProperty("responses").GetProperty("default").GetProperty("description").GetString(), Is.EqualTo("Default response for GET /pets/{id}"));
            Assert.That(get.GetProperty("parameters")[0].GetProperty("name").GetString(), Is.EqualTo("id"));
            Assert.That(get.GetProperty("x-amazon-apigateway-integration").GetProperty("payloadFormatVersion").GetString(), Is.EqualTo("2.0"));
            Assert.That(spec.GetProperty("paths").GetProperty("$default").TryGetProperty("x-amazon-apigateway-any-method", out _), Is.True);
            Assert.That(spec.GetProperty("components").GetProperty("securitySchemes").GetProperty("jwt").GetProperty("x-amazon-apigateway-authorizer").GetProperty("type").GetString(),
                Is.EqualTo("jwt"));
            Assert.That(spec.GetProperty("x-amazon-apigateway-importexport-version").GetString(), Is.EqualTo("1.0"));
        });
        var again = await ImportApi(exported.Text);
        AssertStatus(again, 201);
        var reexported = (await Api.Get($"/v2/apis/{again.Id("apiId")}/exports/OAS30?outputType=JSON")).Json;
        Assert.That(reexported.GetProperty("paths").GetRawText().Replace(apiId, "", StringComparison.Ordinal),
            Is.EqualTo(spec.GetProperty("paths").GetRawText().Replace(apiId, "", StringComparison.Ordinal)));
    }

    [Test]
    public async Task ExportApi_WithoutExtensions_Yaml()
    {
        var apiId = (await ImportApi(Definition(FunctionArn("pets")))).Id("apiId");

        var reply = await Api.Get($"/v2/apis/{apiId}/exports/OAS30?outputType=YAML&includeExtensions=false");

        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.StartWith("openapi: 3.0.1\n"));
            Assert.That(reply.Text, Does.Not.Contain("x-amazon-apigateway-integration"));
        });
    }

    [Test]
    public async Task ExportApi_UnknownStage_NotFound()
    {
        var apiId = (await ImportApi(Definition(FunctionArn("pets")))).Id("apiId");

        var reply = await Api.Get($"/v2/apis/{apiId}/exports/OAS30?outputType=JSON&stageName=nope");

        AssertError(reply, 404, "NotFoundException", "Invalid stage identifier specified nope");
    }

    [Test]
    public async Task ReimportApi_ReplacesTheRoutes()
    {
        var apiId = (await ImportApi(Definition(FunctionArn("pets")))).Id("apiId");
        var replacement = """{"openapi": "3.0.1", "info": {"title": "pets-http"}, "paths": {"/only": {"get": {"responses": {"default": {"description": "x"}}}}}}""";

        var reply = await Api.Send(HttpMethod.Put, $"/v2/apis/{apiId}", new { body = replacement });

        AssertStatus(reply, 201);
        var routes = (await Api.Get($"/v2/apis/{apiId}/routes")).Json.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("routeKey").GetString());
        Assert.That(routes, Is.EquivalentTo(new[] { "GET /only" }));
    }

    [Test]
    public async Task ImportApi_Swagger_BadRequest() =>
        AssertError(await ImportApi("""{"swagger": "2.0", "info": {"title": "x"}, "paths": {}}"""), 400, "BadRequestException",
            "Invalid OpenAPI input. HTTP APIs import OpenAPI 3.0 definitions.");
}
