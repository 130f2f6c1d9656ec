namespace FakeAws.Engine.Core;

/// <summary>
/// Identifiers (request ids, table ids, pool ids, tokens) drawn from a seeded generator, so two runs
/// of the same test see the same ids.
/// </summary>
internal sealed class DeterministicIds(int seed)
{
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private readonly Random _random = new(seed);

    /// <summary>A random (version 4 layout) GUID.</summary>
    public Guid NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        lock (_random)
        {
            _random.NextBytes(bytes);
        }
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary><paramref name="length"/> characters from <paramref name="alphabet"/>.</summary>
    public string NewString(int length, string alphabet = Alphanumerics)
    {
        var chars = new char[length];
        lock (_random)
        {
            for (var i = 0; i < length; i++)
            {
                chars[i] = alphabet[_random.Next(alphabet.Length)];
            }
        }
        return new string(chars);
    }

    /// <summary>A number from 0 (included) to 1 (excluded), for choices that must repeat from run to run.</summary>
    public double NewDouble()
    {
        lock (_random)
        {
            return _random.NextDouble();
        }
    }

    /// <summary>Random bytes, for secrets and keys that must still be the same on every run.</summary>
    public byte[] NewBytes(int length)
    {
        var bytes = new byte[length];
        lock (_random)
        {
            _random.NextBytes(bytes);
        }
        return bytes;
    }
}
