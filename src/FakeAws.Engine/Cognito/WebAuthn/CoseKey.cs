using System.Formats.Cbor;
using System.Security.Cryptography;

namespace FakeAws.Engine.Cognito.WebAuthn;

/// <summary>
/// A credential public key in COSE form (RFC 9053), as an authenticator puts it in its attested credential
/// data: EC2 on P-256 with ES256 (alg -7) or RSA with RS256 (alg -257), the two algorithms Cognito offers.
/// </summary>
internal static class CoseKey
{
    public const int Es256 = -7;
    public const int Rs256 = -257;

    /// <summary>Reads a COSE key from the front of <paramref name="data"/>; returns how many bytes it took.</summary>
    /// <exception cref="FormatException">Not a COSE key Cognito can use.</exception>
    public static (int Algorithm, int Length) Read(ReadOnlyMemory<byte> data)
    {
        var map = ReadMap(data, out var length);
        var kty = map.GetValueOrDefault(1) as long?;
        var alg = map.GetValueOrDefault(3) as long?;
        var valid = (kty, alg) switch
        {
            (2, Es256) => map.GetValueOrDefault(-1) as long? == 1 && map.GetValueOrDefault(-2) is byte[] { Length: 32 } && map.GetValueOrDefault(-3) is byte[] { Length: 32 },
            (3, Rs256) => map.GetValueOrDefault(-1) is byte[] { Length: > 0 } && map.GetValueOrDefault(-2) is byte[] { Length: > 0 },
            _ => false,
        };
        return valid ? ((int)alg!.Value, length) : throw new FormatException($"COSE key type {kty} with algorithm {alg} is not supported.");
    }

    /// <summary>Whether <paramref name="signature"/> (DER for ES256, PKCS #1 v1.5 for RS256) signs <paramref name="data"/> with the key.</summary>
    public static bool Verify(byte[] coseKey, byte[] data, byte[] signature)
    {
        var map = ReadMap(coseKey, out _);
        try
        {
            if (map.GetValueOrDefault(3) as long? == Es256)
            {
                using var ec = ECDsa.Create(new ECParameters
                {
                    Curve = ECCurve.NamedCurves.nistP256,
                    Q = new ECPoint { X = (byte[])map[-2]!, Y = (byte[])map[-3]! },
                });
                return ec.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            }
            using var rsa = RSA.Create(new RSAParameters { Modulus = (byte[])map[-1]!, Exponent = (byte[])map[-2]! });
            return rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>The COSE form of an ES256 key.</summary>
    public static byte[] Encode(ECParameters key)
    {
        var writer = new CborWriter(CborConformanceMode.Ctap2Canonical);
        writer.WriteStartMap(5);
        writer.WriteInt32(1);
        writer.WriteInt32(2);
        writer.WriteInt32(3);
        writer.WriteInt32(Es256);
        writer.WriteInt32(-1);
        writer.WriteInt32(1);
        writer.WriteInt32(-2);
        writer.WriteByteString(key.Q.X!);
        writer.WriteInt32(-3);
        writer.WriteByteString(key.Q.Y!);
        writer.WriteEndMap();
        return writer.Encode();
    }

    /// <summary>The COSE form of an RS256 key.</summary>
    public static byte[] Encode(RSAParameters key)
    {
        var writer = new CborWriter(CborConformanceMode.Ctap2Canonical);
        writer.WriteStartMap(4);
        writer.WriteInt32(1);
        writer.WriteInt32(3);
        writer.WriteInt32(3);
        writer.WriteInt32(Rs256);
        writer.WriteInt32(-1);
        writer.WriteByteString(key.Modulus!);
        writer.WriteInt32(-2);
        writer.WriteByteString(key.Exponent!);
        writer.WriteEndMap();
        return writer.Encode();
    }

    // Integer labels to integer or byte-string values: all a COSE key of these two types holds.
    private static Dictionary<long, object?> ReadMap(ReadOnlyMemory<byte> data, out int length)
    {
        try
        {
            var reader = new CborReader(data, CborConformanceMode.Lax, allowMultipleRootLevelValues: true);
            var map = new Dictionary<long, object?>();
            var count = reader.ReadStartMap();
            for (var i = 0; count is null ? reader.PeekState() != CborReaderState.EndMap : i < count; i++)
            {
                var label = reader.ReadInt64();
                map[label] = reader.PeekState() switch
                {
                    CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger => reader.ReadInt64(),
                    CborReaderState.ByteString => reader.ReadByteString(),
                    _ => Skip(reader),
                };
            }
            reader.ReadEndMap();
            length = data.Length - reader.BytesRemaining;
            return map;
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or OverflowException)
        {
            throw new FormatException("The credential public key is not a COSE key.", e);
        }
    }

    private static object? Skip(CborReader reader)
    {
        reader.SkipValue();
        return null;
    }
}
