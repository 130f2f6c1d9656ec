namespace FakeAws.Tests.ApiGateway;

/// <summary>TagResource, UntagResource and GetTags of v1 and v2, on the tags the Create operations store.</summary>
public class TagTests : HttpApiTestBase
{
    private const string Arn = "arn:aws:apigateway:us-east-1::";

    private static string TagsPath(string resourcePath, string prefix = "") => $"{prefix}/tags/{Uri.EscapeDataString(Arn + resourcePath)}";

    private async Task<Dictionary<string, string>> V1Tags(string resourcePath)
    {
        var reply = await Api.Get(TagsPath(resourcePath));
        AssertStatus(reply, 200);
        return reply.Json.GetProperty("tags").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    private async Task<Dictionary<string, string>> V2Tags(string resourcePath)
    {
        var reply = await Api.Get(TagsPath(resourcePath, "/v2"));
        AssertStatus(reply, 200);
        return reply.Json.GetProperty("tags").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    [Test]
    public async Task V1_RestApi_TagsFromCreate_AddReplaceRemove_ShowOnGetRestApi()
    {
        var apiId = await CreateRestApi(new { name = "api", tags = new { team = "a" } });

        AssertStatus(await Api.Put(TagsPath($"/restapis/{apiId}"), new { tags = new { team = "b", env = "prod" } }), 204);
        var afterTag = await V1Tags($"/restapis/{apiId}");
        var onApi = (await Api.Get($"/restapis/{apiId}")).Json.GetProperty("tags").GetProperty("team").GetString();
        AssertStatus(await Api.Delete(TagsPath($"/restapis/{apiId}") + "?tagKeys=team&tagKeys=absent"), 204);
        var afterUntag = await V1Tags($"/restapis/{apiId}");
        AssertStatus(await Api.Delete(TagsPath($"/restapis/{apiId}") + "?tagKeys=env"), 204);

        Assert.Multiple(async () =>
        {
            Assert.That(afterTag, Is.EqualTo(new Dictionary<string, string> { ["team"] = "b", ["env"] = "prod" }));
            Assert.That(onApi, Is.EqualTo("b"));
            Assert.That(afterUntag, Is.EqualTo(new Dictionary<string, string> { ["env"] = "prod" }));
            Assert.That(await V1Tags($"/restapis/{apiId}"), Is.Empty);
        });
    }

    [Test]
    public async Task V1_EveryTaggableResource_KeepsItsOwnTags()
    {
        var apiId = await CreateRestApi(new { name = "api", tags = new { level = "api" } });
        var rootId = await RootId(apiId);
        await PutMethod(apiId, rootId, "GET");
        AssertStatus(await Api.Put($"/restapis/{apiId}/resources/{rootId}/methods/GET/integration", new { type = "MOCK" }), 201);
        await Deploy(apiId);
        var keyId = (await Api.Post("/apikeys", new { name = "k" })).Id();
        var planId = (await Api.Post("/usageplans", new { name = "p" })).Id();
        AssertStatus(await Api.Post("/domainnames", new { domainName = "api.example.com", certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/c" }), 201);
        var certificateId = (await Api.Post("/clientcertificates", new { })).Id("clientCertificateId");
        var linkId = (await Api.Post("/vpclinks", new { name = "l", targetArns = new[] { "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/n/1" } })).Id();
        string[] paths =
        [
            $"/restapis/{apiId}/stages/prod", $"/apikeys/{keyId}", $"/usageplans/{planId}", "/domainnames/api.example.com",
            $"/clientcertificates/{certificateId}", $"/vpclinks/{linkId}",
        ];

        foreach (var path in paths)
        {
            AssertStatus(await Api.Put(TagsPath(path), new { tags = new Dictionary<string, string> { ["at"] = path } }), 204);
        }

        Assert.Multiple(async () =>
        {
            foreach (var path in paths)
            {
                Assert.That(await V1Tags(path), Is.EqualTo(new Dictionary<string, string> { ["at"] = path }), path);
            }
            // A stage's own tags, without what it inherits from its API (AWS leaves those out of GetTags).
            Assert.That((await Api.Get($"/restapis/{apiId}/stages/prod")).Json.GetProperty("tags").GetProperty("at").GetString(), Is.EqualTo(paths[0]));
            Assert.That((await Api.Get($"/apikeys/{keyId}")).Json.GetProperty("tags").GetProperty("at").GetString(), Is.EqualTo(paths[1]));
            Assert.That((await Api.Get($"/usageplans/{planId}")).Json.GetProperty("tags").GetProperty("at").GetString(), Is.EqualTo(paths[2]));
            // v1 and v2 see one domain, with one set of tags.
            Assert.That(await V2Tags("/domainnames/api.example.com"), Is.EqualTo(new Dictionary<string, string> { ["at"] = paths[3] }));
        });
    }

    [Test]
    public async Task V1_Errors_UnknownResources_BadArns_AndAwsLimits()
    {
        var apiId = await CreateRestApi();
        var tooMany = Enumerable.Range(0, 51).ToDictionary(i => $"k{i}", i => "v");
        var fifty = Enumerable.Range(0, 50).ToDictionary(i => $"k{i}", i => "v");

        Assert.Multiple(async () =>
        {
            AssertError(await Api.Get(TagsPath("/restapis/nope")), 404, "NotFoundException", "Invalid API identifier specified 123456789012:nope");
            AssertError(await Api.Put(TagsPath($"/restapis/{apiId}/stages/nope"), new { tags = new { a = "b" } }), 404, "NotFoundException", "Invalid Stage identifier specified");
            AssertError(await Api.Get(TagsPath("/apikeys/nope")), 404, "NotFoundException", "Invalid API Key identifier specified");
            AssertError(await Api.Get(TagsPath($"/restapis/{apiId}/resources/x")), 400, "BadRequestException", $"Invalid resource ARN specified: {Arn}/restapis/{apiId}/resources/x");
            AssertError(await Api.Get($"/tags/{Uri.EscapeDataString($"arn:aws:apigateway:eu-west-1::/restapis/{apiId}")}"), 400, "BadRequestException",
                $"Invalid resource ARN specified: arn:aws:apigateway:eu-west-1::/restapis/{apiId}");
            AssertError(await Api.Put(TagsPath($"/restapis/{apiId}"), new { tags = new Dictionary<string, string> { ["AWS:x"] = "v" } }), 400, "BadRequestException",
                "Invalid tag key. Tag keys cannot start with 'aws:' (case insensitive)");
            AssertError(await Api.Put(TagsPath($"/restapis/{apiId}"), new { tags = tooMany }), 400, "BadRequestException", "Too many tags: a resource can have at most 50 tags");
            AssertError(await Api.Put(TagsPath($"/restapis/{apiId}"), new { tags = new Dictionary<string, string> { [new string('k', 129)] = "v" } }), 400, "BadRequestException",
                "Invalid tag key: tag keys must be 1 to 128 characters long");
            AssertError(await Api.Put(TagsPath($"/restapis/{apiId}"), new { tags = new Dictionary<string, string> { ["k"] = new string('v', 257) } }), 400, "BadRequestException",
                "Invalid tag value: tag values must be at most 256 characters long");
            AssertError(await Api.Put(TagsPath($"/restapis/{apiId}"), new { }), 400, "ValidationException",
                "1 validation error detected: Value null at 'tagResourceInput.tags' failed to satisfy constraint: Member must not be null");
        });
        // The limit counts the tags the resource ends with: 50 fit, and giving a key again replaces its value.
        AssertStatus(await Api.Put(TagsPath($"/restapis/{apiId}"), new { tags = fifty }), 204);
        AssertStatus(await Api.Put(TagsPath($"/restapis/{apiId}"), new { tags = new { k0 = "again", k49 = new string('v', 256) } }), 204);
        AssertError(await Api.Put(TagsPath($"/restapis/{apiId}"), new { tags = new { k50 = "v" } }), 400, "BadRequestException", "Too many tags: a resource can have at most 50 tags");
        Assert.That((await V1Tags($"/restapis/{apiId}"))["k0"], Is.EqualTo("again"));
    }

    [Test]
    public async Task V2_Api_Stage_VpcLink_TagUntagGet()
    {
        var apiId = await CreateHttpApi(new { name = "http", protocolType = "HTTP", tags = new { team = "a" } });
        await CreateAutoDeployedStage(apiId, "dev");
        var linkId = (await Api.Post("/v2/vpclinks", new { name = "l", subnetIds = new[] { "subnet-1" } })).Id("vpcLinkId");

        var tagged = await Api.Post(TagsPath($"/apis/{apiId}", "/v2"), new { tags = new { env = "prod" } });
        AssertStatus(await Api.Post(TagsPath($"/apis/{apiId}/stages/dev", "/v2"), new { tags = new { stage = "dev" } }), 201);
        AssertStatus(await Api.Post(TagsPath($"/vpclinks/{linkId}", "/v2"), new { tags = new { link = "yes" } }), 201);
        AssertStatus(await Api.Delete(TagsPath($"/apis/{apiId}", "/v2") + "?tagKeys=team"), 204);

        Assert.Multiple(async () =>
        {
            AssertStatus(tagged, 201);
            Assert.That(await V2Tags($"/apis/{apiId}"), Is.EqualTo(new Dictionary<string, string> { ["env"] = "prod" }));
            Assert.That((await Api.Get($"/v2/apis/{apiId}")).Json.GetProperty("tags").GetProperty("env").GetString(), Is.EqualTo("prod"));
            Assert.That(await V2Tags($"/apis/{apiId}/stages/dev"), Is.EqualTo(new Dictionary<string, string> { ["stage"] = "dev" }));
            Assert.That(await V2Tags($"/vpclinks/{linkId}"), Is.EqualTo(new Dictionary<string, string> { ["link"] = "yes" }));
            var missing = await Api.Get(TagsPath("/apis/nope", "/v2"));
            AssertError(missing, 404, "NotFoundException", "Invalid API identifier specified nope");
            AssertError(await Api.Post(TagsPath($"/apis/{apiId}", "/v2"), new { tags = new Dictionary<string, string> { ["aws:x"] = "v" } }), 400, "BadRequestException",
                "Invalid tag key. Tag keys cannot start with 'aws:' (case insensitive)");
            // v2 tags only its own resources: a REST API's ARN is not one of them.
            AssertError(await Api.Get(TagsPath("/restapis/abc", "/v2")), 400, "BadRequestException", $"Invalid resource ARN specified: {Arn}/restapis/abc");
        });
    }

    [Test]
    public async Task Create_ChecksTheTagsAsTagResourceDoes()
    {
        var reserved = new Dictionary<string, string> { ["aws:cloudformation:stack-name"] = "s" };
        const string Message = "Invalid tag key. Tag keys cannot start with 'aws:' (case insensitive)";

        Assert.Multiple(async () =>
        {
            AssertError(await Api.Post("/restapis", new { name = "api", tags = reserved }), 400, "BadRequestException", Message);
            AssertError(await Api.Post("/domainnames", new { domainName = "api.example.com", certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/c", tags = reserved }),
                400, "BadRequestException", Message);
            AssertError(await Api.Post("/v2/apis", new { name = "http", protocolType = "HTTP", tags = reserved }), 400, "BadRequestException", Message);
            AssertError(await Api.Post("/apikeys", new { name = "k", tags = Enumerable.Range(0, 51).ToDictionary(i => $"k{i}", i => "v") }), 400, "BadRequestException",
                "Too many tags: a resource can have at most 50 tags");
            Assert.That((await Api.Get("/restapis")).Json.GetProperty("item").GetArrayLength(), Is.EqualTo(0), "a refused create makes nothing");
        });
    }

    [Test]
    public async Task Snapshot_KeepsTagsSetByTagResource()
    {
        var apiId = await CreateRestApi();
        AssertStatus(await Api.Put(TagsPath($"/restapis/{apiId}"), new { tags = new { team = "a" } }), 204);
        var snapshot = Aws.Snapshot();

        using var fresh = new FakeAwsCloud();
        fresh.Restore(snapshot);
        using var api = new ApiGatewayWire(fresh);

        var tags = await api.Get(TagsPath($"/restapis/{apiId}"));
        Assert.That(tags.Json.GetProperty("tags").GetProperty("team").GetString(), Is.EqualTo("a"));
    }
}
