using System.Text.Json.Nodes;

namespace FakeAws.Tests.Cognito;

/// <summary>Client secret rotation: AddUserPoolClientSecret, ListUserPoolClientSecrets, DeleteUserPoolClientSecret.</summary>
public sealed class ClientSecretTests : CognitoTestBase
{
    private async Task<(string PoolId, string ClientId, string Secret)> ConfidentialClient()
    {
        var (poolId, _) = await EmailPool();
        var client = (await Idp("CreateUserPoolClient", new
        {
            UserPoolId = poolId, ClientName = "confidential", GenerateSecret = true,
            ExplicitAuthFlows = new[] { "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH" },
        }))["UserPoolClient"]!;
        return (poolId, client["ClientId"]!.GetValue<string>(), client["ClientSecret"]!.GetValue<string>());
    }

    private async Task<JsonArray> Secrets(string poolId, string clientId) =>
        (await Idp("ListUserPoolClientSecrets", new { UserPoolId = poolId, ClientId = clientId }))["ClientSecrets"]!.AsArray();

    [Test]
    public async Task TheOriginalSecret_IsListed_ThenASecondIsAdded_AndEitherCanGo()
    {
        var (poolId, clientId, original) = await ConfidentialClient();
        var created = Aws.Clock.GetUtcNow();
        var listed = await Secrets(poolId, clientId);
        Assert.That(listed, Has.Count.EqualTo(1));
        var originalId = listed[0]!["ClientSecretId"]!.GetValue<string>();
        Assert.That(originalId, Is.EqualTo($"{clientId}--{created.ToUnixTimeMilliseconds()}"));
        Assert.That(listed[0]!["ClientSecretCreateDate"]!.GetValue<double>(), Is.EqualTo(created.ToUnixTimeMilliseconds() / 1000.0).Within(0.0011));
        Assert.That(listed[0]!.AsObject().ContainsKey("ClientSecretValue"), Is.False, "List never shows a value");

        Aws.Clock.Advance(TimeSpan.FromMinutes(1));
        var added = (await Idp("AddUserPoolClientSecret", new { UserPoolId = poolId, ClientId = clientId }))["ClientSecretDescriptor"]!;
        var addedValue = added["ClientSecretValue"]!.GetValue<string>();
        Assert.That(addedValue, Does.Match("^[a-z0-9]{51}$"));
        Assert.That(added["ClientSecretId"]!.GetValue<string>(), Is.EqualTo($"{clientId}--{created.AddMinutes(1).ToUnixTimeMilliseconds()}"));
        Assert.That((await Secrets(poolId, clientId)).Select(s => s!["ClientSecretId"]!.GetValue<string>()),
            Is.EqualTo(new[] { originalId, added["ClientSecretId"]!.GetValue<string>() }), "oldest first");

        var third = await IdpError("AddUserPoolClientSecret", new { UserPoolId = poolId, ClientId = clientId });
        Assert.That(third.Code, Is.EqualTo("LimitExceededException"));

        await Idp("DeleteUserPoolClientSecret", new { UserPoolId = poolId, ClientId = clientId, ClientSecretId = originalId });
        var described = (await Idp("DescribeUserPoolClient", new { UserPoolId = poolId, ClientId = clientId }))["UserPoolClient"]!;
        Assert.That(described["ClientSecret"]!.GetValue<string>(), Is.EqualTo(addedValue), "DescribeUserPoolClient shows a secret that still works");
        Assert.That(described["ClientSecret"]!.GetValue<string>(), Is.Not.EqualTo(original));

        var last = await IdpError("DeleteUserPoolClientSecret", new { UserPoolId = poolId, ClientId = clientId, ClientSecretId = added["ClientSecretId"]!.GetValue<string>() });
        Assert.That(last.Code, Is.EqualTo("InvalidParameterException"));
        var gone = await IdpError("DeleteUserPoolClientSecret", new { UserPoolId = poolId, ClientId = clientId, ClientSecretId = originalId });
        Assert.That(gone.Code, Is.EqualTo("ResourceNotFoundException"));
    }

    [Test]
    public async Task ACallerSuppliedSecret_IsNotEchoed_AndSecretsMadeAtOneInstantGetDistinctIds()
    {
        var (poolId, clientId, _) = await ConfidentialClient();
        var given = "my_own+secret_of_thirty_chars1";
        var added = (await Idp("AddUserPoolClientSecret", new { UserPoolId = poolId, ClientId = clientId, ClientSecret = given }))["ClientSecretDescriptor"]!.AsObject();
        Assert.That(added.ContainsKey("ClientSecretValue"), Is.False, "AWS returns the value only of a secret it generated");
        var ids = (await Secrets(poolId, clientId)).Select(s => s!["ClientSecretId"]!.GetValue<string>()).ToList();
        Assert.That(ids.Distinct().Count(), Is.EqualTo(2), "the clock did not move between the two secrets");

        // SECRET_HASH made with the caller's secret signs in.
        await Aws.Cognito.SignUpAsync(clientId, "ada@example.com", Password);
        var signedIn = await Idp("InitiateAuth", new
        {
            ClientId = clientId, AuthFlow = "USER_PASSWORD_AUTH",
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "ada@example.com", ["PASSWORD"] = Password, ["SECRET_HASH"] = SecretHash(given, "ada@example.com", clientId) },
        });
        Assert.That(signedIn["AuthenticationResult"], Is.Not.Null);
    }

    [Test]
    public async Task EveryCheckOfASecret_AcceptsEitherActiveSecret()
    {
        var (poolId, clientId, original) = await ConfidentialClient();
        var added = (await Idp("AddUserPoolClientSecret", new { UserPoolId = poolId, ClientId = clientId }))["ClientSecretDescriptor"]!["ClientSecretValue"]!.GetValue<string>();
        foreach (var (secret, email) in new[] { (original, "ada@example.com"), (added, "bob@example.com") })
        {
            var hash = SecretHash(secret, email, clientId);
            await Idp("SignUp", new { ClientId = clientId, Username = email, Password, SecretHash = hash });
            await Idp("AdminConfirmSignUp", new { UserPoolId = poolId, Username = email });
            var tokens = (await Idp("InitiateAuth", new
            {
                ClientId = clientId, AuthFlow = "USER_PASSWORD_AUTH",
                AuthParameters = new Dictionary<string, string> { ["USERNAME"] = email, ["PASSWORD"] = Password, ["SECRET_HASH"] = hash },
            }))["AuthenticationResult"]!;
            var refreshed = await Idp("GetTokensFromRefreshToken", new { ClientId = clientId, ClientSecret = secret, RefreshToken = tokens["RefreshToken"]!.GetValue<string>() });
            Assert.That(refreshed["AuthenticationResult"]!["AccessToken"], Is.Not.Null);
            await Idp("RevokeToken", new { ClientId = clientId, ClientSecret = secret, Token = tokens["RefreshToken"]!.GetValue<string>() });
        }
        var wrong = await IdpError("InitiateAuth", new
        {
            ClientId = clientId, AuthFlow = "USER_PASSWORD_AUTH",
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "ada@example.com", ["PASSWORD"] = Password, ["SECRET_HASH"] = SecretHash("not-a-secret-of-this-client", "ada@example.com", clientId) },
        });
        Assert.That((wrong.Code, wrong.Message), Is.EqualTo(("NotAuthorizedException", $"Unable to verify secret hash for client {clientId}")));
        var wrongSecret = await IdpError("RevokeToken", new { ClientId = clientId, ClientSecret = "not_a_secret_of_this_client_at_all", Token = "whatever" });
        Assert.That(wrongSecret.Code, Is.EqualTo("NotAuthorizedException"));
    }

    [Test]
    public async Task PublicClients_UnknownClients_AndBadValues_AreRefused()
    {
        var (poolId, publicClient) = await EmailPool();
        Assert.That(await Secrets(poolId, publicClient), Is.Empty);
        var toPublic = await IdpError("AddUserPoolClientSecret", new { UserPoolId = poolId, ClientId = publicClient });
        Assert.That(toPublic.Code, Is.EqualTo("InvalidParameterException"));
        var unknown = await IdpError("AddUserPoolClientSecret", new { UserPoolId = poolId, ClientId = "nosuchclient" });
        Assert.That(unknown.Code, Is.EqualTo("ResourceNotFoundException"));
        var unknownList = await IdpError("ListUserPoolClientSecrets", new { UserPoolId = poolId, ClientId = "nosuchclient" });
        Assert.That(unknownList.Code, Is.EqualTo("ResourceNotFoundException"));

        var (pool2, clientId, _) = await ConfidentialClient();
        foreach (var bad in new[] { new string('a', 23), new string('a', 65), new string('$', 32) })
        {
            var refused = await IdpError("AddUserPoolClientSecret", new { UserPoolId = pool2, ClientId = clientId, ClientSecret = bad });
            Assert.That(refused.Code, Is.EqualTo("InvalidParameterException"), bad);
            Assert.That(refused.Message, Does.Not.Contain(bad), "the secret is sensitive: the message leaves it out");
        }
        var missingId = await IdpError("DeleteUserPoolClientSecret", new { UserPoolId = pool2, ClientId = clientId });
        Assert.That(missingId.Code, Is.EqualTo("InvalidParameterException"));
    }

    [Test]
    public async Task Secrets_SurviveASnapshot()
    {
        var (poolId, clientId, _) = await ConfidentialClient();
        var added = (await Idp("AddUserPoolClientSecret", new { UserPoolId = poolId, ClientId = clientId }))["ClientSecretDescriptor"]!;
        await Aws.Cognito.SignUpAsync(clientId, "ada@example.com", Password);

        using var fresh = new FakeAwsCloud();
        fresh.Restore(Aws.Snapshot());
        var listed = (await fresh.CallAsync("cognito-idp", "ListUserPoolClientSecrets", new JsonObject { ["UserPoolId"] = poolId, ["ClientId"] = clientId }))!["ClientSecrets"]!.AsArray();
        Assert.That(listed.Select(s => s!["ClientSecretId"]!.GetValue<string>()), Does.Contain(added["ClientSecretId"]!.GetValue<string>()));
        var hash = SecretHash(added["ClientSecretValue"]!.GetValue<string>(), "ada@example.com", clientId);
        var signedIn = await fresh.CallAsync("cognito-idp", "InitiateAuth", new JsonObject
        {
            ["ClientId"] = clientId, ["AuthFlow"] = "USER_PASSWORD_AUTH",
            ["AuthParameters"] = new JsonObject { ["USERNAME"] = "ada@example.com", ["PASSWORD"] = Password, ["SECRET_HASH"] = hash },
        });
        Assert.That(signedIn!["AuthenticationResult"], Is.Not.Null);
    }
}
