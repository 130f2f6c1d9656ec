using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FakeAws.Benchmarks;

/// <summary>What one load run measured.</summary>
/// <param name="Requests">Answers received within the run's duration.</param>
/// <param name="Errors">Answers other than 200, and connections lost mid-request.</param>
/// <param name="Seconds">How long the run lasted.</param>
/// <param name="Latencies">Each answer's latency in <see cref="Stopwatch"/> ticks, sorted.</param>
internal sealed record LoadResult(long Requests, long Errors, double Seconds, long[] Latencies)
{
    public double PerSecond => Requests / Seconds;

    /// <summary>This run and <paramref name="other"/> as one: their requests, errors, time and latencies together.</summary>
    public LoadResult Add(LoadResult other)
    {
        long[] latencies = [.. Latencies, .. other.Latencies];
        Array.Sort(latencies);
        return new LoadResult(Requests + other.Requests, Errors + other.Errors, Seconds + other.Seconds, latencies);
    }

    /// <summary>The latency below which <paramref name="fraction"/> of the answers came, in milliseconds.</summary>
    public double PercentileMs(double fraction) => Latencies.Length == 0
        ? double.NaN
        : Latencies[Math.Min(Latencies.Length - 1, (int)(fraction * Latencies.Length))] * 1000.0 / Stopwatch.Frequency;
}

/// <summary>
/// A closed-loop HTTP/1.1 load generator in the manner of wrk: N keep-alive connections, each sending
/// its next request as soon as the previous answer is read whole, for a fixed time. Requests are bytes
/// prepared once, and answers are read with a minimal parser (status line, Content-Length or chunked
/// body), so the generator spends far less per request than the servers it measures; the trivial
/// endpoint's row of <see cref="ServerLoad"/> shows its ceiling on the same machine in the same run.
/// </summary>
internal static class HttpLoad
{
    /// <summary>
    /// Drives <paramref name="port"/> with <paramref name="connections"/> connections for
    /// <paramref name="duration"/>; connection <c>c</c> sends <c>requests(c)</c> in turn, round and round.
    /// </summary>
    public static async Task<LoadResult> RunAsync(int port, int connections, TimeSpan duration, Func<int, byte[][]> requests)
    {
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        // A request still unanswered this long after the end is a timeout (an error), as in wrk, so a server that stops answering cannot hang the run.
        using var stop = new CancellationTokenSource(duration + Timeout);
        var runs = Enumerable.Range(0, connections).Select(c => Task.Run(() => DriveAsync(port, requests(c), deadline, stop.Token))).ToArray();
        var results = await Task.WhenAll(runs);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var latencies = results.SelectMany(r => r.Latencies).ToArray();
        Array.Sort(latencies);
        return new LoadResult(latencies.Length, results.Sum(r => r.Errors), seconds, latencies);
    }

    /// <summary>Sends one request on a new connection and returns its status and body: for setting up tables.</summary>
    public static async Task<(int Status, string Body)> SendAsync(int port, byte[] request)
    {
        using var stop = new CancellationTokenSource(Timeout);
        using var connection = await Connection.OpenAsync(port, stop.Token);
        await connection.Socket.SendAsync(request, stop.Token);
        var (status, body, _) = await connection.ReadAnswerAsync(keepBody: true, stop.Token);
        return (status, Encoding.UTF8.GetString(body));
    }

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private static async Task<(List<long> Latencies, long Errors)> DriveAsync(int port, byte[][] requests, long deadline, CancellationToken stop)
    {
        var latencies = new List<long>(1 << 16);
        long errors = 0;
        Connection? connection = null;
        try
        {
            for (var i = 0; Stopwatch.GetTimestamp() < deadline; i++)
            {
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    connection ??= await Connection.OpenAsync(port, stop);
                    await connection.Socket.SendAsync(requests[i % requests.Length], stop);
                    var (status, _, keepAlive) = await connection.ReadAnswerAsync(keepBody: false, stop);
                    if (status != 200)
                    {
                        errors++;
                    }
                    if (!keepAlive)
                    {
                        // A server without keep-alive (moto's HTTP/1.0) is reached on a new connection each time; that costs it, not an error.
                        connection.Dispose();
                        connection = null;
                    }
                }
                catch (Exception e) when (e is SocketException or IOException)
                {
                    // A lost connection is an error; the next request opens a new one, as wrk does.
                    errors++;
                    connection?.Dispose();
                    connection = null;
                    continue;
                }
                catch (OperationCanceledException)
                {
                    errors++;
                    break;
                }
                latencies.Add(Stopwatch.GetTimestamp() - sent);
            }
        }
        finally
        {
            connection?.Dispose();
        }
        return (latencies, errors);
    }

    /// <summary>One keep-alive connection and the bytes read from it but not yet consumed.</summary>
    private sealed class Connection(Socket socket) : IDisposable
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;

        public Socket Socket => socket;

        public static async Task<Connection> OpenAsync(int port, CancellationToken cancellationToken)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
            return new Connection(socket);
        }

        /// <summary>Reads one answer whole: its status, its body when asked for (otherwise skipped), and whether the connection stays open.</summary>
        public async Task<(int Status, byte[] Body, bool KeepAlive)> ReadAnswerAsync(bool keepBody, CancellationToken cancellationToken)
        {
            var statusLine = await ReadLineAsync(cancellationToken);
            // "HTTP/1.1 200 OK"
            var status = int.Parse(statusLine.AsSpan(9, 3));
            long length = 0;
            var chunked = false;
            var keepAlive = statusLine.StartsWith("HTTP/1.1", StringComparison.Ordinal);
            while (await ReadLineAsync(cancellationToken) is { Length: > 0 } header)
            {
                if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    length = long.Parse(header.AsSpan(15).Trim());
                }
                else if (header.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase) && header.Contains("chunked", StringComparison.OrdinalIgnoreCase))
                {
                    chunked = true;
                }
                else if (header.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase))
                {
                    keepAlive = header.Contains("keep-alive", StringComparison.OrdinalIgnoreCase);
                }
            }
            var body = keepBody ? new MemoryStream() : null;
            if (!chunked)
            {
                await ReadBodyAsync(length, body, cancellationToken);
                return (status, body?.ToArray() ?? [], keepAlive);
            }
            while (Convert.ToInt64((await ReadLineAsync(cancellationToken)).Split(';')[0].Trim(), 16) is var size and > 0)
            {
                await ReadBodyAsync(size, body, cancellationToken);
                await ReadLineAsync(cancellationToken);
            }
            // Trailers, if any, end with an empty line.
            while ((await ReadLineAsync(cancellationToken)).Length > 0)
            {
            }
            return (status, body?.ToArray() ?? [], keepAlive);
        }

        private async Task ReadBodyAsync(long length, MemoryStream? body, CancellationToken cancellationToken)
        {
            while (length > 0)
            {
                if (_start == _end)
                {
                    await FillAsync(cancellationToken);
                }
                var take = (int)Math.Min(length, _end - _start);
                body?.Write(_buffer, _start, take);
                _start += take;
                length -= take;
            }
        }

        private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                var end = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                if (end >= 0)
                {
                    var line = Encoding.ASCII.GetString(_buffer, _start, end - _start).TrimEnd('\r');
                    _start = end + 1;
                    return line;
                }
                await FillAsync(cancellationToken);
            }
        }

        private async Task FillAsync(CancellationToken cancellationToken)
        {
            if (_start == _end)
            {
                _start = _end = 0;
            }
            else if (_end == _buffer.Length)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            var read = await socket.ReceiveAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
            {
                throw new IOException("The server closed the connection.");
            }
            _end += read;
        }

        public void Dispose() => socket.Dispose();
    }
}
