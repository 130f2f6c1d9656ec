using System.Text.Json.Nodes;

namespace FakeAws.Tests.Cognito;

public class UserPoolTests : CognitoTestBase
{
    [Test]
    public async Task CreateUserPool_IdHasAwsFormat_AndDefaultsAreAws()
    {
        var pool = (await Idp("CreateUserPool", new { PoolName = "shop", Schema = new[] { new { Name = "tier", AttributeDataType = "String" } } }))["UserPool"]!;

        Assert.That(pool["Id"]!.GetValue<string>(), Does.Match("^us-east-1_[0-9A-Za-z]{9}$"));
        Assert.That(pool["Arn"]!.GetValue<string>(), Is.EqualTo($"arn:aws:cognito-idp:us-east-1:123456789012:userpool/{pool["Id"]}"));
        var policy = pool["Policies"]!["PasswordPolicy"]!;
        Assert.That((policy["MinimumLength"]!.GetValue<int>(), policy["RequireSymbols"]!.GetValue<bool>(), policy["TemporaryPasswordValidityDays"]!.GetValue<int>()), Is.EqualTo((8, true, 7)));
        Assert.That(pool["MfaConfiguration"]!.GetValue<string>(), Is.EqualTo("OFF"));
        var schema = pool["SchemaAttributes"]!.AsArray().Select(a => a!["Name"]!.GetValue<string>()).ToList();
        Assert.That(schema[0], Is.EqualTo("sub"));
        Assert.That(schema, Does.Contain("custom:tier").And.Contain("email_verified"));
    }

    [Test]
    public async Task CreateUserPool_BadName_ValidationMessage()
    {
        var error = await IdpError("CreateUserPool", new { PoolName = "bad/name" });
        Assert.That((error.Code, error.Message), Is.EqualTo(("InvalidParameterException",
            "1 validation error detected: Value 'bad/name' at 'poolName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w\\s+=,.@-]+")));
    }

    [Test]
    public async Task CreateUserPool_UsernameAndAliasAttributes_Rejected()
    {
        var error = await IdpError("CreateUserPool", new { PoolName = "p", UsernameAttributes = new[] { "email" }, AliasAttributes = new[] { "phone_number" } });
        Assert.That((error.Code, error.Message), Is.EqualTo(("InvalidParameterException", "Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.")));
    }

    [Test]
    public async Task CreateUserPool_RequiredCustomAttribute_Rejected()
    {
        var error = await IdpError("CreateUserPool", new { PoolName = "p", Schema = new[] { new { Name = "tier", AttributeDataType = "String", Required = true } } });
        Assert.That(error.Message, Is.EqualTo("Required custom attributes are not supported currently."));
    }

    [Test]
    public async Task DescribeUserPool_Unknown_ResourceNotFound()
    {
        var error = await IdpError("DescribeUserPool", new { UserPoolId = "us-east-1_AAAAAAAAA" });
        Assert.That((error.Code, error.Message), Is.EqualTo(("ResourceNotFoundException", "User pool us-east-1_AAAAAAAAA does not exist.")));
    }

    [Test]
    public async Task UpdateAndListAndDeleteUserPool_RoundTrip()
    {
        var id = (await Idp("CreateUserPool", new { PoolName = "one", MfaConfiguration = "OPTIONAL" }))["UserPool"]!["Id"]!.GetValue<string>();
        await Idp("CreateUserPool", new { PoolName = "two" });
        await Idp("UpdateUserPool", new { UserPoolId = id, AutoVerifiedAttributes = new[] { "email" } });
        var described = (await Idp("DescribeUserPool", new { UserPoolId = id }))["UserPool"]!;
        Assert.That(described["AutoVerifiedAttributes"]!.AsArray().Single()!.GetValue<string>(), Is.EqualTo("email"));
        Assert.That(described["MfaConfiguration"]!.GetValue<string>(), Is.EqualTo("OFF"), "UpdateUserPool resets what it leaves out");

        var page = await Idp("ListUserPools", new { MaxResults = 1 });
        Assert.That(page["UserPools"]!.AsArray(), Has.Count.EqualTo(1));
        var rest = await Idp("ListUserPools", new { MaxResults = 1, NextToken = page["NextToken"]!.GetValue<string>() });
        Assert.That(rest["UserPools"]![0]!["Name"]!.GetValue<string>(), Is.EqualTo("two"));

        await Idp("DeleteUserPool", new { UserPoolId = id });
        Assert.That((await IdpError("DescribeUserPool", new { UserPoolId = id })).Code, Is.EqualTo("ResourceNotFoundException"));
    }

    [Test]
    public async Task CreateUserPoolClient_Defaults_AndGeneratedSecret()
    {
        var poolId = (await Idp("CreateUserPool", new { PoolName = "p" }))["UserPool"]!["Id"]!.GetValue<string>();
        var client = (await Idp("CreateUserPoolClient", new { UserPoolId = poolId, ClientName = "web", GenerateSecret = true }))["UserPoolClient"]!;

        Assert.That(client["ClientId"]!.GetValue<string>(), Does.Match("^[a-z0-9]{26}$"));
        Assert.That(client["ClientSecret"]!.GetValue<string>(), Does.Match("^[a-z0-9]{51}$"));
        Assert.That(client["RefreshTokenValidity"]!.GetValue<int>(), Is.EqualTo(30));
        Assert.That(client["TokenValidityUnits"]!.AsObject(), Is.Empty);
        Assert.That(client["AuthSessionValidity"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(client["EnableTokenRevocation"]!.GetValue<bool>(), Is.True);
    }

    [TestCase(4, "minutes", null)]
    [TestCase(25, "hours", null)]
    [TestCase(null, null, 50)]
    public async Task CreateUserPoolClient_ValidityOutOfBounds_InvalidRange(int? access, string? unit, int? refreshMinutes)
    {
        var poolId = (await Idp("CreateUserPool", new { PoolName = "p" }))["UserPool"]!["Id"]!.GetValue<string>();
        var request = new JsonObject { ["UserPoolId"] = poolId, ["ClientName"] = "c" };
        if (access is not null)
        {
            request["AccessTokenValidity"] = access;
            request["TokenValidityUnits"] = new JsonObject { ["AccessToken"] = unit };
        }
        if (refreshMinutes is not null)
        {
            request["RefreshTokenValidity"] = refreshMinutes;
            request["TokenValidityUnits"] = new JsonObject { ["RefreshToken"] = "minutes" };
        }
        var error = await IdpError("CreateUserPoolClient", request.ToJsonString());
        Assert.That((error.Code, error.Message), Is.EqualTo(("InvalidParameterException", "Invalid range for token validity.")));
    }

    [Test]
    public async Task TokenValidity_ShortAccessToken_ExpiresInFollowsIt()
    {
        var (poolId, _) = await EmailPool();
        var clientId = (await Idp("CreateUserPoolClient", new
        {
            UserPoolId = poolId, ClientName = "short", AccessTokenValidity = 5, IdTokenValidity = 5, TokenValidityUnits = new { AccessToken = "minutes", IdToken = "minutes" },
            ExplicitAuthFlows = new[] { "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH" },
        }))["UserPoolClient"]!["ClientId"]!.GetValue<string>();
        var otherClient = await NewClient(poolId);
        await ConfirmedUser(poolId, otherClient, "t@example.com");

        var tokens = await PasswordSignIn(clientId, "t@example.com");
        Assert.That(tokens["ExpiresIn"]!.GetValue<int>(), Is.EqualTo(300));

        Aws.Clock.Advance(TimeSpan.FromMinutes(6));
        var error = await IdpError("GetUser", new { AccessToken = tokens["AccessToken"]!.GetValue<string>() });
        Assert.That((error.Code, error.Message), Is.EqualTo(("NotAuthorizedException", "Access Token has expired")));
    }

    [Test]
    public async Task DescribeUserPoolClient_UnknownClient_ResourceNotFound()
    {
        var poolId = (await Idp("CreateUserPool", new { PoolName = "p" }))["UserPool"]!["Id"]!.GetValue<string>();
        var error = await IdpError("DescribeUserPoolClient", new { UserPoolId = poolId, ClientId = "abcdefghijklmnopqrstuvwxyz" });
        Assert.That((error.Code, error.Message), Is.EqualTo(("ResourceNotFoundException", "User pool client abcdefghijklmnopqrstuvwxyz does not exist.")));
    }

    [Test]
    public async Task UpdateListDeleteUserPoolClient_RoundTrip()
    {
        var poolId = (await Idp("CreateUserPool", new { PoolName = "p" }))["UserPool"]!["Id"]!.GetValue<string>();
        var clientId = await NewClient(poolId);
        var updated = (await Idp("UpdateUserPoolClient", new { UserPoolId = poolId, ClientId = clientId, ClientName = "renamed" }))["UserPoolClient"]!;
        Assert.That(updated["ClientName"]!.GetValue<string>(), Is.EqualTo("renamed"));
        Assert.That(updated["ExplicitAuthFlows"], Is.Null, "UpdateUserPoolClient resets what it leaves out");
        var listed = await Idp("ListUserPoolClients", new { UserPoolId = poolId, MaxResults = 10 });
        Assert.That(listed["UserPoolClients"]![0]!["ClientName"]!.GetValue<string>(), Is.EqualTo("renamed"));
        await Idp("DeleteUserPoolClient", new { UserPoolId = poolId, ClientId = clientId });
        var error = await IdpError("InitiateAuth", new { ClientId = clientId, AuthFlow = "USER_PASSWORD_AUTH", AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "a", ["PASSWORD"] = "b" } });
        Assert.That(error.Code, Is.EqualTo("ResourceNotFoundException"));
    }

    [Test]
    public async Task UnknownOperation_NamesIt()
    {
        // Every operation of the model is implemented: only a name outside it is unknown.
        var error = await IdpError("AdminMakeCoffee", new { UserPoolId = "us-east-1_AAAAAAAAA", Username = "ada" });
        Assert.That(error.Code, Is.EqualTo("com.amazon.coral.service#UnknownOperationException"));
        Assert.That(error.Message, Does.Contain("AdminMakeCoffee"));
    }

    [Test]
    public async Task SensitiveMember_ValidationMessage_LeavesTheValueOut()
    {
        var error = await IdpError("AdminGetUser", new { UserPoolId = "us-east-1_AAAAAAAAA", Username = "" });
        Assert.That(error.Message, Does.StartWith(
            "2 validation errors detected: Value at 'username' failed to satisfy constraint: Member must have length greater than or equal to 1; Value at 'username' failed"));
    }

    [Test]
    public async Task Tags_OnThePoolArn_AreThePoolsUserPoolTags()
    {
        var pool = (await Idp("CreateUserPool", new { PoolName = "tagged", UserPoolTags = new Dictionary<string, string> { ["team"] = "auth" } }))["UserPool"]!;
        var arn = pool["Arn"]!.GetValue<string>();
        await Idp("TagResource", new { ResourceArn = arn, Tags = new Dictionary<string, string> { ["env"] = "test" } });
        await Idp("UntagResource", new { ResourceArn = arn, TagKeys = new[] { "team" } });
        var tags = (await Idp("ListTagsForResource", new { ResourceArn = arn }))["Tags"]!.AsObject();
        Assert.That(tags.Select(t => (t.Key, t.Value!.GetValue<string>())), Is.EqualTo(new[] { ("env", "test") }));
        Assert.That((await Idp("DescribeUserPool", new { UserPoolId = pool["Id"]!.GetValue<string>() }))["UserPool"]!["UserPoolTags"]!["env"]!.GetValue<string>(), Is.EqualTo("test"));
        var unknown = await IdpError("ListTagsForResource", new { ResourceArn = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AAAAAAAAA" });
        Assert.That(unknown.Code, Is.EqualTo("ResourceNotFoundException"));
    }
}
