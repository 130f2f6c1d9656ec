using FakeAws.Engine.Cognito.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// Choice-based sign-in (USER_AUTH): the first factor is the PREFERRED_CHALLENGE when the user has it, else
// SELECT_CHALLENGE lists what the user can do (the pool's AllowedFirstAuthFactors and the user's password,
// verified email and phone, passkeys). PASSWORD and PASSWORD_SRP go the password way; EMAIL_OTP and SMS_OTP send a
// code through the outbox; WEB_AUTHN asks for a passkey's assertion. GetUserAuthFactors lists a user's factors.
internal sealed partial class CognitoIdentityProviderEngine
{
    public GetUserAuthFactorsResponse GetUserAuthFactors(RequestScope scope, GetUserAuthFactorsRequest request)
    {
        var (pool, user, _) = ReadAccessToken(scope, request.AccessToken);
        lock (pool.Gate)
        {
            return new GetUserAuthFactorsResponse
            {
                Username = user.Username,
                PreferredMfaSetting = user.PreferredMfa,
                UserMFASettingList = MfaSettings(user),
                ConfiguredUserAuthFactors = FirstFactors(pool, user, includeSrp: false),
            };
        }
    }

    private async Task<AuthOutcome> UserAuthStartAsync(RequestScope scope, UserPool pool, AppClient client, Dictionary<string, string> parameters,
        Dictionary<string, string>? metadata, CancellationToken ct)
    {
        var username = Parameter(parameters, "USERNAME");
        CheckSecretHash(client, username, parameters.GetValueOrDefault("SECRET_HASH"));
        var user = SigningInUser(pool, client, username);
        List<string> available;
        lock (pool.Gate)
        {
            available = FirstFactors(pool, user, includeSrp: true);
        }
        if (parameters.GetValueOrDefault("PREFERRED_CHALLENGE") is { } preferred && available.Contains(preferred))
        {
            return await FirstFactorAsync(scope, pool, client, user, preferred, parameters, metadata, ct).ConfigureAwait(false);
        }
        var session = SessionFor(user, client, "SELECT_CHALLENGE");
        return new AuthOutcome("SELECT_CHALLENGE", NewSession(pool, client, session), [], null) { Available = available };
    }

    /// <summary>SELECT_CHALLENGE answered with ANSWER (and, for PASSWORD, the password in the same response).</summary>
    private async Task<AuthOutcome> SelectAnswerAsync(RequestScope scope, UserPool pool, AppClient client, string session, AuthSession auth,
        Dictionary<string, string> responses, Dictionary<string, string>? metadata, CancellationToken ct)
    {
        var answer = Parameter(responses, "ANSWER");
        PoolUser user;
        lock (pool.Gate)
        {
            user = pool.Users.GetValueOrDefault(auth.Username) ?? throw CognitoErrors.UserNotFound();
            if (!FirstFactors(pool, user, includeSrp: true).Contains(answer))
            {
                throw CognitoErrors.InvalidParameter($"The challenge {answer} is not available for this user.");
            }
            pool.Sessions.Remove(session);
        }
        return await FirstFactorAsync(scope, pool, client, user, answer, responses, metadata, ct).ConfigureAwait(false);
    }

    private async Task<AuthOutcome> FirstFactorAsync(RequestScope scope, UserPool pool, AppClient client, PoolUser user, string factor,
        Dictionary<string, string> parameters, Dictionary<string, string>? metadata, CancellationToken ct)
    {
        switch (factor)
        {
            case "PASSWORD" when parameters.ContainsKey("PASSWORD"):
                return await PasswordAuthAsync(scope, pool, client, new Dictionary<string, string>(parameters) { ["USERNAME"] = user.Username }, metadata, ct)
                    .ConfigureAwait(false);
            case "PASSWORD":
                return new AuthOutcome("PASSWORD", NewSession(pool, client, SessionFor(user, client, "PASSWORD")), [], null);
            case "PASSWORD_SRP":
                return await SrpStartAsync(scope, pool, client, new Dictionary<string, string>(parameters) { ["USERNAME"] = user.Username }, metadata, ct)
                    .ConfigureAwait(false);
        }
        await PreAuthenticationAsync(scope, pool, client, user, metadata, ct).ConfigureAwait(false);
        if (factor == "WEB_AUTHN")
        {
            return PasskeyChallenge(pool, client, user);
        }
        PendingMessage message;
        lock (pool.Gate)
        {
            var delivery = factor == "EMAIL_OTP" ? new Delivery("EMAIL", "email", user.Attribute("email")!) : new Delivery("SMS", "phone_number", user.Attribute("phone_number")!);
            message = new PendingMessage(pool, user, delivery, NewCode(user, CodePurpose.OneTimePassword, MfaCodeValidity), "Authentication",
                "CustomMessage_Authentication", client.Id, metadata);
        }
        await SendAsync(scope, message, ct).ConfigureAwait(false);
        return new AuthOutcome(factor, NewSession(pool, client, SessionFor(user, client, factor)), new Dictionary<string, string>
        {
            ["CODE_DELIVERY_DELIVERY_MEDIUM"] = message.To.Medium,
            ["CODE_DELIVERY_DESTINATION"] = message.To.Details().Destination!,
        }, null);
    }

    /// <summary>The PASSWORD challenge: the password in the response, then the usual checks after a password.</summary>
    private Task<AuthOutcome> PasswordAnswerAsync(RequestScope scope, UserPool pool, AppClient client, string session, AuthSession auth,
        Dictionary<string, string> responses, Dictionary<string, string>? metadata, CancellationToken ct)
    {
        lock (pool.Gate)
        {
            pool.Sessions.Remove(session);
        }
        return PasswordAuthAsync(scope, pool, client, new Dictionary<string, string>(responses) { ["USERNAME"] = auth.Username }, metadata, ct);
    }

    /// <summary>EMAIL_OTP or SMS_OTP answered with the code the outbox holds: a first factor that signs the user in by itself.</summary>
    private async Task<AuthOutcome> OtpAnswerAsync(RequestScope scope, UserPool pool, AppClient client, string session, AuthSession auth,
        Dictionary<string, string> responses, Dictionary<string, string>? metadata, CancellationToken ct)
    {
        var code = Parameter(responses, auth.Challenge == "EMAIL_OTP" ? "EMAIL_OTP_CODE" : "SMS_OTP_CODE");
        PoolUser user;
        lock (pool.Gate)
        {
            user = pool.Users.GetValueOrDefault(auth.Username) ?? throw CognitoErrors.UserNotFound();
            if (!user.Codes.TryGetValue(CodePurpose.OneTimePassword, out var pending) || pending.Code != code)
            {
                throw CognitoErrors.MfaCodeMismatch();
            }
            if (Now > pending.Expires)
            {
                throw CognitoErrors.ExpiredCode();
            }
            user.Codes.Remove(CodePurpose.OneTimePassword);
            pool.Sessions.Remove(session);
            if (!user.Enabled)
            {
                throw CognitoErrors.UserDisabled();
            }
        }
        return await SucceedAsync(scope, pool, client, user, "TokenGeneration_Authentication", metadata, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The first factors a user can sign in with: those the pool allows (PASSWORD by default) that the
    /// user has, in AWS's order. PASSWORD_SRP stands beside PASSWORD as a challenge, not as a configured factor.
    /// </summary>
    private static List<string> FirstFactors(UserPool pool, PoolUser user, bool includeSrp)
    {
        var allowed = pool.Description.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? ["PASSWORD"];
        var factors = new List<string>();
        if (allowed.Contains("PASSWORD") && user.Password is not null)
        {
            if (includeSrp)
            {
                factors.Add("PASSWORD_SRP");
            }
            factors.Add("PASSWORD");
        }
        if (allowed.Contains("EMAIL_OTP") && user.IsVerified("email") && user.Attribute("email") is not null)
        {
            factors.Add("EMAIL_OTP");
        }
        if (allowed.Contains("SMS_OTP") && user.IsVerified("phone_number") && user.Attribute("phone_number") is not null)
        {
            factors.Add("SMS_OTP");
        }
        if (allowed.Contains("WEB_AUTHN") && user.Passkeys.Count > 0)
        {
            factors.Add("WEB_AUTHN");
        }
        return factors;
    }
}
