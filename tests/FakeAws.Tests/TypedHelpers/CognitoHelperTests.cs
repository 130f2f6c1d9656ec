using FakeAws.Engine.Core;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;

namespace FakeAws.Tests.TypedHelpers;

public class CognitoHelperTests
{
    private static async Task<string> CreateClient(FakeAwsCloud aws, bool withSecret = false)
    {
        var pool = (await aws.CallAsync("cognito-idp", "CreateUserPool", new JsonObject { ["PoolName"] = "users" }))!["UserPool"]!["Id"]!.GetValue<string>();
        var client = await aws.CallAsync("cognito-idp", "CreateUserPoolClient", new JsonObject
        {
            ["UserPoolId"] = pool,
            ["ClientName"] = "app",
            ["GenerateSecret"] = withSecret,
            ["ExplicitAuthFlows"] = new JsonArray("ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
        });
        return client!["UserPoolClient"]!["ClientId"]!.GetValue<string>();
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task SignUpAsync_ThenGetTokensAsync_GivesTheUsersTokens(bool withSecret)
    {
        using var aws = new FakeAwsCloud();
        var clientId = await CreateClient(aws, withSecret);

        var sub = await aws.Cognito.SignUpAsync(clientId, "ada", "Passw0rd!", new Dictionary<string, string> { ["email"] = "ada@example.com" });
        var tokens = await aws.Cognito.GetTokensAsync(clientId, "ada", "Passw0rd!");

        var id = new JsonWebToken(tokens.IdToken);
        Assert.That(id.Subject, Is.EqualTo(sub));
        Assert.That(id.GetClaim("email").Value, Is.EqualTo("ada@example.com"));
        Assert.That(tokens.AccessToken, Is.Not.Empty);
        Assert.That(tokens.RefreshToken, Is.Not.Null);
        Assert.That(tokens.ExpiresIn, Is.EqualTo(3600));
    }

    [Test]
    public async Task GetTokensAsync_AWrongPassword_IsCognitosError()
    {
        using var aws = new FakeAwsCloud();
        var clientId = await CreateClient(aws);
        await aws.Cognito.SignUpAsync(clientId, "ada", "Passw0rd!");

        var error = Assert.ThrowsAsync<AwsServiceException>(() => aws.Cognito.GetTokensAsync(clientId, "ada", "wrong"));

        Assert.That(error!.Code, Is.EqualTo("NotAuthorizedException"));
    }
}
