using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace FakeAws.Engine.Cognito.Tokens;

/// <summary>
/// A pool's two RS256 keys: AWS signs ID tokens and access tokens with different keys and lists
/// both in the pool's JWKS. Keys are made on first use from seeds drawn when the pool was created.
/// </summary>
internal sealed class PoolSigningKeys(byte[] idSeed, byte[] accessSeed)
{
    private readonly Lazy<SigningKey> _id = new(() => new SigningKey(DeterministicRsa.FromSeed(idSeed)));
    private readonly Lazy<SigningKey> _access = new(() => new SigningKey(DeterministicRsa.FromSeed(accessSeed)));

    public SigningKey Id => _id.Value;

    public SigningKey Access => _access.Value;

    /// <summary>The JWKS document: <c>{"keys":[...]}</c> with the ID key first, as AWS lists them.</summary>
    public JsonObject Jwks() => new() { ["keys"] = new JsonArray(Id.Jwk(), Access.Jwk()) };
}

/// <summary>One RSA key with its <c>kid</c>.</summary>
internal sealed class SigningKey
{
    private readonly RSAParameters _parameters;

    public SigningKey(RSAParameters parameters)
    {
        _parameters = parameters;
        // AWS's kids are base64 of a 32-byte digest (44 characters ending in '=').
        Kid = Convert.ToBase64String(SHA256.HashData(parameters.Modulus!));
    }

    public string Kid { get; }

    /// <summary>The key as an <see cref="RSA"/> the caller disposes.</summary>
    public RSA ToRsa() => RSA.Create(_parameters);

    public byte[] Sign(byte[] data)
    {
        using var rsa = ToRsa();
        return rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    public bool Verify(byte[] data, byte[] signature)
    {
        using var rsa = RSA.Create(new RSAParameters { Modulus = _parameters.Modulus, Exponent = _parameters.Exponent });
        return rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    public JsonObject Jwk() => new()
    {
        ["alg"] = "RS256",
        ["e"] = Base64Url.Encode(_parameters.Exponent!),
        ["kid"] = Kid,
        ["kty"] = "RSA",
        ["n"] = Base64Url.Encode(_parameters.Modulus!),
        ["use"] = "sig",
    };
}
