using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FakeAws.Engine.Cognito.Tokens;

namespace FakeAws.Engine.Cognito.WebAuthn;

/// <summary>
/// The relying party's checks of WebAuthn §7.1 (registration) and §7.2 (authentication) that Cognito makes:
/// the client data's type, challenge and origin, the authenticator data's relying party hash and flags,
/// the "none" (or self-attested "packed") attestation, and the assertion's signature.
/// </summary>
internal static class WebAuthnCeremony
{
    /// <summary>What a registration proved: the credential to store.</summary>
    public sealed record Registration(string CredentialId, byte[] PublicKey, uint SignCount, string? Attachment, List<string> Transports);

    /// <summary>Checks a RegistrationResponseJSON against the challenge StartWebAuthnRegistration gave.</summary>
    public static Registration VerifyRegistration(JsonElement credential, PendingRegistration pending, bool requireVerification)
    {
        var response = Member(credential, "response");
        var clientDataJson = Bytes(response, "clientDataJSON");
        CheckClientData(clientDataJson, "webauthn.create", pending.Challenge, pending.RelyingPartyId);
        var (format, statement, authDataBytes) = ReadAttestation(Bytes(response, "attestationObject"));
        var authData = ParseAuthenticatorData(authDataBytes);
        CheckAuthenticatorData(authData, pending.RelyingPartyId, requireVerification);
        if (authData.CredentialId is null || authData.PublicKey is null)
        {
            throw CognitoErrors.WebAuthnCredentialNotSupported("the authenticator data holds no attested credential");
        }
        var id = Base64Url.Encode(authData.CredentialId);
        if (Text(credential, "id") != id)
        {
            throw CognitoErrors.InvalidParameter("The credential id does not match the attested credential.");
        }
        CheckAttestation(format, statement, authDataBytes, clientDataJson, authData.PublicKey);
        var transports = response.TryGetProperty("transports", out var t) && t.ValueKind == JsonValueKind.Array
            ? t.EnumerateArray().Select(x => x.GetString() ?? "").ToList()
            : [];
        var attachment = credential.TryGetProperty("authenticatorAttachment", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        return new Registration(id, authData.PublicKey, authData.SignCount, attachment, transports);
    }

    /// <summary>Checks an AuthenticationResponseJSON against a sign-in's challenge and the stored credential; returns the new counter.</summary>
    public static uint VerifyAssertion(JsonElement credential, WebAuthnCredential stored, string challenge, bool requireVerification)
    {
        var response = Member(credential, "response");
        var clientDataJson = Bytes(response, "clientDataJSON");
        CheckClientData(clientDataJson, "webauthn.get", challenge, stored.RelyingPartyId);
        var authDataBytes = Bytes(response, "authenticatorData");
        var authData = ParseAuthenticatorData(authDataBytes);
        CheckAuthenticatorData(authData, stored.RelyingPartyId, requireVerification);
        var signed = authDataBytes.Concat(SHA256.HashData(clientDataJson)).ToArray();
        if (!CoseKey.Verify(stored.PublicKey, signed, Bytes(response, "signature")))
        {
            throw CognitoErrors.NotAuthorized("The passkey's signature could not be verified.");
        }
        // A counter that does not move forward means a cloned authenticator (§7.2 step 21); 0 and 0 means it keeps none.
        if ((authData.SignCount != 0 || stored.SignCount != 0) && authData.SignCount <= stored.SignCount)
        {
            throw CognitoErrors.NotAuthorized("The passkey's signature counter did not increase.");
        }
        return authData.SignCount;
    }

    /// <summary>The credential id an assertion names.</summary>
    public static string CredentialId(JsonElement credential) => Text(credential, "id");

    private static void CheckClientData(byte[] clientDataJson, string type, string challenge, string rpId)
    {
        JsonElement clientData;
        try
        {
            clientData = JsonDocument.Parse(clientDataJson).RootElement;
        }
        catch (JsonException)
        {
            throw CognitoErrors.InvalidParameter("The credential's clientDataJSON is not JSON.");
        }
        if (Text(clientData, "type") != type)
        {
            throw CognitoErrors.InvalidParameter($"The credential's client data type is not {type}.");
        }
        if (Text(clientData, "challenge") != challenge)
        {
            throw type == "webauthn.create"
                ? CognitoErrors.WebAuthnChallengeNotFound()
                : CognitoErrors.NotAuthorized("The passkey answered another challenge.");
        }
        var origin = Text(clientData, "origin");
        if (!OriginAllowed(origin, rpId))
        {
            throw type == "webauthn.create"
                ? CognitoErrors.WebAuthnOriginNotAllowed(origin)
                : CognitoErrors.NotAuthorized($"The passkey's origin {origin} is not allowed.");
        }
    }

    /// <summary>An https origin whose host is the relying party id or a subdomain of it (§13.4.9); http only for localhost.</summary>
    public static bool OriginAllowed(string origin, string rpId)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return false;
        }
        var secure = uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp && uri.Host == "localhost";
        return secure && (string.Equals(uri.Host, rpId, StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith("." + rpId, StringComparison.OrdinalIgnoreCase));
    }

    private static AuthenticatorData ParseAuthenticatorData(byte[] data)
    {
        try
        {
            return AuthenticatorData.Parse(data);
        }
        catch (FormatException e)
        {
            throw CognitoErrors.WebAuthnCredentialNotSupported(e.Message);
        }
    }

    private static void CheckAuthenticatorData(AuthenticatorData data, string rpId, bool requireVerification)
    {
        if (!data.RpIdHash.AsSpan().SequenceEqual(SHA256.HashData(Encoding.UTF8.GetBytes(rpId))))
        {
            throw CognitoErrors.WebAuthnRelyingPartyMismatch(rpId);
        }
        if (!data.Has(AuthenticatorData.UserPresent))
        {
            throw CognitoErrors.WebAuthnCredentialNotSupported("the authenticator did not test user presence");
        }
        if (requireVerification && !data.Has(AuthenticatorData.UserVerified))
        {
            throw CognitoErrors.WebAuthnCredentialNotSupported("the user pool requires user verification and the authenticator did not verify the user");
        }
    }

    private static (string Format, CborReader Statement, byte[] AuthData) ReadAttestation(byte[] attestationObject)
    {
        try
        {
            var reader = new CborReader(attestationObject, CborConformanceMode.Lax);
            string? format = null;
            byte[]? authData = null;
            byte[]? statement = null;
            var count = reader.ReadStartMap();
            for (var i = 0; count is null ? reader.PeekState() != CborReaderState.EndMap : i < count; i++)
            {
                switch (reader.ReadTextString())
                {
                    case "fmt":
                        format = reader.ReadTextString();
                        break;
                    case "authData":
                        authData = reader.ReadByteString();
                        break;
                    case "attStmt":
                        statement = reader.ReadEncodedValue().ToArray();
                        break;
                    default:
                        reader.SkipValue();
                        break;
                }
            }
            if (format is null || authData is null || statement is null)
            {
                throw CognitoErrors.WebAuthnCredentialNotSupported("the attestation object lacks fmt, attStmt or authData");
            }
            return (format, new CborReader(statement, CborConformanceMode.Lax), authData);
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException)
        {
            throw CognitoErrors.WebAuthnCredentialNotSupported("the attestation object is not CBOR");
        }
    }

    // "none" has an empty statement; "packed" without a certificate chain is self-attestation, signed with the
    // credential's own key. A statement that vouches for the authenticator with a certificate is not checked.
    private static void CheckAttestation(string format, CborReader statement, byte[] authData, byte[] clientDataJson, byte[] publicKey)
    {
        try
        {
            var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
            var count = statement.ReadStartMap();
            for (var i = 0; count is null ? statement.PeekState() != CborReaderState.EndMap : i < count; i++)
            {
                var key = statement.ReadTextString();
                fields[key] = statement.PeekState() switch
                {
                    CborReaderState.ByteString => statement.ReadByteString(),
                    CborReaderState.NegativeInteger or CborReaderState.UnsignedInteger => statement.ReadInt64(),
                    _ => Skip(statement),
                };
            }
            switch (format)
            {
                case "none" when fields.Count == 0:
                    return;
                case "packed" when !fields.ContainsKey("x5c") && fields.GetValueOrDefault("sig") is byte[] sig:
                    if (!CoseKey.Verify(publicKey, authData.Concat(SHA256.HashData(clientDataJson)).ToArray(), sig))
                    {
                        throw CognitoErrors.WebAuthnCredentialNotSupported("the packed self-attestation signature does not verify");
                    }
                    return;
                case "packed" or "fido-u2f" or "tpm" or "android-key" or "android-safetynet" or "apple" when fields.Count > 0:
                    return;
                default:
                    throw CognitoErrors.WebAuthnCredentialNotSupported($"the attestation format {format} is not supported");
            }
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException)
        {
            throw CognitoErrors.WebAuthnCredentialNotSupported("the attestation statement is not a CBOR map");
        }
    }

    private static object? Skip(CborReader reader)
    {
        reader.SkipValue();
        return null;
    }

    private static JsonElement Member(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw CognitoErrors.InvalidParameter($"The credential has no {name}.");

    private static string Text(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw CognitoErrors.InvalidParameter($"The credential has no {name}.");

    private static byte[] Bytes(JsonElement parent, string name) =>
        Base64Url.TryDecode(Text(parent, name)) ?? throw CognitoErrors.InvalidParameter($"The credential's {name} is not base64url.");
}
