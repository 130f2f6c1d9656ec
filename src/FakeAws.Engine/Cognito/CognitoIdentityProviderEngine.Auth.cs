using System.Text.Json.Nodes;
using FakeAws.Engine.Cognito.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// Sign-in: InitiateAuth, AdminInitiateAuth, RespondToAuthChallenge, AdminRespondToAuthChallenge.
// Each flow ends in a challenge (with a session) or in tokens; the flows themselves are in the
// Auth*.cs files beside this one.
internal sealed partial class CognitoIdentityProviderEngine
{
    /// <summary>How a step of a sign-in ended: a challenge to answer, or tokens.</summary>
    private sealed record AuthOutcome(string? ChallengeName, string? Session, Dictionary<string, string> Parameters, AuthenticationResultType? Result)
    {
        public static AuthOutcome Tokens(AuthenticationResultType result) => new(null, null, [], result);

        /// <summary>SELECT_CHALLENGE: the first factors the user may choose from.</summary>
        public List<string>? Available { get; init; }
    }

    public async Task<InitiateAuthResponse> InitiateAuth(RequestScope scope, InitiateAuthRequest request, CancellationToken ct)
    {
        var (pool, client) = PoolOfClient(scope, request.ClientId);
        if (request.AuthFlow is "ADMIN_USER_PASSWORD_AUTH" or "ADMIN_NO_SRP_AUTH")
        {
            throw CognitoErrors.InvalidParameter("Initiate Auth method not supported.");
        }
        var parameters = request.AuthParameters ?? [];
        var outcome = await SignInStepAsync(pool, request.AuthFlow!, parameters.GetValueOrDefault("USERNAME"), null, ChecksPassword(request.AuthFlow!, parameters),
            request.UserContextData?.IpAddress, () => StartAsync(scope, pool, client, request.AuthFlow!, parameters, request.ClientMetadata, ct)).ConfigureAwait(false);
        return new InitiateAuthResponse
        {
            ChallengeName = outcome.ChallengeName,
            Session = outcome.Session,
            ChallengeParameters = outcome.Parameters,
            AuthenticationResult = outcome.Result,
            AvailableChallenges = outcome.Available,
        };
    }

    public async Task<AdminInitiateAuthResponse> AdminInitiateAuth(RequestScope scope, AdminInitiateAuthRequest request, CancellationToken ct)
    {
        var pool = Pool(scope, request.UserPoolId);
        AppClient client;
        lock (pool.Gate)
        {
            client = Client(pool, request.ClientId);
        }
        if (request.AuthFlow is "USER_PASSWORD_AUTH")
        {
            throw CognitoErrors.InvalidParameter("Initiate Auth method not supported.");
        }
        var parameters = request.AuthParameters ?? [];
        var outcome = await SignInStepAsync(pool, request.AuthFlow!, parameters.GetValueOrDefault("USERNAME"), null, ChecksPassword(request.AuthFlow!, parameters),
            request.ContextData?.IpAddress, () => StartAsync(scope, pool, client, request.AuthFlow!, parameters, request.ClientMetadata, ct)).ConfigureAwait(false);
        return new AdminInitiateAuthResponse
        {
            ChallengeName = outcome.ChallengeName,
            Session = outcome.Session,
            ChallengeParameters = outcome.Parameters,
            AuthenticationResult = outcome.Result,
            AvailableChallenges = outcome.Available,
        };
    }

    public async Task<RespondToAuthChallengeResponse> RespondToAuthChallenge(RequestScope scope, RespondToAuthChallengeRequest request, CancellationToken ct)
    {
        var (pool, client) = PoolOfClient(scope, request.ClientId);
        var responses = request.ChallengeResponses ?? [];
        var outcome = await SignInStepAsync(pool, request.ChallengeName!, responses.GetValueOrDefault("USERNAME"), request.Session, ChecksPassword(request.ChallengeName!, responses),
            request.UserContextData?.IpAddress, () => RespondAsync(scope, pool, client, request.ChallengeName!, request.Session, responses, request.ClientMetadata, ct))
            .ConfigureAwait(false);
        return new RespondToAuthChallengeResponse
        {
            ChallengeName = outcome.ChallengeName,
            Session = outcome.Session,
            ChallengeParameters = outcome.Parameters,
            AuthenticationResult = outcome.Result,
        };
    }

    public async Task<AdminRespondToAuthChallengeResponse> AdminRespondToAuthChallenge(RequestScope scope, AdminRespondToAuthChallengeRequest request, CancellationToken ct)
    {
        var pool = Pool(scope, request.UserPoolId);
        AppClient client;
        lock (pool.Gate)
        {
            client = Client(pool, request.ClientId);
        }
        var responses = request.ChallengeResponses ?? [];
        var outcome = await SignInStepAsync(pool, request.ChallengeName!, responses.GetValueOrDefault("USERNAME"), request.Session, ChecksPassword(request.ChallengeName!, responses),
            request.ContextData?.IpAddress, () => RespondAsync(scope, pool, client, request.ChallengeName!, request.Session, responses, request.ClientMetadata, ct))
            .ConfigureAwait(false);
        return new AdminRespondToAuthChallengeResponse
        {
            ChallengeName = outcome.ChallengeName,
            Session = outcome.Session,
            ChallengeParameters = outcome.Parameters,
            AuthenticationResult = outcome.Result,
        };
    }

    private Task<AuthOutcome> StartAsync(RequestScope scope, UserPool pool, AppClient client, string flow, Dictionary<string, string> parameters,
        Dictionary<string, string>? metadata, CancellationToken ct)
    {
        if (!client.Allows(flow))
        {
            throw CognitoErrors.FlowNotEnabled(flow);
        }
        return flow switch
        {
            "USER_PASSWORD_AUTH" or "ADMIN_USER_PASSWORD_AUTH" or "ADMIN_NO_SRP_AUTH" => PasswordAuthAsync(scope, pool, client, parameters, metadata, ct),
            "USER_SRP_AUTH" => SrpStartAsync(scope, pool, client, parameters, metadata, ct),
            "REFRESH_TOKEN_AUTH" or "REFRESH_TOKEN" => RefreshAsync(scope, pool, client, parameters, metadata, ct),
            "USER_AUTH" => UserAuthStartAsync(scope, pool, client, parameters, metadata, ct),
            _ => CustomStartAsync(scope, pool, client, parameters, metadata, ct),
        };
    }

    private Task<AuthOutcome> RespondAsync(RequestScope scope, UserPool pool, AppClient client, string challenge, string? session,
        Dictionary<string, string> responses, Dictionary<string, string>? metadata, CancellationToken ct)
    {
        if (challenge == "PASSWORD_VERIFIER")
        {
            return SrpVerifyAsync(scope, pool, client, responses, metadata, ct);
        }
        var auth = Session(pool, client, session, challenge);
        CheckSecretHash(client, responses.GetValueOrDefault("USERNAME") ?? auth.Username, responses.GetValueOrDefault("SECRET_HASH"));
        return challenge switch
        {
            "NEW_PASSWORD_REQUIRED" => NewPasswordAsync(scope, pool, client, session!, auth, responses, metadata, ct),
            "SMS_MFA" or "SOFTWARE_TOKEN_MFA" or "MFA_SETUP" => MfaAnswerAsync(scope, pool, client, session!, auth, responses, metadata, ct),
            "CUSTOM_CHALLENGE" => CustomAnswerAsync(scope, pool, client, session!, auth, responses, metadata, ct),
            "SELECT_CHALLENGE" => SelectAnswerAsync(scope, pool, client, session!, auth, responses, metadata, ct),
            "PASSWORD" => PasswordAnswerAsync(scope, pool, client, session!, auth, responses, metadata, ct),
            "EMAIL_OTP" or "SMS_OTP" => OtpAnswerAsync(scope, pool, client, session!, auth, responses, metadata, ct),
            "WEB_AUTHN" => PasskeyAnswerAsync(scope, pool, client, session!, auth, responses, metadata, ct),
            "DEVICE_SRP_AUTH" => Task.FromResult(DeviceSrpStart(pool, client, session!, auth, responses)),
            "DEVICE_PASSWORD_VERIFIER" => DeviceVerifyAsync(scope, pool, client, session!, auth, responses, metadata, ct),
            _ => throw CognitoErrors.Unsupported($"the {challenge} challenge"),
        };
    }

    private AuthSession Session(UserPool pool, AppClient client, string? session, string challenge)
    {
        lock (pool.Gate)
        {
            if (session is null || !pool.Sessions.TryGetValue(session, out var auth) || auth.ClientId != client.Id
                || (auth.Challenge != challenge && !(challenge == "MFA_SETUP" && auth.Challenge == "MFA_SETUP_VERIFIED")))
            {
                throw CognitoErrors.InvalidSession();
            }
            if (Now > auth.Expires)
            {
                pool.Sessions.Remove(session);
                throw CognitoErrors.ExpiredSession();
            }
            return auth;
        }
    }

    private string NewSession(UserPool pool, AppClient client, AuthSession session)
    {
        // AWS's sessions are long opaque strings; this one only has to be unique and unguessable enough for a test.
        var id = "AYABe" + Tokens.Base64Url.Encode(_cloud.Ids.NewBytes(96));
        lock (pool.Gate)
        {
            pool.Sessions[id] = session;
        }
        return id;
    }

    private AuthSession SessionFor(PoolUser user, AppClient client, string challenge) => new()
    {
        Username = user.Username,
        ClientId = client.Id,
        Challenge = challenge,
        Expires = Now + client.SessionValidity,
    };

    private static string Parameter(Dictionary<string, string> parameters, string name) =>
        parameters.TryGetValue(name, out var value) ? value : throw CognitoErrors.MissingAuthParameter(name);

    /// <summary>The user signing in; unknown users are reported as AWS does for the client's PreventUserExistenceErrors setting.</summary>
    private static PoolUser SigningInUser(UserPool pool, AppClient client, string username)
    {
        lock (pool.Gate)
        {
            return pool.Find(username) ?? throw UnknownUser(client);
        }
    }

    private static AwsServiceException UnknownUser(AppClient client) =>
        client.Description.PreventUserExistenceErrors == "ENABLED" ? CognitoErrors.IncorrectCredentials() : CognitoErrors.UserNotFound();

    private async Task PreAuthenticationAsync(RequestScope scope, UserPool pool, AppClient client, PoolUser user, Dictionary<string, string>? metadata, CancellationToken ct)
    {
        await RunTriggerAsync(scope, pool, "PreAuthentication", "PreAuthentication_Authentication", user.Username, client.Id, new JsonObject
        {
            ["userAttributes"] = EventAttributes(pool, user),
            ["validationData"] = StringMap(metadata),
        }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// After the password (or SRP proof) checked out: the user's status may still stop the sign-in
    /// or ask for a new password, then MFA may ask for a code, and otherwise tokens are issued.
    /// </summary>
    private async Task<AuthOutcome> AfterPasswordAsync(RequestScope scope, UserPool pool, AppClient client, PoolUser user,
        Dictionary<string, string>? metadata, CancellationToken ct, string? deviceKey = null)
    {
        lock (pool.Gate)
        {
            switch (user.Status)
            {
                case UserStatus.Unconfirmed:
                    throw CognitoErrors.UserNotConfirmed();
                case UserStatus.ResetRequired:
                    throw CognitoErrors.PasswordResetRequired();
                case UserStatus.ForceChangePassword when user.TemporaryPasswordExpires is { } expires && Now > expires:
                    throw CognitoErrors.NotAuthorized("Temporary password has expired and must be reset by an administrator.");
            }
        }
        if (user.Status == UserStatus.ForceChangePassword)
        {
            Dictionary<string, string> parameters;
            lock (pool.Gate)
            {
                var required = (pool.Description.SchemaAttributes ?? []).Where(s => s.Required == true && s.Name != "sub" && !user.Attributes.ContainsKey(s.Name!))
                    .Select(s => "userAttributes." + s.Name);
                var attributes = new JsonObject();
                foreach (var (name, value) in user.Attributes.Where(a => a.Key != "sub"))
                {
                    attributes[name] = value;
                }
                parameters = new Dictionary<string, string>
                {
                    ["USER_ID_FOR_SRP"] = user.Username,
                    ["requiredAttributes"] = new JsonArray(required.Select(r => (JsonNode)r).ToArray()).ToJsonString(),
                    ["userAttributes"] = attributes.ToJsonString(),
                };
            }
            return new AuthOutcome("NEW_PASSWORD_REQUIRED", NewSession(pool, client, SessionFor(user, client, "NEW_PASSWORD_REQUIRED")), parameters, null);
        }
        if (deviceKey is not null && ConfirmedDevice(pool, user, deviceKey) is not null)
        {
            // A confirmed device proves itself next, with its own SRP verifier.
            var session = SessionFor(user, client, "DEVICE_SRP_AUTH");
            session.DeviceKey = deviceKey;
            return new AuthOutcome("DEVICE_SRP_AUTH", NewSession(pool, client, session), [], null);
        }
        return await MfaOrTokensAsync(scope, pool, client, user, "TokenGeneration_Authentication", metadata, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The end of a sign-in: PostAuthentication, then tokens. <paramref name="deviceKey"/> is the device
    /// that authenticated (DEVICE_SRP_AUTH); without one, a pool that tracks devices issues a new device.
    /// </summary>
    private async Task<AuthOutcome> SucceedAsync(RequestScope scope, UserPool pool, AppClient client, PoolUser user, string source,
        Dictionary<string, string>? metadata, CancellationToken ct, string? deviceKey = null)
    {
        await RunTriggerAsync(scope, pool, "PostAuthentication", "PostAuthentication_Authentication", user.Username, client.Id, new JsonObject
        {
            ["userAttributes"] = EventAttributes(pool, user),
            ["newDeviceUsed"] = deviceKey is null && pool.Description.DeviceConfiguration is not null,
            ["clientMetadata"] = StringMap(metadata),
        }, ct).ConfigureAwait(false);
        var newDevice = deviceKey is null ? NewDevice(pool, user) : null;
        var grant = new TokenGrant(pool, client, user, Now, _cloud.Ids.NewGuid().ToString(), source, metadata, IssueRefreshToken: true,
            DeviceKey: deviceKey ?? newDevice?.DeviceKey);
        var tokens = await IssueTokensAsync(scope, grant, ct).ConfigureAwait(false);
        tokens.NewDeviceMetadata = newDevice;
        return AuthOutcome.Tokens(tokens);
    }

    private async Task<AuthOutcome> PasswordAuthAsync(RequestScope scope, UserPool pool, AppClient client, Dictionary<string, string> parameters,
        Dictionary<string, string>? metadata, CancellationToken ct)
    {
        var username = Parameter(parameters, "USERNAME");
        var password = Parameter(parameters, "PASSWORD");
        CheckSecretHash(client, username, parameters.GetValueOrDefault("SECRET_HASH"));
        var user = await PasswordUserAsync(scope, pool, client, username, password, metadata, ct).ConfigureAwait(false);
        return await AfterPasswordAsync(scope, pool, client, user, metadata, ct, parameters.GetValueOrDefault("DEVICE_KEY")).ConfigureAwait(false);
    }

    /// <summary>
    /// The user a user name and password sign in (the UserMigration trigger for one the pool does not know,
    /// then PreAuthentication), checked enabled and with that password; the API's sign-in and the hosted login share it.
    /// </summary>
    private async Task<PoolUser> PasswordUserAsync(RequestScope scope, UserPool pool, AppClient client, string username, string password,
        Dictionary<string, string>? metadata, CancellationToken ct)
    {
        PoolUser? user;
        lock (pool.Gate)
        {
            user = pool.Find(username);
        }
        user ??= await MigrateAsync(scope, pool, client, username, password, "UserMigration_Authentication", metadata, ct).ConfigureAwait(false)
            ?? throw UnknownUser(client);
        await PreAuthenticationAsync(scope, pool, client, user, metadata, ct).ConfigureAwait(false);
        lock (pool.Gate)
        {
            if (!user.Enabled)
            {
                throw CognitoErrors.UserDisabled();
            }
            // An imported user has no password to check until they reset it.
            if (user.Password is null && user.Status == UserStatus.ResetRequired)
            {
                throw CognitoErrors.PasswordResetRequired();
            }
            if (user.Password != password)
            {
                throw CognitoErrors.IncorrectCredentials();
            }
        }
        return user;
    }

    private async Task<AuthOutcome> NewPasswordAsync(RequestScope scope, UserPool pool, AppClient client, string session, AuthSession auth,
        Dictionary<string, string> responses, Dictionary<string, string>? metadata, CancellationToken ct)
    {
        var password = Parameter(responses, "NEW_PASSWORD");
        PasswordRules.Check(pool.PasswordPolicy, password);
        var attributes = responses.Where(r => r.Key.StartsWith("userAttributes.", StringComparison.Ordinal))
            .ToDictionary(r => r.Key["userAttributes.".Length..], r => r.Value, StringComparer.Ordinal);
        PoolUser user;
        lock (pool.Gate)
        {
            user = pool.Users.GetValueOrDefault(auth.Username) ?? throw CognitoErrors.UserNotFound();
            Schema.CheckWrite(pool, attributes, creating: false, user.Attributes);
            var missing = (pool.Description.SchemaAttributes ?? []).Where(s => s.Required == true && s.Name != "sub"
                && !user.Attributes.ContainsKey(s.Name!) && !attributes.ContainsKey(s.Name!)).Select(s => s.Name).ToList();
            if (missing.Count > 0)
            {
                throw CognitoErrors.InvalidParameter($"Invalid attributes given, {string.Join(", ", missing)} is missing");
            }
            foreach (var (name, value) in attributes)
            {
                user.Attributes[name] = value;
            }
            SetPassword(user, password);
            user.Status = UserStatus.Confirmed;
            user.TemporaryPasswordExpires = null;
            pool.Sessions.Remove(session);
        }
        return await MfaOrTokensAsync(scope, pool, client, user, "TokenGeneration_NewPasswordChallenge", metadata, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The UserMigration trigger, for a user the pool does not know: when the function returns
    /// attributes, the user is created with the password just tried.
    /// </summary>
    private async Task<PoolUser?> MigrateAsync(RequestScope scope, UserPool pool, AppClient client, string username, string? password, string source,
        Dictionary<string, string>? metadata, CancellationToken ct)
    {
        var request = new JsonObject { ["validationData"] = StringMap(metadata), ["clientMetadata"] = StringMap(metadata) };
        if (password is not null)
        {
            request["password"] = password;
        }
        var response = await RunTriggerAsync(scope, pool, "UserMigration", source, username, client.Id, request, ct, new JsonObject
        {
            ["userAttributes"] = null,
            ["finalUserStatus"] = null,
            ["messageAction"] = null,
            ["desiredDeliveryMediums"] = null,
            ["forceAliasCreation"] = null,
            ["enableSMSMFA"] = null,
        }).ConfigureAwait(false);
        if (response?["userAttributes"] is not JsonObject migrated)
        {
            return null;
        }
        var attributes = migrated.Where(a => a.Value is not null).ToDictionary(a => a.Key, a => a.Value!.ToString(), StringComparer.Ordinal);
        attributes.Remove("sub");
        attributes.Remove("username");
        var name = pool.UsernameAttributes.Count > 0 ? SignInName(pool, username, attributes) : username;
        Schema.CheckWrite(pool, attributes, creating: true);
        lock (pool.Gate)
        {
            EnsureNew(pool, name, attributes, "User already exists");
            var user = NewUser(name, pool.UsernameAttributes.Count > 0 ? name : _cloud.Ids.NewGuid().ToString(), attributes);
            if (password is not null)
            {
                SetPassword(user, password);
            }
            user.Status = Text(response, "finalUserStatus") ?? (password is null ? UserStatus.ResetRequired : UserStatus.Confirmed);
            user.SmsMfaEnabled = Flag(response, "enableSMSMFA");
            pool.Users[name] = user;
            return user;
        }
    }
}
