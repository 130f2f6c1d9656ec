using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakeAws.Tour;

/// <summary>Sign-up with an emailed code, sign-in, and a JWT whose expiry follows the virtual clock.</summary>
internal static class CognitoStop
{
    public static async Task RunAsync()
    {
        using var aws = new FakeAwsCloud();
        using var idp = new RawAws(aws, "cognito-idp");
        var pool = await Call(idp, "CreateUserPool", new { PoolName = "shop", UsernameAttributes = new[] { "email" }, AutoVerifiedAttributes = new[] { "email" } });
        var poolId = pool["UserPool"]!["Id"]!.GetValue<string>();
        var client = await Call(idp, "CreateUserPoolClient", new { UserPoolId = poolId, ClientName = "web", ExplicitAuthFlows = new[] { "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH" } });
        var clientId = client["UserPoolClient"]!["ClientId"]!.GetValue<string>();
        Stop.Say($"User pool {poolId} (AWS's id format), client {clientId}");

        await Call(idp, "SignUp", new { ClientId = clientId, Username = "ada@example.com", Password = "Passw0rd!" });
        var code = aws.Cognito.LastCodeSentTo(poolId, "ada@example.com")!;
        Stop.Say($"SignUp sent code {code.Code} by {code.DeliveryMedium} to {code.Destination}");
        await Call(idp, "ConfirmSignUp", new { ClientId = clientId, Username = "ada@example.com", ConfirmationCode = code.Code });

        var signedIn = await Call(idp, "InitiateAuth", new
        {
            ClientId = clientId,
            AuthFlow = "USER_PASSWORD_AUTH",
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "ada@example.com", ["PASSWORD"] = "Passw0rd!" },
        });
        var idToken = signedIn["AuthenticationResult"]!["IdToken"]!.GetValue<string>();
        var claims = JsonNode.Parse(Base64Url(idToken.Split('.')[1]))!;
        Stop.Say($"ID token for {claims["email"]} from {claims["iss"]}, expires {DateTimeOffset.FromUnixTimeSeconds(claims["exp"]!.GetValue<long>()):HH:mm} (virtual)");

        var wrong = await idp.SendAsync(HttpMethod.Post, "/", JsonSerializer.Serialize(new
        {
            ClientId = clientId,
            AuthFlow = "USER_PASSWORD_AUTH",
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "ada@example.com", ["PASSWORD"] = "guess" },
        }), "AWSCognitoIdentityProviderService.InitiateAuth");
        Stop.Say($"A wrong password -> {wrong.Status} {wrong.Body}");
    }

    private static async Task<JsonObject> Call(RawAws idp, string operation, object body)
    {
        var (_, text, _) = await idp.SendAsync(HttpMethod.Post, "/", JsonSerializer.Serialize(body), $"AWSCognitoIdentityProviderService.{operation}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static string Base64Url(string part) =>
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(part.Replace('-', '+').Replace('_', '/').PadRight((part.Length + 3) / 4 * 4, '=')));
}
