using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FakeAws.Engine.Cognito.Tokens;

namespace FakeAws.Engine.Tests.Cognito;

public class SigningKeyTests
{
    [Test]
    public void FromSeed_SameSeed_SameValid2048BitKey()
    {
        var seed = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var first = DeterministicRsa.FromSeed(seed);
        var again = DeterministicRsa.FromSeed((byte[])seed.Clone());

        Assert.That(again.Modulus, Is.EqualTo(first.Modulus));
        Assert.That(first.Modulus, Has.Length.EqualTo(256));
        using var rsa = RSA.Create(first);
        var signature = rsa.SignData("x"u8.ToArray(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        Assert.That(rsa.VerifyData("x"u8.ToArray(), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), Is.True);
    }

    [Test]
    public void Jwt_SignedThenVerified_OnlyWithItsOwnKey()
    {
        var key = new SigningKey(DeterministicRsa.FromSeed([1, 2, 3]));
        var other = new SigningKey(DeterministicRsa.FromSeed([4, 5, 6]));
        var token = Jwt.Sign(new JsonObject { ["sub"] = "abc" }, key);

        Assert.That(Jwt.Verify(token, key)?["sub"]?.GetValue<string>(), Is.EqualTo("abc"));
        Assert.That(Jwt.Verify(token, other), Is.Null);
        Assert.That(Jwt.Verify(token[..^2] + "xx", key), Is.Null);
        Assert.That(key.Kid, Has.Length.EqualTo(44));
    }
}
