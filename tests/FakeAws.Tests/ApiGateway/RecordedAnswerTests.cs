using System.Text.Json;

namespace FakeAws.Tests.ApiGateway;

/// <summary>
/// REST API (v1) behaviours taken from AWS's recorded answers in LocalStack's AWS-validated
/// snapshot tests (test_apigateway_api.py) that are more than a message text: how gateway
/// responses inherit DEFAULT_5XX, how UpdateMethod treats authorizers, and how v1 words its input
/// validation. tests/conformance/apigateway_parity*.py check the rest through boto3.
/// </summary>
public class RecordedAnswerTests : ApiGatewayTestBase
{
    [Test]
    public async Task GatewayResponses_CustomisedDefault5xx_ShownOnUncustomised5xxTypes()
    {
        var apiId = await CreateRestApi();
        await Api.Put($"/restapis/{apiId}/gatewayresponses/DEFAULT_5XX", new
        {
            statusCode = "599",
            responseTemplates = new Dictionary<string, string> { ["application/json"] = "{\"type\": \"$context.error.responseType\"}" },
        });
        var ownStatus = await Api.Put($"/restapis/{apiId}/gatewayresponses/AUTHORIZER_FAILURE", new
        {
            responseParameters = new Dictionary<string, string> { ["gatewayresponse.header.foo"] = "'bar'" },
        });

        var items = (await Api.Get($"/restapis/{apiId}/gatewayresponses?limit=500")).Json.GetProperty("item").EnumerateArray()
            .ToDictionary(i => i.GetProperty("responseType").GetString()!, i => i);

        Assert.Multiple(() =>
        {
            Assert.That(items["INTEGRATION_TIMEOUT"].GetProperty("statusCode").GetString(), Is.EqualTo("599"));
            Assert.That(items["INTEGRATION_TIMEOUT"].GetProperty("defaultResponse").GetBoolean(), Is.True);
            Assert.That(items["INTEGRATION_TIMEOUT"].GetProperty("responseTemplates").GetProperty("application/json").GetString(),
                Is.EqualTo("{\"type\": \"$context.error.responseType\"}"));
            Assert.That(ownStatus.Json.GetProperty("statusCode").GetString(), Is.EqualTo("500"), "a put without a status keeps the type's");
            Assert.That(items["AUTHORIZER_FAILURE"].GetProperty("responseTemplates").GetProperty("application/json").GetString(),
                Is.EqualTo("{\"message\":$context.error.messageString}"), "a put without templates keeps the default one");
            Assert.That(items["ACCESS_DENIED"].GetProperty("statusCode").GetString(), Is.EqualTo("403"), "4xx types are not touched");
        });
    }

    [Test]
    public async Task UpdateMethod_AuthorizerIdWithoutCustomIsDropped_CustomNeedsAnAuthorizerOfTheApi()
    {
        var apiId = await CreateRestApi();
        var root = await RootId(apiId);
        await Api.Put($"/restapis/{apiId}/resources/{root}/methods/ANY", new { authorizationType = "NONE" });
        var path = $"/restapis/{apiId}/resources/{root}/methods/ANY";

        var ignored = await Api.PatchOperations(path, new { op = "replace", path = "/authorizerId", value = "abc123" });
        var unknown = await Api.PatchOperations(path,
            new { op = "replace", path = "/authorizationType", value = "CUSTOM" },
            new { op = "replace", path = "/authorizerId", value = "abc123" });
        var addScalar = await Api.PatchOperations(path, new { op = "add", path = "/operationName", value = "x" });
        var rawSlash = await Api.PatchOperations(path, new { op = "add", path = "/requestModels/application/json", value = "Empty" });

        Assert.Multiple(() =>
        {
            AssertStatus(ignored, 200);
            Assert.That(ignored.Json.TryGetProperty("authorizerId", out _), Is.False);
            AssertError(unknown, 400, "BadRequestException",
                "Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.");
            AssertError(addScalar, 400, "BadRequestException", "Invalid patch operation specified. Must be one of: [replace]");
            AssertError(rawSlash, 400, "BadRequestException", "Invalid patch path /requestModels/application/json");
        });
    }

    [Test]
    public async Task Validation_UriMembersBareAndLast_ListEnumsOnce_AwsEnumOrder()
    {
        var apiId = await CreateRestApi();
        var root = await RootId(apiId);
        await Api.Put($"/restapis/{apiId}/resources/{root}/methods/GET", new { authorizationType = "NONE" });

        var opAndStatus = await Api.PatchOperations($"/restapis/{apiId}/resources/{root}/methods/GET/responses/wrong",
            new { op = "wrong_op", path = "/responseModels/application~1json", value = "Empty" });
        var types = await Api.Post("/restapis", new { name = "x", endpointConfiguration = new { types = new[] { "wrong" } } });

        const string ops = "[add, remove, move, test, replace, copy]";
        Assert.Multiple(() =>
        {
            AssertError(opAndStatus, 400, "ValidationException",
                $"2 validation errors detected: Value 'wrong_op' at 'updateMethodResponseInput.patchOperations.1.member.op' failed to satisfy constraint: " +
                $"Member must satisfy enum value set: {ops}; Value 'wrong' at 'statusCode' failed to satisfy constraint: " +
                "Member must satisfy regular expression pattern: [1-5]\\d\\d");
            AssertError(types, 400, "ValidationException",
                "1 validation error detected: Value '[wrong]' at 'createRestApiInput.endpointConfiguration.types' failed to satisfy constraint: " +
                "Member must satisfy constraint: [Member must satisfy enum value set: [PRIVATE, EDGE, REGIONAL]]");
        });
    }
}
