namespace FakeAws.Tests.ApiGateway;

/// <summary>UpdateIntegration, UpdateIntegrationResponse and UpdateMethodResponse: patch operations with AWS's errors, and their effect once deployed.</summary>
public class UpdateIntegrationTests : ApiGatewayTestBase
{
    /// <summary>A MOCK GET / with a 200 method and integration response; returns the API and root.</summary>
    private async Task<(string ApiId, string RootId)> MockApi()
    {
        var (apiId, rootId) = await MockRootApi(new Dictionary<string, string> { ["integration.request.header.X-A"] = "'a'" });
        await PutResponses(apiId, rootId, "GET", 200, templates: new Dictionary<string, string> { ["application/json"] = """{"message": "first"}""" });
        return (apiId, rootId);
    }

    [Test]
    public async Task UpdateIntegration_PatchesSettingsMapsAndCacheKeys()
    {
        var (apiId, rootId) = await MockApi();
        var path = $"/restapis/{apiId}/resources/{rootId}/methods/GET/integration";

        var updated = await Api.PatchOperations(path,
            new { op = "replace", path = "/timeoutInMillis", value = "1000" },
            new { op = "replace", path = "/requestTemplates/application~1json", value = """{"statusCode": 200, "v": 2}""" },
            new { op = "add", path = "/requestTemplates/text~1plain", value = "x" },
            new { op = "remove", path = "/requestParameters/integration.request.header.X-A" },
            new { op = "add", path = "/cacheKeyParameters/method.request.path.id" },
            new { op = "replace", path = "/contentHandling", value = "CONVERT_TO_TEXT" });
        var badPath = await Api.PatchOperations(path, new { op = "replace", path = "/type", value = "HTTP" });
        var badTimeout = await Api.PatchOperations(path, new { op = "replace", path = "/timeoutInMillis", value = "40000" });
        var stored = await Api.Get(path);
        AssertStatus(await Api.Delete(path), 204);
        var missing = await Api.PatchOperations(path, new { op = "replace", path = "/timeoutInMillis", value = "1000" });

        AssertStatus(updated, 200);
        var json = updated.Json;
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("timeoutInMillis").GetInt32(), Is.EqualTo(1000));
            Assert.That(json.GetProperty("requestTemplates").GetProperty("application/json").GetString(), Is.EqualTo("""{"statusCode": 200, "v": 2}"""));
            Assert.That(json.GetProperty("requestTemplates").GetProperty("text/plain").GetString(), Is.EqualTo("x"));
            Assert.That(json.TryGetProperty("requestParameters", out _), Is.False);
            Assert.That(json.GetProperty("cacheKeyParameters")[0].GetString(), Is.EqualTo("method.request.path.id"));
            Assert.That(json.GetProperty("contentHandling").GetString(), Is.EqualTo("CONVERT_TO_TEXT"));
            Assert.That(badPath.ErrorType, Is.EqualTo("BadRequestException"));
            Assert.That(badPath.Message, Does.StartWith("Invalid patch path  '/type' specified for op 'replace'. Must be one of: [/uri, /httpMethod,"));
            AssertError(badTimeout, 400, "BadRequestException", "Timeout should be between 50 ms and 29000 ms");
            Assert.That(stored.Json.GetProperty("timeoutInMillis").GetInt32(), Is.EqualTo(1000), "a refused patch changes nothing");
            AssertError(missing, 404, "NotFoundException", "Invalid Integration identifier specified");
        });
    }

    [Test]
    public async Task UpdateIntegrationResponse_ChangesTheAnswer_OnceDeployed()
    {
        var (apiId, rootId) = await MockApi();
        await Deploy(apiId);
        using var http = Aws.ApiGateway.CreateHttpClient(apiId, "prod");
        var path = $"/restapis/{apiId}/resources/{rootId}/methods/GET/integration/responses/200";

        var before = await http.GetStringAsync("");
        var updated = await Api.PatchOperations(path,
            new { op = "replace", path = "/responseTemplates/application~1json", value = """{"message": "second"}""" },
            new { op = "add", path = "/responseParameters/method.response.header.X-Id", value = "'7'" },
            new { op = "replace", path = "/selectionPattern", value = "" });
        var notYet = await http.GetStringAsync("");
        await Deploy(apiId);
        var after = await http.GetStringAsync("");
        var badPath = await Api.PatchOperations(path, new { op = "replace", path = "/statusCode", value = "201" });
        var missing = await Api.PatchOperations($"/restapis/{apiId}/resources/{rootId}/methods/GET/integration/responses/404",
            new { op = "replace", path = "/selectionPattern", value = "x" });

        AssertStatus(updated, 200);
        Assert.Multiple(() =>
        {
            Assert.That(updated.Json.GetProperty("responseParameters").GetProperty("method.response.header.X-Id").GetString(), Is.EqualTo("'7'"));
            Assert.That(updated.Json.TryGetProperty("selectionPattern", out _), Is.False);
            Assert.That(before, Is.EqualTo("""{"message": "first"}"""));
            Assert.That(notYet, Is.EqualTo("""{"message": "first"}"""), "callers see it with the next deployment");
            Assert.That(after, Is.EqualTo("""{"message": "second"}"""));
            Assert.That(badPath.Message, Is.EqualTo("Invalid patch path  '/statusCode' specified for op 'replace'. Must be one of: [/selectionPattern, /contentHandling]"));
            AssertError(missing, 404, "NotFoundException", "Invalid Response status code specified");
        });
    }

    [Test]
    public async Task UpdateMethodResponse_PatchesHeadersAndModels()
    {
        var (apiId, rootId) = await MockApi();
        var path = $"/restapis/{apiId}/resources/{rootId}/methods/GET/responses/200";

        var updated = await Api.PatchOperations(path,
            new { op = "add", path = "/responseParameters/method.response.header.X-Id", value = "true" },
            new { op = "add", path = "/responseModels/application~1json", value = "Empty" });
        var removed = await Api.PatchOperations(path, new { op = "remove", path = "/responseParameters/method.response.header.X-Id" });
        var unknownModel = await Api.PatchOperations(path, new { op = "add", path = "/responseModels/text~1plain", value = "Nope" });
        var missing = await Api.PatchOperations($"/restapis/{apiId}/resources/{rootId}/methods/GET/responses/500",
            new { op = "remove", path = "/responseModels/application~1json" });

        Assert.Multiple(() =>
        {
            Assert.That(updated.Json.GetProperty("responseParameters").GetProperty("method.response.header.X-Id").GetBoolean(), Is.True);
            Assert.That(updated.Json.GetProperty("responseModels").GetProperty("application/json").GetString(), Is.EqualTo("Empty"));
            Assert.That(removed.Json.TryGetProperty("responseParameters", out _), Is.False);
            AssertError(unknownModel, 400, "BadRequestException", "Invalid model identifier specified: Nope");
            AssertError(missing, 404, "NotFoundException", "Invalid Response status code specified");
        });
    }
}
