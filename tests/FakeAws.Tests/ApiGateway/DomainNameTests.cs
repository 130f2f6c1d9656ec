using System.Text.Json;

namespace FakeAws.Tests.ApiGateway;

/// <summary>Custom domain names and base path (API) mappings: managed through v1 and v2, and called through the domain.</summary>
public class DomainNameTests : HttpApiTestBase
{
    private const string Certificate = "arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-1111-2222-3333-444455556666";

    private async Task CreateRegionalDomain(string name = "api.example.com")
    {
        var reply = await Api.Post("/domainnames", new { domainName = name, regionalCertificateArn = Certificate, endpointConfiguration = new { types = new[] { "REGIONAL" } } });
        AssertStatus(reply, 201);
    }

    private async Task<ApiReply> CreateBasePathMapping(string restApiId, string? basePath = null, string? stage = null, string domain = "api.example.com") =>
        await Api.Post($"/domainnames/{domain}/basepathmappings", new { restApiId, basePath, stage });

    [Test]
    public async Task CreateDomainName_RegionalAndEdge_AnswerTheirDnsTargets()
    {
        var regional = await Api.Post("/domainnames", new { domainName = "api.example.com", regionalCertificateArn = Certificate, endpointConfiguration = new { types = new[] { "REGIONAL" } } });
        var edge = await Api.Post("/domainnames", new { domainName = "edge.example.com", certificateArn = Certificate, tags = new { team = "a" } });
        var duplicate = await Api.Post("/domainnames", new { domainName = "api.example.com", regionalCertificateArn = Certificate });
        var list = await Api.Get("/domainnames");

        AssertStatus(regional, 201);
        AssertStatus(edge, 201);
        var r = regional.Json;
        var e = edge.Json;
        Assert.Multiple(() =>
        {
            Assert.That(r.GetProperty("domainName").GetString(), Is.EqualTo("api.example.com"));
            Assert.That(r.GetProperty("regionalDomainName").GetString(), Does.Match(@"^d-[a-z0-9]{10}\.execute-api\.us-east-1\.amazonaws\.com$"));
            Assert.That(r.GetProperty("regionalHostedZoneId").GetString(), Is.EqualTo("Z1UJRXOUMOOFQ8"));
            Assert.That(r.GetProperty("regionalCertificateArn").GetString(), Is.EqualTo(Certificate));
            Assert.That(r.GetProperty("domainNameStatus").GetString(), Is.EqualTo("AVAILABLE"));
            Assert.That(r.GetProperty("endpointConfiguration").GetProperty("types")[0].GetString(), Is.EqualTo("REGIONAL"));
            Assert.That(r.GetProperty("domainNameArn").GetString(), Is.EqualTo("arn:aws:apigateway:us-east-1::/domainnames/api.example.com"));
            Assert.That(r.TryGetProperty("distributionDomainName", out _), Is.False);
            Assert.That(e.GetProperty("distributionDomainName").GetString(), Does.Match(@"^d[a-z0-9]{13}\.cloudfront\.net$"));
            Assert.That(e.GetProperty("distributionHostedZoneId").GetString(), Is.EqualTo("Z2FDTNDATAQYW2"));
            Assert.That(e.GetProperty("endpointConfiguration").GetProperty("types")[0].GetString(), Is.EqualTo("EDGE"));
            Assert.That(e.GetProperty("certificateUploadDate").GetDouble(), Is.EqualTo(Start.ToUnixTimeSeconds()));
            Assert.That(e.GetProperty("tags").GetProperty("team").GetString(), Is.EqualTo("a"));
            AssertError(duplicate, 409, "ConflictException", "The domain name you provided already exists.");
            Assert.That(list.Json.GetProperty("item").EnumerateArray().Select(d => d.GetProperty("domainName").GetString()),
                Is.EqualTo(new[] { "api.example.com", "edge.example.com" }));
        });
    }

    [Test]
    public async Task UpdateAndDeleteDomainName()
    {
        await CreateRegionalDomain();

        var updated = await Api.PatchOperations("/domainnames/api.example.com",
            new { op = "replace", path = "/securityPolicy", value = "TLS_1_0" },
            new { op = "replace", path = "/regionalCertificateArn", value = Certificate + "-2" });
        var badPath = await Api.PatchOperations("/domainnames/api.example.com", new { op = "replace", path = "/domainName", value = "x" });
        AssertStatus(await Api.Delete("/domainnames/api.example.com"), 202);
        var gone = await Api.Get("/domainnames/api.example.com");
        var goneDelete = await Api.Delete("/domainnames/api.example.com");

        Assert.Multiple(() =>
        {
            Assert.That(updated.Json.GetProperty("securityPolicy").GetString(), Is.EqualTo("TLS_1_0"));
            Assert.That(updated.Json.GetProperty("regionalCertificateArn").GetString(), Is.EqualTo(Certificate + "-2"));
            Assert.That((int)badPath.Status, Is.EqualTo(400));
            Assert.That(badPath.ErrorType, Is.EqualTo("BadRequestException"));
            AssertError(gone, 404, "NotFoundException", "Invalid domain name identifier specified");
            AssertError(goneDelete, 404, "NotFoundException", "Invalid domain name identifier specified");
        });
    }

    [Test]
    public async Task BasePathMappings_CreateGetListUpdateDelete_WithAwsErrors()
    {
        await CreateRegionalDomain();
        AddEchoFunction();
        var (apiId, _) = await LambdaProxyApi("echo");

        var root = await CreateBasePathMapping(apiId);
        var v1 = await CreateBasePathMapping(apiId, "v1", "prod");
        var duplicate = await CreateBasePathMapping(apiId, "v1");
        var slash = await CreateBasePathMapping(apiId, "a/b");
        var unknownApi = await CreateBasePathMapping("nosuchapi1", "x");
        var unknownStage = await CreateBasePathMapping(apiId, "x", "nosuchstage");
        var unknownDomain = await CreateBasePathMapping(apiId, "x", domain: "other.example.com");
        var getRoot = await Api.Get("/domainnames/api.example.com/basepathmappings/(none)");
        var updated = await Api.PatchOperations("/domainnames/api.example.com/basepathmappings/v1", new { op = "replace", path = "/basePath", value = "v2" });
        var list = await Api.Get("/domainnames/api.example.com/basepathmappings");
        AssertStatus(await Api.Delete("/domainnames/api.example.com/basepathmappings/v2"), 202);
        var gone = await Api.Get("/domainnames/api.example.com/basepathmappings/v2");

        AssertStatus(root, 201);
        AssertStatus(v1, 201);
        Assert.Multiple(() =>
        {
            Assert.That(root.Json.GetProperty("basePath").GetString(), Is.EqualTo("(none)"));
            Assert.That(root.Json.TryGetProperty("stage", out _), Is.False);
            Assert.That(v1.Json.GetProperty("stage").GetString(), Is.EqualTo("prod"));
            Assert.That(v1.Json.GetProperty("restApiId").GetString(), Is.EqualTo(apiId));
            AssertError(duplicate, 409, "ConflictException", "Base path already exists for this domain name");
            AssertError(slash, 400, "BadRequestException",
                "API Gateway V1 doesn't support the slash character (/) in base path mappings. To create a multi-level base path mapping, use API Gateway V2.");
            AssertError(unknownApi, 400, "BadRequestException", "Invalid REST API identifier specified");
            AssertError(unknownStage, 400, "BadRequestException", "Invalid stage identifier specified");
            AssertError(unknownDomain, 404, "NotFoundException", "Invalid domain name identifier specified");
            Assert.That(getRoot.Json.GetProperty("restApiId").GetString(), Is.EqualTo(apiId));
            Assert.That(updated.Json.GetProperty("basePath").GetString(), Is.EqualTo("v2"));
            Assert.That(list.Json.GetProperty("item").EnumerateArray().Select(m => m.GetProperty("basePath").GetString()), Is.EqualTo(new[] { "(none)", "v2" }));
            AssertError(gone, 404, "NotFoundException", "Invalid base path mapping identifier specified");
        });
    }

    [Test]
    public async Task V2_SeesV1Domains_AndMapsMultiLevelKeys()
    {
        await CreateRegionalDomain();
        AddEchoFunction();
        var (restApiId, _) = await LambdaProxyApi("echo");
        AssertStatus(await CreateBasePathMapping(restApiId, "v1", "prod"), 201);

        var domain = await Api.Get("/v2/domainnames/api.example.com");
        var created = await Api.Post("/v2/domainnames", new
        {
            domainName = "http.example.com",
            domainNameConfigurations = new[] { new { certificateArn = Certificate, endpointType = "REGIONAL" } },
        });
        var mapping = await Api.Post("/v2/domainnames/http.example.com/apimappings", new { apiId = restApiId, stage = "prod", apiMappingKey = "shop/orders" });
        var leadingSlash = await Api.Post("/v2/domainnames/http.example.com/apimappings", new { apiId = restApiId, stage = "prod", apiMappingKey = "/x" });
        var trailingSlash = await Api.Post("/v2/domainnames/http.example.com/apimappings", new { apiId = restApiId, stage = "prod", apiMappingKey = "x/" });
        var v1Mappings = await Api.Get("/v2/domainnames/api.example.com/apimappings");
        var mappingId = mapping.Json.GetProperty("apiMappingId").GetString();
        var updated = await Api.Patch($"/v2/domainnames/http.example.com/apimappings/{mappingId}", new { apiId = restApiId, apiMappingKey = "shop" });
        var seenByV1 = await Api.Get("/domainnames/http.example.com/basepathmappings/shop");
        AssertStatus(await Api.Delete($"/v2/domainnames/http.example.com/apimappings/{mappingId}"), 204);
        var gone = await Api.Get($"/v2/domainnames/http.example.com/apimappings/{mappingId}");
        var missingDomain = await Api.Get("/v2/domainnames/nosuch.example.com");

        AssertStatus(created, 201);
        AssertStatus(mapping, 201);
        var configuration = domain.Json.GetProperty("domainNameConfigurations")[0];
        Assert.Multiple(() =>
        {
            Assert.That(domain.Json.GetProperty("apiMappingSelectionExpression").GetString(), Is.EqualTo("$request.basepath"));
            Assert.That(configuration.GetProperty("endpointType").GetString(), Is.EqualTo("REGIONAL"));
            Assert.That(configuration.GetProperty("apiGatewayDomainName").GetString(), Does.Match(@"^d-[a-z0-9]{10}\.execute-api\.us-east-1\.amazonaws\.com$"));
            Assert.That(configuration.GetProperty("certificateArn").GetString(), Is.EqualTo(Certificate));
            Assert.That(configuration.GetProperty("hostedZoneId").GetString(), Is.EqualTo("Z1UJRXOUMOOFQ8"));
            Assert.That(configuration.GetProperty("domainNameStatus").GetString(), Is.EqualTo("AVAILABLE"));
            Assert.That(mapping.Json.GetProperty("apiMappingKey").GetString(), Is.EqualTo("shop/orders"));
            AssertError(leadingSlash, 400, "BadRequestException", "API mapping key should not start with a '/' or have consecutive '/'s.");
            AssertError(trailingSlash, 400, "BadRequestException", "API mapping key should not end with a '/'.");
            Assert.That(v1Mappings.Json.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("apiMappingKey").GetString()), Is.EqualTo(new[] { "v1" }));
            Assert.That(updated.Json.GetProperty("apiMappingKey").GetString(), Is.EqualTo("shop"));
            Assert.That(seenByV1.Json.GetProperty("stage").GetString(), Is.EqualTo("prod"));
            AssertError(gone, 404, "NotFoundException", "The api mapping resource specified in the request was not found.");
            AssertError(missingDomain, 404, "NotFoundException", "The domain name resource specified in the request was not found.");
        });
    }

    [Test]
    public async Task RestApi_ThroughABasePath_GetsTheDomainsPathAndContext()
    {
        await CreateRegionalDomain();
        AddEchoFunction();
        var (apiId, _) = await LambdaProxyApi("echo");
        AssertStatus(await CreateBasePathMapping(apiId, "v1", "prod"), 201);
        using var http = Aws.ApiGateway.CreateDomainHttpClient("api.example.com");

        var e = await EchoedEvent(await http.GetAsync("v1/items/42?color=red"));
        var unmapped = await http.GetAsync("v2/items/42");

        var context = e.GetProperty("requestContext");
        Assert.Multiple(() =>
        {
            Assert.That(e.GetProperty("resource").GetString(), Is.EqualTo("/items/{id}"));
            Assert.That(e.GetProperty("path").GetString(), Is.EqualTo("/v1/items/42"), "AWS hands over the base path in a custom domain's event path");
            Assert.That(e.GetProperty("pathParameters").GetProperty("id").GetString(), Is.EqualTo("42"));
            Assert.That(context.GetProperty("path").GetString(), Is.EqualTo("/v1/items/42"));
            Assert.That(context.GetProperty("stage").GetString(), Is.EqualTo("prod"));
            Assert.That(context.GetProperty("domainName").GetString(), Is.EqualTo("api.example.com"));
            Assert.That(context.GetProperty("domainPrefix").GetString(), Is.EqualTo("api"));
            Assert.That(e.GetProperty("headers").GetProperty("Host").GetString(), Is.EqualTo("api.example.com"));
        });
        await AssertGatewayError(unmapped, 403, """{"message":"Forbidden"}""", "ForbiddenException");
    }

    [Test]
    public async Task RestApi_RootMappingWithoutStage_TakesTheStageFromThePath_EvenWithTheDefaultEndpointDisabled()
    {
        await CreateRegionalDomain();
        AddEchoFunction();
        var (apiId, _) = await LambdaProxyApi("echo");
        AssertStatus(await Api.PatchOperations($"/restapis/{apiId}", new { op = "replace", path = "/disableExecuteApiEndpoint", value = "true" }), 200);
        AssertStatus(await Api.Post($"/restapis/{apiId}/deployments", new { stageName = "prod" }), 201);
        AssertStatus(await CreateBasePathMapping(apiId), 201);
        using var http = Aws.ApiGateway.CreateDomainHttpClient("api.example.com");
        using var own = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        var e = await EchoedEvent(await http.GetAsync("prod/items/7"));
        var ownEndpoint = await own.GetAsync("items/7");

        Assert.Multiple(() =>
        {
            Assert.That(e.GetProperty("path").GetString(), Is.EqualTo("/prod/items/7"));
            Assert.That(e.GetProperty("requestContext").GetProperty("stage").GetString(), Is.EqualTo("prod"));
        });
        await AssertGatewayError(ownEndpoint, 403, """{"message":"Forbidden"}""", "ForbiddenException");
    }

    [Test]
    public async Task HttpApi_ThroughAMultiLevelKey_OnTheCloudsRouter()
    {
        AddEchoFunction();
        var apiId = await HttpProxyApi("echo");
        AssertStatus(await Api.Post("/v2/domainnames", new
        {
            domainName = "shop.example.com",
            domainNameConfigurations = new[] { new { certificateArn = Certificate } },
        }), 201);
        AssertStatus(await Api.Post("/v2/domainnames/shop.example.com/apimappings", new { apiId, stage = "$default", apiMappingKey = "store/v2" }), 201);
        // Any HTTP client of the cloud reaches the domain by its host name.
        using var http = new HttpClient(Aws.CreateHttpMessageHandler());

        var e = await EchoedEvent(await http.GetAsync("https://shop.example.com/store/v2/items/9"));
        var unmapped = await http.GetAsync("https://shop.example.com/store/items/9");

        var context = e.GetProperty("requestContext");
        Assert.Multiple(() =>
        {
            Assert.That(e.GetProperty("routeKey").GetString(), Is.EqualTo("ANY /items/{id}"));
            Assert.That(e.GetProperty("rawPath").GetString(), Is.EqualTo("/store/v2/items/9"));
            Assert.That(e.GetProperty("pathParameters").GetProperty("id").GetString(), Is.EqualTo("9"));
            Assert.That(context.GetProperty("domainName").GetString(), Is.EqualTo("shop.example.com"));
            Assert.That(context.GetProperty("domainPrefix").GetString(), Is.EqualTo("shop"));
            Assert.That(context.GetProperty("http").GetProperty("path").GetString(), Is.EqualTo("/store/v2/items/9"));
            Assert.That((int)unmapped.StatusCode, Is.EqualTo(403));
        });
    }

    [Test]
    public async Task WildcardDomain_CoversItsSubdomains()
    {
        await CreateRegionalDomain("*.example.com");
        AddEchoFunction();
        var (apiId, _) = await LambdaProxyApi("echo");
        AssertStatus(await CreateBasePathMapping(apiId, stage: "prod", domain: "*.example.com"), 201);
        using var http = new HttpClient(Aws.CreateHttpMessageHandler());

        var e = await EchoedEvent(await http.GetAsync("https://tenant1.example.com/items/3"));

        Assert.That(e.GetProperty("requestContext").GetProperty("domainName").GetString(), Is.EqualTo("tenant1.example.com"));
    }

    [Test]
    public async Task Snapshot_KeepsDomainsAndMappings()
    {
        await CreateRegionalDomain();
        AddEchoFunction();
        var (apiId, _) = await LambdaProxyApi("echo");
        AssertStatus(await CreateBasePathMapping(apiId, "v1", "prod"), 201);
        var snapshot = Aws.Snapshot();

        using var fresh = new FakeAwsCloud();
        fresh.Restore(snapshot);
        using var api = new ApiGatewayWire(fresh);
        var mappings = await api.Get("/domainnames/api.example.com/basepathmappings");

        Assert.That(mappings.Json.GetProperty("item").EnumerateArray().Select(m => (m.GetProperty("basePath").GetString(), m.GetProperty("restApiId").GetString())),
            Is.EqualTo(new[] { ("v1", apiId) }));
    }

    [Test]
    public void CreateDomainHttpClient_ForAnUnknownDomain_Throws()
    {
        Assert.Throws<ArgumentException>(() => Aws.ApiGateway.CreateDomainHttpClient("nosuch.example.com"));
    }
}
