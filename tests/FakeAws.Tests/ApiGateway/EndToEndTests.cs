using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.ApiGateway;

/// <summary>
/// The whole chain as an application uses it: a REST API behind a Cognito user pool authorizer,
/// called with an ID token, whose Lambda writes to DynamoDB with the SDK's own client.
/// </summary>
public class EndToEndTests : ApiGatewayTestBase
{
    [Test]
    public async Task CognitoProtectedRestApi_LambdaWritesToDynamoDb_ExpiredTokenThen401()
    {
        using var tokens = new TestTokens();
        // The Cognito user pool's issuer and keys; the cloud's Cognito pools will answer for their own issuers.
        Aws.ApiGateway.TrustIssuer(TestTokens.PoolIssuer, tokens.Key, TestTokens.KeyId);
        using var dynamo = Aws.CreateClient<AmazonDynamoDBClient>();
        await dynamo.CreateTableAsync(new CreateTableRequest
        {
            TableName = "orders",
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        AddFunction("create-order", async (JsonElement e) =>
        {
            var user = e.GetProperty("requestContext").GetProperty("authorizer").GetProperty("claims").GetProperty("cognito:username").GetString()!;
            var order = JsonDocument.Parse(e.GetProperty("body").GetString()!).RootElement;
            using var client = Aws.CreateClient<AmazonDynamoDBClient>();
            await client.PutItemAsync(new PutItemRequest
            {
                TableName = "orders",
                Item = new()
                {
                    ["id"] = new AttributeValue { S = $"{user}/1" },
                    ["user"] = new AttributeValue { S = user },
                    ["requestId"] = new AttributeValue { S = e.GetProperty("requestContext").GetProperty("requestId").GetString() },
                    ["item"] = new AttributeValue { S = order.GetProperty("item").GetString() },
                },
            });
            return new { statusCode = 201, body = JsonSerializer.Serialize(new { user }) };
        });

        var apiId = await CreateRestApi(new { name = "shop", endpointConfiguration = new { types = new[] { "REGIONAL" } } });
        var authorizer = await Api.Post($"/restapis/{apiId}/authorizers", new
        {
            name = "users",
            type = "COGNITO_USER_POOLS",
            providerARNs = new[] { TestTokens.PoolArn },
            identitySource = "method.request.header.Authorization",
        });
        var orders = await CreateResource(apiId, await RootId(apiId), "orders");
        await PutMethod(apiId, orders, "POST", new { authorizationType = "COGNITO_USER_POOLS", authorizerId = authorizer.Id() });
        await PutLambdaIntegration(apiId, orders, "POST", "create-order");
        await Deploy(apiId, "prod");

        using var http = Aws.ApiGateway.CreateHttpClient(apiId, "prod");
        var idToken = tokens.IdToken(Aws.Clock.GetUtcNow(), user: "alice");
        HttpRequestMessage Order() => new(HttpMethod.Post, "orders")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", idToken) },
            Content = new StringContent("""{"item":"coffee"}""", Encoding.UTF8, "application/json"),
        };

        using var created = await http.SendAsync(Order());

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        Assert.That(await created.Content.ReadAsStringAsync(), Is.EqualTo("""{"user":"alice"}"""));
        var stored = (await dynamo.GetItemAsync("orders", new() { ["id"] = new AttributeValue { S = "alice/1" } })).Item;
        Assert.That(stored["user"].S, Is.EqualTo("alice"));
        Assert.That(stored["item"].S, Is.EqualTo("coffee"));
        var requestId = stored["requestId"].S;

        Aws.Clock.Advance(TimeSpan.FromHours(1));
        using var expired = await http.SendAsync(Order());

        await AssertGatewayError(expired, 401, """{"message":"The incoming token has expired"}""", "UnauthorizedException");
        var unchanged = (await dynamo.GetItemAsync("orders", new() { ["id"] = new AttributeValue { S = "alice/1" } })).Item;
        Assert.That(unchanged["requestId"].S, Is.EqualTo(requestId), "the function did not run again");
    }

    [Test]
    public async Task SignedInThroughFakeCognito_CallsRestApi_LambdaWritesToDynamoDb_ExpiredTokenThen401()
    {
        using var dynamo = Aws.CreateClient<AmazonDynamoDBClient>();
        await dynamo.CreateTableAsync(new CreateTableRequest
        {
            TableName = "visits",
            KeySchema = [new KeySchemaElement("user", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("user", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        AddFunction("record-visit", async (JsonElement e) =>
        {
            var email = e.GetProperty("requestContext").GetProperty("authorizer").GetProperty("claims").GetProperty("email").GetString()!;
            using var client = Aws.CreateClient<AmazonDynamoDBClient>();
            await client.PutItemAsync("visits", new() { ["user"] = new AttributeValue { S = email } });
            return new { statusCode = 200, body = email };
        });

        // A user pool of this cloud, and a user signed in through it.
        using var cognito = new HttpClient(Aws.CreateHttpMessageHandler()) { BaseAddress = new Uri(Aws.ServiceUrl) };
        async Task<JsonElement> Idp(string operation, object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
            request.Headers.Add("X-Amz-Target", $"AWSCognitoIdentityProviderService.{operation}");
            using var response = await cognito.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.That(response.IsSuccessStatusCode, text);
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        var poolId = (await Idp("CreateUserPool", new { PoolName = "shoppers", UsernameAttributes = new[] { "email" } })).GetProperty("UserPool").GetProperty("Id").GetString()!;
        var clientId = (await Idp("CreateUserPoolClient", new { UserPoolId = poolId, ClientName = "web", ExplicitAuthFlows = new[] { "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH" } }))
            .GetProperty("UserPoolClient").GetProperty("ClientId").GetString()!;
        await Idp("AdminCreateUser", new { UserPoolId = poolId, Username = "ada@example.com", MessageAction = "SUPPRESS",
            UserAttributes = new[] { new { Name = "email", Value = "ada@example.com" }, new { Name = "email_verified", Value = "true" } } });
        await Idp("AdminSetUserPassword", new { UserPoolId = poolId, Username = "ada@example.com", Password = "Passw0rd!", Permanent = true });
        var idToken = (await Idp("InitiateAuth", new { ClientId = clientId, AuthFlow = "USER_PASSWORD_AUTH",
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "ada@example.com", ["PASSWORD"] = "Passw0rd!" } }))
            .GetProperty("AuthenticationResult").GetProperty("IdToken").GetString()!;

        var apiId = await CreateRestApi(new { name = "visits", endpointConfiguration = new { types = new[] { "REGIONAL" } } });
        var authorizer = await Api.Post($"/restapis/{apiId}/authorizers", new
        {
            name = "shoppers",
            type = "COGNITO_USER_POOLS",
            providerARNs = new[] { $"arn:aws:cognito-idp:us-east-1:123456789012:userpool/{poolId}" },
            identitySource = "method.request.header.Authorization",
        });
        var visits = await CreateResource(apiId, await RootId(apiId), "visits");
        await PutMethod(apiId, visits, "POST", new { authorizationType = "COGNITO_USER_POOLS", authorizerId = authorizer.Id() });
        await PutLambdaIntegration(apiId, visits, "POST", "record-visit");
        await Deploy(apiId, "prod");
        using var http = Aws.ApiGateway.CreateHttpClient(apiId, "prod");
        HttpRequestMessage Visit() => new(HttpMethod.Post, "visits") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", idToken) } };

        using var ok = await http.SendAsync(Visit());

        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK), await ok.Content.ReadAsStringAsync());
        Assert.That((await dynamo.GetItemAsync("visits", new() { ["user"] = new AttributeValue { S = "ada@example.com" } })).Item, Is.Not.Empty);

        Aws.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        using var expired = await http.SendAsync(Visit());

        await AssertGatewayError(expired, 401, """{"message":"The incoming token has expired"}""", "UnauthorizedException");
    }
}
