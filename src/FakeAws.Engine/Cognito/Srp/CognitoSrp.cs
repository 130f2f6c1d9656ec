using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace FakeAws.Engine.Cognito.Srp;

/// <summary>
/// The server half of SRP-6a exactly as Cognito and its client libraries (amazon-cognito-identity-js,
/// Amplify, pycognito) compute it: the 3072-bit group of RFC 3526 with g = 2, SHA-256 over the bytes
/// of zero-padded hex strings, x = H(salt | H(poolName | userId | ":" | password)), and the session key
/// derived with HKDF under the info string "Caldera Derived Key".
/// </summary>
internal static class CognitoSrp
{
    private const string NHex =
        "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD" +
        "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
        "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F" +
        "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B" +
        "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510" +
        "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7" +
        "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C" +
        "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF";

    public static readonly BigInteger N = FromHex(NHex);
    public static readonly BigInteger G = 2;
    public static readonly BigInteger K = FromHex(HexHash(PadHex(N) + PadHex(G)));

    /// <summary>The verifier v = g^x for a user's password and salt.</summary>
    public static BigInteger Verifier(string poolName, string userId, string password, BigInteger salt) =>
        BigInteger.ModPow(G, X(poolName, userId, password, salt), N);

    public static BigInteger X(string poolName, string userId, string password, BigInteger salt)
    {
        var inner = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{poolName}{userId}:{password}")));
        return FromHex(HexHash(PadHex(salt) + inner));
    }

    /// <summary>The server's public value B = k·v + g^b.</summary>
    public static BigInteger ServerB(BigInteger verifier, BigInteger b) => (K * verifier + BigInteger.ModPow(G, b, N)) % N;

    /// <summary>The 16-byte key both sides derive, from the server's side: S = (A·v^u)^b.</summary>
    public static byte[] ServerKey(BigInteger a, BigInteger bigB, BigInteger b, BigInteger verifier)
    {
        var u = U(a, bigB);
        var s = BigInteger.ModPow(a * BigInteger.ModPow(verifier, u, N) % N, b, N);
        return Hkdf(FromHexBytes(PadHex(s)), FromHexBytes(PadHex(u)));
    }

    public static BigInteger U(BigInteger a, BigInteger b) => FromHex(HexHash(PadHex(a) + PadHex(b)));

    /// <summary>The claim signature: HMAC(key, poolName | userId | secretBlock | timestamp), base64.</summary>
    public static string Signature(byte[] key, string poolName, string userId, byte[] secretBlock, string timestamp)
    {
        var message = Encoding.UTF8.GetBytes(poolName + userId).Concat(secretBlock).Concat(Encoding.UTF8.GetBytes(timestamp)).ToArray();
        return Convert.ToBase64String(HMACSHA256.HashData(key, message));
    }

    /// <summary>The TIMESTAMP the client libraries send, for example "Tue Mar 3 04:05:06 UTC 2026" (day not padded).</summary>
    public static string Timestamp(DateTimeOffset now) =>
        now.UtcDateTime.ToString("ddd MMM d HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture);

    public static byte[] Hkdf(byte[] ikm, byte[] salt)
    {
        var prk = HMACSHA256.HashData(salt, ikm);
        var info = Encoding.UTF8.GetBytes("Caldera Derived Key").Append((byte)1).ToArray();
        return HMACSHA256.HashData(prk, info)[..16];
    }

    /// <summary>
    /// Hex of a non-negative number as the client libraries pad it: even length, and a leading
    /// "00" when the first digit is 8 or more, so the bytes read as a positive number.
    /// </summary>
    public static string PadHex(BigInteger value)
    {
        var hex = value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');
        if (hex.Length == 0)
        {
            hex = "0";
        }
        if (hex.Length % 2 == 1)
        {
            hex = "0" + hex;
        }
        else if ("89abcdef".Contains(hex[0]))
        {
            hex = "00" + hex;
        }
        return hex;
    }

    public static string HexHash(string hex) => Convert.ToHexStringLower(SHA256.HashData(FromHexBytes(hex)));

    public static BigInteger FromHex(string hex) => BigInteger.Parse("0" + hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    /// <summary>Parses a client's hex value; null when it is not hex.</summary>
    public static BigInteger? TryFromHex(string? hex) =>
        hex is { Length: > 0 } && hex.All(Uri.IsHexDigit) ? FromHex(hex) : null;

    public static string ToHex(BigInteger value) => value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0') is { Length: > 0 } h ? h : "0";

    private static byte[] FromHexBytes(string hex) => Convert.FromHexString(hex);
}
