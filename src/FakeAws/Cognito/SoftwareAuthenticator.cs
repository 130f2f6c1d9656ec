using System.Buffers.Binary;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Engine.Cognito.Tokens;
using FakeAws.Engine.Cognito.WebAuthn;

namespace FakeAws.Cognito;

/// <summary>
/// A passkey authenticator in software, for tests of Cognito's WebAuthn flows: it answers the options
/// <c>StartWebAuthnRegistration</c> gives with a RegistrationResponseJSON (a new key pair, "none"
/// attestation) to pass to <c>CompleteWebAuthnRegistration</c>, and a sign-in's
/// <c>CREDENTIAL_REQUEST_OPTIONS</c> with an AuthenticationResponseJSON to send as <c>CREDENTIAL</c>, as a
/// browser's <c>navigator.credentials.create</c> and <c>get</c> would. It works against real Cognito too.
/// </summary>
/// <example>
/// <code>
/// using var passkey = new SoftwareAuthenticator();
/// var options = (await aws.CallAsync("cognito-idp", "StartWebAuthnRegistration", new JsonObject { ["AccessToken"] = token }))!["CredentialCreationOptions"]!;
/// await aws.CallAsync("cognito-idp", "CompleteWebAuthnRegistration", new JsonObject { ["AccessToken"] = token, ["Credential"] = JsonNode.Parse(passkey.CreateCredential(options.ToJsonString())) });
/// </code>
/// </example>
public sealed class SoftwareAuthenticator : IDisposable
{
    private readonly List<Credential> _credentials = [];

    /// <summary>Makes an authenticator that holds no credentials yet.</summary>
    /// <param name="origin">
    /// The web origin the browser reports in the client data, for example <c>https://auth.example.com</c>; null for the
    /// relying party's own origin, <c>https://{rp id}</c>.
    /// </param>
    public SoftwareAuthenticator(string? origin = null)
    {
        Origin = origin;
    }

    /// <summary>The origin given to the constructor; null for the relying party's own.</summary>
    public string? Origin { get; }

    /// <summary>Whether new credentials are RSA keys signing RS256 (COSE -257) rather than P-256 keys signing ES256 (-7).</summary>
    public bool UseRsa { get; init; }

    /// <summary>Whether the authenticator says it verified the user (the UV flag), as a biometric or PIN would. True by default.</summary>
    public bool VerifiesUser { get; init; } = true;

    /// <summary>The ids (base64url) of the credentials made so far, oldest first.</summary>
    public IReadOnlyList<string> CredentialIds => _credentials.Select(c => Base64Url.Encode(c.Id)).ToList();

    /// <summary>Makes a credential for the options of a registration.</summary>
    /// <param name="creationOptionsJson">PublicKeyCredentialCreationOptionsJSON: Cognito's <c>CredentialCreationOptions</c> as JSON text.</param>
    /// <returns>A RegistrationResponseJSON, the <c>Credential</c> of CompleteWebAuthnRegistration.</returns>
    public string CreateCredential(string creationOptionsJson)
    {
        var options = JsonNode.Parse(creationOptionsJson)!.AsObject();
        var rpId = options["rp"]!["id"]!.GetValue<string>();
        var credential = new Credential(RandomNumberGenerator.GetBytes(16), rpId, options["user"]!["id"]!.GetValue<string>(),
            UseRsa ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256));
        _credentials.Add(credential);
        var clientData = ClientData("webauthn.create", options["challenge"]!.GetValue<string>(), rpId);
        var publicKey = credential.Key is RSA rsa ? CoseKey.Encode(rsa.ExportParameters(false)) : CoseKey.Encode(((ECDsa)credential.Key).ExportParameters(false));
        var attested = new byte[18];
        BinaryPrimitives.WriteUInt16BigEndian(attested.AsSpan(16), (ushort)credential.Id.Length);
        var authData = AuthData(rpId, AuthenticatorData.AttestedCredential, 0, [.. attested, .. credential.Id, .. publicKey]);
        var attestation = new CborWriter(CborConformanceMode.Ctap2Canonical);
        attestation.WriteStartMap(3);
        attestation.WriteTextString("fmt");
        attestation.WriteTextString("none");
        attestation.WriteTextString("attStmt");
        attestation.WriteStartMap(0);
        attestation.WriteEndMap();
        attestation.WriteTextString("authData");
        attestation.WriteByteString(authData);
        attestation.WriteEndMap();
        return PublicKeyCredential(credential, new JsonObject
        {
            ["clientDataJSON"] = Base64Url.Encode(clientData),
            ["attestationObject"] = Base64Url.Encode(attestation.Encode()),
            ["transports"] = new JsonArray("internal"),
        });
    }

    /// <summary>Signs a sign-in's challenge with a credential the options allow (any of the relying party's when they list none).</summary>
    /// <param name="requestOptionsJson">PublicKeyCredentialRequestOptionsJSON: the WEB_AUTHN challenge's <c>CREDENTIAL_REQUEST_OPTIONS</c>.</param>
    /// <returns>An AuthenticationResponseJSON, the <c>CREDENTIAL</c> challenge response.</returns>
    /// <exception cref="InvalidOperationException">The authenticator holds no credential the options allow.</exception>
    public string GetAssertion(string requestOptionsJson)
    {
        var options = JsonNode.Parse(requestOptionsJson)!.AsObject();
        var rpId = options["rpId"]!.GetValue<string>();
        var allowed = (options["allowCredentials"]?.AsArray() ?? []).Select(c => c!["id"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var credential = _credentials.LastOrDefault(c => c.RpId == rpId && (allowed.Count == 0 || allowed.Contains(Base64Url.Encode(c.Id))))
            ?? throw new InvalidOperationException($"The authenticator holds no credential for {rpId} that the options allow.");
        credential.SignCount++;
        var clientData = ClientData("webauthn.get", options["challenge"]!.GetValue<string>(), rpId);
        var authData = AuthData(rpId, 0, credential.SignCount, []);
        byte[] signed = [.. authData, .. SHA256.HashData(clientData)];
        var signature = credential.Key is RSA rsa
            ? rsa.SignData(signed, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : ((ECDsa)credential.Key).SignData(signed, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return PublicKeyCredential(credential, new JsonObject
        {
            ["clientDataJSON"] = Base64Url.Encode(clientData),
            ["authenticatorData"] = Base64Url.Encode(authData),
            ["signature"] = Base64Url.Encode(signature),
            ["userHandle"] = credential.UserHandle,
        });
    }

    /// <summary>Forgets the credentials' private keys.</summary>
    public void Dispose()
    {
        foreach (var credential in _credentials)
        {
            credential.Key.Dispose();
        }
        _credentials.Clear();
    }

    // The PublicKeyCredential's JSON form (WebAuthn §5.1), around an attestation or an assertion response.
    private static string PublicKeyCredential(Credential credential, JsonObject response)
    {
        var id = Base64Url.Encode(credential.Id);
        return new JsonObject
        {
            ["id"] = id,
            ["rawId"] = id,
            ["type"] = "public-key",
            ["authenticatorAttachment"] = "platform",
            ["response"] = response,
            ["clientExtensionResults"] = new JsonObject(),
        }.ToJsonString();
    }

    private byte[] ClientData(string type, string challenge, string rpId) => JsonSerializer.SerializeToUtf8Bytes(new JsonObject
    {
        ["type"] = type,
        ["challenge"] = challenge,
        ["origin"] = Origin ?? $"https://{rpId}",
        ["crossOrigin"] = false,
    });

    private byte[] AuthData(string rpId, byte flags, uint signCount, byte[] attested)
    {
        var data = new byte[37];
        SHA256.HashData(Encoding.UTF8.GetBytes(rpId), data);
        data[32] = (byte)(flags | AuthenticatorData.UserPresent | (VerifiesUser ? AuthenticatorData.UserVerified : 0));
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(33), signCount);
        return [.. data, .. attested];
    }

    private sealed class Credential(byte[] id, string rpId, string userHandle, AsymmetricAlgorithm key)
    {
        public byte[] Id { get; } = id;

        public string RpId { get; } = rpId;

        public string UserHandle { get; } = userHandle;

        public AsymmetricAlgorithm Key { get; } = key;

        public uint SignCount { get; set; }
    }
}
