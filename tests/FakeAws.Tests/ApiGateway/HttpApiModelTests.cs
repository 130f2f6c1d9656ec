namespace FakeAws.Tests.ApiGateway;

/// <summary>v2 models, and deleting a stage's route settings and access log settings and a route's request parameter.</summary>
public class HttpApiModelTests : HttpApiTestBase
{
    private const string PetSchema = """{"$schema": "http://json-schema.org/draft-04/schema#", "type": "object", "properties": {"name": {"type": "string"}, "age": {"type": "integer"}}}""";

    [Test]
    public async Task Models_CreateGetListUpdateTemplateDelete()
    {
        var apiId = await CreateHttpApi(new { name = "ws", protocolType = "WEBSOCKET", routeSelectionExpression = "$request.body.action" });

        var created = await Api.Post($"/v2/apis/{apiId}/models", new { name = "Pet", contentType = "application/json", schema = PetSchema, description = "a pet" });
        var modelId = created.Id("modelId");
        var updated = await Api.Patch($"/v2/apis/{apiId}/models/{modelId}", new { description = "two" });
        var template = await Api.Get($"/v2/apis/{apiId}/models/{modelId}/template");
        var list = await Api.Get($"/v2/apis/{apiId}/models");
        AssertStatus(await Api.Delete($"/v2/apis/{apiId}/models/{modelId}"), 204);
        var gone = await Api.Get($"/v2/apis/{apiId}/models/{modelId}");

        Assert.Multiple(async () =>
        {
            AssertStatus(created, 201);
            Assert.That((created.Json.GetProperty("name").GetString(), created.Json.GetProperty("contentType").GetString()), Is.EqualTo(("Pet", "application/json")));
            Assert.That(updated.Json.GetProperty("description").GetString(), Is.EqualTo("two"));
            Assert.That(updated.Json.GetProperty("schema").GetString(), Is.EqualTo(PetSchema));
            Assert.That(template.Json.GetProperty("value").GetString(), Does.Contain("\"name\" : \"$inputRoot.name\""));
            Assert.That(list.Json.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("modelId").GetString()), Is.EqualTo(new[] { modelId }));
            AssertError(gone, 404, "NotFoundException", $"Invalid Model identifier specified {modelId}");
            AssertError(await Api.Post($"/v2/apis/{apiId}/models", new { name = "bad-name", schema = PetSchema }), 400, "BadRequestException", "Model name must be alphanumeric");
            AssertError(await Api.Post($"/v2/apis/{apiId}/models", new { name = "Bad", schema = "[1]" }), 400, "BadRequestException",
                "Invalid model specified: Validation Result: warnings : [], errors : [Invalid model schema specified]");
        });
    }

    [Test]
    public async Task Models_DuplicateName_Conflict()
    {
        var apiId = await CreateHttpApi();
        AssertStatus(await Api.Post($"/v2/apis/{apiId}/models", new { name = "Pet", schema = PetSchema }), 201);

        AssertError(await Api.Post($"/v2/apis/{apiId}/models", new { name = "Pet", schema = PetSchema }), 409, "ConflictException", "Model name already exists for this API: Pet");
    }

    [Test]
    public async Task DeleteRouteSettings_AndAccessLogSettings_FromAStage()
    {
        var apiId = await CreateHttpApi();
        AssertStatus(await Api.Post($"/v2/apis/{apiId}/stages", new
        {
            stageName = "dev",
            routeSettings = new Dictionary<string, object> { ["GET /items"] = new { throttlingRateLimit = 1.0, throttlingBurstLimit = 1 } },
            accessLogSettings = new { destinationArn = "arn:aws:logs:us-east-1:123456789012:log-group:g", format = "$context.requestId" },
        }), 201);

        AssertStatus(await Api.Delete($"/v2/apis/{apiId}/stages/dev/routesettings/{Uri.EscapeDataString("GET /items")}"), 204);
        AssertStatus(await Api.Delete($"/v2/apis/{apiId}/stages/dev/accesslogsettings"), 204);
        var stage = (await Api.Get($"/v2/apis/{apiId}/stages/dev")).Json;

        Assert.Multiple(async () =>
        {
            Assert.That(stage.TryGetProperty("routeSettings", out var settings) ? settings.EnumerateObject().Count() : 0, Is.EqualTo(0));
            Assert.That(stage.TryGetProperty("accessLogSettings", out _), Is.False);
            AssertError(await Api.Delete($"/v2/apis/{apiId}/stages/dev/routesettings/{Uri.EscapeDataString("GET /items")}"), 404, "NotFoundException",
                "Unable to find Route Settings for route key GET /items");
            AssertError(await Api.Delete($"/v2/apis/{apiId}/stages/nope/accesslogsettings"), 404, "NotFoundException", "Invalid stage identifier specified nope");
        });
    }

    [Test]
    public async Task DeleteRouteRequestParameter_RemovesOne()
    {
        var apiId = await CreateHttpApi(new { name = "ws", protocolType = "WEBSOCKET", routeSelectionExpression = "$request.body.action" });
        var route = await Api.Post($"/v2/apis/{apiId}/routes", new
        {
            routeKey = "$connect",
            requestParameters = new Dictionary<string, object>
            {
                ["route.request.header.Auth"] = new { required = true },
                ["route.request.querystring.q"] = new { required = false },
            },
        });
        var routeId = route.Id("routeId");

        AssertStatus(await Api.Delete($"/v2/apis/{apiId}/routes/{routeId}/requestparameters/route.request.header.Auth"), 204);
        var after = (await Api.Get($"/v2/apis/{apiId}/routes/{routeId}")).Json;

        Assert.Multiple(async () =>
        {
            Assert.That(after.GetProperty("requestParameters").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "route.request.querystring.q" }));
            AssertError(await Api.Delete($"/v2/apis/{apiId}/routes/{routeId}/requestparameters/route.request.header.Auth"), 404, "NotFoundException",
                "Invalid request parameter key specified route.request.header.Auth");
        });
    }
}
