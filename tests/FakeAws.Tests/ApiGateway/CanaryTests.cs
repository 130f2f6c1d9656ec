using System.Text.Json;

namespace FakeAws.Tests.ApiGateway;

/// <summary>Canary releases of REST API stages: created by deployment, stage or update, and the traffic split on the seeded random.</summary>
public class CanaryTests : ApiGatewayTestBase
{
    /// <summary>A MOCK GET / whose answer names <paramref name="message"/>, the stage variables and whether the request went to the canary.</summary>
    private async Task<(string ApiId, string RootId)> MockApi(string message)
    {
        var (apiId, rootId) = await MockRootApi();
        await Answer(apiId, rootId, message);
        return (apiId, rootId);
    }

    private async Task Answer(string apiId, string rootId, string message) =>
        await PutResponses(apiId, rootId, "GET", 200, templates: new Dictionary<string, string>
        {
            ["application/json"] = $$"""{"message": "{{message}}", "variable": "$stageVariables.testVar", "extra": "$stageVariables.noStageVar", "isCanary": "$context.isCanaryRequest"}""",
        });

    private async Task<string> DeploymentId(string apiId, object body)
    {
        var reply = await Api.Post($"/restapis/{apiId}/deployments", body);
        AssertStatus(reply, 201);
        return reply.Id();
    }

    [Test]
    public async Task CanaryDeployment_TakesItsShare_WithOverrides()
    {
        var (apiId, rootId) = await MockApi("default");
        var stable = await DeploymentId(apiId, new { stageName = "dev", variables = new { testVar = "default" } });
        await Answer(apiId, rootId, "canary");
        var canaryId = await DeploymentId(apiId, new
        {
            stageName = "dev",
            canarySettings = new { percentTraffic = 0, stageVariableOverrides = new { testVar = "canary", noStageVar = "canary" } },
        });
        using var http = Aws.ApiGateway.CreateHttpClient(apiId, "dev");

        var stage = (await Api.Get($"/restapis/{apiId}/stages/dev")).Json;
        var none = await Body(await http.GetAsync(""));
        AssertStatus(await Api.PatchOperations($"/restapis/{apiId}/stages/dev", new { op = "replace", path = "/canarySettings/percentTraffic", value = "100.0" }), 200);
        var all = await Body(await http.GetAsync(""));

        var canary = stage.GetProperty("canarySettings");
        Assert.Multiple(() =>
        {
            Assert.That(stage.GetProperty("deploymentId").GetString(), Is.EqualTo(stable), "the stage keeps serving its own deployment");
            Assert.That(canary.GetProperty("deploymentId").GetString(), Is.EqualTo(canaryId));
            Assert.That(canary.GetProperty("percentTraffic").GetDouble(), Is.EqualTo(0));
            Assert.That(canary.GetProperty("useStageCache").GetBoolean(), Is.False);
            Assert.That(canary.GetProperty("stageVariableOverrides").GetProperty("testVar").GetString(), Is.EqualTo("canary"));
            Assert.That(none, Is.EqualTo(("default", "default", "", "false")));
            Assert.That(all, Is.EqualTo(("canary", "canary", "canary", "true")));
        });
    }

    [Test]
    public async Task HalfTheTraffic_IsSplitTheSameWayOnEveryRun()
    {
        async Task<List<string>> Run()
        {
            using var aws = new FakeAwsCloud();
            using var api = new ApiGatewayWire(aws);
            var apiId = (await api.Post("/restapis", new { name = "api" })).Id();
            var rootId = (await api.Get($"/restapis/{apiId}")).Id("rootResourceId");
            await api.Put($"/restapis/{apiId}/resources/{rootId}/methods/GET", new { authorizationType = "NONE" });
            await api.Put($"/restapis/{apiId}/resources/{rootId}/methods/GET/integration", new
            {
                type = "MOCK",
                requestTemplates = new Dictionary<string, string> { ["application/json"] = """{"statusCode": 200}""" },
            });
            await api.Put($"/restapis/{apiId}/resources/{rootId}/methods/GET/responses/200", new { });
            await api.Put($"/restapis/{apiId}/resources/{rootId}/methods/GET/integration/responses/200", new
            {
                responseTemplates = new Dictionary<string, string> { ["application/json"] = "$context.isCanaryRequest" },
            });
            await api.Post($"/restapis/{apiId}/deployments", new { stageName = "prod" });
            await api.Post($"/restapis/{apiId}/deployments", new { stageName = "prod", canarySettings = new { percentTraffic = 50.0 } });
            using var http = aws.ApiGateway.CreateHttpClient(apiId, "prod");
            var answers = new List<string>();
            for (var i = 0; i < 200; i++)
            {
                answers.Add(await http.GetStringAsync(""));
            }
            return answers;
        }

        var first = await Run();
        var second = await Run();

        var toCanary = first.Count(a => a == "true");
        Assert.Multiple(() =>
        {
            Assert.That(toCanary, Is.InRange(70, 130), "about half the requests go to the canary");
            Assert.That(second, Is.EqualTo(first), "the split repeats on every run");
        });
    }

    [Test]
    public async Task CreateStageAndUpdateStage_ManageTheCanary()
    {
        var (apiId, _) = await MockApi("default");
        var first = await DeploymentId(apiId, new { });
        var second = await DeploymentId(apiId, new { });

        var created = await Api.Post($"/restapis/{apiId}/stages", new
        {
            stageName = "dev",
            deploymentId = first,
            canarySettings = new { deploymentId = second, percentTraffic = 50, stageVariableOverrides = new { testVar = "canary" } },
        });
        var overridden = await Api.PatchOperations($"/restapis/{apiId}/stages/dev",
            new { op = "replace", path = "/canarySettings/stageVariableOverrides/testVar", value = "updated" });
        var removed = await Api.PatchOperations($"/restapis/{apiId}/stages/dev", new { op = "remove", path = "/canarySettings" });
        var restarted = await Api.PatchOperations($"/restapis/{apiId}/stages/dev", new { op = "replace", path = "/canarySettings/percentTraffic", value = "50" });
        var badCanaryDeployment = await Api.Post($"/restapis/{apiId}/stages", new { stageName = "dev3", deploymentId = first, canarySettings = new { deploymentId = "deploy" } });
        var busy = await Api.Delete($"/restapis/{apiId}/deployments/{first}");

        AssertStatus(created, 201);
        Assert.Multiple(() =>
        {
            Assert.That(created.Json.GetProperty("canarySettings").GetProperty("deploymentId").GetString(), Is.EqualTo(second));
            Assert.That(created.Json.GetProperty("canarySettings").GetProperty("percentTraffic").GetDouble(), Is.EqualTo(50));
            Assert.That(overridden.Json.GetProperty("canarySettings").GetProperty("stageVariableOverrides").GetProperty("testVar").GetString(), Is.EqualTo("updated"));
            Assert.That(removed.Json.TryGetProperty("canarySettings", out _), Is.False);
            Assert.That(restarted.Json.GetProperty("canarySettings").GetProperty("deploymentId").GetString(), Is.EqualTo(first),
                "a canary started by an update serves the stage's own deployment");
            Assert.That(restarted.Json.GetProperty("canarySettings").GetProperty("percentTraffic").GetDouble(), Is.EqualTo(50));
            AssertError(badCanaryDeployment, 400, "BadRequestException", "Deployment id does not exist");
            AssertError(busy, 400, "BadRequestException", "Active stages pointing to this deployment must be moved or deleted");
        });
    }

    [Test]
    public async Task CanaryErrors_AsAwsAnswersThem()
    {
        var (apiId, _) = await MockApi("default");
        await DeploymentId(apiId, new { stageName = "dev" });
        var canary = new { percentTraffic = 50, stageVariableOverrides = new { testVar = "canary" } };

        var noStage = await Api.Post($"/restapis/{apiId}/deployments", new { canarySettings = canary });
        var missingStage = await Api.Post($"/restapis/{apiId}/deployments", new { stageName = "non-existing", canarySettings = canary });
        AssertStatus(await Api.Post($"/restapis/{apiId}/deployments", new { stageName = "dev", canarySettings = canary }), 201);
        var removeOverrides = await Api.PatchOperations($"/restapis/{apiId}/stages/dev", new { op = "remove", path = "/canarySettings/stageVariableOverrides" });
        var removeBadPath = await Api.PatchOperations($"/restapis/{apiId}/stages/dev", new { op = "remove", path = "/canarySettings/badPath" });
        var replaceBadPath = await Api.PatchOperations($"/restapis/{apiId}/stages/dev", new { op = "replace", path = "/canarySettings/badPath", value = "badPath" });
        var add = await Api.PatchOperations($"/restapis/{apiId}/stages/dev", new { op = "add", path = "/canarySettings/deploymentId", value = "x" });

        Assert.Multiple(() =>
        {
            AssertError(noStage, 400, "BadRequestException",
                "Invalid deployment content specified.Non null and non empty stageName must be provided for canary deployment. Provided value is null");
            AssertError(missingStage, 400, "BadRequestException",
                "Invalid deployment content specified.Stage non-existing must already be created before making a canary release deployment");
            AssertError(removeOverrides, 400, "BadRequestException",
                "Cannot remove method setting canarySettings/stageVariableOverrides because there is no method setting for this method ");
            AssertError(removeBadPath, 400, "BadRequestException", "Cannot remove method setting canarySettings/badPath because there is no method setting for this method ");
            Assert.That(replaceBadPath.Message, Does.StartWith("Invalid method setting path: /canarySettings/badPath. Must be one of: [/deploymentId, /description,"));
            AssertError(add, 400, "BadRequestException", "Invalid add operation with path: /canarySettings/deploymentId");
        });
    }

    private static async Task<(string?, string?, string?, string?)> Body(HttpResponseMessage response)
    {
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (json.GetProperty("message").GetString(), json.GetProperty("variable").GetString(), json.GetProperty("extra").GetString(), json.GetProperty("isCanary").GetString());
    }
}
