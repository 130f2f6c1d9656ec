using System.Diagnostics;
using System.Net.Sockets;

namespace FakeAws.Benchmarks;

/// <summary>
/// A server process that <see cref="ServerLoad"/> drives: started on its own port, waited for until it
/// answers, measured for its resident memory, and stopped (with its whole process tree) when disposed.
/// </summary>
internal sealed class LoadTarget : IDisposable
{
    private readonly Process _process;

    private LoadTarget(string name, int port, Process process)
    {
        Name = name;
        Port = port;
        _process = process;
    }

    public string Name { get; }

    public int Port { get; }

    /// <summary>The process's resident memory now, in MB.</summary>
    public double ResidentMegabytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64 / (1024.0 * 1024.0);
        }
    }

    /// <summary>The CPU time the process has used so far, on all its threads.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts <paramref name="command"/> and waits until a TCP connection to <paramref name="port"/> succeeds.</summary>
    /// <exception cref="InvalidOperationException">The process exited, or did not listen within a minute.</exception>
    public static async Task<LoadTarget> StartAsync(string name, int port, string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start.");
        // Drained so a chatty server never blocks on a full pipe (moto logs every request).
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var target = new LoadTarget(name, port, process);
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(1))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} ({command}) exited with code {process.ExitCode} before listening on port {port}.");
            }
            try
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync("127.0.0.1", port);
                return target;
            }
            catch (SocketException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
            }
        }
        target.Dispose();
        throw new InvalidOperationException($"{name} did not listen on port {port} within a minute.");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
