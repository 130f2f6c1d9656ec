using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace FakeAws.Tests.Cognito;

/// <summary>
/// The client half of Cognito's SRP, written from the published protocol (as amazon-cognito-identity-js'
/// AuthenticationHelper computes it), independently of the engine's code: it is what proves the
/// engine's math agrees with AWS's client libraries.
/// </summary>
public sealed class SrpClient
{
    // RFC 3526, 3072-bit MODP group.
    private static readonly BigInteger N = BigInteger.Parse("0" +
        "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD" +
        "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
        "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F" +
        "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B" +
        "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510" +
        "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7" +
        "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C" +
        "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF", NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static readonly BigInteger G = 2;
    private readonly BigInteger _a;

    public SrpClient(int seed)
    {
        var bytes = new byte[128];
        new Random(seed).NextBytes(bytes);
        _a = new BigInteger(bytes, isUnsigned: true) % N;
        A = BigInteger.ModPow(G, _a, N);
    }

    public BigInteger A { get; }

    public string SrpA => A.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');

    /// <summary>PASSWORD_CLAIM_SIGNATURE for the PASSWORD_VERIFIER challenge.</summary>
    public string Signature(string poolId, string userIdForSrp, string password, string srpBHex, string saltHex, string secretBlock, string timestamp) =>
        ClaimSignature(poolId.Split('_')[1], userIdForSrp, password, srpBHex, saltHex, secretBlock, timestamp);

    /// <summary>PASSWORD_CLAIM_SIGNATURE for DEVICE_PASSWORD_VERIFIER: the device group key stands for the pool name, the device key for the user.</summary>
    public string DeviceSignature(string deviceGroupKey, string deviceKey, string devicePassword, string srpBHex, string saltHex, string secretBlock, string timestamp) =>
        ClaimSignature(deviceGroupKey, deviceKey, devicePassword, srpBHex, saltHex, secretBlock, timestamp);

    /// <summary>
    /// What ConfirmDevice sends: the salt and the verifier g^x, x = H(salt | H(groupKey + deviceKey + ":" + password)),
    /// each as base64 of its padded big-endian bytes (amazon-cognito-identity-js' generateHashDevice).
    /// </summary>
    public static (string PasswordVerifier, string Salt) DeviceVerifier(string deviceGroupKey, string deviceKey, string devicePassword, byte[] salt)
    {
        var saltHex = Pad(new BigInteger(salt, isUnsigned: true, isBigEndian: true));
        var x = X(deviceGroupKey, deviceKey, devicePassword, saltHex);
        return (Convert.ToBase64String(Convert.FromHexString(Pad(BigInteger.ModPow(G, x, N)))), Convert.ToBase64String(Convert.FromHexString(saltHex)));
    }

    private static BigInteger X(string poolName, string userId, string password, string saltHex)
    {
        var inner = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{poolName}{userId}:{password}")));
        return Hex(HashHex(Pad(Hex(saltHex)) + inner));
    }

    private string ClaimSignature(string poolName, string userIdForSrp, string password, string srpBHex, string saltHex, string secretBlock, string timestamp)
    {
        var b = Hex(srpBHex);
        var k = Hex(HashHex(Pad(N) + Pad(G)));
        var u = Hex(HashHex(Pad(A) + Pad(b)));
        var x = X(poolName, userIdForSrp, password, saltHex);
        var gx = BigInteger.ModPow(G, x, N);
        var baseValue = ((b - k * gx) % N + N) % N;
        var s = BigInteger.ModPow(baseValue, _a + u * x, N);
        var prk = HMACSHA256.HashData(Convert.FromHexString(Pad(u)), Convert.FromHexString(Pad(s)));
        var key = HMACSHA256.HashData(prk, Encoding.UTF8.GetBytes("Caldera Derived Key").Append((byte)1).ToArray())[..16];
        var message = Encoding.UTF8.GetBytes(poolName + userIdForSrp).Concat(Convert.FromBase64String(secretBlock)).Concat(Encoding.UTF8.GetBytes(timestamp)).ToArray();
        return Convert.ToBase64String(HMACSHA256.HashData(key, message));
    }

    /// <summary>"Tue Mar 3 04:05:06 UTC 2026": the day is not zero-padded, as the JavaScript library writes it.</summary>
    public static string Timestamp(DateTimeOffset now)
    {
        var t = now.UtcDateTime;
        return $"{t:ddd} {t:MMM} {t.Day} {t:HH}:{t:mm}:{t:ss} UTC {t.Year}".Replace("  ", " ", StringComparison.Ordinal);
    }

    private static BigInteger Hex(string hex) => BigInteger.Parse("0" + hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string HashHex(string hex) => Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(hex)));

    private static string Pad(BigInteger value)
    {
        var hex = value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');
        if (hex.Length % 2 == 1)
        {
            return "0" + hex;
        }
        return "89abcdef".Contains(hex[0]) ? "00" + hex : hex;
    }
}
