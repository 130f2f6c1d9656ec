using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FakeAws.Lambda.Runtimes;

/// <summary>
/// One request to the Runtime API: its method, path, headers (with a chunked body's trailers) and
/// body. A body sent with chunked transfer encoding also keeps its chunks, in order.
/// </summary>
internal sealed record RuntimeApiRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, IReadOnlyList<byte[]>? Chunks = null);

/// <summary>The answer to a Runtime API request.</summary>
internal sealed record RuntimeApiResponse(int Status, byte[] Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static RuntimeApiResponse Accepted { get; } = new(202, """{"status":"OK"}"""u8.ToArray());
}

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 and an ephemeral port, for one execution environment's
/// Runtime API. It needs no web host, so it works the same in a test process and in FakeAws.Server.
/// Each connection carries one request (the response closes it), which every HTTP client handles.
/// </summary>
internal sealed class RuntimeApiServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<RuntimeApiRequest, Task<RuntimeApiResponse>> _handle;
    private readonly CancellationTokenSource _stop = new();

    public RuntimeApiServer(Func<RuntimeApiRequest, Task<RuntimeApiResponse>> handle)
    {
        _handle = handle;
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>The value of AWS_LAMBDA_RUNTIME_API: <c>127.0.0.1:port</c>.</summary>
    public string Address => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture)}";

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadAsync(stream).ConfigureAwait(false);
                var response = request is null ? new RuntimeApiResponse(400, []) : await _handle(request).ConfigureAwait(false);
                await WriteAsync(stream, response).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // The runtime went away (its environment was stopped): nothing is left to answer.
            }
        }
    }

    private async Task<RuntimeApiRequest?> ReadAsync(NetworkStream stream)
    {
        if (await ReadHeadAsync(stream).ConfigureAwait(false) is not { } head)
        {
            return null;
        }
        var lines = head.Split("\r\n");
        var start = lines[0].Split(' ');
        if (start.Length < 2)
        {
            return null;
        }
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        AddHeaders(headers, lines.Skip(1));
        if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            var chunks = await ReadChunksAsync(stream, headers).ConfigureAwait(false);
            return chunks is null ? null : new RuntimeApiRequest(start[0], start[1], headers, [.. chunks.SelectMany(c => c)], chunks);
        }
        var length = headers.TryGetValue("Content-Length", out var value) && int.TryParse(value, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, _stop.Token).ConfigureAwait(false);
        return new RuntimeApiRequest(start[0], start[1], headers, body);
    }

    /// <summary>The text up to the first empty line (the head, or a chunked body's trailers), or null if the connection closed first.</summary>
    private async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        // Heads are small, so byte-by-byte reading is cheap enough.
        while (!EndsWithBlankLine(buffer))
        {
            if (await stream.ReadAsync(one, _stop.Token).ConfigureAwait(false) == 0)
            {
                return null;
            }
            buffer.Add(one[0]);
            if (buffer.Count == 2 && buffer[0] == '\r' && buffer[1] == '\n')
            {
                return ""; // no trailers
            }
        }
        return Encoding.ASCII.GetString([.. buffer]);
    }

    /// <summary>A chunked body: each chunk as the client sent it, then its trailers added to <paramref name="headers"/>.</summary>
    private async Task<List<byte[]>?> ReadChunksAsync(NetworkStream stream, Dictionary<string, string> headers)
    {
        var chunks = new List<byte[]>();
        for (;;)
        {
            if (await ReadLineAsync(stream).ConfigureAwait(false) is not { } sizeLine
                || !int.TryParse(sizeLine.Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size))
            {
                return null;
            }
            if (size == 0)
            {
                if (await ReadHeadAsync(stream).ConfigureAwait(false) is not { } trailers)
                {
                    return null;
                }
                AddHeaders(headers, trailers.Split("\r\n"));
                return chunks;
            }
            var chunk = new byte[size + 2]; // the data and its CRLF
            await stream.ReadExactlyAsync(chunk, _stop.Token).ConfigureAwait(false);
            chunks.Add(chunk[..size]);
        }
    }

    private async Task<string?> ReadLineAsync(NetworkStream stream)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (!(line.Length > 0 && line[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, _stop.Token).ConfigureAwait(false) == 0)
            {
                return null;
            }
            line.Append((char)one[0]);
        }
        return line.ToString().TrimEnd('\r', '\n');
    }

    private static void AddHeaders(Dictionary<string, string> headers, IEnumerable<string> lines)
    {
        foreach (var line in lines.Where(l => l.Contains(':', StringComparison.Ordinal)))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
    }

    private static bool EndsWithBlankLine(List<byte> buffer) =>
        buffer.Count >= 4 && buffer[^4] == '\r' && buffer[^3] == '\n' && buffer[^2] == '\r' && buffer[^1] == '\n';

    private async Task WriteAsync(NetworkStream stream, RuntimeApiResponse response)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.Status} {(response.Status < 300 ? "OK" : "Error")}\r\n");
        head.Append("Content-Type: application/json\r\n");
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }
        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {response.Body.Length}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.UTF8.GetBytes(head.ToString()), _stop.Token).ConfigureAwait(false);
        await stream.WriteAsync(response.Body, _stop.Token).ConfigureAwait(false);
    }
}
