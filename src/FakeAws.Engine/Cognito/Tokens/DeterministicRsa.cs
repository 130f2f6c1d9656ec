using System.Collections.Concurrent;
using System.Numerics;
using System.Security.Cryptography;

namespace FakeAws.Engine.Cognito.Tokens;

/// <summary>
/// RSA keys made from a seed, so a cloud with the same seed signs with the same keys on every run.
/// The operating system's key generator cannot be seeded, so the primes are found here: random odd
/// candidates from a seeded generator, sieved by small primes, then Miller-Rabin tested.
/// Keys are remembered per seed for the whole process, because finding primes costs a few hundred milliseconds.
/// </summary>
internal static class DeterministicRsa
{
    private const int Bits = 2048;
    private static readonly ConcurrentDictionary<string, RSAParameters> Made = new();
    private static readonly int[] SmallPrimes = Enumerable.Range(3, 20_000).Where(IsSmallPrime).ToArray();

    /// <summary>The key for <paramref name="seed"/>, made once per process.</summary>
    public static RSAParameters FromSeed(byte[] seed) => Made.GetOrAdd(Convert.ToHexString(seed), _ => Generate(seed));

    private static RSAParameters Generate(byte[] seed)
    {
        var random = new Random(BitConverter.ToInt32(SHA256.HashData(seed)));
        var e = new BigInteger(65537);
        while (true)
        {
            var p = Prime(random, Bits / 2);
            var q = Prime(random, Bits / 2);
            if (p == q)
            {
                continue;
            }
            if (p < q)
            {
                (p, q) = (q, p);
            }
            var phi = (p - 1) * (q - 1);
            if (BigInteger.GreatestCommonDivisor(e, phi) != 1)
            {
                continue;
            }
            var n = p * q;
            if (n.GetBitLength() != Bits)
            {
                continue;
            }
            var d = ModInverse(e, phi);
            const int half = Bits / 16;
            return new RSAParameters
            {
                Modulus = Unsigned(n, Bits / 8),
                Exponent = Unsigned(e, 3),
                D = Unsigned(d, Bits / 8),
                P = Unsigned(p, half),
                Q = Unsigned(q, half),
                DP = Unsigned(d % (p - 1), half),
                DQ = Unsigned(d % (q - 1), half),
                InverseQ = Unsigned(ModInverse(q, p), half),
            };
        }
    }

    /// <summary>
    /// The first probable prime at or after a random odd start. Each small prime's remainder is
    /// taken once, so ruling out a candidate costs integer additions; only survivors get a modular
    /// exponentiation, and a candidate's first Miller-Rabin round fails almost every composite.
    /// </summary>
    private static BigInteger Prime(Random random, int bits)
    {
        var bytes = new byte[bits / 8 + 1];
        random.NextBytes(bytes);
        bytes[^1] = 0;
        // Top two bits set so the product has exactly twice the bits; odd.
        bytes[^2] |= 0xC0;
        bytes[0] |= 1;
        var start = new BigInteger(bytes);
        var remainders = SmallPrimes.Select(p => (int)(start % p)).ToArray();
        for (var offset = 0; ; offset += 2)
        {
            var divisible = false;
            for (var i = 0; i < SmallPrimes.Length && !divisible; i++)
            {
                divisible = (remainders[i] + offset) % SmallPrimes[i] == 0;
            }
            if (!divisible && MillerRabin(start + offset, random))
            {
                return start + offset;
            }
        }
    }

    // Five rounds: FIPS 186-4 (table C.3) asks no more for 1024-bit primes of a 2048-bit key.
    private static bool MillerRabin(BigInteger n, Random random)
    {
        var d = n - 1;
        var r = 0;
        while (d.IsEven)
        {
            d >>= 1;
            r++;
        }
        var bytes = new byte[n.GetByteCount()];
        for (var round = 0; round < 5; round++)
        {
            random.NextBytes(bytes);
            bytes[^1] &= 0x7F;
            var a = new BigInteger(bytes) % (n - 3) + 2;
            var x = BigInteger.ModPow(a, d, n);
            if (x == 1 || x == n - 1)
            {
                continue;
            }
            var composite = true;
            for (var i = 1; i < r && composite; i++)
            {
                x = BigInteger.ModPow(x, 2, n);
                composite = x != n - 1;
            }
            if (composite)
            {
                return false;
            }
        }
        return true;
    }

    private static BigInteger ModInverse(BigInteger a, BigInteger m)
    {
        var (oldR, r) = (a, m);
        var (oldS, s) = (BigInteger.One, BigInteger.Zero);
        while (r != 0)
        {
            var quotient = oldR / r;
            (oldR, r) = (r, oldR - quotient * r);
            (oldS, s) = (s, oldS - quotient * s);
        }
        return (oldS % m + m) % m;
    }

    private static byte[] Unsigned(BigInteger value, int length)
    {
        var raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (raw.Length >= length)
        {
            return raw;
        }
        var padded = new byte[length];
        raw.CopyTo(padded, length - raw.Length);
        return padded;
    }

    private static bool IsSmallPrime(int n)
    {
        for (var i = 2; i * i <= n; i++)
        {
            if (n % i == 0)
            {
                return false;
            }
        }
        return true;
    }
}
