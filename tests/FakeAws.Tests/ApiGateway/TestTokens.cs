using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FakeAws.Tests.ApiGateway;

/// <summary>Signs RS256 JWTs with a test key, as a Cognito user pool or any OIDC issuer would.</summary>
public sealed class TestTokens : IDisposable
{
    public const string KeyId = "test-key";
    public const string PoolId = "us-east-1_TestPool1";
    public const string PoolArn = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/" + PoolId;
    public const string PoolIssuer = "https://cognito-idp.us-east-1.amazonaws.com/" + PoolId;
    public const string ClientId = "testclient123456789";

    public RSA Key { get; } = RSA.Create(2048);

    public void Dispose() => Key.Dispose();

    /// <summary>A token with <paramref name="claims"/>, signed with <see cref="Key"/> unless another key is given.</summary>
    public string Sign(object claims, RSA? key = null, string keyId = KeyId)
    {
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", kid = keyId, typ = "JWT" }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = (key ?? Key).SignData(Encoding.ASCII.GetBytes($"{header}.{payload}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{payload}.{Base64Url(signature)}";
    }

    /// <summary>A Cognito ID token of the test pool, valid for an hour from <paramref name="now"/>.</summary>
    public string IdToken(DateTimeOffset now, string user = "alice", string[]? groups = null) => Sign(new Dictionary<string, object>
    {
        ["sub"] = "6d3c1f9e-0000-4000-8000-000000000001",
        ["cognito:groups"] = groups ?? ["admins", "users"],
        ["email_verified"] = true,
        ["iss"] = PoolIssuer,
        ["cognito:username"] = user,
        ["aud"] = ClientId,
        ["token_use"] = "id",
        ["auth_time"] = now.ToUnixTimeSeconds(),
        ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        ["iat"] = now.ToUnixTimeSeconds(),
        ["email"] = $"{user}@example.com",
    });

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
