namespace FakeAws.Tests.ApiGateway;

/// <summary>VPC links of REST APIs (v1, to a network load balancer) and HTTP APIs (v2, into subnets) through the management API.</summary>
public class VpcLinkTests : ApiGatewayTestBase
{
    private const string NlbArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/backend/50dc6c495c0c9188";

    [Test]
    public async Task V1_CreateGetUpdateListDelete_AndNotFound()
    {
        var created = await Api.Post("/vpclinks", new { name = "link", description = "to the NLB", targetArns = new[] { NlbArn }, tags = new Dictionary<string, string> { ["team"] = "a" } });
        AssertStatus(created, 202);
        var id = created.Id();

        var updated = await Api.PatchOperations($"/vpclinks/{id}", new { op = "replace", path = "/name", value = "renamed" }, new { op = "replace", path = "/description", value = "two" });
        var badPatch = await Api.PatchOperations($"/vpclinks/{id}", new { op = "replace", path = "/targetArns", value = "x" });
        var got = await Api.Get($"/vpclinks/{id}");
        var list = await Api.Get("/vpclinks");
        AssertStatus(await Api.Delete($"/vpclinks/{id}"), 202);
        var gone = await Api.Get($"/vpclinks/{id}");

        Assert.Multiple(() =>
        {
            var json = created.Json;
            Assert.That(json.GetProperty("name").GetString(), Is.EqualTo("link"));
            Assert.That(json.GetProperty("description").GetString(), Is.EqualTo("to the NLB"));
            Assert.That(json.GetProperty("targetArns").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[] { NlbArn }));
            Assert.That(json.GetProperty("status").GetString(), Is.EqualTo("AVAILABLE"));
            Assert.That(json.GetProperty("statusMessage").GetString(), Is.Not.Empty);
            Assert.That(json.GetProperty("tags").GetProperty("team").GetString(), Is.EqualTo("a"));
            Assert.That((updated.Json.GetProperty("name").GetString(), updated.Json.GetProperty("description").GetString()), Is.EqualTo(("renamed", "two")));
            AssertError(badPatch, 400, "BadRequestException", "Invalid patch path  '/targetArns' specified for op 'replace'. Must be one of: [/name, /description]");
            Assert.That(got.Json.GetProperty("name").GetString(), Is.EqualTo("renamed"));
            Assert.That(list.Json.GetProperty("item").EnumerateArray().Select(l => l.GetProperty("id").GetString()), Is.EqualTo(new[] { id }));
            AssertError(gone, 404, "NotFoundException", "Invalid Vpc Link identifier specified");
        });
    }

    [Test]
    public async Task V1_Create_NeedsExactlyOneTargetAndAName()
    {
        var two = await Api.Post("/vpclinks", new { name = "link", targetArns = new[] { NlbArn, NlbArn } });
        var noName = await Api.Post("/vpclinks", new { targetArns = new[] { NlbArn } });

        Assert.Multiple(() =>
        {
            AssertError(two, 400, "BadRequestException", "A VPC link must target exactly one network load balancer ARN.");
            AssertError(noName, 400, "ValidationException",
                "1 validation error detected: Value null at 'createVpcLinkInput.name' failed to satisfy constraint: Member must not be null");
        });
    }

    [Test]
    public async Task V1_PutIntegration_KeepsTheConnection()
    {
        var link = (await Api.Post("/vpclinks", new { name = "link", targetArns = new[] { NlbArn } })).Id();
        var apiId = await CreateRestApi();
        var root = await RootId(apiId);
        await PutMethod(apiId, root, "GET");

        var put = await Api.Put($"/restapis/{apiId}/resources/{root}/methods/GET/integration",
            new { type = "HTTP_PROXY", httpMethod = "GET", uri = "http://backend.internal/", connectionType = "VPC_LINK", connectionId = link });
        var got = await Api.Get($"/restapis/{apiId}/resources/{root}/methods/GET/integration");

        Assert.Multiple(() =>
        {
            AssertStatus(put, 201);
            Assert.That(got.Json.GetProperty("connectionType").GetString(), Is.EqualTo("VPC_LINK"));
            Assert.That(got.Json.GetProperty("connectionId").GetString(), Is.EqualTo(link));
        });
    }

    [Test]
    public async Task V2_CreateGetUpdateListDelete_AndNotFound()
    {
        var created = await Api.Post("/v2/vpclinks", new { name = "link", subnetIds = new[] { "subnet-1", "subnet-2" }, securityGroupIds = new[] { "sg-1" }, tags = new Dictionary<string, string> { ["team"] = "a" } });
        AssertStatus(created, 201);
        var id = created.Id("vpcLinkId");

        var updated = await Api.Patch($"/v2/vpclinks/{id}", new { name = "renamed" });
        var list = await Api.Get("/v2/vpclinks");
        var v1View = await Api.Get($"/vpclinks/{id}");
        AssertStatus(await Api.Delete($"/v2/vpclinks/{id}"), 202);
        var gone = await Api.Get($"/v2/vpclinks/{id}");

        Assert.Multiple(() =>
        {
            var json = created.Json;
            Assert.That(json.GetProperty("name").GetString(), Is.EqualTo("link"));
            Assert.That(json.GetProperty("subnetIds").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { "subnet-1", "subnet-2" }));
            Assert.That(json.GetProperty("securityGroupIds").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { "sg-1" }));
            Assert.That(json.GetProperty("tags").GetProperty("team").GetString(), Is.EqualTo("a"));
            Assert.That(json.GetProperty("vpcLinkStatus").GetString(), Is.EqualTo("AVAILABLE"));
            Assert.That(json.GetProperty("vpcLinkStatusMessage").GetString(), Is.EqualTo("VPC link is ready to route traffic"));
            Assert.That(json.GetProperty("vpcLinkVersion").GetString(), Is.EqualTo("V2"));
            Assert.That(json.GetProperty("createdDate").GetString(), Is.EqualTo("2030-06-01T12:00:00Z"));
            Assert.That(updated.Json.GetProperty("name").GetString(), Is.EqualTo("renamed"));
            Assert.That(list.Json.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("vpcLinkId").GetString()), Is.EqualTo(new[] { id }));
            AssertError(v1View, 404, "NotFoundException", "Invalid Vpc Link identifier specified");
            AssertError(gone, 404, "NotFoundException", $"Invalid VpcLink identifier specified {id}");
            Assert.That(gone.Json.GetProperty("resourceType").GetString(), Is.EqualTo("VpcLink"));
        });
    }

    [Test]
    public async Task V2_Create_NeedsSubnets() =>
        AssertError(await Api.Post("/v2/vpclinks", new { name = "link" }), 400, "BadRequestException",
            "1 validation error detected: Value null at 'subnetIds' failed to satisfy constraint: Member must not be null");

    [Test]
    public async Task Snapshot_KeepsBothKindsOfLink()
    {
        var v1 = (await Api.Post("/vpclinks", new { name = "rest", targetArns = new[] { NlbArn } })).Id();
        var v2 = (await Api.Post("/v2/vpclinks", new { name = "http", subnetIds = new[] { "subnet-1" } })).Id("vpcLinkId");
        var snapshot = Aws.Snapshot();

        using var fresh = new FakeAwsCloud();
        fresh.Restore(snapshot);
        using var api = new ApiGatewayWire(fresh);

        Assert.Multiple(async () =>
        {
            Assert.That((await api.Get($"/vpclinks/{v1}")).Json.GetProperty("name").GetString(), Is.EqualTo("rest"));
            Assert.That((await api.Get($"/v2/vpclinks/{v2}")).Json.GetProperty("name").GetString(), Is.EqualTo("http"));
        });
    }
}
