using System.Text.Json.Nodes;

namespace FakeAws.Tests.Cognito;

public class UserTests : CognitoTestBase
{
    private static Dictionary<string, string> Auth(string username, string password) => new() { ["USERNAME"] = username, ["PASSWORD"] = password };

    [Test]
    public async Task SignIn_WrongPassword_IncorrectUsernameOrPassword()
    {
        var (poolId, clientId) = await EmailPool();
        await ConfirmedUser(poolId, clientId, "a@example.com");
        var error = await IdpError("InitiateAuth", new { ClientId = clientId, AuthFlow = "USER_PASSWORD_AUTH", AuthParameters = Auth("a@example.com", "Wrong1!pass") });
        Assert.That((error.Code, error.Message), Is.EqualTo(("NotAuthorizedException", "Incorrect username or password.")));
    }

    [Test]
    public async Task SignIn_UnknownUser_UserNotFound()
    {
        var (_, clientId) = await EmailPool();
        var error = await IdpError("InitiateAuth", new { ClientId = clientId, AuthFlow = "USER_PASSWORD_AUTH", AuthParameters = Auth("nobody@example.com", Password) });
        Assert.That((error.Code, error.Message), Is.EqualTo(("UserNotFoundException", "User does not exist.")));
    }

    [Test]
    public async Task ConfirmSignUp_WrongCode_CodeMismatch_AndLateCode_Expired()
    {
        var (poolId, clientId) = await EmailPool();
        await Idp("SignUp", new { ClientId = clientId, Username = "late@example.com", Password });
        var code = Aws.Cognito.LastCodeSentTo(poolId, "late@example.com")!.Code;

        var wrong = await IdpError("ConfirmSignUp", new { ClientId = clientId, Username = "late@example.com", ConfirmationCode = code == "000000" ? "111111" : "000000" });
        Assert.That((wrong.Code, wrong.Message), Is.EqualTo(("CodeMismatchException", "Invalid verification code provided, please try again.")));

        Aws.Clock.Advance(TimeSpan.FromHours(25));
        var expired = await IdpError("ConfirmSignUp", new { ClientId = clientId, Username = "late@example.com", ConfirmationCode = code });
        Assert.That((expired.Code, expired.Message), Is.EqualTo(("ExpiredCodeException", "Invalid code provided, please request a code again.")));

        var resent = await Idp("ResendConfirmationCode", new { ClientId = clientId, Username = "late@example.com" });
        Assert.That(resent["CodeDeliveryDetails"]!["DeliveryMedium"]!.GetValue<string>(), Is.EqualTo("EMAIL"));
        await Idp("ConfirmSignUp", new { ClientId = clientId, Username = "late@example.com", ConfirmationCode = Aws.Cognito.LastCodeSentTo(poolId, "late@example.com")!.Code });
        var again = await IdpError("ConfirmSignUp", new { ClientId = clientId, Username = "late@example.com", ConfirmationCode = "123456" });
        Assert.That((again.Code, again.Message), Is.EqualTo(("NotAuthorizedException", "User cannot be confirmed. Current status is CONFIRMED")));
    }

    [Test]
    public async Task SignUp_Taken_UsernameExists_WeakPassword_InvalidPassword_UnknownAttribute_Schema()
    {
        var (poolId, clientId) = await EmailPool();
        await Idp("SignUp", new { ClientId = clientId, Username = "dup@example.com", Password });

        var taken = await IdpError("SignUp", new { ClientId = clientId, Username = "dup@example.com", Password });
        Assert.That((taken.Code, taken.Message), Is.EqualTo(("UsernameExistsException", "An account with the given email already exists.")));
        var weak = await IdpError("SignUp", new { ClientId = clientId, Username = "weak@example.com", Password = "short" });
        Assert.That((weak.Code, weak.Message), Is.EqualTo(("InvalidPasswordException", "Password did not conform with policy: Password not long enough")));
        var noSymbol = await IdpError("SignUp", new { ClientId = clientId, Username = "weak@example.com", Password = "Passw0rdd" });
        Assert.That(noSymbol.Message, Is.EqualTo("Password did not conform with policy: Password must have symbol characters"));
        var notEmail = await IdpError("SignUp", new { ClientId = clientId, Username = "plainname", Password });
        Assert.That((notEmail.Code, notEmail.Message), Is.EqualTo(("InvalidParameterException", "Username should be an email.")));
        var unknown = await IdpError("SignUp", new { ClientId = clientId, Username = "u@example.com", Password, UserAttributes = new[] { new { Name = "custom:nope", Value = "x" } } });
        Assert.That((unknown.Code, unknown.Message), Is.EqualTo(("InvalidParameterException", "Attributes did not conform to the schema: custom:nope: Attribute does not exist in the schema.\n")));
    }

    [Test]
    public async Task SecretClient_SecretHashChecked()
    {
        var (poolId, _) = await EmailPool();
        var client = (await Idp("CreateUserPoolClient", new { UserPoolId = poolId, ClientName = "s", GenerateSecret = true, ExplicitAuthFlows = new[] { "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH" } }))["UserPoolClient"]!;
        var clientId = client["ClientId"]!.GetValue<string>();
        var secret = client["ClientSecret"]!.GetValue<string>();

        var missing = await IdpError("SignUp", new { ClientId = clientId, Username = "s@example.com", Password });
        Assert.That((missing.Code, missing.Message), Is.EqualTo(("NotAuthorizedException", $"Client {clientId} is configured with secret but SECRET_HASH was not received")));
        var wrong = await IdpError("SignUp", new { ClientId = clientId, Username = "s@example.com", Password, SecretHash = SecretHash(secret, "other", clientId) });
        Assert.That(wrong.Message, Is.EqualTo($"Unable to verify secret hash for client {clientId}"));
        await Idp("SignUp", new { ClientId = clientId, Username = "s@example.com", Password, SecretHash = SecretHash(secret, "s@example.com", clientId) });
    }

    [Test]
    public async Task AdminCreateUser_TemporaryPassword_NewPasswordRequired_ThenTokens()
    {
        var poolId = (await Idp("CreateUserPool", new { PoolName = "admins" }))["UserPool"]!["Id"]!.GetValue<string>();
        var clientId = await NewClient(poolId);
        var created = (await Idp("AdminCreateUser", new
        {
            UserPoolId = poolId, Username = "bob", DesiredDeliveryMediums = new[] { "EMAIL" },
            UserAttributes = new[] { new { Name = "email", Value = "bob@example.com" }, new { Name = "email_verified", Value = "true" } },
        }))["User"]!;
        Assert.That(created["UserStatus"]!.GetValue<string>(), Is.EqualTo("FORCE_CHANGE_PASSWORD"));
        var invitation = Aws.Cognito.LastCodeSentTo(poolId, "bob")!;
        Assert.That((invitation.Purpose, invitation.DeliveryMedium, invitation.Destination), Is.EqualTo(("Invitation", "EMAIL", "bob@example.com")));
        Assert.That(invitation.Body, Is.EqualTo($"Your username is bob and temporary password is {invitation.Code}."));

        var challenge = await Idp("AdminInitiateAuth", new { UserPoolId = poolId, ClientId = clientId, AuthFlow = "ADMIN_USER_PASSWORD_AUTH", AuthParameters = Auth("bob", invitation.Code) });
        Assert.That(challenge["ChallengeName"]!.GetValue<string>(), Is.EqualTo("NEW_PASSWORD_REQUIRED"));
        Assert.That(challenge["ChallengeParameters"]!["USER_ID_FOR_SRP"]!.GetValue<string>(), Is.EqualTo("bob"));

        var weak = await IdpError("RespondToAuthChallenge", new { ClientId = clientId, ChallengeName = "NEW_PASSWORD_REQUIRED", Session = challenge["Session"]!.GetValue<string>(),
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = "bob", ["NEW_PASSWORD"] = "weak" } });
        Assert.That(weak.Code, Is.EqualTo("InvalidPasswordException"));
        var done = await Idp("RespondToAuthChallenge", new { ClientId = clientId, ChallengeName = "NEW_PASSWORD_REQUIRED", Session = challenge["Session"]!.GetValue<string>(),
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = "bob", ["NEW_PASSWORD"] = "N3wPassword!" } });
        Assert.That(done["AuthenticationResult"]!["IdToken"], Is.Not.Null);
        var user = await Idp("AdminGetUser", new { UserPoolId = poolId, Username = "bob" });
        Assert.That(user["UserStatus"]!.GetValue<string>(), Is.EqualTo("CONFIRMED"));
    }

    [Test]
    public async Task AdminCreateUser_TemporaryPasswordExpired_NotAuthorized()
    {
        var poolId = (await Idp("CreateUserPool", new { PoolName = "p" }))["UserPool"]!["Id"]!.GetValue<string>();
        var clientId = await NewClient(poolId);
        await Idp("AdminCreateUser", new { UserPoolId = poolId, Username = "old", TemporaryPassword = "Temp0rary!", MessageAction = "SUPPRESS" });
        Aws.Clock.Advance(TimeSpan.FromDays(8));
        var error = await IdpError("InitiateAuth", new { ClientId = clientId, AuthFlow = "USER_PASSWORD_AUTH", AuthParameters = Auth("old", "Temp0rary!") });
        Assert.That((error.Code, error.Message), Is.EqualTo(("NotAuthorizedException", "Temporary password has expired and must be reset by an administrator.")));
        var duplicate = await IdpError("AdminCreateUser", new { UserPoolId = poolId, Username = "old", MessageAction = "SUPPRESS" });
        Assert.That((duplicate.Code, duplicate.Message), Is.EqualTo(("UsernameExistsException", "User account already exists")));
    }

    [Test]
    public async Task AdminOperations_DisableEnableSetPasswordUpdateDelete()
    {
        var (poolId, clientId) = await EmailPool();
        var sub = await ConfirmedUser(poolId, clientId, "ops@example.com");

        await Idp("AdminDisableUser", new { UserPoolId = poolId, Username = "ops@example.com" });
        var disabled = await IdpError("InitiateAuth", new { ClientId = clientId, AuthFlow = "USER_PASSWORD_AUTH", AuthParameters = Auth("ops@example.com", Password) });
        Assert.That((disabled.Code, disabled.Message), Is.EqualTo(("NotAuthorizedException", "User is disabled.")));
        await Idp("AdminEnableUser", new { UserPoolId = poolId, Username = sub });

        await Idp("AdminSetUserPassword", new { UserPoolId = poolId, Username = sub, Password = "An0ther!pass", Permanent = true });
        await PasswordSignIn(clientId, "ops@example.com", "An0ther!pass");

        await Idp("AdminUpdateUserAttributes", new { UserPoolId = poolId, Username = sub, UserAttributes = new[] { new { Name = "name", Value = "Ops" } } });
        var user = await Idp("AdminGetUser", new { UserPoolId = poolId, Username = "ops@example.com" });
        Assert.That(user["UserAttributes"]!.AsArray().Select(a => (a!["Name"]!.GetValue<string>(), a["Value"]!.GetValue<string>())),
            Does.Contain(("name", "Ops")).And.Contain(("email_verified", "true")).And.Contain(("sub", sub)));

        await Idp("AdminDeleteUser", new { UserPoolId = poolId, Username = sub });
        var gone = await IdpError("AdminGetUser", new { UserPoolId = poolId, Username = sub });
        Assert.That((gone.Code, gone.Message), Is.EqualTo(("UserNotFoundException", "User does not exist.")));
    }

    [Test]
    public async Task AdminConfirmSignUp_ThenSignIn()
    {
        var poolId = (await Idp("CreateUserPool", new { PoolName = "p", Policies = new { PasswordPolicy = new { MinimumLength = 6 } } }))["UserPool"]!["Id"]!.GetValue<string>();
        var clientId = await NewClient(poolId);
        var signUp = await Idp("SignUp", new { ClientId = clientId, Username = "plain", Password = "simple" });
        Assert.That(signUp["CodeDeliveryDetails"], Is.Null, "no auto-verified attribute, no code");
        await Idp("AdminConfirmSignUp", new { UserPoolId = poolId, Username = "plain" });
        await PasswordSignIn(clientId, "plain", "simple");
    }

    [Test]
    public async Task ForgotPassword_CodeThenNewPassword_AndResetRequiredUsers()
    {
        var (poolId, clientId) = await EmailPool();
        await ConfirmedUser(poolId, clientId, "forgot@example.com");

        var sent = await Idp("ForgotPassword", new { ClientId = clientId, Username = "forgot@example.com" });
        Assert.That(sent["CodeDeliveryDetails"]!["Destination"]!.GetValue<string>(), Is.EqualTo("f***@e***"));
        var code = Aws.Cognito.LastCodeSentTo(poolId, "forgot@example.com")!;
        Assert.That(code.Purpose, Is.EqualTo("ForgotPassword"));
        var mismatch = await IdpError("ConfirmForgotPassword", new { ClientId = clientId, Username = "forgot@example.com", ConfirmationCode = "x", Password = "N3wPassword!" });
        Assert.That(mismatch.Code, Is.EqualTo("CodeMismatchException"));
        await Idp("ConfirmForgotPassword", new { ClientId = clientId, Username = "forgot@example.com", ConfirmationCode = code.Code, Password = "N3wPassword!" });
        await PasswordSignIn(clientId, "forgot@example.com", "N3wPassword!");

        var unknown = await IdpError("ForgotPassword", new { ClientId = clientId, Username = "nobody@example.com" });
        Assert.That((unknown.Code, unknown.Message), Is.EqualTo(("UserNotFoundException", "Username/client id combination not found.")));

        await Idp("AdminResetUserPassword", new { UserPoolId = poolId, Username = "forgot@example.com" });
        var reset = await IdpError("InitiateAuth", new { ClientId = clientId, AuthFlow = "USER_PASSWORD_AUTH", AuthParameters = Auth("forgot@example.com", "N3wPassword!") });
        Assert.That((reset.Code, reset.Message), Is.EqualTo(("PasswordResetRequiredException", "Password reset required for the user")));
    }

    [Test]
    public async Task AccessTokenOperations_GetUserUpdateVerifyChangePasswordSignOut()
    {
        var (poolId, clientId) = await EmailPool();
        await ConfirmedUser(poolId, clientId, "me@example.com");
        var tokens = await PasswordSignIn(clientId, "me@example.com");
        var access = tokens["AccessToken"]!.GetValue<string>();

        var me = await Idp("GetUser", new { AccessToken = access });
        Assert.That(me["UserAttributes"]!.AsArray().Any(a => a!["Name"]!.GetValue<string>() == "email"), Is.True);

        var update = await Idp("UpdateUserAttributes", new { AccessToken = access, UserAttributes = new[] { new { Name = "email", Value = "new@example.com" } } });
        Assert.That(update["CodeDeliveryDetailsList"]![0]!["Destination"]!.GetValue<string>(), Is.EqualTo("n***@e***"));
        var code = Aws.Cognito.LastCodeSentTo(poolId, "new@example.com")!.Code;
        await Idp("VerifyUserAttribute", new { AccessToken = access, AttributeName = "email", Code = code });
        var verified = await Idp("GetUser", new { AccessToken = access });
        Assert.That(verified["UserAttributes"]!.AsArray().Single(a => a!["Name"]!.GetValue<string>() == "email_verified")!["Value"]!.GetValue<string>(), Is.EqualTo("true"));

        var wrongOld = await IdpError("ChangePassword", new { AccessToken = access, PreviousPassword = "Wr0ng!pass", ProposedPassword = "N3wPassword!" });
        Assert.That((wrongOld.Code, wrongOld.Message), Is.EqualTo(("NotAuthorizedException", "Incorrect username or password.")));
        await Idp("ChangePassword", new { AccessToken = access, PreviousPassword = Password, ProposedPassword = "N3wPassword!" });

        await Idp("GlobalSignOut", new { AccessToken = access });
        var revoked = await IdpError("GetUser", new { AccessToken = access });
        Assert.That((revoked.Code, revoked.Message), Is.EqualTo(("NotAuthorizedException", "Access Token has been revoked")));
        var refresh = await IdpError("InitiateAuth", new { ClientId = clientId, AuthFlow = "REFRESH_TOKEN_AUTH", AuthParameters = new Dictionary<string, string> { ["REFRESH_TOKEN"] = tokens["RefreshToken"]!.GetValue<string>() } });
        Assert.That((refresh.Code, refresh.Message), Is.EqualTo(("NotAuthorizedException", "Refresh Token has been revoked")));

        var garbage = await IdpError("GetUser", new { AccessToken = "not-a-token" });
        Assert.That((garbage.Code, garbage.Message), Is.EqualTo(("NotAuthorizedException", "Invalid Access Token")));
    }

    [Test]
    public async Task RevokeToken_RefreshAndItsAccessTokensStopWorking()
    {
        var (poolId, clientId) = await EmailPool();
        await ConfirmedUser(poolId, clientId, "rev@example.com");
        var tokens = await PasswordSignIn(clientId, "rev@example.com");
        var other = await PasswordSignIn(clientId, "rev@example.com");

        await Idp("RevokeToken", new { ClientId = clientId, Token = tokens["RefreshToken"]!.GetValue<string>() });

        Assert.That((await IdpError("GetUser", new { AccessToken = tokens["AccessToken"]!.GetValue<string>() })).Message, Is.EqualTo("Access Token has been revoked"));
        await Idp("GetUser", new { AccessToken = other["AccessToken"]!.GetValue<string>() });
    }

    [Test]
    public async Task ListUsers_FilterAndPaging()
    {
        var poolId = (await Idp("CreateUserPool", new { PoolName = "p" }))["UserPool"]!["Id"]!.GetValue<string>();
        foreach (var (name, email) in new[] { ("ann", "ann@a.com"), ("andy", "andy@b.com"), ("bea", "bea@a.com") })
        {
            await Idp("AdminCreateUser", new { UserPoolId = poolId, Username = name, MessageAction = "SUPPRESS", UserAttributes = new[] { new { Name = "email", Value = email } } });
        }
        async Task<List<string>> Names(string filter) =>
            (await Idp("ListUsers", new { UserPoolId = poolId, Filter = filter }))["Users"]!.AsArray().Select(u => u!["Username"]!.GetValue<string>()).ToList();

        Assert.That(await Names("username ^= \"an\""), Is.EqualTo(new[] { "ann", "andy" }));
        Assert.That(await Names("email = \"bea@a.com\""), Is.EqualTo(new[] { "bea" }));
        Assert.That(await Names("cognito:user_status = \"FORCE_CHANGE_PASSWORD\""), Has.Count.EqualTo(3));

        var first = await Idp("ListUsers", new { UserPoolId = poolId, Limit = 2 });
        Assert.That(first["Users"]!.AsArray(), Has.Count.EqualTo(2));
        var second = await Idp("ListUsers", new { UserPoolId = poolId, Limit = 2, PaginationToken = first["PaginationToken"]!.GetValue<string>() });
        Assert.That(second["Users"]!.AsArray().Single()!["Username"]!.GetValue<string>(), Is.EqualTo("bea"));
        Assert.That(second["PaginationToken"], Is.Null);

        var bad = await IdpError("ListUsers", new { UserPoolId = poolId, Filter = "email == bea" });
        Assert.That((bad.Code, bad.Message), Is.EqualTo(("InvalidParameterException", "Error while parsing filter")));
    }

    [Test]
    public async Task Groups_PrecedenceRolesMembership()
    {
        var (poolId, clientId) = await EmailPool();
        var sub = await ConfirmedUser(poolId, clientId, "g@example.com");
        await Idp("CreateGroup", new { UserPoolId = poolId, GroupName = "readers", Precedence = 5, RoleArn = "arn:aws:iam::123456789012:role/readers" });
        await Idp("CreateGroup", new { UserPoolId = poolId, GroupName = "writers", Precedence = 1, RoleArn = "arn:aws:iam::123456789012:role/writers" });
        var exists = await IdpError("CreateGroup", new { UserPoolId = poolId, GroupName = "readers" });
        Assert.That((exists.Code, exists.Message), Is.EqualTo(("GroupExistsException", "A group with the name readers already exists.")));

        await Idp("AdminAddUserToGroup", new { UserPoolId = poolId, Username = sub, GroupName = "readers" });
        await Idp("AdminAddUserToGroup", new { UserPoolId = poolId, Username = sub, GroupName = "writers" });
        var members = await Idp("ListUsersInGroup", new { UserPoolId = poolId, GroupName = "writers" });
        Assert.That(members["Users"]![0]!["Username"]!.GetValue<string>(), Is.EqualTo(sub));

        var id = Claims((await PasswordSignIn(clientId, "g@example.com"))["IdToken"]!.GetValue<string>());
        Assert.That(id["cognito:groups"]!.AsArray().Select(g => g!.GetValue<string>()), Is.EqualTo(new[] { "writers", "readers" }));
        Assert.That(id["cognito:preferred_role"]!.GetValue<string>(), Is.EqualTo("arn:aws:iam::123456789012:role/writers"));
        Assert.That(id["cognito:roles"]!.AsArray(), Has.Count.EqualTo(2));

        var missing = await IdpError("AdminAddUserToGroup", new { UserPoolId = poolId, Username = sub, GroupName = "nope" });
        Assert.That((missing.Code, missing.Message), Is.EqualTo(("ResourceNotFoundException", "Group not found.")));
        var listed = await Idp("AdminListGroupsForUser", new { UserPoolId = poolId, Username = sub });
        Assert.That(listed["Groups"]!.AsArray(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task MissingAuthParameter_NamesIt()
    {
        var (_, clientId) = await EmailPool();
        var error = await IdpError("InitiateAuth", new { ClientId = clientId, AuthFlow = "USER_PASSWORD_AUTH", AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "x@example.com" } });
        Assert.That((error.Code, error.Message), Is.EqualTo(("InvalidParameterException", "Missing required parameter PASSWORD")));
    }
}
