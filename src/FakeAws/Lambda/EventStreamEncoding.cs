using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using FakeAws.Engine.Lambda.Model;

namespace FakeAws.Lambda;

/// <summary>
/// AWS's event stream framing (<c>application/vnd.amazon.eventstream</c>), as InvokeWithResponseStream's
/// response body carries it: each message is its total and header lengths, a CRC32 of those, the
/// headers (<c>:event-type</c>, <c>:content-type</c>, <c>:message-type</c>), the payload and a CRC32 of all before.
/// </summary>
internal static class EventStreamEncoding
{
    private static readonly uint[] Crc32Table = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
        }
        return c;
    }).ToArray();

    /// <summary>The response's events: its PayloadChunks, in order, then InvokeComplete.</summary>
    public static byte[] Encode(InvokeWithResponseStreamResponseEvent events)
    {
        using var body = new MemoryStream();
        foreach (var chunk in events.PayloadChunks)
        {
            body.Write(Message("PayloadChunk", "application/octet-stream", chunk.Payload ?? []));
        }
        if (events.InvokeComplete is { } complete)
        {
            body.Write(Message("InvokeComplete", "application/json", JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string?>
            {
                ["ErrorCode"] = complete.ErrorCode,
                ["ErrorDetails"] = complete.ErrorDetails,
                ["LogResult"] = complete.LogResult,
            }.Where(p => p.Value is not null).ToDictionary())));
        }
        return body.ToArray();
    }

    private static byte[] Message(string eventType, string contentType, byte[] payload)
    {
        using var headers = new MemoryStream();
        WriteHeader(headers, ":event-type", eventType);
        WriteHeader(headers, ":content-type", contentType);
        WriteHeader(headers, ":message-type", "event");
        var headerBytes = headers.ToArray();
        var total = 12 + headerBytes.Length + payload.Length + 4;
        var message = new byte[total];
        BinaryPrimitives.WriteInt32BigEndian(message, total);
        BinaryPrimitives.WriteInt32BigEndian(message.AsSpan(4), headerBytes.Length);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(8), Crc32(message.AsSpan(0, 8)));
        headerBytes.CopyTo(message, 12);
        payload.CopyTo(message, 12 + headerBytes.Length);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(total - 4), Crc32(message.AsSpan(0, total - 4)));
        return message;
    }

    /// <summary>One header of type string (7): name length, name, type, value length, value.</summary>
    private static void WriteHeader(MemoryStream stream, string name, string value)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var valueBytes = Encoding.UTF8.GetBytes(value);
        stream.WriteByte((byte)nameBytes.Length);
        stream.Write(nameBytes);
        stream.WriteByte(7);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)valueBytes.Length);
        stream.Write(length);
        stream.Write(valueBytes);
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = Crc32Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }
        return ~crc;
    }
}
