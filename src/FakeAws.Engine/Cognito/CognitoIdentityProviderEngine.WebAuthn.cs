using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Engine.Cognito.Model;
using FakeAws.Engine.Cognito.Tokens;
using FakeAws.Engine.Cognito.WebAuthn;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// Passkeys (WebAuthn): StartWebAuthnRegistration gives the options a browser's navigator.credentials.create takes;
// CompleteWebAuthnRegistration checks what the authenticator made of them and stores the public key;
// ListWebAuthnCredentials and DeleteWebAuthnCredential. The relying party is the pool's WebAuthnConfiguration's
// RelyingPartyId, else its custom domain, else its prefix domain.
internal sealed partial class CognitoIdentityProviderEngine
{
    // AWS's CredentialCreationOptions carry a one-minute timeout; the challenge is kept longer, so a slow test is not refused.
    private const int RegistrationTimeoutMs = 60_000;
    private static readonly TimeSpan RegistrationValidity = TimeSpan.FromMinutes(15);

    public StartWebAuthnRegistrationResponse StartWebAuthnRegistration(RequestScope scope, StartWebAuthnRegistrationRequest request)
    {
        var (pool, user, claims) = ReadAccessToken(scope, request.AccessToken);
        lock (pool.Gate)
        {
            var rpId = RelyingParty(pool);
            var challenge = Base64Url.Encode(_cloud.Ids.NewBytes(16));
            user.PendingRegistration = new PendingRegistration(challenge, Text(claims, "client_id")!, rpId, Now + RegistrationValidity);
            var options = new JsonObject
            {
                ["authenticatorSelection"] = new JsonObject
                {
                    ["requireResidentKey"] = true,
                    ["residentKey"] = "required",
                    ["userVerification"] = UserVerification(pool),
                },
                ["challenge"] = challenge,
                ["excludeCredentials"] = new JsonArray(user.Passkeys.Keys.Select(id => (JsonNode)new JsonObject { ["id"] = id, ["type"] = "public-key" }).ToArray()),
                ["pubKeyCredParams"] = new JsonArray(
                    new JsonObject { ["alg"] = CoseKey.Es256, ["type"] = "public-key" },
                    new JsonObject { ["alg"] = CoseKey.Rs256, ["type"] = "public-key" }),
                ["rp"] = new JsonObject { ["id"] = rpId, ["name"] = rpId },
                ["timeout"] = RegistrationTimeoutMs,
                ["user"] = new JsonObject
                {
                    ["displayName"] = user.Username,
                    ["id"] = Base64Url.Encode(System.Text.Encoding.UTF8.GetBytes(user.Sub)),
                    ["name"] = user.Username,
                },
            };
            return new StartWebAuthnRegistrationResponse { CredentialCreationOptions = JsonSerializer.SerializeToElement(options) };
        }
    }

    public CompleteWebAuthnRegistrationResponse CompleteWebAuthnRegistration(RequestScope scope, CompleteWebAuthnRegistrationRequest request)
    {
        var (pool, user, claims) = ReadAccessToken(scope, request.AccessToken);
        lock (pool.Gate)
        {
            RelyingParty(pool);
            if (user.PendingRegistration is not { } pending || Now > pending.Expires)
            {
                throw CognitoErrors.WebAuthnChallengeNotFound();
            }
            if (pending.ClientId != Text(claims, "client_id"))
            {
                throw CognitoErrors.WebAuthnClientMismatch();
            }
            var proved = WebAuthnCeremony.VerifyRegistration(request.Credential!.Value, pending, UserVerification(pool) == "required");
            if (user.Passkeys.ContainsKey(proved.CredentialId))
            {
                throw CognitoErrors.InvalidParameter("The passkey is already registered for this user.");
            }
            user.PendingRegistration = null;
            user.Passkeys[proved.CredentialId] = new WebAuthnCredential
            {
                CredentialId = proved.CredentialId,
                FriendlyName = FriendlyName(proved.Attachment),
                RelyingPartyId = pending.RelyingPartyId,
                AuthenticatorAttachment = proved.Attachment,
                Transports = proved.Transports,
                Created = Now,
                PublicKey = proved.PublicKey,
                SignCount = proved.SignCount,
            };
            return new CompleteWebAuthnRegistrationResponse();
        }
    }

    public ListWebAuthnCredentialsResponse ListWebAuthnCredentials(RequestScope scope, ListWebAuthnCredentialsRequest request)
    {
        var (pool, user, _) = ReadAccessToken(scope, request.AccessToken);
        lock (pool.Gate)
        {
            // MaxResults 0 (the model allows it) and no MaxResults list the model's most, 20.
            var limit = request.MaxResults is > 0 and int max ? max : 20;
            var (page, next) = Paging.Page(user.Passkeys.Values.ToList(), request.NextToken, limit, c => c.CredentialId);
            return new ListWebAuthnCredentialsResponse
            {
                Credentials = page.Select(c => new WebAuthnCredentialDescription
                {
                    CredentialId = c.CredentialId,
                    FriendlyCredentialName = c.FriendlyName,
                    RelyingPartyId = c.RelyingPartyId,
                    AuthenticatorAttachment = c.AuthenticatorAttachment,
                    AuthenticatorTransports = [.. c.Transports],
                    CreatedAt = c.Created,
                }).ToList(),
                NextToken = next,
            };
        }
    }

    public DeleteWebAuthnCredentialResponse DeleteWebAuthnCredential(RequestScope scope, DeleteWebAuthnCredentialRequest request)
    {
        var (pool, user, _) = ReadAccessToken(scope, request.AccessToken);
        lock (pool.Gate)
        {
            if (!user.Passkeys.Remove(request.CredentialId!))
            {
                throw CognitoErrors.ResourceNotFound("Credential not found.");
            }
            return new DeleteWebAuthnCredentialResponse();
        }
    }

    /// <summary>The relying party id passkeys of the pool are made for.</summary>
    private static string RelyingParty(UserPool pool)
    {
        if (!(pool.Description.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? []).Contains("WEB_AUTHN"))
        {
            throw CognitoErrors.WebAuthnNotEnabled();
        }
        return pool.WebAuthn?.RelyingPartyId
            ?? pool.Description.CustomDomain
            ?? (pool.Description.Domain is { } prefix ? $"{prefix}.auth.{pool.Id.Split('_')[0]}.amazoncognito.com" : null)
            ?? throw CognitoErrors.WebAuthnConfigurationMissing();
    }

    private static string UserVerification(UserPool pool) => pool.WebAuthn?.UserVerification ?? "preferred";

    // AWS names a passkey after its provider (from the authenticator's AAGUID); FakeAws knows no providers.
    private static string FriendlyName(string? attachment) => attachment == "platform" ? "Platform passkey" : "Passkey";
}
