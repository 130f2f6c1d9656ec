using System.Text.Json;

namespace FakeAws.Tests.ApiGateway;

/// <summary>REST API stage caches: answers kept for the method's TTL on the virtual clock, keyed by the cache key parameters, flushed on demand.</summary>
public class StageCacheTests : ApiGatewayTestBase
{
    private int _calls;

    /// <summary>GET and POST /items/{id} proxied to a function that counts its calls, deployed to prod with the stage cache on.</summary>
    private async Task<(string ApiId, string ResourceId)> CachedApi(string[]? cacheKeyParameters = null)
    {
        // NUnit keeps one instance of the fixture for all its tests.
        _calls = 0;
        AddFunction("count", (JsonElement input) => new { statusCode = 200, body = $"call {++_calls}" });
        var apiId = await CreateRestApi();
        var resourceId = await CreateResource(apiId, await CreateResource(apiId, await RootId(apiId), "items"), "{id}");
        foreach (var method in new[] { "GET", "POST" })
        {
            await PutMethod(apiId, resourceId, method, new { authorizationType = "NONE", requestParameters = new Dictionary<string, bool> { ["method.request.path.id"] = true } });
            AssertStatus(await Api.Put($"/restapis/{apiId}/resources/{resourceId}/methods/{method}/integration", new
            {
                type = "AWS_PROXY",
                httpMethod = "POST",
                uri = InvokeUri("count"),
                cacheKeyParameters,
            }), 201);
        }
        var deployed = await Api.Post($"/restapis/{apiId}/deployments", new { stageName = "prod", cacheClusterEnabled = true });
        AssertStatus(deployed, 201);
        var updated = await Api.PatchOperations($"/restapis/{apiId}/stages/prod",
            new { op = "replace", path = "/*/*/caching/enabled", value = "true" },
            new { op = "replace", path = "/*/*/caching/ttlInSeconds", value = "60" });
        AssertStatus(updated, 200);
        return (apiId, resourceId);
    }

    [Test]
    public async Task GetAnswers_AreCachedForTheTtl_OnTheClock_AndFlushed()
    {
        var (apiId, _) = await CachedApi();
        using var http = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        var stage = (await Api.Get($"/restapis/{apiId}/stages/prod")).Json;
        var first = await http.GetStringAsync("items/1");
        var again = await http.GetStringAsync("items/1");
        var otherId = await http.GetStringAsync("items/2");
        var post = await (await http.PostAsync("items/1", null)).Content.ReadAsStringAsync();
        Aws.Clock.Advance(TimeSpan.FromSeconds(61));
        var expired = await http.GetStringAsync("items/1");
        AssertStatus(await Api.Delete($"/restapis/{apiId}/stages/prod/cache/data"), 202);
        var flushed = await http.GetStringAsync("items/1");
        var unknownStage = await Api.Delete($"/restapis/{apiId}/stages/nope/cache/data");

        Assert.Multiple(() =>
        {
            Assert.That(stage.GetProperty("cacheClusterEnabled").GetBoolean(), Is.True);
            Assert.That(stage.GetProperty("cacheClusterStatus").GetString(), Is.EqualTo("AVAILABLE"));
            Assert.That(stage.GetProperty("cacheClusterSize").GetString(), Is.EqualTo("0.5"));
            Assert.That(first, Is.EqualTo("call 1"));
            Assert.That(again, Is.EqualTo("call 1"), "served from the cache");
            Assert.That(otherId, Is.EqualTo("call 1"), "a path parameter is not part of the key unless it is a cache key parameter");
            Assert.That(post, Is.EqualTo("call 2"), "*/* caches GET only");
            Assert.That(expired, Is.EqualTo("call 3"));
            Assert.That(flushed, Is.EqualTo("call 4"));
            AssertError(unknownStage, 404, "NotFoundException", "Invalid Stage identifier specified");
        });
    }

    [Test]
    public async Task CacheKeyParameters_SeparateTheEntries_AndTurningTheCacheOffEmptiesIt()
    {
        var (apiId, _) = await CachedApi(["method.request.path.id", "method.request.querystring.color"]);
        using var http = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        var one = await http.GetStringAsync("items/1?color=red");
        var two = await http.GetStringAsync("items/2?color=red");
        var blue = await http.GetStringAsync("items/1?color=blue");
        var oneAgain = await http.GetStringAsync("items/1?color=red&size=9");
        var off = await Api.PatchOperations($"/restapis/{apiId}/stages/prod", new { op = "replace", path = "/cacheClusterEnabled", value = "false" });
        var uncached = await http.GetStringAsync("items/1?color=red");

        Assert.Multiple(() =>
        {
            Assert.That(new[] { one, two, blue }, Is.EqualTo(new[] { "call 1", "call 2", "call 3" }));
            Assert.That(oneAgain, Is.EqualTo("call 1"), "parameters outside the key do not matter");
            Assert.That(off.Json.GetProperty("cacheClusterStatus").GetString(), Is.EqualTo("NOT_AVAILABLE"));
            Assert.That(uncached, Is.EqualTo("call 4"));
        });
    }
}
