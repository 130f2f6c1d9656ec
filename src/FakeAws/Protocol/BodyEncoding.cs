using System.Buffers.Binary;
using System.IO.Compression;

namespace FakeAws.Protocol;

/// <summary>
/// HTTP content codings of request and response bodies, as DynamoDB applies them: it reads request
/// bodies sent with <c>Content-Encoding: gzip</c> or <c>deflate</c> (a body it cannot decode, or another
/// coding, is a 500), and compresses responses of more than <see cref="CompressionThreshold"/> bytes
/// with gzip when the client accepts it.
/// </summary>
internal static class BodyEncoding
{
    /// <summary>Responses up to this size (4 KB) are sent as they are: DynamoDB compresses only larger ones.</summary>
    public const int CompressionThreshold = 4096;

    /// <summary>Why a request body could not be read.</summary>
    public enum Failure
    {
        None,

        /// <summary>The body is not in the coding it names, or names one DynamoDB does not know: a 500.</summary>
        Undecodable,

        /// <summary>The body, before or after decoding, is over the service's limit: a 413.</summary>
        TooLarge,
    }

    /// <summary>
    /// The body as the service reads it: decoded when <paramref name="contentEncoding"/> names gzip or
    /// deflate, and no longer than <paramref name="maxBytes"/> either way.
    /// </summary>
    public static Failure TryDecode(byte[] body, string? contentEncoding, int maxBytes, out byte[] decoded)
    {
        decoded = body;
        if (body.Length > maxBytes)
        {
            return Failure.TooLarge;
        }
        if (string.IsNullOrWhiteSpace(contentEncoding) || contentEncoding.Trim().Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return Failure.None;
        }
        var coding = contentEncoding.Trim().ToLowerInvariant();
        if (coding is not ("gzip" or "deflate") || body.Length == 0)
        {
            return Failure.Undecodable;
        }
        try
        {
            decoded = coding == "gzip" ? Gunzip(body, maxBytes) : Inflate(body, maxBytes);
        }
        catch (InvalidDataException)
        {
            return Failure.Undecodable;
        }
        catch (DecodedTooLargeException)
        {
            return Failure.TooLarge;
        }
        return Failure.None;
    }

    /// <summary>Whether a response of <paramref name="length"/> bytes goes gzip-compressed to a client that sent <paramref name="acceptEncoding"/>.</summary>
    public static bool ShouldCompress(string? acceptEncoding, int length) =>
        length > CompressionThreshold && acceptEncoding is not null && acceptEncoding.Split(',')
            .Select(coding => coding.Split(';'))
            .Any(parts => parts[0].Trim().Equals("gzip", StringComparison.OrdinalIgnoreCase)
                && !parts.Skip(1).Any(p => p.Replace(" ", "", StringComparison.Ordinal) is "q=0" or "q=0.0" or "q=0.00" or "q=0.000"));

    /// <summary>The gzip compression of <paramref name="body"/>.</summary>
    public static byte[] Gzip(byte[] body)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(body);
        }
        return buffer.ToArray();
    }

    // A gzip member is at least a 10-byte header, an empty deflate block and an 8-byte trailer.
    private const int SmallestMember = 20;

    // GZipStream reads concatenated members as one body, as the gzip format allows and DynamoDB does.
    private static byte[] Gunzip(byte[] body, int maxBytes)
    {
        if (!StartsMember(body, 0))
        {
            throw new InvalidDataException("The body does not begin a gzip member.");
        }
        using var input = new MemoryStream(body);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        CopyLimited(gzip, output, maxBytes);
        if (!EndsWithTrailerOf(body, output.Length, maxBytes))
        {
            throw new InvalidDataException("The body's last gzip member is cut short.");
        }
        return output.ToArray();
    }

    private static bool StartsMember(byte[] body, int at) =>
        body.Length - at >= SmallestMember && body[at] == 0x1f && body[at + 1] == 0x8b && body[at + 2] == 8;

    // GZipStream ends quietly where a body is cut short, so the body's last eight bytes must be the trailer of
    // its last member: ISIZE, that member's length. With one member it is the whole decoded length; with
    // several, the last member (found at a later member header) must decode to it on its own.
    private static bool EndsWithTrailerOf(byte[] body, long decodedLength, int maxBytes)
    {
        var size = BinaryPrimitives.ReadUInt32LittleEndian(body.AsSpan(body.Length - 4));
        if (size == (uint)decodedLength)
        {
            return true;
        }
        for (var start = body.Length - SmallestMember; start > 0; start--)
        {
            if (StartsMember(body, start))
            {
                try
                {
                    if ((uint)Gunzip(body[start..], maxBytes).Length == size)
                    {
                        return true;
                    }
                }
                catch (InvalidDataException)
                {
                    // Not a member boundary after all: bytes of compressed data that look like a header.
                }
            }
        }
        return false;
    }

    private static byte[] Inflate(byte[] body, int maxBytes)
    {
        using var input = new MemoryStream(body);
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        CopyLimited(zlib, output, maxBytes);
        return output.ToArray();
    }

    // A small body may inflate to far more than the limit: stop reading once past it.
    private static void CopyLimited(Stream from, MemoryStream to, int maxBytes)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = from.Read(chunk)) > 0)
        {
            if (to.Length + read > maxBytes)
            {
                throw new DecodedTooLargeException();
            }
            to.Write(chunk, 0, read);
        }
    }

    private sealed class DecodedTooLargeException : Exception;
}
