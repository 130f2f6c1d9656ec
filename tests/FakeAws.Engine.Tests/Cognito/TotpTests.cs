using System.Globalization;
using System.Text;
using FakeAws.Engine.Cognito.Mfa;

namespace FakeAws.Engine.Tests.Cognito;

public class TotpTests
{
    // RFC 6238 appendix B (SHA-1 secret "12345678901234567890"), last six digits of the eight-digit values.
    [TestCase(59L, "287082")]
    [TestCase(1111111109L, "081804")]
    [TestCase(1234567890L, "005924")]
    [TestCase(2000000000L, "279037")]
    public void Code_Rfc6238Vectors_Match(long unixSeconds, string expected)
    {
        var secret = Encoding.ASCII.GetBytes("12345678901234567890");
        Assert.That(Totp.Code(secret, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)), Is.EqualTo(expected));
    }

    [Test]
    public void Matches_OneStepEitherSide_ButNotTwo()
    {
        var secret = Encoding.ASCII.GetBytes("12345678901234567890");
        var now = DateTimeOffset.Parse("2026-01-01T00:00:15Z", CultureInfo.InvariantCulture);
        Assert.That(Totp.Matches(secret, Totp.Code(secret, now.AddSeconds(-30)), now), Is.True);
        Assert.That(Totp.Matches(secret, Totp.Code(secret, now.AddSeconds(30)), now), Is.True);
        Assert.That(Totp.Matches(secret, Totp.Code(secret, now.AddSeconds(-60)), now), Is.False);
    }

    [Test]
    public void Base32_RoundTrips()
    {
        var bytes = Enumerable.Range(0, 20).Select(i => (byte)(i * 13)).ToArray();
        Assert.That(Totp.FromBase32(Totp.ToBase32(bytes)), Is.EqualTo(bytes));
        Assert.That(Totp.ToBase32(Encoding.ASCII.GetBytes("foobar")), Is.EqualTo("MZXW6YTBOI"));
    }
}
