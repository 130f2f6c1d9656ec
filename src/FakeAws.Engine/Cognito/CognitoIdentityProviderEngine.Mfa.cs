using FakeAws.Engine.Cognito.Mfa;
using FakeAws.Engine.Cognito.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// MFA settings: AssociateSoftwareToken, VerifySoftwareToken, SetUserMFAPreference, AdminSetUserMFAPreference, and the
// legacy SetUserSettings and AdminSetUserSettings, which turn SMS MFA on or off.
internal sealed partial class CognitoIdentityProviderEngine
{
    public AssociateSoftwareTokenResponse AssociateSoftwareToken(RequestScope scope, AssociateSoftwareTokenRequest request)
    {
        var (pool, user, session) = TokenOwner(scope, request.AccessToken, request.Session);
        lock (pool.Gate)
        {
            var secret = _cloud.Ids.NewBytes(20);
            user.SoftwareTokenSecret = secret;
            user.SoftwareTokenVerified = false;
            return new AssociateSoftwareTokenResponse { SecretCode = Totp.ToBase32(secret), Session = session };
        }
    }

    public VerifySoftwareTokenResponse VerifySoftwareToken(RequestScope scope, VerifySoftwareTokenRequest request)
    {
        var (pool, user, session) = TokenOwner(scope, request.AccessToken, request.Session);
        lock (pool.Gate)
        {
            if (user.SoftwareTokenSecret is null)
            {
                throw CognitoErrors.SoftwareTokenNotEnabled();
            }
            if (!Totp.Matches(user.SoftwareTokenSecret, request.UserCode, Now))
            {
                throw CognitoErrors.EnableSoftwareTokenMfaFailed();
            }
            user.SoftwareTokenVerified = true;
            if (session is not null && pool.Sessions.TryGetValue(session, out var auth))
            {
                auth.Challenge = "MFA_SETUP_VERIFIED";
            }
            return new VerifySoftwareTokenResponse { Status = "SUCCESS", Session = session };
        }
    }

    public SetUserMFAPreferenceResponse SetUserMFAPreference(RequestScope scope, SetUserMFAPreferenceRequest request)
    {
        var (pool, user, _) = ReadAccessToken(scope, request.AccessToken);
        lock (pool.Gate)
        {
            SetMfaPreference(user, request.SMSMfaSettings, request.SoftwareTokenMfaSettings, request.EmailMfaSettings is not null || request.WebAuthnMfaSettings is not null);
        }
        return new SetUserMFAPreferenceResponse();
    }

    public AdminSetUserMFAPreferenceResponse AdminSetUserMFAPreference(RequestScope scope, AdminSetUserMFAPreferenceRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            SetMfaPreference(User(pool, request.Username), request.SMSMfaSettings, request.SoftwareTokenMfaSettings,
                request.EmailMfaSettings is not null || request.WebAuthnMfaSettings is not null);
        }
        return new AdminSetUserMFAPreferenceResponse();
    }

    public SetUserSettingsResponse SetUserSettings(RequestScope scope, SetUserSettingsRequest request)
    {
        var (pool, user, _) = ReadAccessToken(scope, request.AccessToken);
        lock (pool.Gate)
        {
            SetLegacyMfaOptions(user, request.MFAOptions!);
        }
        return new SetUserSettingsResponse();
    }

    public AdminSetUserSettingsResponse AdminSetUserSettings(RequestScope scope, AdminSetUserSettingsRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            SetLegacyMfaOptions(User(pool, request.Username), request.MFAOptions!);
        }
        return new AdminSetUserSettingsResponse();
    }

    /// <summary>
    /// The legacy MFA options: only SMS to <c>phone_number</c> can be named. Naming it turns SMS MFA on, as
    /// <c>SMSMfaSettings.Enabled</c> does; an empty list turns it off.
    /// </summary>
    private static void SetLegacyMfaOptions(PoolUser user, List<MFAOptionType> options)
    {
        foreach (var option in options)
        {
            if (option.DeliveryMedium != "SMS")
            {
                throw CognitoErrors.InvalidParameter("Only SMS is supported as the DeliveryMedium of MFAOptions.");
            }
            if (option.AttributeName != "phone_number")
            {
                throw CognitoErrors.InvalidParameter("Only phone_number is supported as the AttributeName of MFAOptions.");
            }
        }
        SetMfaPreference(user, new SMSMfaSettingsType { Enabled = options.Count > 0 }, null, other: false);
    }

    /// <summary>The legacy view of a user's MFA that GetUser and AdminGetUser still answer: SMS to phone_number while SMS MFA is on.</summary>
    private static List<MFAOptionType>? LegacyMfaOptions(PoolUser user) =>
        user.SmsMfaEnabled ? [new MFAOptionType { DeliveryMedium = "SMS", AttributeName = "phone_number" }] : null;

    private static void SetMfaPreference(PoolUser user, SMSMfaSettingsType? sms, SoftwareTokenMfaSettingsType? totp, bool other)
    {
        if (other)
        {
            throw CognitoErrors.Unsupported("email and WebAuthn MFA");
        }
        if (totp?.Enabled == true && !user.SoftwareTokenVerified)
        {
            throw CognitoErrors.InvalidParameter("User has not verified software token mfa");
        }
        if (sms?.Enabled is { } smsEnabled)
        {
            user.SmsMfaEnabled = smsEnabled;
        }
        if (totp?.Enabled is { } totpEnabled)
        {
            user.SoftwareTokenMfaEnabled = totpEnabled;
        }
        if (sms?.PreferredMfa == true)
        {
            user.PreferredMfa = "SMS_MFA";
        }
        else if (totp?.PreferredMfa == true)
        {
            user.PreferredMfa = "SOFTWARE_TOKEN_MFA";
        }
        if (user.PreferredMfa == "SMS_MFA" && !user.SmsMfaEnabled || user.PreferredMfa == "SOFTWARE_TOKEN_MFA" && !user.SoftwareTokenMfaEnabled)
        {
            user.PreferredMfa = null;
        }
    }

    /// <summary>The user behind an access token or, during MFA_SETUP, behind a sign-in session.</summary>
    private (UserPool Pool, PoolUser User, string? Session) TokenOwner(RequestScope scope, string? accessToken, string? session)
    {
        if (accessToken is not null)
        {
            var (pool, user, _) = ReadAccessToken(scope, accessToken);
            return (pool, user, null);
        }
        foreach (var pool in _regions[scope].Pools.Values)
        {
            lock (pool.Gate)
            {
                if (session is not null && pool.Sessions.TryGetValue(session, out var auth) && auth.Challenge.StartsWith("MFA_SETUP", StringComparison.Ordinal))
                {
                    if (Now > auth.Expires)
                    {
                        throw CognitoErrors.ExpiredSession();
                    }
                    return (pool, pool.Users.GetValueOrDefault(auth.Username) ?? throw CognitoErrors.UserNotFound(), session);
                }
            }
        }
        throw CognitoErrors.InvalidSession();
    }
}
