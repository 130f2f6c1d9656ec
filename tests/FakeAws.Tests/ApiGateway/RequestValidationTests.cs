using System.Net;
using System.Text;
using System.Text.Json;

namespace FakeAws.Tests.ApiGateway;

/// <summary>Models, request validators and GetModelTemplate, through the management API and HttpClient.</summary>
public class RequestValidationTests : ApiGatewayTestBase
{
    private const string PetSchema = """
        {"$schema": "http://json-schema.org/draft-04/schema#", "title": "Pet", "type": "object",
         "properties": {"name": {"type": "string"}, "age": {"type": "integer", "minimum": 0}, "tags": {"type": "array", "items": {"type": "string"}}},
         "required": ["name"]}
        """;

    private async Task<string> CreateModel(string apiId, string name, string schema)
    {
        var reply = await Api.Post($"/restapis/{apiId}/models", new { name, contentType = "application/json", schema });
        AssertStatus(reply, 201);
        return reply.Id();
    }

    /// <summary>POST /pets validated by a body-and-parameters validator against the Pet model, answered by a MOCK integration.</summary>
    private async Task<HttpClient> ValidatedApi(bool body = true, bool parameters = true)
    {
        var apiId = await CreateRestApi();
        await CreateModel(apiId, "Pet", PetSchema);
        var validator = await Api.Post($"/restapis/{apiId}/requestvalidators", new { name = "all", validateRequestBody = body, validateRequestParameters = parameters });
        AssertStatus(validator, 201);
        var resourceId = await CreateResource(apiId, await RootId(apiId), "pets");
        await PutMethod(apiId, resourceId, "POST", new
        {
            authorizationType = "NONE",
            requestValidatorId = validator.Id(),
            requestModels = new Dictionary<string, string> { ["application/json"] = "Pet" },
            requestParameters = new Dictionary<string, bool> { ["method.request.querystring.owner"] = true, ["method.request.header.X-Tenant"] = true, ["method.request.querystring.page"] = false },
        });
        AssertStatus(await Api.Put($"/restapis/{apiId}/resources/{resourceId}/methods/POST/integration", new
        {
            type = "MOCK",
            requestTemplates = new Dictionary<string, string> { ["application/json"] = "{\"statusCode\": 200}" },
        }), 201);
        await PutResponses(apiId, resourceId, "POST", 200, templates: new() { ["application/json"] = "{\"ok\": true}" });
        await Deploy(apiId);
        return Aws.ApiGateway.CreateHttpClient(apiId, "prod");
    }

    private static HttpRequestMessage Post(string path, string body, string? tenant = "t1")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (tenant is not null)
        {
            request.Headers.Add("X-Tenant", tenant);
        }
        return request;
    }

    [Test]
    public async Task ValidBody_AndParameters_ReachTheIntegration()
    {
        using var client = await ValidatedApi();

        using var response = await client.SendAsync(Post("pets?owner=me", """{"name": "Rex", "age": 3, "tags": ["good"]}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [TestCase("""{"age": 3}""")]
    [TestCase("""{"name": "Rex", "age": -1}""")]
    [TestCase("""{"name": 7}""")]
    [TestCase("""not json""")]
    public async Task BodyNotMatchingTheModel_InvalidRequestBody(string body)
    {
        using var client = await ValidatedApi();

        await AssertGatewayError(await client.SendAsync(Post("pets?owner=me", body)), 400, """{"message": "Invalid request body"}""", "BadRequestException");
    }

    [Test]
    public async Task MissingRequiredParameters_NamedInAwsText()
    {
        using var client = await ValidatedApi();

        await AssertGatewayError(await client.SendAsync(Post("pets", """{"name": "Rex"}""", tenant: null)), 400,
            """{"message": "Missing required request parameters: [owner, X-Tenant]"}""", "BadRequestException");
    }

    [Test]
    public async Task BodyOnlyValidator_IgnoresParameters()
    {
        using var client = await ValidatedApi(parameters: false);

        using var response = await client.SendAsync(Post("pets", """{"name": "Rex"}""", tenant: null));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ModelReferencingAnotherModel_Validated()
    {
        var apiId = await CreateRestApi();
        await CreateModel(apiId, "Pet", PetSchema);
        await CreateModel(apiId, "Pets", $$$"""{"type": "array", "items": {"$ref": "https://apigateway.amazonaws.com/restapis/{{{apiId}}}/models/Pet"}}""");
        var validator = (await Api.Post($"/restapis/{apiId}/requestvalidators", new { name = "body", validateRequestBody = true })).Id();
        var resourceId = await CreateResource(apiId, await RootId(apiId), "pets");
        await PutMethod(apiId, resourceId, "PUT", new { authorizationType = "NONE", requestValidatorId = validator, requestModels = new Dictionary<string, string> { ["application/json"] = "Pets" } });
        AssertStatus(await Api.Put($"/restapis/{apiId}/resources/{resourceId}/methods/PUT/integration", new { type = "MOCK" }), 201);
        await PutResponses(apiId, resourceId, "PUT", 200);
        await Deploy(apiId);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        using var good = await client.PutAsync("pets", new StringContent("""[{"name": "a"}, {"name": "b"}]""", Encoding.UTF8, "application/json"));
        using var bad = await client.PutAsync("pets", new StringContent("""[{"name": "a"}, {"age": 1}]""", Encoding.UTF8, "application/json"));

        Assert.That(good.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((int)bad.StatusCode, Is.EqualTo(400));
    }

    [Test]
    public async Task Models_EveryApiStartsWithEmptyAndError_CrudAndErrors()
    {
        var apiId = await CreateRestApi();

        var initial = (await Api.Get($"/restapis/{apiId}/models")).Json.GetProperty("item").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ToList();
        await CreateModel(apiId, "Pet", PetSchema);
        var conflict = await Api.Post($"/restapis/{apiId}/models", new { name = "Pet", contentType = "application/json", schema = "{}" });
        var badName = await Api.Post($"/restapis/{apiId}/models", new { name = "my-pet", contentType = "application/json", schema = "{}" });
        var badSchema = await Api.Post($"/restapis/{apiId}/models", new { name = "Broken", contentType = "application/json", schema = "[1" });
        var updated = await Api.PatchOperations($"/restapis/{apiId}/models/Pet", new { op = "replace", path = "/description", value = "a pet" });
        var missing = await Api.Get($"/restapis/{apiId}/models/Nope");
        AssertStatus(await Api.Delete($"/restapis/{apiId}/models/Pet"), 202);

        Assert.Multiple(() =>
        {
            Assert.That(initial, Is.EqualTo(new[] { "Empty", "Error" }));
            AssertError(conflict, 409, "ConflictException", "Model name already exists for this REST API");
            AssertError(badName, 400, "BadRequestException", "Model name must be alphanumeric");
            AssertError(badSchema, 400, "BadRequestException", "Invalid model specified: Validation Result: warnings : [], errors : [Invalid model schema specified]");
            Assert.That(updated.Json.GetProperty("description").GetString(), Is.EqualTo("a pet"));
            AssertError(missing, 404, "NotFoundException", "Invalid model name specified: Nope");
        });
    }

    [Test]
    public async Task PutMethod_UnknownValidatorOrModel_BadRequest()
    {
        var apiId = await CreateRestApi();
        var root = await RootId(apiId);

        AssertError(await Api.Put($"/restapis/{apiId}/resources/{root}/methods/GET", new { authorizationType = "NONE", requestValidatorId = "nope" }),
            400, "BadRequestException", "Invalid Request Validator identifier specified");
        AssertError(await Api.Put($"/restapis/{apiId}/resources/{root}/methods/GET", new { authorizationType = "NONE", requestModels = new Dictionary<string, string> { ["application/json"] = "Nope" } }),
            400, "BadRequestException", "Invalid model identifier specified: Nope");
    }

    [Test]
    public async Task RequestValidators_CrudAndUpdateMethod()
    {
        var apiId = await CreateRestApi();
        var root = await RootId(apiId);
        var created = await Api.Post($"/restapis/{apiId}/requestvalidators", new { name = "params", validateRequestParameters = true });
        var id = created.Id();
        await PutMethod(apiId, root, "GET");

        var updated = await Api.PatchOperations($"/restapis/{apiId}/requestvalidators/{id}", new { op = "replace", path = "/validateRequestBody", value = "true" });
        var list = await Api.Get($"/restapis/{apiId}/requestvalidators");
        var method = await Api.PatchOperations($"/restapis/{apiId}/resources/{root}/methods/GET",
            new { op = "replace", path = "/requestValidatorId", value = id },
            new { op = "add", path = "/requestParameters/method.request.querystring.q", value = "true" });
        AssertStatus(await Api.Delete($"/restapis/{apiId}/requestvalidators/{id}"), 202);
        var gone = await Api.Get($"/restapis/{apiId}/requestvalidators/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(created.Json.GetProperty("validateRequestBody").GetBoolean(), Is.False);
            Assert.That(updated.Json.GetProperty("validateRequestBody").GetBoolean(), Is.True);
            Assert.That(list.Json.GetProperty("item").GetArrayLength(), Is.EqualTo(1));
            Assert.That(method.Json.GetProperty("requestValidatorId").GetString(), Is.EqualTo(id), method.ToString());
            Assert.That(method.Json.GetProperty("requestParameters").GetProperty("method.request.querystring.q").GetBoolean(), Is.True);
            AssertError(gone, 404, "NotFoundException", "Invalid Request Validator identifier specified");
        });
    }

    [Test]
    public async Task GetModelTemplate_CopiesTheModelsShape()
    {
        var apiId = await CreateRestApi();
        await CreateModel(apiId, "Pet", PetSchema);

        var template = (await Api.Get($"/restapis/{apiId}/models/Pet/default_template")).Json.GetProperty("value").GetString();

        Assert.That(template, Is.EqualTo("""
            #set($inputRoot = $input.path('$'))
            {
              "name" : "$inputRoot.name",
              "age" : $inputRoot.age,
              "tags" : [
            #foreach($elem1 in $inputRoot.tags)
                "$elem1"#if($foreach.hasNext),#end
            #end
              ]
            }

            """.ReplaceLineEndings("\n")));
    }
}
