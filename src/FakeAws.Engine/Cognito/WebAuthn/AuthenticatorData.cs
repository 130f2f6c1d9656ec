using System.Buffers.Binary;

namespace FakeAws.Engine.Cognito.WebAuthn;

/// <summary>
/// An authenticator's data (WebAuthn §6.1): the SHA-256 of the relying party id, the flags, the signature
/// counter and, at registration, the attested credential (AAGUID, credential id, COSE public key).
/// </summary>
internal sealed record AuthenticatorData(byte[] RpIdHash, byte Flags, uint SignCount, byte[]? Aaguid, byte[]? CredentialId, byte[]? PublicKey)
{
    public const byte UserPresent = 0x01;
    public const byte UserVerified = 0x04;
    public const byte AttestedCredential = 0x40;

    public bool Has(byte flag) => (Flags & flag) != 0;

    /// <exception cref="FormatException">Too short, or an attested credential whose key is not a usable COSE key.</exception>
    public static AuthenticatorData Parse(byte[] data)
    {
        if (data.Length < 37)
        {
            throw new FormatException("The authenticator data is shorter than 37 bytes.");
        }
        var flags = data[32];
        var count = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(33, 4));
        if ((flags & AttestedCredential) == 0)
        {
            return new AuthenticatorData(data[..32], flags, count, null, null, null);
        }
        if (data.Length < 55)
        {
            throw new FormatException("The attested credential data is cut short.");
        }
        var idLength = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(53, 2));
        if (data.Length < 55 + idLength + 1)
        {
            throw new FormatException("The attested credential data is cut short.");
        }
        var keyStart = 55 + idLength;
        var (_, keyLength) = CoseKey.Read(data.AsMemory(keyStart));
        return new AuthenticatorData(data[..32], flags, count, data[37..53], data[55..keyStart], data[keyStart..(keyStart + keyLength)]);
    }
}
