using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakeAws.Tests.Cognito;

/// <summary>An AWS error answered on the wire.</summary>
public sealed class CognitoError(string code, string message, int status) : Exception(message)
{
    public string Code { get; } = code;

    public int Status { get; } = status;
}

/// <summary>
/// Cognito tests talk to the cloud on the wire, as any SDK would (AWSSDK.CognitoIdentityProvider is
/// not available to this repository): POST / with X-Amz-Target and an awsJson1.1 body.
/// </summary>
public abstract class CognitoTestBase
{
    protected FakeAwsCloud Aws = null!;
    private HttpClient _http = null!;

    [SetUp]
    public void CreateCloud()
    {
        Aws = new FakeAwsCloud();
        _http = new HttpClient(Aws.CreateHttpMessageHandler()) { BaseAddress = new Uri(Aws.ServiceUrl) };
    }

    [TearDown]
    public void DisposeCloud()
    {
        _http.Dispose();
        Aws.Dispose();
    }

    protected Task<JsonObject> Idp(string operation, object body) => Call("AWSCognitoIdentityProviderService", "cognito-idp", operation, body);

    protected Task<JsonObject> Identity(string operation, object body) => Call("AWSCognitoIdentityService", "cognito-identity", operation, body);

    protected async Task<CognitoError> IdpError(string operation, object body)
    {
        try
        {
            await Idp(operation, body);
        }
        catch (CognitoError e)
        {
            return e;
        }
        throw new AssertionException($"{operation} succeeded but should have failed");
    }

    protected async Task<CognitoError> IdentityError(string operation, object body)
    {
        try
        {
            await Identity(operation, body);
        }
        catch (CognitoError e)
        {
            return e;
        }
        throw new AssertionException($"{operation} succeeded but should have failed");
    }

    private async Task<JsonObject> Call(string prefix, string service, string operation, object body)
    {
        var json = body is string text ? text : JsonSerializer.Serialize(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.1");
        request.Headers.Add("X-Amz-Target", $"{prefix}.{operation}");
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20300101/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await _http.SendAsync(request);
        var node = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        if (!response.IsSuccessStatusCode)
        {
            throw new CognitoError(node["__type"]!.GetValue<string>(), node["message"]?.GetValue<string>() ?? "", (int)response.StatusCode);
        }
        return node;
    }

    protected async Task<string> Get(string path)
    {
        using var http = new HttpClient(Aws.Cognito.CreateJwksHttpHandler());
        return await http.GetStringAsync("https://cognito-idp.us-east-1.amazonaws.com" + path);
    }

    protected const string Password = "Passw0rd!";

    /// <summary>A pool that signs in with email and auto-verifies it, and a client with the password, SRP and refresh flows.</summary>
    protected async Task<(string PoolId, string ClientId)> EmailPool(object? extra = null, string? secretClient = null)
    {
        var request = new JsonObject { ["PoolName"] = "test-pool", ["UsernameAttributes"] = new JsonArray("email"), ["AutoVerifiedAttributes"] = new JsonArray("email") };
        if (extra is not null)
        {
            foreach (var (key, value) in JsonSerializer.SerializeToNode(extra)!.AsObject())
            {
                request[key] = value?.DeepClone();
            }
        }
        var poolId = (await Idp("CreateUserPool", request.ToJsonString()))["UserPool"]!["Id"]!.GetValue<string>();
        var clientId = await NewClient(poolId);
        return (poolId, clientId);
    }

    protected async Task<string> NewClient(string poolId, bool secret = false, string[]? flows = null) =>
        (await Idp("CreateUserPoolClient", new
        {
            UserPoolId = poolId,
            ClientName = "app",
            GenerateSecret = secret,
            ExplicitAuthFlows = flows ?? ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_CUSTOM_AUTH"],
        }))["UserPoolClient"]!["ClientId"]!.GetValue<string>();

    /// <summary>Signs a user up and confirms them with the code they were "sent"; returns the sub.</summary>
    protected async Task<string> ConfirmedUser(string poolId, string clientId, string email)
    {
        var signUp = await Idp("SignUp", new { ClientId = clientId, Username = email, Password });
        var code = Aws.Cognito.LastCodeSentTo(poolId, email)!.Code;
        await Idp("ConfirmSignUp", new { ClientId = clientId, Username = email, ConfirmationCode = code });
        return signUp["UserSub"]!.GetValue<string>();
    }

    protected async Task<JsonObject> PasswordSignIn(string clientId, string username, string password = Password) =>
        (await Idp("InitiateAuth", new { ClientId = clientId, AuthFlow = "USER_PASSWORD_AUTH", AuthParameters = new Dictionary<string, string> { ["USERNAME"] = username, ["PASSWORD"] = password } }))
        ["AuthenticationResult"]!.AsObject();

    protected static string SecretHash(string secret, string username, string clientId) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(username + clientId)));

    /// <summary>The claims of a JWT, read without checking it.</summary>
    protected static JsonObject Claims(string jwt) =>
        JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(jwt.Split('.')[1]))!.AsObject();

    protected static JsonObject Header(string jwt) =>
        JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(jwt.Split('.')[0]))!.AsObject();
}
