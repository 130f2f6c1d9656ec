namespace FakeAws.Tests.ApiGateway;

/// <summary>PRIVATE REST APIs and resource policies: VPC endpoints, source conditions, AWS's denial texts.</summary>
public class ResourcePolicyTests : ApiGatewayTestBase
{
    private const string Vpce = "vpce-0123456789abcdef0";

    private static string PrivatePolicy() => """
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Deny","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*","Condition":{"StringNotEquals":{"aws:SourceVpce":"VPCE"}}},
          {"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*"}]}
        """.Replace("VPCE", Vpce, StringComparison.Ordinal);

    private async Task<string> PrivateApi(string? policy)
    {
        AddEchoFunction();
        var apiId = await CreateRestApi(new
        {
            name = "private",
            endpointConfiguration = new { types = new[] { "PRIVATE" }, vpcEndpointIds = new[] { Vpce } },
            policy,
        });
        var root = await RootId(apiId);
        await PutMethod(apiId, root, "GET");
        await PutLambdaIntegration(apiId, root, "GET", "echo");
        return apiId;
    }

    [Test]
    public async Task PrivateApi_WithoutPolicy_CannotBeDeployed()
    {
        var apiId = await PrivateApi(policy: null);

        AssertError(await Api.Post($"/restapis/{apiId}/deployments", new { stageName = "prod" }), 400, "BadRequestException",
            "Private REST API doesn't have a resource policy attached to it.");
    }

    [Test]
    public async Task PrivateApi_ThroughItsVpcEndpoint_Answers()
    {
        var apiId = await PrivateApi(PrivatePolicy());
        await Deploy(apiId);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod", vpcEndpointId: Vpce);

        var e = await EchoedEvent(await client.GetAsync(""));

        Assert.That(e.GetProperty("requestContext").GetProperty("apiId").GetString(), Is.EqualTo(apiId));
    }

    [Test]
    public async Task PrivateApi_FromOutsideAnyVpc_403Forbidden()
    {
        var apiId = await PrivateApi(PrivatePolicy());
        await Deploy(apiId);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        await AssertGatewayError(await client.GetAsync(""), 403, """{"message":"Forbidden"}""", "ForbiddenException");
    }

    [Test]
    public async Task PrivateApi_ThroughAnotherVpcEndpoint_ExplicitDenyNamesTheResource()
    {
        var apiId = await PrivateApi(PrivatePolicy());
        await Deploy(apiId);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod", vpcEndpointId: "vpce-0000000000000000a");

        await AssertGatewayError(await client.GetAsync(""), 403,
            $$"""{"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:123456789012:{{apiId}}/prod/GET/ with an explicit deny"}""",
            "AccessDeniedException");
    }

    [Test]
    public async Task RegionalApi_PolicyAllowingOtherAddresses_403NotAuthorized()
    {
        AddEchoFunction();
        var apiId = await CreateRestApi(new
        {
            name = "ip",
            endpointConfiguration = new { types = new[] { "REGIONAL" } },
            policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]}""",
        });
        var root = await RootId(apiId);
        await PutMethod(apiId, root, "GET");
        await PutLambdaIntegration(apiId, root, "GET", "echo");
        await Deploy(apiId);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        await AssertGatewayError(await client.GetAsync(""), 403,
            $$"""{"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:123456789012:{{apiId}}/prod/GET/"}""",
            "AccessDeniedException");
    }
}
