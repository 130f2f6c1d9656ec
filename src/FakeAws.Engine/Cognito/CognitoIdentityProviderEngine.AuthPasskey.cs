using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Engine.Cognito.Tokens;
using FakeAws.Engine.Cognito.WebAuthn;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// WEB_AUTHN as a first factor of choice-based sign-in: the challenge carries CREDENTIAL_REQUEST_OPTIONS (what
// navigator.credentials.get takes), and the answer's CREDENTIAL is the authenticator's assertion, checked against
// the public key CompleteWebAuthnRegistration stored.
internal sealed partial class CognitoIdentityProviderEngine
{
    // The timeout AWS's CREDENTIAL_REQUEST_OPTIONS carry, three minutes like the session.
    private const int AssertionTimeoutMs = 180_000;

    private AuthOutcome PasskeyChallenge(UserPool pool, AppClient client, PoolUser user)
    {
        string options;
        AuthSession session;
        lock (pool.Gate)
        {
            var challenge = Base64Url.Encode(_cloud.Ids.NewBytes(16));
            var rpId = RelyingParty(pool);
            options = new JsonObject
            {
                ["challenge"] = challenge,
                ["timeout"] = AssertionTimeoutMs,
                ["rpId"] = rpId,
                ["allowCredentials"] = new JsonArray(user.Passkeys.Values.Where(c => c.RelyingPartyId == rpId).Select(c => (JsonNode)new JsonObject
                {
                    ["type"] = "public-key",
                    ["id"] = c.CredentialId,
                    ["transports"] = new JsonArray(c.Transports.Select(t => (JsonNode)JsonValue.Create(t)).ToArray()),
                }).ToArray()),
                ["userVerification"] = UserVerification(pool),
            }.ToJsonString();
            session = new AuthSession
            {
                Username = user.Username,
                ClientId = client.Id,
                Challenge = "WEB_AUTHN",
                Expires = Now + client.SessionValidity,
                WebAuthnChallenge = challenge,
            };
        }
        return new AuthOutcome("WEB_AUTHN", NewSession(pool, client, session), new Dictionary<string, string> { ["CREDENTIAL_REQUEST_OPTIONS"] = options }, null);
    }

    /// <summary>WEB_AUTHN answered with CREDENTIAL: a first factor that signs the user in by itself.</summary>
    private async Task<AuthOutcome> PasskeyAnswerAsync(RequestScope scope, UserPool pool, AppClient client, string session, AuthSession auth,
        Dictionary<string, string> responses, Dictionary<string, string>? metadata, CancellationToken ct)
    {
        JsonElement credential;
        try
        {
            credential = JsonDocument.Parse(Parameter(responses, "CREDENTIAL")).RootElement;
        }
        catch (JsonException)
        {
            throw CognitoErrors.InvalidParameter("CREDENTIAL is not JSON.");
        }
        PoolUser user;
        lock (pool.Gate)
        {
            user = pool.Users.GetValueOrDefault(auth.Username) ?? throw CognitoErrors.UserNotFound();
            if (!user.Passkeys.TryGetValue(WebAuthnCeremony.CredentialId(credential), out var stored))
            {
                throw CognitoErrors.NotAuthorized("The passkey is not registered for this user.");
            }
            stored.SignCount = WebAuthnCeremony.VerifyAssertion(credential, stored, auth.WebAuthnChallenge!, UserVerification(pool) == "required");
            pool.Sessions.Remove(session);
            if (!user.Enabled)
            {
                throw CognitoErrors.UserDisabled();
            }
        }
        return await SucceedAsync(scope, pool, client, user, "TokenGeneration_Authentication", metadata, ct).ConfigureAwait(false);
    }
}
