using System.Text.Json;

namespace FakeAws.Tests.ApiGateway;

/// <summary>ImportRestApi and PutRestApi: Swagger 2.0 and OpenAPI 3.0 definitions, in JSON or YAML, built into REST APIs that deploy and answer.</summary>
public class OpenApiImportTests : ApiGatewayTestBase
{
    /// <summary>A Swagger 2.0 pet store: a MOCK GET with a response template, a proxied POST with a body model, a validator and an API key.</summary>
    private static string PetStore(string functionUri) => """
        {
          "swagger": "2.0",
          "info": {"title": "PetStore", "description": "Pets", "version": "1.0"},
          "basePath": "/v1",
          "paths": {
            "/pets": {
              "get": {
                "operationId": "ListPets",
                "produces": ["application/json"],
                "parameters": [{"name": "type", "in": "query", "required": false, "type": "string"}],
                "responses": {"200": {"description": "200 response", "schema": {"$ref": "#/definitions/Pets"}, "headers": {"X-Count": {"type": "string"}}}},
                "x-amazon-apigateway-integration": {
                  "type": "mock",
                  "requestTemplates": {"application/json": "{\"statusCode\": 200}"},
                  "responses": {"default": {"statusCode": "200", "responseTemplates": {"application/json": "[{\"id\": 1, \"type\": \"$input.params('type')\"}]"}}},
                  "passthroughBehavior": "when_no_match"
                }
              },
              "post": {
                "consumes": ["application/json"],
                "parameters": [{"in": "body", "name": "Pet", "required": true, "schema": {"$ref": "#/definitions/Pet"}}],
                "responses": {"200": {"description": "200 response"}},
                "security": [{"api_key": []}],
                "x-amazon-apigateway-request-validator": "body",
                "x-amazon-apigateway-integration": {"type": "aws_proxy", "httpMethod": "POST", "uri": "FUNCTION_URI"}
              }
            },
            "/pets/{petId}": {
              "parameters": [{"name": "petId", "in": "path", "required": true, "type": "string"}],
              "get": {
                "responses": {"200": {"description": "200 response"}},
                "x-amazon-apigateway-integration": {"type": "aws_proxy", "httpMethod": "POST", "uri": "FUNCTION_URI"}
              }
            }
          },
          "securityDefinitions": {"api_key": {"type": "apiKey", "name": "x-api-key", "in": "header"}},
          "definitions": {
            "Pet": {"type": "object", "required": ["type"], "properties": {"id": {"type": "integer"}, "type": {"type": "string"}}},
            "Pets": {"type": "array", "items": {"$ref": "#/definitions/Pet"}}
          },
          "x-amazon-apigateway-request-validators": {"body": {"validateRequestBody": true, "validateRequestParameters": false}},
          "x-amazon-apigateway-binary-media-types": ["image/png"],
          "x-amazon-apigateway-gateway-responses": {"MISSING_AUTHENTICATION_TOKEN": {"statusCode": 404, "responseTemplates": {"application/json": "{\"message\": \"no such route\"}"}}}
        }
        """.Replace("FUNCTION_URI", functionUri, StringComparison.Ordinal);

    private async Task<ApiReply> Import(string definition, string query = "")
    {
        return await Api.Send(HttpMethod.Post, "/restapis?mode=import" + query, definition);
    }

    [Test]
    public async Task ImportRestApi_Swagger_BuildsTheApi()
    {
        var reply = await Import(PetStore(InvokeUri("pets")));

        AssertStatus(reply, 201);
        var apiId = reply.Id();
        var resources = (await Api.Get($"/restapis/{apiId}/resources?embed=methods")).Json.GetProperty("item").EnumerateArray()
            .ToDictionary(r => r.GetProperty("path").GetString()!, r => r);
        var get = (await Api.Get($"/restapis/{apiId}/resources/{resources["/pets"].Id()}/methods/GET")).Json;
        var post = (await Api.Get($"/restapis/{apiId}/resources/{resources["/pets"].Id()}/methods/POST")).Json;
        Assert.Multiple(() =>
        {
            Assert.That(reply.Json.GetProperty("name").GetString(), Is.EqualTo("PetStore"));
            Assert.That(reply.Json.GetProperty("description").GetString(), Is.EqualTo("Pets"));
            Assert.That(reply.Json.GetProperty("version").GetString(), Is.EqualTo("1.0"));
            Assert.That(reply.Json.GetProperty("binaryMediaTypes").GetRawText(), Is.EqualTo("""["image/png"]"""));
            Assert.That(reply.Json.TryGetProperty("warnings", out _), Is.False);
            Assert.That(resources.Keys, Is.EquivalentTo(new[] { "/", "/pets", "/pets/{petId}" }), "the base path is ignored by default");
            Assert.That(get.GetProperty("operationName").GetString(), Is.EqualTo("ListPets"));
            Assert.That(get.GetProperty("requestParameters").GetRawText(), Is.EqualTo("""{"method.request.querystring.type":false}"""));
            Assert.That(get.GetProperty("methodResponses").GetProperty("200").GetProperty("responseModels").GetRawText(), Is.EqualTo("""{"application/json":"Pets"}"""));
            Assert.That(get.GetProperty("methodIntegration").GetProperty("type").GetString(), Is.EqualTo("MOCK"));
            Assert.That(get.GetProperty("methodIntegration").GetProperty("passthroughBehavior").GetString(), Is.EqualTo("WHEN_NO_MATCH"));
            Assert.That(post.GetProperty("apiKeyRequired").GetBoolean(), Is.True);
            Assert.That(post.GetProperty("requestModels").GetRawText(), Is.EqualTo("""{"application/json":"Pet"}"""));
            Assert.That(post.TryGetProperty("requestValidatorId", out _), Is.True);
            Assert.That(post.GetProperty("methodIntegration").GetProperty("uri").GetString(), Is.EqualTo(InvokeUri("pets")));
        });
        var pets = (await Api.Get($"/restapis/{apiId}/models/Pets")).Json.GetProperty("schema").GetString()!;
        Assert.That(pets, Does.Contain($"https://apigateway.amazonaws.com/restapis/{apiId}/models/Pet"), "document references point at the API's models");
    }

    [Test]
    public async Task ImportRestApi_AMemberNamedTwice_KeepsItsLastValue()
    {
        // Before the fix, the repeated name threw ArgumentException out of the router.
        var reply = await Import("""{"openapi": "3.0.1", "info": {"title": "first", "title": "second", "version": "1"}, "paths": {}}""");

        AssertStatus(reply, 201);
        Assert.That(reply.Json.GetProperty("name").GetString(), Is.EqualTo("second"));
    }

    [Test]
    public async Task ImportedApi_DeploysAndAnswersThroughHttpClient()
    {
        AddFunction("pets", (JsonElement e) => new { statusCode = 200, body = "pet " + e.GetProperty("pathParameters").GetProperty("petId").GetString() });
        var apiId = (await Import(PetStore(InvokeUri("pets")))).Id();
        await Deploy(apiId);
        using var http = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        var list = await http.GetAsync("pets?type=dog");
        var one = await http.GetAsync("pets/7");
        var invalid = await http.PostAsync("pets", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        var unknown = await http.GetAsync("nothing");

        Assert.Multiple(async () =>
        {
            Assert.That(await list.Content.ReadAsStringAsync(), Is.EqualTo("""[{"id": 1, "type": "dog"}]"""));
            Assert.That(await one.Content.ReadAsStringAsync(), Is.EqualTo("pet 7"));
            Assert.That((int)invalid.StatusCode, Is.EqualTo(403), "the API key is checked before the body");
            Assert.That((int)unknown.StatusCode, Is.EqualTo(404));
            Assert.That(await unknown.Content.ReadAsStringAsync(), Is.EqualTo("""{"message": "no such route"}"""));
        });
    }

    [Test]
    public async Task ImportThenExport_RoundTrips()
    {
        var apiId = (await Import(PetStore(InvokeUri("pets")))).Id();
        await Deploy(apiId);
        var exported = (await Api.Get($"/restapis/{apiId}/stages/prod/exports/swagger?extensions=apigateway")).Text;

        var again = await Import(exported);

        AssertStatus(again, 201);
        await Deploy(again.Id());
        var reexported = (await Api.Get($"/restapis/{again.Id()}/stages/prod/exports/swagger?extensions=apigateway")).Json;
        var first = JsonDocument.Parse(exported).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(reexported.GetProperty("paths").GetRawText(), Is.EqualTo(first.GetProperty("paths").GetRawText()));
            Assert.That(reexported.GetProperty("definitions").GetRawText(), Is.EqualTo(first.GetProperty("definitions").GetRawText()));
            Assert.That(reexported.GetProperty("x-amazon-apigateway-gateway-responses").GetRawText(),
                Is.EqualTo(first.GetProperty("x-amazon-apigateway-gateway-responses").GetRawText()));
            Assert.That(reexported.GetProperty("x-amazon-apigateway-request-validators").GetRawText(),
                Is.EqualTo(first.GetProperty("x-amazon-apigateway-request-validators").GetRawText()));
        });
    }

    [Test]
    public async Task ImportRestApi_OpenApi3Yaml_WithAnAuthorizerAndBasePathPrepend()
    {
        const string definition = """
            openapi: 3.0.1
            info:
              title: yaml-api
              version: '2'
            servers:
              - url: https://example.com/{stage}
                variables:
                  stage:
                    default: v1
            paths:
              /things/{id}:
                get:
                  parameters:
                    - name: id
                      in: path
                      required: true
                      schema:
                        type: string
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Thing'
                  security:
                    - tokens: []
                  x-amazon-apigateway-integration:
                    type: mock
                    requestTemplates:
                      application/json: '{"statusCode": 200}'
                    responses:
                      default:
                        statusCode: '200'
            components:
              schemas:
                Thing:
                  type: object
              securitySchemes:
                tokens:
                  type: apiKey
                  name: X-Token
                  in: header
                  x-amazon-apigateway-authtype: custom
                  x-amazon-apigateway-authorizer:
                    type: token
                    authorizerUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations
                    authorizerResultTtlInSeconds: 300
            """;

        var reply = await Import(definition, "&basepath=prepend");

        AssertStatus(reply, 201);
        var apiId = reply.Id();
        var authorizer = (await Api.Get($"/restapis/{apiId}/authorizers")).Json.GetProperty("item")[0];
        var paths = (await Api.Get($"/restapis/{apiId}/resources")).Json.GetProperty("item").EnumerateArray().Select(r => r.GetProperty("path").GetString());
        Assert.Multiple(() =>
        {
            Assert.That(reply.Json.GetProperty("version").GetString(), Is.EqualTo("2"));
            Assert.That(paths, Does.Contain("/v1/things/{id}"));
            Assert.That(authorizer.GetProperty("name").GetString(), Is.EqualTo("tokens"));
            Assert.That(authorizer.GetProperty("type").GetString(), Is.EqualTo("TOKEN"));
            Assert.That(authorizer.GetProperty("identitySource").GetString(), Is.EqualTo("method.request.header.X-Token"));
            Assert.That(authorizer.GetProperty("authorizerResultTtlInSeconds").GetInt32(), Is.EqualTo(300));
        });
    }

    [Test]
    public async Task ImportRestApi_EndpointConfigurationTypesParameter()
    {
        var reply = await Import(PetStore(InvokeUri("pets")), "&endpointConfigurationTypes=REGIONAL");

        Assert.That(reply.Json.GetProperty("endpointConfiguration").GetProperty("types")[0].GetString(), Is.EqualTo("REGIONAL"));
    }

    [Test]
    public async Task ImportRestApi_NotADefinition_BadRequest() =>
        AssertError(await Import("""{"hello": "world"}"""), 400, "BadRequestException", "Invalid OpenAPI input.");

    [Test]
    public async Task ImportRestApi_RefusedPiece_ErrorsFoundAndNoApiLeft()
    {
        var definition = PetStore("not-an-arn");

        var reply = await Import(definition);

        Assert.Multiple(async () =>
        {
            Assert.That(reply.ErrorType, Is.EqualTo("BadRequestException"));
            Assert.That(reply.Message, Does.StartWith("Errors found during import:\n\tUnable to put integration on 'POST' on resource at path '/pets': "));
            Assert.That((await Api.Get("/restapis")).Json.GetProperty("item").GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public async Task ImportRestApi_Warnings_ReportedOrRefusedWithFailOnWarnings()
    {
        const string definition = """{"swagger": "2.0", "info": {"title": "w"}, "paths": {"/a": {"get": {}}}}""";

        var lenient = await Import(definition);
        var strict = await Import(definition, "&failonwarnings=true");

        Assert.Multiple(() =>
        {
            AssertStatus(lenient, 201);
            Assert.That(lenient.Json.GetProperty("warnings")[0].GetString(), Is.EqualTo("Parse issue: attribute paths.'/a'(get).responses is missing"));
            AssertError(strict, 400, "BadRequestException", "Warnings found during import:\n\tParse issue: attribute paths.'/a'(get).responses is missing");
        });
    }

    [Test]
    public async Task PutRestApi_Overwrite_ReplacesTheDefinition()
    {
        var apiId = (await Import(PetStore(InvokeUri("pets")))).Id();
        const string replacement = """{"swagger": "2.0", "info": {"title": "Other"}, "paths": {"/other": {"get": {"responses": {"200": {"description": "ok"}}}}}}""";

        var reply = await Api.Send(HttpMethod.Put, $"/restapis/{apiId}?mode=overwrite", replacement);

        AssertStatus(reply, 200);
        var paths = (await Api.Get($"/restapis/{apiId}/resources")).Json.GetProperty("item").EnumerateArray().Select(r => r.GetProperty("path").GetString());
        var models = (await Api.Get($"/restapis/{apiId}/models")).Json.GetProperty("item").EnumerateArray().Select(m => m.GetProperty("name").GetString());
        Assert.Multiple(() =>
        {
            Assert.That(reply.Json.GetProperty("name").GetString(), Is.EqualTo("Other"));
            Assert.That(paths, Is.EquivalentTo(new[] { "/", "/other" }));
            Assert.That(models, Is.EquivalentTo(new[] { "Empty", "Error" }));
        });
    }

    [Test]
    public async Task PutRestApi_Merge_KeepsWhatTheDefinitionDoesNotName()
    {
        var apiId = (await Import(PetStore(InvokeUri("pets")))).Id();
        const string addition = """{"swagger": "2.0", "info": {"title": "Other"}, "paths": {"/other": {"get": {"responses": {"200": {"description": "ok"}}}}}}""";

        var reply = await Api.Send(HttpMethod.Put, $"/restapis/{apiId}?mode=merge", addition);

        AssertStatus(reply, 200);
        var paths = (await Api.Get($"/restapis/{apiId}/resources")).Json.GetProperty("item").EnumerateArray().Select(r => r.GetProperty("path").GetString());
        Assert.Multiple(() =>
        {
            Assert.That(reply.Json.GetProperty("name").GetString(), Is.EqualTo("PetStore"), "a merge keeps the name");
            Assert.That(paths, Is.EquivalentTo(new[] { "/", "/pets", "/pets/{petId}", "/other" }));
        });
    }

    [Test]
    public async Task PutRestApi_Refused_LeavesTheApiAsItWas()
    {
        var apiId = (await Import(PetStore(InvokeUri("pets")))).Id();

        var reply = await Api.Send(HttpMethod.Put, $"/restapis/{apiId}?mode=overwrite", PetStore("not-an-arn").Replace("PetStore", "Renamed", StringComparison.Ordinal));

        Assert.That(reply.ErrorType, Is.EqualTo("BadRequestException"));
        var api = (await Api.Get($"/restapis/{apiId}")).Json;
        var pets = (await Api.Get($"/restapis/{apiId}/resources")).Json.GetProperty("item").EnumerateArray().Single(r => r.GetProperty("path").GetString() == "/pets");
        var post = (await Api.Get($"/restapis/{apiId}/resources/{pets.Id()}/methods/POST")).Json;
        Assert.Multiple(() =>
        {
            Assert.That(api.GetProperty("name").GetString(), Is.EqualTo("PetStore"));
            Assert.That(post.GetProperty("methodIntegration").GetProperty("uri").GetString(), Is.EqualTo(InvokeUri("pets")));
        });
    }

    [Test]
    public async Task ImportRestApi_OpenApi3BasePathVariable_Split()
    {
        const string definition = """
            {"openapi": "3.0.1", "info": {"title": "split"},
             "servers": [{"url": "https://example.com/{basePath}", "variables": {"basePath": {"default": "/a/b/c"}}}],
             "paths": {"/e": {"get": {"responses": {"200": {"description": "ok"}}}}}}
            """;

        var apiId = (await Import(definition, "&basepath=split")).Id();

        var paths = (await Api.Get($"/restapis/{apiId}/resources")).Json.GetProperty("item").EnumerateArray().Select(r => r.GetProperty("path").GetString());
        Assert.That(paths, Is.EquivalentTo(new[] { "/", "/b", "/b/c", "/b/c/e" }));
    }

    [Test]
    public async Task ImportDocumentationParts_Yaml()
    {
        var apiId = await CreateRestApi();
        const string definition = """
            swagger: '2.0'
            info:
              title: docs
            x-amazon-apigateway-documentation:
              version: '1'
              documentationParts:
                - location:
                    type: API
                  properties:
                    description: from YAML
            """;

        var reply = await Api.Send(HttpMethod.Put, $"/restapis/{apiId}/documentation/parts?mode=overwrite", definition);

        AssertStatus(reply, 200);
        var part = (await Api.Get($"/restapis/{apiId}/documentation/parts")).Json.GetProperty("item")[0];
        Assert.That(part.GetProperty("properties").GetString(), Is.EqualTo("""{"description":"from YAML"}"""));
    }

    [Test]
    public async Task PutRestApi_UnknownApi_NotFound() =>
        AssertError(await Api.Send(HttpMethod.Put, "/restapis/nope123456?mode=overwrite", PetStore(InvokeUri("pets"))), 404, "NotFoundException",
            "Invalid API identifier specified 123456789012:nope123456");
}

/// <summary>Reads a resource's id from the resource listing.</summary>
internal static class ResourceJson
{
    public static string Id(this JsonElement resource) => resource.GetProperty("id").GetString()!;
}
