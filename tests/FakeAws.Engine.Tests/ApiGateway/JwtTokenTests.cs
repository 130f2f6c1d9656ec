using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FakeAws.Engine.ApiGateway.Auth;

namespace FakeAws.Engine.Tests.ApiGateway;

public class JwtTokenTests
{
    private static readonly RSA Key = RSA.Create(2048);

    [OneTimeTearDown]
    public static void DisposeKey() => Key.Dispose();

    private static string Sign(object header, object claims, RSA? key = null)
    {
        static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var input = $"{B64(JsonSerializer.SerializeToUtf8Bytes(header))}.{B64(JsonSerializer.SerializeToUtf8Bytes(claims))}";
        return $"{input}.{B64((key ?? Key).SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))}";
    }

    private static JsonWebKeySet Keys(string kid = "k1") => JsonWebKeySet.FromRsa(Key.ExportParameters(false), kid);

    [Test]
    public void IsSignedBy_TheKeyTheKidNames()
    {
        Assert.That(JwtToken.TryParse(Sign(new { alg = "RS256", kid = "k1" }, new { iss = "i" }), out var token), Is.True);

        Assert.That(token.IsSignedBy(Keys("k1")), Is.True);
        Assert.That(token.IsSignedBy(Keys("k2")), Is.False);
        Assert.That(token.Issuer, Is.EqualTo("i"));
    }

    [Test]
    public void IsSignedBy_OtherKeyOrAlgorithm_False()
    {
        using var other = RSA.Create(2048);
        JwtToken.TryParse(Sign(new { alg = "RS256" }, new { }, other), out var forged);
        JwtToken.TryParse(Sign(new { alg = "HS256" }, new { }), out var hmac);

        Assert.That(forged.IsSignedBy(Keys()), Is.False);
        Assert.That(hmac.IsSignedBy(Keys()), Is.False);
    }

    [TestCase("")]
    [TestCase("a.b")]
    [TestCase("e30.bm90IGpzb24.c2ln")]
    public void TryParse_NotAJwt_False(string text) => Assert.That(JwtToken.TryParse(text, out _), Is.False);

    [Test]
    public void ClaimsHelpers_TimesListsScopes()
    {
        JwtToken.TryParse(Sign(new { alg = "RS256" }, new { exp = 1700000000, aud = new[] { "a", "b" }, scope = "read write" }), out var token);

        Assert.That(token.Time("exp"), Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1700000000)));
        Assert.That(token.Strings("aud"), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(token.Scopes, Is.EqualTo(new[] { "read", "write" }));
    }

    [Test]
    public void JsonWebKeySet_Parse_SkipsOtherKeyTypes()
    {
        var keys = JsonWebKeySet.Parse("""{"keys":[{"kty":"EC","crv":"P-256","x":"a","y":"b"},{"kty":"RSA","kid":"k","n":"AQAB","e":"AQAB"}]}""");

        Assert.That(keys.Keys.Select(k => k.KeyId), Is.EqualTo(new[] { "k" }));
        Assert.Throws<FormatException>(() => JsonWebKeySet.Parse("""{"nokeys":1}"""));
    }
}
