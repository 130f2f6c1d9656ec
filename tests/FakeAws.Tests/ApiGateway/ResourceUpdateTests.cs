namespace FakeAws.Tests.ApiGateway;

/// <summary>UpdateResource (renaming and moving a subtree) and v1 and v2 UpdateDeployment.</summary>
public class ResourceUpdateTests : HttpApiTestBase
{
    private static object Replace(string path, string value) => new { op = "replace", path, value };

    private async Task<Dictionary<string, string>> PathsById(string apiId) =>
        (await Api.Get($"/restapis/{apiId}/resources")).Json.GetProperty("item").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("path").GetString()!);

    [Test]
    public async Task Rename_ChangesThePathOfTheSubtree()
    {
        var apiId = await CreateRestApi();
        var root = await RootId(apiId);
        var items = await CreateResource(apiId, root, "items");
        var id = await CreateResource(apiId, items, "{id}");

        var renamed = await Api.PatchOperations($"/restapis/{apiId}/resources/{items}", Replace("/pathPart", "things"));

        Assert.Multiple(async () =>
        {
            AssertStatus(renamed, 200);
            Assert.That(renamed.Json.GetProperty("pathPart").GetString(), Is.EqualTo("things"));
            Assert.That(renamed.Json.GetProperty("path").GetString(), Is.EqualTo("/things"));
            Assert.That(renamed.Json.GetProperty("parentId").GetString(), Is.EqualTo(root));
            Assert.That((await PathsById(apiId))[id], Is.EqualTo("/things/{id}"));
        });
    }

    [Test]
    public async Task Move_UnderALaterResource_CarriesMethodsAndChildren_AndServesAfterRedeploy()
    {
        AddEchoFunction();
        var (apiId, idResource) = await LambdaProxyApi("echo", "/items/{id}", "GET");
        var root = await RootId(apiId);
        var items = (await Api.Get($"/restapis/{apiId}/resources/{idResource}")).Id("parentId");
        var v1 = await CreateResource(apiId, root, "v1");

        var moved = await Api.PatchOperations($"/restapis/{apiId}/resources/{items}", Replace("/parentId", v1));
        await Deploy(apiId);
        using var http = Aws.ApiGateway.CreateHttpClient(apiId, "prod");
        var served = await http.GetAsync("v1/items/7");
        var old = await http.GetAsync("items/7");

        Assert.Multiple(async () =>
        {
            AssertStatus(moved, 200);
            Assert.That(moved.Json.GetProperty("path").GetString(), Is.EqualTo("/v1/items"));
            Assert.That((await PathsById(apiId))[idResource], Is.EqualTo("/v1/items/{id}"));
            Assert.That((await EchoedEvent(served)).GetProperty("resource").GetString(), Is.EqualTo("/v1/items/{id}"));
            Assert.That((int)old.StatusCode, Is.EqualTo(403));
        });

        // Deleting the later resource takes the moved subtree with it, although it was created first.
        AssertStatus(await Api.Delete($"/restapis/{apiId}/resources/{v1}"), 202);
        Assert.That((await PathsById(apiId)).Values, Is.EqualTo(new[] { "/" }));
    }

    [Test]
    public async Task Errors_AsAwsAnswersThem()
    {
        var apiId = await CreateRestApi();
        var root = await RootId(apiId);
        var a = await CreateResource(apiId, root, "a");
        var b = await CreateResource(apiId, root, "b");
        var child = await CreateResource(apiId, a, "child");
        var param = await CreateResource(apiId, root, "{p}");
        var greedy = await CreateResource(apiId, b, "{proxy+}");

        Assert.Multiple(async () =>
        {
            AssertError(await Api.PatchOperations($"/restapis/{apiId}/resources/{a}", Replace("/pathPart", "b")), 409, "ConflictException",
                "Another resource with the same parent already has this name: b");
            AssertError(await Api.PatchOperations($"/restapis/{apiId}/resources/{a}", Replace("/parentId", child)), 400, "BadRequestException",
                "Resources cannot be cyclical.");
            AssertError(await Api.PatchOperations($"/restapis/{apiId}/resources/{a}", Replace("/parentId", a)), 400, "BadRequestException",
                "Resources cannot be cyclical.");
            AssertError(await Api.PatchOperations($"/restapis/{apiId}/resources/{a}", Replace("/parentId", "nope")), 404, "NotFoundException",
                "Invalid Resource identifier specified");
            AssertError(await Api.PatchOperations($"/restapis/{apiId}/resources/nope", Replace("/pathPart", "x")), 404, "NotFoundException",
                "Invalid Resource identifier specified");
            AssertError(await Api.PatchOperations($"/restapis/{apiId}/resources/{a}", Replace("/path", "/x")), 400, "BadRequestException",
                "Invalid patch path  '/path' specified for op 'replace'. Must be one of: [/parentId, /pathPart]");
            AssertError(await Api.PatchOperations($"/restapis/{apiId}/resources/{a}", new { op = "add", path = "/pathPart", value = "x" }), 400, "BadRequestException",
                "Invalid patch path  '/pathPart' specified for op 'add'. Please choose supported operations");
            AssertError(await Api.PatchOperations($"/restapis/{apiId}/resources/{a}", Replace("/pathPart", "{q}")), 400, "BadRequestException",
                "A sibling ({p}) of this resource already has a variable path part -- only one is allowed");
            AssertError(await Api.PatchOperations($"/restapis/{apiId}/resources/{a}", Replace("/pathPart", "a b")), 400, "BadRequestException",
                "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.");
            AssertError(await Api.PatchOperations($"/restapis/{apiId}/resources/{a}", Replace("/parentId", greedy)), 400, "BadRequestException",
                "Cannot create a child of a resource with a greedy path variable: {proxy+}");
            // A variable part may keep its own name: the resource is not its own sibling.
            AssertStatus(await Api.PatchOperations($"/restapis/{apiId}/resources/{param}", Replace("/pathPart", "{p}")), 200);
        });
    }

    [Test]
    public async Task V1_UpdateDeployment_ChangesTheDescriptionOnly()
    {
        var (apiId, _) = await MockRootApi();
        var deploymentId = (await Api.Post($"/restapis/{apiId}/deployments", new { stageName = "prod", description = "one" })).Id();

        var updated = await Api.PatchOperations($"/restapis/{apiId}/deployments/{deploymentId}", Replace("/description", "two"));

        Assert.Multiple(async () =>
        {
            AssertStatus(updated, 200);
            Assert.That(updated.Json.GetProperty("description").GetString(), Is.EqualTo("two"));
            Assert.That(updated.Id(), Is.EqualTo(deploymentId));
            Assert.That((await Api.Get($"/restapis/{apiId}/deployments/{deploymentId}")).Json.GetProperty("description").GetString(), Is.EqualTo("two"));
            AssertError(await Api.PatchOperations($"/restapis/{apiId}/deployments/{deploymentId}", Replace("/createdDate", "x")), 400, "BadRequestException",
                "Invalid patch path  '/createdDate' specified for op 'replace'. Must be one of: [/description]");
            AssertError(await Api.PatchOperations($"/restapis/{apiId}/deployments/nope", Replace("/description", "x")), 404, "NotFoundException",
                "Invalid Deployment identifier specified");
        });
    }

    [Test]
    public async Task V2_UpdateDeployment_ChangesTheDescription()
    {
        var apiId = await CreateHttpApi();
        var deploymentId = (await Api.Post($"/v2/apis/{apiId}/deployments", new { description = "one" })).Id("deploymentId");

        var updated = await Api.Patch($"/v2/apis/{apiId}/deployments/{deploymentId}", new { description = "two" });

        Assert.Multiple(async () =>
        {
            AssertStatus(updated, 200);
            Assert.That(updated.Json.GetProperty("description").GetString(), Is.EqualTo("two"));
            Assert.That(updated.Json.GetProperty("deploymentStatus").GetString(), Is.EqualTo("DEPLOYED"));
            Assert.That((await Api.Get($"/v2/apis/{apiId}/deployments/{deploymentId}")).Json.GetProperty("description").GetString(), Is.EqualTo("two"));
            AssertError(await Api.Patch($"/v2/apis/{apiId}/deployments/nope", new { description = "x" }), 404, "NotFoundException", "Invalid Deployment identifier specified nope");
        });
    }
}
