namespace FakeAws.Tests.ApiGateway;

/// <summary>Documentation parts and versions of REST APIs, through the wire.</summary>
public sealed class DocumentationTests : ApiGatewayTestBase
{
    private async Task<string> CreatePart(string apiId, object location, string properties = """{"description":"d"}""")
    {
        var reply = await Api.Post($"/restapis/{apiId}/documentation/parts", new { location, properties });
        AssertStatus(reply, 201);
        return reply.Id();
    }

    [Test]
    public async Task CreatePart_FillsTheWildcardsOfItsType()
    {
        var apiId = await CreateRestApi();
        var partId = await CreatePart(apiId, new { type = "RESPONSE_HEADER", path = "/pets", name = "x-next" });

        var location = (await Api.Get($"/restapis/{apiId}/documentation/parts/{partId}")).Json.GetProperty("location");
        Assert.Multiple(() =>
        {
            Assert.That(location.GetProperty("path").GetString(), Is.EqualTo("/pets"));
            Assert.That(location.GetProperty("method").GetString(), Is.EqualTo("*"));
            Assert.That(location.GetProperty("statusCode").GetString(), Is.EqualTo("*"));
            Assert.That(location.GetProperty("name").GetString(), Is.EqualTo("x-next"));
        });
    }

    [Test]
    public async Task CreatePart_AtAnOccupiedLocation_IsAConflict()
    {
        var apiId = await CreateRestApi();
        await CreatePart(apiId, new { type = "METHOD", path = "/pets" });

        AssertError(await Api.Post($"/restapis/{apiId}/documentation/parts", new { location = new { type = "METHOD", path = "/pets", method = "*" }, properties = "{}" }),
            409, "ConflictException", "Documentation part already exists for the specified location: type 'METHOD', path '/pets', method '*'.");
        await CreatePart(apiId, new { type = "API" });
        AssertError(await Api.Post($"/restapis/{apiId}/documentation/parts", new { location = new { type = "API" }, properties = "{}" }),
            409, "ConflictException", "Documentation part already exists for the specified location: type 'API'.");
    }

    [Test]
    public async Task CreatePart_RefusesFieldsItsTypeDoesNotTakeAndMissingNames()
    {
        var apiId = await CreateRestApi();

        Assert.Multiple(async () =>
        {
            Assert.That((await Api.Post($"/restapis/{apiId}/documentation/parts", new { location = new { type = "API", method = "GET" }, properties = "{}" })).ErrorType, Is.EqualTo("BadRequestException"));
            Assert.That((await Api.Post($"/restapis/{apiId}/documentation/parts", new { location = new { type = "MODEL" }, properties = "{}" })).ErrorType, Is.EqualTo("BadRequestException"));
            Assert.That((await Api.Post($"/restapis/{apiId}/documentation/parts", new { location = new { type = "API" }, properties = "not json" })).ErrorType, Is.EqualTo("BadRequestException"));
            Assert.That((await Api.Post($"/restapis/{apiId}/documentation/parts", new { location = new { type = "API" }, properties = "[1]" })).ErrorType, Is.EqualTo("BadRequestException"));
        });
    }

    [Test]
    public async Task GetParts_FiltersByTypePathNameAndStatus()
    {
        var apiId = await CreateRestApi();
        await CreatePart(apiId, new { type = "API" });
        var query = await CreatePart(apiId, new { type = "QUERY_PARAMETER", path = "/pets", method = "GET", name = "limit" });
        var empty = await CreatePart(apiId, new { type = "RESOURCE", path = "/pets" }, "{}");

        async Task<string[]> Ids(string query) =>
            (await Api.Get($"/restapis/{apiId}/documentation/parts{query}")).Json.GetProperty("item").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToArray();

        Assert.Multiple(async () =>
        {
            Assert.That(await Ids("?type=QUERY_PARAMETER"), Is.EqualTo(new[] { query }));
            Assert.That(await Ids("?path=/pets"), Is.EqualTo(new[] { query, empty }));
            Assert.That(await Ids("?name=LIM"), Is.EqualTo(new[] { query }));
            Assert.That(await Ids("?locationStatus=UNDOCUMENTED"), Is.EqualTo(new[] { empty }));
            Assert.That(await Ids("?locationStatus=DOCUMENTED&limit=1"), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public async Task UpdatePart_ReplacesPropertiesOnly()
    {
        var apiId = await CreateRestApi();
        var partId = await CreatePart(apiId, new { type = "API" });

        var updated = await Api.PatchOperations($"/restapis/{apiId}/documentation/parts/{partId}", new { op = "replace", path = "/properties", value = """{"description":"new"}""" });

        Assert.That(updated.Json.GetProperty("properties").GetString(), Is.EqualTo("""{"description":"new"}"""));
        AssertError(await Api.PatchOperations($"/restapis/{apiId}/documentation/parts/{partId}", new { op = "replace", path = "/location/type", value = "MODEL" }),
            400, "BadRequestException", "Invalid patch path  '/location/type' specified for op 'replace'. Must be one of: [/properties]");
    }

    [Test]
    public async Task DeletePart_ThenGetIsNotFound()
    {
        var apiId = await CreateRestApi();
        var partId = await CreatePart(apiId, new { type = "API" });

        AssertStatus(await Api.Delete($"/restapis/{apiId}/documentation/parts/{partId}"), 202);
        AssertError(await Api.Get($"/restapis/{apiId}/documentation/parts/{partId}"), 404, "NotFoundException", "Invalid Documentation part identifier specified");
    }

    [Test]
    public async Task ImportParts_MergeUpdatesAndAdds_OverwriteReplaces()
    {
        var apiId = await CreateRestApi();
        var apiPart = await CreatePart(apiId, new { type = "API" });
        await CreatePart(apiId, new { type = "RESOURCE", path = "/old" });
        var file = new Dictionary<string, object>
        {
            ["swagger"] = "2.0",
            ["x-amazon-apigateway-documentation"] = new
            {
                version = "1.0",
                documentationParts = new object[]
                {
                    new { location = new { type = "API" }, properties = new { description = "imported" } },
                    new { location = new { type = "METHOD", path = "/pets", method = "GET" }, properties = new { summary = "list" } },
                },
            },
        };

        var merged = await Api.Put($"/restapis/{apiId}/documentation/parts?mode=merge", file);
        Assert.That(merged.Json.GetProperty("ids")[0].GetString(), Is.EqualTo(apiPart));
        Assert.That((await Api.Get($"/restapis/{apiId}/documentation/parts")).Json.GetProperty("item").GetArrayLength(), Is.EqualTo(3));
        Assert.That((await Api.Get($"/restapis/{apiId}/documentation/parts/{apiPart}")).Json.GetProperty("properties").GetString(), Is.EqualTo("""{"description":"imported"}"""));

        await Api.Put($"/restapis/{apiId}/documentation/parts?mode=overwrite", file);
        Assert.That((await Api.Get($"/restapis/{apiId}/documentation/parts")).Json.GetProperty("item").GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public async Task ImportParts_AnInvalidPart_IsAWarningUnlessFailOnWarnings()
    {
        var apiId = await CreateRestApi();
        var file = new Dictionary<string, object>
        {
            ["x-amazon-apigateway-documentation"] = new { documentationParts = new object[] { new { location = new { type = "MODEL" }, properties = new { } } } },
        };

        var lenient = await Api.Put($"/restapis/{apiId}/documentation/parts", file);
        Assert.That(lenient.Json.GetProperty("warnings").GetArrayLength(), Is.EqualTo(1));
        Assert.That((await Api.Put($"/restapis/{apiId}/documentation/parts?failonwarnings=true", file)).ErrorType, Is.EqualTo("BadRequestException"));
    }

    [Test]
    public async Task Versions_SnapshotTheParts_AndAssociateAStage()
    {
        var (apiId, _) = await MockRootApi();
        await Deploy(apiId);
        await CreatePart(apiId, new { type = "API" });

        var created = await Api.Post($"/restapis/{apiId}/documentation/versions", new { documentationVersion = "1.0", stageName = "prod", description = "first" });
        AssertStatus(created, 201);
        Assert.That(created.Json.GetProperty("createdDate").ValueKind, Is.Not.EqualTo(System.Text.Json.JsonValueKind.Undefined));
        Assert.That((await Api.Get($"/restapis/{apiId}/stages/prod")).Json.GetProperty("documentationVersion").GetString(), Is.EqualTo("1.0"));
        AssertError(await Api.Post($"/restapis/{apiId}/documentation/versions", new { documentationVersion = "1.0" }), 409, "ConflictException", "Documentation version already exists");

        var updated = await Api.PatchOperations($"/restapis/{apiId}/documentation/versions/1.0", new { op = "replace", path = "/description", value = "renamed" });
        Assert.That(updated.Json.GetProperty("description").GetString(), Is.EqualTo("renamed"));
        Assert.That((await Api.Get($"/restapis/{apiId}/documentation/versions")).Json.GetProperty("item").GetArrayLength(), Is.EqualTo(1));

        AssertStatus(await Api.Delete($"/restapis/{apiId}/documentation/versions/1.0"), 202);
        AssertError(await Api.Get($"/restapis/{apiId}/documentation/versions/1.0"), 404, "NotFoundException", "Invalid Documentation version identifier specified");
        Assert.That((await Api.Get($"/restapis/{apiId}/stages/prod")).Json.TryGetProperty("documentationVersion", out _), Is.False);
    }

    [Test]
    public async Task Snapshot_KeepsPartsAndVersions()
    {
        var apiId = await CreateRestApi();
        var partId = await CreatePart(apiId, new { type = "API" });
        AssertStatus(await Api.Post($"/restapis/{apiId}/documentation/versions", new { documentationVersion = "v1" }), 201);
        var snapshot = Aws.Snapshot();

        using var fresh = new FakeAwsCloud();
        fresh.Restore(snapshot);
        using var api = new ApiGatewayWire(fresh);

        Assert.Multiple(async () =>
        {
            Assert.That((await api.Get($"/restapis/{apiId}/documentation/parts/{partId}")).Json.GetProperty("properties").GetString(), Is.EqualTo("""{"description":"d"}"""));
            Assert.That((await api.Get($"/restapis/{apiId}/documentation/versions/v1")).Json.GetProperty("version").GetString(), Is.EqualTo("v1"));
        });
    }
}
