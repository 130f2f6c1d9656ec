namespace FakeAws.Tests.ApiGateway;

/// <summary>The REST API (v1) management API: shapes of the responses, and every error with AWS's text.</summary>
public class RestApiManagementTests : ApiGatewayTestBase
{
    [Test]
    public async Task CreateRestApi_Defaults_EdgeHeaderAndARootResource()
    {
        var reply = await Api.Post("/restapis", new { name = "orders", description = "Orders API" });

        AssertStatus(reply, 201);
        var api = reply.Json;
        Assert.Multiple(() =>
        {
            Assert.That(api.GetProperty("id").GetString(), Does.Match("^[a-z0-9]{10}$"));
            Assert.That(api.GetProperty("name").GetString(), Is.EqualTo("orders"));
            Assert.That(api.GetProperty("apiKeySource").GetString(), Is.EqualTo("HEADER"));
            Assert.That(api.GetProperty("endpointConfiguration").GetProperty("types")[0].GetString(), Is.EqualTo("EDGE"));
            Assert.That(api.GetProperty("disableExecuteApiEndpoint").GetBoolean(), Is.False);
            Assert.That(api.GetProperty("createdDate").GetDouble(), Is.EqualTo(Start.ToUnixTimeSeconds()));
        });
        var resources = (await Api.Get($"/restapis/{reply.Id()}/resources")).Json.GetProperty("item");
        Assert.That(resources.GetArrayLength(), Is.EqualTo(1));
        Assert.That(resources[0].GetProperty("path").GetString(), Is.EqualTo("/"));
        Assert.That(resources[0].GetProperty("id").GetString(), Is.EqualTo(api.GetProperty("rootResourceId").GetString()));
    }

    [Test]
    public async Task CreateRestApi_Regional_Kept()
    {
        var reply = await Api.Post("/restapis", new { name = "r", endpointConfiguration = new { types = new[] { "REGIONAL" } } });

        Assert.That(reply.Json.GetProperty("endpointConfiguration").GetProperty("types")[0].GetString(), Is.EqualTo("REGIONAL"));
    }

    [Test]
    public async Task CreateRestApi_NoName_ValidationExceptionNamingTheInput() =>
        AssertError(await Api.Post("/restapis", new { description = "x" }), 400, "ValidationException",
            "1 validation error detected: Value null at 'createRestApiInput.name' failed to satisfy constraint: Member must not be null");

    [Test]
    public async Task CreateRestApi_UnknownEndpointType_EnumInAwsOrder() =>
        AssertError(await Api.Post("/restapis", new { name = "x", endpointConfiguration = new { types = new[] { "GLOBAL" } } }), 400, "ValidationException",
            "1 validation error detected: Value '[GLOBAL]' at 'createRestApiInput.endpointConfiguration.types' failed to satisfy constraint: " +
            "Member must satisfy constraint: [Member must satisfy enum value set: [PRIVATE, EDGE, REGIONAL]]");

    [Test]
    public async Task CreateRestApi_EmptyDescription_BadRequest() =>
        AssertError(await Api.Post("/restapis", new { name = "x", description = "" }), 400, "BadRequestException", "Description cannot be an empty string");

    [Test]
    public async Task CreateRestApi_CompressionSizeOutOfRange_BadRequest() =>
        AssertError(await Api.Post("/restapis", new { name = "x", minimumCompressionSize = 10485761 }), 400, "BadRequestException",
            "Invalid minimum compression size, must be between 0 and 10485760");

    [Test]
    public async Task CreateRestApi_PolicyNotJson_BadRequest() =>
        AssertError(await Api.Post("/restapis", new { name = "x", policy = "allow everyone" }), 400, "BadRequestException",
            "Invalid policy document. Please check the policy syntax and ensure that Principals are valid.");

    [Test]
    public async Task GetRestApi_Unknown_NotFoundWithTheAccount() =>
        AssertError(await Api.Get("/restapis/abcdefghij"), 404, "NotFoundException", "Invalid API identifier specified 123456789012:abcdefghij");

    [Test]
    public async Task GetRestApis_LimitAndPosition_PageThroughAll()
    {
        for (var i = 0; i < 3; i++)
        {
            await CreateRestApi(new { name = $"api{i}" });
        }

        var first = (await Api.Get("/restapis?limit=2")).Json;
        var second = (await Api.Get($"/restapis?limit=2&position={first.GetProperty("position").GetString()}")).Json;

        Assert.That(first.GetProperty("item").GetArrayLength(), Is.EqualTo(2));
        Assert.That(second.GetProperty("item").GetArrayLength(), Is.EqualTo(1));
        Assert.That(second.TryGetProperty("position", out _), Is.False);
    }

    [Test]
    public async Task DeleteRestApi_ThenGet_NotFound()
    {
        var apiId = await CreateRestApi();

        AssertStatus(await Api.Delete($"/restapis/{apiId}"), 202);
        AssertError(await Api.Get($"/restapis/{apiId}"), 404, "NotFoundException", $"Invalid API identifier specified 123456789012:{apiId}");
    }

    [Test]
    public async Task UpdateRestApi_ReplaceName_AndAnUnknownPath()
    {
        var apiId = await CreateRestApi();

        var renamed = await Api.PatchOperations($"/restapis/{apiId}", new { op = "replace", path = "/name", value = "renamed" });
        var bad = await Api.PatchOperations($"/restapis/{apiId}", new { op = "replace", path = "/id", value = "x" });

        Assert.That(renamed.Json.GetProperty("name").GetString(), Is.EqualTo("renamed"));
        AssertError(bad, 400, "BadRequestException",
            "Invalid patch path  '/id' specified for op 'replace'. Must be one of: [/name, /description, /apiKeySource, /policy, /binaryMediaTypes, /minimumCompressionSize, /disableExecuteApiEndpoint]");
    }

    [Test]
    public async Task CreateResource_ParameterAndGreedy_PathsBuilt()
    {
        var apiId = await CreateRestApi();
        var root = await RootId(apiId);
        var items = await CreateResource(apiId, root, "items");

        var param = await Api.Post($"/restapis/{apiId}/resources/{items}", new { pathPart = "{id}" });
        var greedy = await Api.Post($"/restapis/{apiId}/resources/{root}", new { pathPart = "{proxy+}" });

        Assert.That(param.Json.GetProperty("path").GetString(), Is.EqualTo("/items/{id}"));
        Assert.That(param.Json.GetProperty("parentId").GetString(), Is.EqualTo(items));
        Assert.That(greedy.Json.GetProperty("path").GetString(), Is.EqualTo("/{proxy+}"));
    }

    [TestCase("it ems")]
    [TestCase("{id")]
    [TestCase("a/b")]
    public async Task CreateResource_InvalidPathPart_BadRequest(string pathPart)
    {
        var apiId = await CreateRestApi();

        AssertError(await Api.Post($"/restapis/{apiId}/resources/{await RootId(apiId)}", new { pathPart }), 400, "BadRequestException",
            "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.");
    }

    [Test]
    public async Task CreateResource_SameNameTwice_Conflict()
    {
        var apiId = await CreateRestApi();
        var root = await RootId(apiId);
        await CreateResource(apiId, root, "items");

        AssertError(await Api.Post($"/restapis/{apiId}/resources/{root}", new { pathPart = "items" }), 409, "ConflictException",
            "Another resource with the same parent already has this name: items");
    }

    [Test]
    public async Task CreateResource_SecondVariableSibling_BadRequest()
    {
        var apiId = await CreateRestApi();
        var root = await RootId(apiId);
        await CreateResource(apiId, root, "{id}");

        AssertError(await Api.Post($"/restapis/{apiId}/resources/{root}", new { pathPart = "{name}" }), 400, "BadRequestException",
            "A sibling ({id}) of this resource already has a variable path part -- only one is allowed");
    }

    [Test]
    public async Task CreateResource_UnderAGreedyVariable_BadRequest()
    {
        var apiId = await CreateRestApi();
        var proxy = await CreateResource(apiId, await RootId(apiId), "{proxy+}");

        AssertError(await Api.Post($"/restapis/{apiId}/resources/{proxy}", new { pathPart = "x" }), 400, "BadRequestException",
            "Cannot create a child of a resource with a greedy path variable: {proxy+}");
    }

    [Test]
    public async Task CreateResource_UnknownParent_NotFound()
    {
        var apiId = await CreateRestApi();

        AssertError(await Api.Post($"/restapis/{apiId}/resources/nope00", new { pathPart = "x" }), 404, "NotFoundException", "Invalid Resource identifier specified");
    }

    [Test]
    public async Task DeleteResource_TakesItsChildren()
    {
        var apiId = await CreateRestApi();
        var items = await CreateResource(apiId, await RootId(apiId), "items");
        await CreateResource(apiId, items, "{id}");

        AssertStatus(await Api.Delete($"/restapis/{apiId}/resources/{items}"), 202);

        Assert.That((await Api.Get($"/restapis/{apiId}/resources")).Json.GetProperty("item").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task PutMethod_InvalidHttpMethod_BadRequest()
    {
        var apiId = await CreateRestApi();

        AssertError(await Api.Put($"/restapis/{apiId}/resources/{await RootId(apiId)}/methods/FETCH", new { authorizationType = "NONE" }), 400,
            "BadRequestException", "Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY");
    }

    [TestCase("CUSTOM")]
    [TestCase("COGNITO_USER_POOLS")]
    public async Task PutMethod_AuthorizerTypeWithoutAuthorizer_BadRequest(string type)
    {
        var apiId = await CreateRestApi();

        AssertError(await Api.Put($"/restapis/{apiId}/resources/{await RootId(apiId)}/methods/GET", new { authorizationType = type }), 400, "BadRequestException",
            "Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.");
    }

    [Test]
    public async Task PutMethod_Twice_Conflict()
    {
        var apiId = await CreateRestApi();
        var root = await RootId(apiId);
        await PutMethod(apiId, root, "GET");

        AssertError(await Api.Put($"/restapis/{apiId}/resources/{root}/methods/GET", new { authorizationType = "NONE" }), 409, "ConflictException",
            "Method already exists for this resource");
    }

    [Test]
    public async Task GetMethod_Unknown_NotFound()
    {
        var apiId = await CreateRestApi();

        AssertError(await Api.Get($"/restapis/{apiId}/resources/{await RootId(apiId)}/methods/GET"), 404, "NotFoundException", "Invalid Method identifier specified");
    }

    [Test]
    public async Task GetMethod_ShowsTheIntegration()
    {
        var apiId = await CreateRestApi();
        var root = await RootId(apiId);
        await PutMethod(apiId, root, "GET", new { authorizationType = "NONE", apiKeyRequired = true });
        await PutLambdaIntegration(apiId, root, "GET", "fn");

        var method = (await Api.Get($"/restapis/{apiId}/resources/{root}/methods/GET")).Json;

        Assert.Multiple(() =>
        {
            Assert.That(method.GetProperty("apiKeyRequired").GetBoolean(), Is.True);
            Assert.That(method.GetProperty("methodIntegration").GetProperty("type").GetString(), Is.EqualTo("AWS_PROXY"));
            Assert.That(method.GetProperty("methodIntegration").GetProperty("httpMethod").GetString(), Is.EqualTo("POST"));
            Assert.That(method.GetProperty("methodIntegration").GetProperty("timeoutInMillis").GetInt32(), Is.EqualTo(29000));
            Assert.That(method.GetProperty("methodIntegration").GetProperty("passthroughBehavior").GetString(), Is.EqualTo("WHEN_NO_MATCH"));
        });
    }

    private async Task<ApiReply> PutIntegration(object integration)
    {
        var apiId = await CreateRestApi();
        var root = await RootId(apiId);
        await PutMethod(apiId, root, "GET");
        return await Api.Put($"/restapis/{apiId}/resources/{root}/methods/GET/integration", integration);
    }

    [Test]
    public async Task PutIntegration_AwsProxyWithoutHttpMethod_BadRequest() =>
        AssertError(await PutIntegration(new { type = "AWS_PROXY", uri = InvokeUri("fn") }), 400, "BadRequestException", "Enumeration value for HttpMethod must be non-empty");

    [Test]
    public async Task PutIntegration_UriNotAnArn_BadRequest() =>
        AssertError(await PutIntegration(new { type = "AWS_PROXY", httpMethod = "POST", uri = "https://example.com" }), 400, "BadRequestException",
            "Invalid ARN specified in the request");

    [Test]
    public async Task PutIntegration_ArnWithoutPathOrAction_BadRequest() =>
        AssertError(await PutIntegration(new { type = "AWS_PROXY", httpMethod = "POST", uri = "arn:aws:apigateway:us-east-1:lambda:functions/x" }), 400,
            "BadRequestException", "AWS ARN for integration must contain path or action");

    [Test]
    public async Task PutIntegration_AwsProxyToAnotherService_BadRequest() =>
        AssertError(await PutIntegration(new { type = "AWS_PROXY", httpMethod = "POST", uri = "arn:aws:apigateway:us-east-1:sqs:path/123456789012/queue" }), 400,
            "BadRequestException", "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.");

    [Test]
    public async Task PutIntegration_UnknownType_EnumInAwsOrder() =>
        AssertError(await PutIntegration(new { type = "LAMBDA" }), 400, "ValidationException",
            "1 validation error detected: Value 'LAMBDA' at 'putIntegrationInput.type' failed to satisfy constraint: Member must satisfy enum value set: [HTTP, MOCK, AWS_PROXY, HTTP_PROXY, AWS]");

    [Test]
    public async Task PutIntegration_TimeoutOverTheLimit_BadRequest() =>
        AssertError(await PutIntegration(new { type = "MOCK", timeoutInMillis = 30000 }), 400, "BadRequestException", "Timeout should be between 50 ms and 29000 ms");

    [Test]
    public async Task PutIntegration_HttpWithoutAnUrl_BadRequest() =>
        AssertError(await PutIntegration(new { type = "HTTP_PROXY", httpMethod = "GET", uri = "example.com/x" }), 400, "BadRequestException",
            "Invalid HTTP endpoint specified for URI");

    [Test]
    public async Task GetIntegration_None_NotFound()
    {
        var apiId = await CreateRestApi();
        var root = await RootId(apiId);
        await PutMethod(apiId, root, "GET");

        AssertError(await Api.Get($"/restapis/{apiId}/resources/{root}/methods/GET/integration"), 404, "NotFoundException", "Invalid Integration identifier specified");
    }

    [Test]
    public async Task CreateDeployment_NoMethods_BadRequest()
    {
        var apiId = await CreateRestApi();

        AssertError(await Api.Post($"/restapis/{apiId}/deployments", new { stageName = "prod" }), 400, "BadRequestException", "The REST API doesn't contain any methods");
    }

    [Test]
    public async Task CreateDeployment_MethodWithoutIntegration_BadRequest()
    {
        var apiId = await CreateRestApi();
        await PutMethod(apiId, await RootId(apiId), "GET");

        AssertError(await Api.Post($"/restapis/{apiId}/deployments", new { stageName = "prod" }), 400, "BadRequestException", "No integration defined for method");
    }

    [Test]
    public async Task CreateDeployment_InvalidStageName_BadRequest()
    {
        AddEchoFunction();
        var (apiId, _) = await LambdaProxyApi("echo");

        AssertError(await Api.Post($"/restapis/{apiId}/deployments", new { stageName = "my-stage" }), 400, "BadRequestException", "Stage name only allows a-zA-Z0-9_");
    }

    [Test]
    public async Task Stages_CreateTwice_ConflictAndDeleteDeploymentInUse_BadRequest()
    {
        AddEchoFunction();
        var (apiId, _) = await LambdaProxyApi("echo");
        var deploymentId = (await Api.Get($"/restapis/{apiId}/stages/prod")).Id("deploymentId");

        AssertError(await Api.Post($"/restapis/{apiId}/stages", new { stageName = "prod", deploymentId }), 409, "ConflictException", "Stage already exists");
        AssertError(await Api.Delete($"/restapis/{apiId}/deployments/{deploymentId}"), 400, "BadRequestException",
            "Active stages pointing to this deployment must be moved or deleted");
        AssertError(await Api.Get($"/restapis/{apiId}/stages/dev"), 404, "NotFoundException", "Invalid Stage identifier specified");
        AssertError(await Api.Get($"/restapis/{apiId}/deployments/zzzzzz"), 404, "NotFoundException", "Invalid Deployment identifier specified");
    }

    [Test]
    public async Task UpdateStage_Variables_AddedAndRemoved()
    {
        AddEchoFunction();
        var (apiId, _) = await LambdaProxyApi("echo");

        var added = await Api.PatchOperations($"/restapis/{apiId}/stages/prod", new { op = "replace", path = "/variables/table", value = "orders" });
        var removed = await Api.PatchOperations($"/restapis/{apiId}/stages/prod", new { op = "remove", path = "/variables/table" });

        Assert.That(added.Json.GetProperty("variables").GetProperty("table").GetString(), Is.EqualTo("orders"));
        Assert.That(removed.Json.TryGetProperty("variables", out _), Is.False);
    }

    [Test]
    public async Task UpdateStage_UnknownPath_AwsListOfPaths()
    {
        AddEchoFunction();
        var (apiId, _) = await LambdaProxyApi("echo");

        var reply = await Api.PatchOperations($"/restapis/{apiId}/stages/prod", new { op = "replace", path = "/name", value = "x" });

        AssertError(reply, 400, "BadRequestException",
            "Invalid method setting path: /name. Must be one of: [/deploymentId, /description, /cacheClusterEnabled, /cacheClusterSize, /clientCertificateId, " +
            "/accessLogSettings, /accessLogSettings/destinationArn, /accessLogSettings/format, /{resourcePath}/{httpMethod}/metrics/enabled, " +
            "/{resourcePath}/{httpMethod}/logging/dataTrace, /{resourcePath}/{httpMethod}/logging/loglevel, /{resourcePath}/{httpMethod}/throttling/burstLimit" +
            "/{resourcePath}/{httpMethod}/throttling/rateLimit/{resourcePath}/{httpMethod}/caching/ttlInSeconds, /{resourcePath}/{httpMethod}/caching/enabled, " +
            "/{resourcePath}/{httpMethod}/caching/dataEncrypted, /{resourcePath}/{httpMethod}/caching/requireAuthorizationForCacheControl, " +
            "/{resourcePath}/{httpMethod}/caching/unauthorizedCacheControlHeaderStrategy, /*/*/metrics/enabled, /*/*/logging/dataTrace, /*/*/logging/loglevel, " +
            "/*/*/throttling/burstLimit /*/*/throttling/rateLimit /*/*/caching/ttlInSeconds, /*/*/caching/enabled, /*/*/caching/dataEncrypted, " +
            "/*/*/caching/requireAuthorizationForCacheControl, /*/*/caching/unauthorizedCacheControlHeaderStrategy, /variables/{variable_name}, /tracingEnabled]");
    }

    [Test]
    public async Task UpdateStage_UnknownDeployment_BadRequest()
    {
        AddEchoFunction();
        var (apiId, _) = await LambdaProxyApi("echo");

        AssertError(await Api.PatchOperations($"/restapis/{apiId}/stages/prod", new { op = "replace", path = "/deploymentId", value = "zzzzzz" }), 400,
            "BadRequestException", "Deployment id does not exist");
    }

    [Test]
    public async Task Authorizers_CreateGetDelete_AndUnknown()
    {
        var apiId = await CreateRestApi();

        var created = await Api.Post($"/restapis/{apiId}/authorizers", new { name = "pool", type = "COGNITO_USER_POOLS", providerARNs = new[] { TestTokens.PoolArn }, identitySource = "method.request.header.Authorization" });

        AssertStatus(created, 201);
        Assert.That(created.Json.GetProperty("authorizerResultTtlInSeconds").GetInt32(), Is.EqualTo(300));
        AssertStatus(await Api.Delete($"/restapis/{apiId}/authorizers/{created.Id()}"), 202);
        AssertError(await Api.Get($"/restapis/{apiId}/authorizers/{created.Id()}"), 404, "NotFoundException", "Invalid Authorizer identifier specified");
    }

    [Test]
    public async Task CreateAuthorizer_UnknownType_ValidationException()
    {
        var apiId = await CreateRestApi();

        AssertError(await Api.Post($"/restapis/{apiId}/authorizers", new { name = "x", type = "JWT" }), 400, "ValidationException",
            "1 validation error detected: Value 'JWT' at 'createAuthorizerInput.type' failed to satisfy constraint: Member must satisfy enum value set: [TOKEN, REQUEST, COGNITO_USER_POOLS]");
    }

    [Test]
    public async Task ApiKeys_CreatedDisabledByDefault_ValueOnlyWhenAsked()
    {
        var created = await Api.Post("/apikeys", new { name = "k" });

        AssertStatus(created, 201);
        Assert.That(created.Json.GetProperty("enabled").GetBoolean(), Is.False);
        Assert.That(created.Json.GetProperty("value").GetString(), Has.Length.EqualTo(40));
        Assert.That((await Api.Get($"/apikeys/{created.Id()}")).Json.TryGetProperty("value", out _), Is.False);
        Assert.That((await Api.Get($"/apikeys/{created.Id()}?includeValue=true")).Json.GetProperty("value").GetString(), Has.Length.EqualTo(40));
    }

    [Test]
    public async Task ApiKeys_ShortValue_DuplicateValue_Unknown()
    {
        await Api.Post("/apikeys", new { name = "a", value = "abcdefghijklmnopqrstuvwxyz" });

        AssertError(await Api.Post("/apikeys", new { name = "b", value = "short" }), 400, "BadRequestException", "API Key value should be at least 20 characters");
        AssertError(await Api.Post("/apikeys", new { name = "c", value = "abcdefghijklmnopqrstuvwxyz" }), 409, "ConflictException", "API Key already exists");
        AssertError(await Api.Get("/apikeys/zzzzzzzzzz"), 404, "NotFoundException", "Invalid API Key identifier specified");
    }

    [Test]
    public async Task UsagePlans_UnknownStage_BadRequest_UnknownPlan_NotFound()
    {
        var apiId = await CreateRestApi();

        AssertError(await Api.Post("/usageplans", new { name = "p", apiStages = new[] { new { apiId, stage = "prod" } } }), 400, "BadRequestException",
            $"Invalid API Stage {{api: {apiId}, stage: prod}} specified for usageplan p");
        AssertError(await Api.Get("/usageplans/zzzzzz"), 404, "NotFoundException", "Invalid Usage Plan ID specified");
    }

    [Test]
    public async Task UsagePlanKeys_AddListRemove()
    {
        var key = await Api.Post("/apikeys", new { name = "k", enabled = true });
        var plan = await Api.Post("/usageplans", new { name = "p", throttle = new { rateLimit = 10.0, burstLimit = 5 }, quota = new { limit = 100, period = "MONTH" } });

        var added = await Api.Post($"/usageplans/{plan.Id()}/keys", new { keyId = key.Id(), keyType = "API_KEY" });
        var listed = await Api.Get($"/usageplans/{plan.Id()}/keys");
        var plans = await Api.Get($"/usageplans?keyId={key.Id()}");

        Assert.Multiple(() =>
        {
            Assert.That(plan.Json.GetProperty("quota").GetProperty("offset").GetInt32(), Is.Zero);
            Assert.That(added.Json.GetProperty("type").GetString(), Is.EqualTo("API_KEY"));
            Assert.That(listed.Json.GetProperty("item")[0].GetProperty("id").GetString(), Is.EqualTo(key.Id()));
            Assert.That(plans.Json.GetProperty("item").GetArrayLength(), Is.EqualTo(1));
        });
        AssertStatus(await Api.Delete($"/usageplans/{plan.Id()}/keys/{key.Id()}"), 202);
        Assert.That((await Api.Get($"/usageplans/{plan.Id()}/keys")).Json.GetProperty("item").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task UnimplementedOperation_NamesTheOperationAndFakeAws()
    {
        var apiId = await CreateRestApi();

        var reply = await Api.Get($"/restapis/{apiId}/stages/prod/sdks/javascript");

        Assert.That(reply.ErrorType, Is.EqualTo("UnknownOperationException"));
        Assert.That(reply.Message, Is.EqualTo("FakeAws does not support the API Gateway operation GetSdk yet."));
    }
}
