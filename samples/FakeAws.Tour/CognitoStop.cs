using System.Text.Json.Nodes;
using FakeAws.Engine.Core;

namespace FakeAws.Tour;

/// <summary>Sign-up with an emailed code, sign-in, and a JWT whose expiry follows the virtual clock.</summary>
internal static class CognitoStop
{
    public static async Task RunAsync()
    {
        using var aws = new FakeAwsCloud();
        var pool = await aws.CallAsync("cognito-idp", "CreateUserPool", new { PoolName = "shop", UsernameAttributes = new[] { "email" }, AutoVerifiedAttributes = new[] { "email" } });
        var poolId = pool!["UserPool"]!["Id"]!.GetValue<string>();
        var client = await aws.CallAsync("cognito-idp", "CreateUserPoolClient", new { UserPoolId = poolId, ClientName = "web", ExplicitAuthFlows = new[] { "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH" } });
        var clientId = client!["UserPoolClient"]!["ClientId"]!.GetValue<string>();
        Stop.Say($"User pool {poolId} (AWS's id format), client {clientId}");

        // The long way, to show the emailed code; aws.Cognito.SignUpAsync signs up and confirms in one call.
        await aws.CallAsync("cognito-idp", "SignUp", new { ClientId = clientId, Username = "ada@example.com", Password = "Passw0rd!" });
        var code = aws.Cognito.LastCodeSentTo(poolId, "ada@example.com")!;
        Stop.Say($"SignUp sent code {code.Code} by {code.DeliveryMedium} to {code.Destination}");
        await aws.CallAsync("cognito-idp", "ConfirmSignUp", new { ClientId = clientId, Username = "ada@example.com", ConfirmationCode = code.Code });

        var tokens = await aws.Cognito.GetTokensAsync(clientId, "ada@example.com", "Passw0rd!");
        var claims = JsonNode.Parse(Base64Url(tokens.IdToken.Split('.')[1]))!;
        Stop.Say($"ID token for {claims["email"]} from {claims["iss"]}, expires {DateTimeOffset.FromUnixTimeSeconds(claims["exp"]!.GetValue<long>()):HH:mm} (virtual)");

        try
        {
            await aws.Cognito.GetTokensAsync(clientId, "ada@example.com", "guess");
        }
        catch (AwsServiceException wrong)
        {
            Stop.Say($"A wrong password -> {wrong.StatusCode} {wrong.Code}: {wrong.Message}");
        }
    }

    private static string Base64Url(string part) =>
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(part.Replace('-', '+').Replace('_', '/').PadRight((part.Length + 3) / 4 * 4, '=')));
}
