using FakeAws.Engine.Cognito.Mfa;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// MFA during sign-in: SMS_MFA (a code in the outbox), SOFTWARE_TOKEN_MFA (TOTP on the virtual clock)
// and MFA_SETUP for pools that require MFA of users who have none yet.
internal sealed partial class CognitoIdentityProviderEngine
{
    private async Task<AuthOutcome> MfaOrTokensAsync(RequestScope scope, UserPool pool, AppClient client, PoolUser user, string source,
        Dictionary<string, string>? metadata, CancellationToken ct, string? deviceKey = null)
    {
        string? challenge = null;
        PendingMessage? message = null;
        Dictionary<string, string> parameters = [];
        lock (pool.Gate)
        {
            if (pool.MfaConfiguration != "OFF")
            {
                var phone = user.Attribute("phone_number");
                if (user.SoftwareTokenMfaEnabled && !(user.PreferredMfa == "SMS_MFA" && user.SmsMfaEnabled))
                {
                    challenge = "SOFTWARE_TOKEN_MFA";
                }
                else if (phone is not null && (user.SmsMfaEnabled || pool.MfaConfiguration == "ON" && pool.SoftwareTokenMfa?.Enabled != true))
                {
                    challenge = "SMS_MFA";
                    var delivery = new Delivery("SMS", "phone_number", phone);
                    message = new PendingMessage(pool, user, delivery, NewCode(user, CodePurpose.SmsMfa, MfaCodeValidity), "Authentication",
                        "CustomMessage_Authentication", client.Id, metadata);
                    parameters["CODE_DELIVERY_DELIVERY_MEDIUM"] = "SMS";
                    parameters["CODE_DELIVERY_DESTINATION"] = delivery.Details().Destination!;
                }
                else if (pool.MfaConfiguration == "ON")
                {
                    challenge = "MFA_SETUP";
                    parameters["MFAS_CAN_SETUP"] = "[\"SOFTWARE_TOKEN_MFA\"]";
                }
            }
        }
        if (challenge is null)
        {
            return await SucceedAsync(scope, pool, client, user, source, metadata, ct, deviceKey).ConfigureAwait(false);
        }
        if (message is not null)
        {
            await SendAsync(scope, message, ct).ConfigureAwait(false);
        }
        parameters["USER_ID_FOR_SRP"] = user.Username;
        var session = SessionFor(user, client, challenge);
        session.TokenSource = source;
        session.DeviceKey = deviceKey;
        return new AuthOutcome(challenge, NewSession(pool, client, session), parameters, null);
    }

    private async Task<AuthOutcome> MfaAnswerAsync(RequestScope scope, UserPool pool, AppClient client, string session, AuthSession auth,
        Dictionary<string, string> responses, Dictionary<string, string>? metadata, CancellationToken ct)
    {
        PoolUser user;
        lock (pool.Gate)
        {
            user = pool.Users.GetValueOrDefault(auth.Username) ?? throw CognitoErrors.UserNotFound();
            switch (auth.Challenge)
            {
                case "SMS_MFA":
                    var code = Parameter(responses, "SMS_MFA_CODE");
                    if (!user.Codes.TryGetValue(CodePurpose.SmsMfa, out var pending) || pending.Code != code)
                    {
                        throw CognitoErrors.MfaCodeMismatch();
                    }
                    if (Now > pending.Expires)
                    {
                        throw CognitoErrors.ExpiredCode();
                    }
                    user.Codes.Remove(CodePurpose.SmsMfa);
                    break;
                case "SOFTWARE_TOKEN_MFA":
                    if (!Totp.Matches(user.SoftwareTokenSecret ?? [], Parameter(responses, "SOFTWARE_TOKEN_MFA_CODE"), Now))
                    {
                        throw CognitoErrors.MfaCodeMismatch();
                    }
                    break;
                case "MFA_SETUP":
                    throw CognitoErrors.InvalidParameter("Software token has not been verified for this session; call VerifySoftwareToken with the session first.");
                default:
                    // MFA_SETUP_VERIFIED: VerifySoftwareToken accepted a code for this session.
                    user.SoftwareTokenMfaEnabled = true;
                    user.PreferredMfa ??= "SOFTWARE_TOKEN_MFA";
                    break;
            }
            pool.Sessions.Remove(session);
        }
        return await SucceedAsync(scope, pool, client, user, auth.TokenSource, metadata, ct, auth.DeviceKey).ConfigureAwait(false);
    }
}
