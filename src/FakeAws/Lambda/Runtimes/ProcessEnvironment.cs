using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FakeAws.Engine.Lambda.Code;

namespace FakeAws.Lambda.Runtimes;

/// <summary>
/// One execution environment of a function whose runtime is a local process (python3, node or a
/// custom <c>bootstrap</c>): the process, and the Runtime API it polls for events, served by FakeAws.
/// Init ends when the runtime first asks for an event (or reports an init error, or exits); each
/// invocation hands it one event and waits for its response or error. Its output goes to the
/// invocation's log: FakeAws's own runtime clients end each request's output on stdout and stderr
/// with <see cref="OutputEndMark"/>, and the invocation ends only once both marks are read, so the
/// log holds the handler's last lines (a custom <c>bootstrap</c> writes no mark). Disposing it (a timeout, a reset of the cloud) stops the process and removes its files.
/// </summary>
internal sealed class ProcessEnvironment : ILambdaHandler, IDisposable
{
    private const string Api = "/2018-06-01/runtime";

    /// <summary>The start of the line that ends a request's output on each stream: the mark, then the request id. It is never logged.</summary>
    public const string OutputEndMark = "__FAKEAWS_LOG_END__ ";

    // The marks were written before the response was posted, so they are already in the pipes; the
    // limit only covers a handler that closed or redirected its streams, whose mark never comes.
    private static readonly TimeSpan OutputEndLimit = TimeSpan.FromSeconds(5);

#pragma warning disable RS0030 // A local process writes its output in real time; this bounds the wait for the rest of it.
    private static readonly TimeProvider RealTime = TimeProvider.System;
#pragma warning restore RS0030

    private readonly TaskCompletionSource<Exception?> _initialized = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _initOutput = new();
    private readonly Action<ProcessEnvironment> _onDispose;
    private readonly string _root;
    private RuntimeApiServer? _api;
    private Process? _process;
    private TaskCompletionSource<RuntimeApiResponse>? _nextEvent;
    private Pending? _current;
    private Pending? _logging;
    private bool _marksOutputEnd;
    private int _disposed;

    /// <summary>
    /// The invocation the runtime is working on: its id, its log, how it ends, and whether its output
    /// has all been read (the end marks still awaited, one per stream).
    /// </summary>
    private sealed class Pending(string requestId, LambdaLog log, int marks)
    {
        private int _marksLeft = marks;

        public string RequestId { get; } = requestId;
        public LambdaLog Log { get; } = log;
        public TaskCompletionSource<byte[]> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource OutputRead { get; } = NewOutputRead(marks);

        /// <summary>The chunks of a response the runtime streamed, else null.</summary>
        public IReadOnlyList<byte[]>? StreamedChunks { get; set; }

        /// <summary>One stream's end mark was read.</summary>
        public void MarkRead()
        {
            if (Interlocked.Decrement(ref _marksLeft) == 0)
            {
                OutputRead.TrySetResult();
            }
        }

        private static TaskCompletionSource NewOutputRead(int marks)
        {
            var read = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (marks == 0)
            {
                read.SetResult();
            }
            return read;
        }
    }

    private ProcessEnvironment(string root, Action<ProcessEnvironment> onDispose)
    {
        _root = root;
        _onDispose = onDispose;
    }

    /// <summary>Starts the runtime's process in <paramref name="root"/> (its files already in place) and waits for its init to end.</summary>
    public static async Task<ProcessEnvironment> StartAsync(string root, RuntimeCommand command, IReadOnlyDictionary<string, string> environment, Action<ProcessEnvironment> onDispose)
    {
        var runtimeEnvironment = new ProcessEnvironment(root, onDispose);
        try
        {
            runtimeEnvironment.Start(command, environment);
            if (await runtimeEnvironment._initialized.Task.ConfigureAwait(false) is { } initError)
            {
                throw initError;
            }
            return runtimeEnvironment;
        }
        catch
        {
            runtimeEnvironment.Dispose();
            throw;
        }
    }

    public async Task<byte[]> InvokeAsync(byte[] payload, LambdaInvocation invocation)
    {
        var pending = new Pending(invocation.AwsRequestId, invocation.Log, _marksOutputEnd ? 2 : 0);
        while (_initOutput.TryDequeue(out var line))
        {
            invocation.Log.WriteLine(line);
        }
        TaskCompletionSource<RuntimeApiResponse> next;
        lock (this)
        {
            _current = pending;
            _logging = pending;
            next = _nextEvent ??= new TaskCompletionSource<RuntimeApiResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        var headers = new Dictionary<string, string>
        {
            ["Lambda-Runtime-Aws-Request-Id"] = invocation.AwsRequestId,
            ["Lambda-Runtime-Deadline-Ms"] = invocation.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            // The deadline is on the cloud's clock; the runtime measures what is left from this instant.
            ["X-FakeAws-Now-Ms"] = invocation.Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ["Lambda-Runtime-Invoked-Function-Arn"] = invocation.InvokedFunctionArn,
            ["Lambda-Runtime-Trace-Id"] = $"Root=1-00000000-{invocation.AwsRequestId.Replace("-", "", StringComparison.Ordinal)[..24]};Sampled=0",
        };
        if (invocation.ClientContext is { } clientContext)
        {
            headers["Lambda-Runtime-Client-Context"] = clientContext;
        }
        next.TrySetResult(new RuntimeApiResponse(200, payload, headers));
        try
        {
            return await pending.Result.Task.ConfigureAwait(false);
        }
        finally
        {
            invocation.StreamedChunks = pending.StreamedChunks;
            await OutputReadAsync(pending).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until the invocation's output on both streams has been read into its log.</summary>
    private async Task OutputReadAsync(Pending pending)
    {
        try
        {
            await pending.OutputRead.Task.WaitAsync(OutputEndLimit, RealTime).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The log keeps what was read; later lines go to the environment's next log.
        }
        Interlocked.CompareExchange(ref _logging, null, pending);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _onDispose(this);
        try
        {
            if (_process is { HasExited: false })
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile.
        }
        _process?.Dispose();
        _api?.Dispose();
        Fail(new LambdaFunctionException("Runtime.ExitError", "The execution environment was stopped."));
        _logging?.OutputRead.TrySetResult();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the dying process; the temporary folder is cleaned by the system.
        }
    }

    private void Start(RuntimeCommand command, IReadOnlyDictionary<string, string> environment)
    {
        _api = new RuntimeApiServer(HandleAsync);
        var start = new ProcessStartInfo(command.FileName)
        {
            WorkingDirectory = command.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = _api.Address;
        _marksOutputEnd = command.MarksOutputEnd;
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Output(e.Data);
        _process.ErrorDataReceived += (_, e) => Output(e.Data);
        _process.Exited += (_, _) => Exited();
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private async Task<RuntimeApiResponse> HandleAsync(RuntimeApiRequest request)
    {
        var path = request.Path.Split('?')[0];
        if (request.Method == "GET" && path == $"{Api}/invocation/next")
        {
            TaskCompletionSource<RuntimeApiResponse> next;
            lock (this)
            {
                next = _nextEvent ??= new TaskCompletionSource<RuntimeApiResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            _initialized.TrySetResult(null);
            var response = await next.Task.ConfigureAwait(false);
            lock (this)
            {
                _nextEvent = null;
            }
            return response;
        }
        if (request.Method == "POST" && path == $"{Api}/init/error")
        {
            _initialized.TrySetResult(Reported(request, "Runtime.Unknown"));
            return RuntimeApiResponse.Accepted;
        }
        var parts = path.Split('/');
        // /2018-06-01/runtime/invocation/{id}/response or /error
        if (request.Method == "POST" && parts.Length == 6 && parts[3] == "invocation" && _current is { } current && parts[4] == current.RequestId)
        {
            _current = null;
            if (parts[5] == "response")
            {
                // What a streamed response wrote before it failed was already on its way to the caller.
                current.StreamedChunks = request.Chunks;
                if (StreamedError(request) is { } streamedError)
                {
                    current.Result.TrySetException(streamedError);
                    return RuntimeApiResponse.Accepted;
                }
                current.Result.TrySetResult(request.Body);
                return RuntimeApiResponse.Accepted;
            }
            if (parts[5] == "error")
            {
                current.Result.TrySetException(Reported(request, "Unhandled"));
                return RuntimeApiResponse.Accepted;
            }
        }
        return new RuntimeApiResponse(404, """{"errorType":"InvalidRequestID","errorMessage":"Invalid request ID"}"""u8.ToArray());
    }

    /// <summary>
    /// The error a streamed response ended with: the Runtime API's streaming mode reports it in the
    /// body's trailers, its type and its document in base64.
    /// </summary>
    private static LambdaFunctionException? StreamedError(RuntimeApiRequest request)
    {
        if (request.Chunks is null || !request.Headers.TryGetValue("Lambda-Runtime-Function-Error-Type", out var type))
        {
            return null;
        }
        var body = request.Headers.TryGetValue("Lambda-Runtime-Function-Error-Body", out var encoded) ? Convert.FromBase64String(encoded) : [];
        return Reported(request with { Body = body }, type);
    }

    /// <summary>An error the runtime posted: its document is the function's error payload, as Lambda returns it.</summary>
    private static LambdaFunctionException Reported(RuntimeApiRequest request, string defaultType)
    {
        var type = request.Headers.GetValueOrDefault("Lambda-Runtime-Function-Error-Type") ?? defaultType;
        var message = "";
        try
        {
            using var document = JsonDocument.Parse(request.Body);
            if (document.RootElement.TryGetProperty("errorType", out var reportedType) && reportedType.ValueKind == JsonValueKind.String)
            {
                type = reportedType.GetString()!;
            }
            if (document.RootElement.TryGetProperty("errorMessage", out var reportedMessage) && reportedMessage.ValueKind == JsonValueKind.String)
            {
                message = reportedMessage.GetString()!;
            }
            return new LambdaFunctionException(type, message, request.Body);
        }
        catch (JsonException)
        {
            return new LambdaFunctionException(type, Encoding.UTF8.GetString(request.Body));
        }
    }

    private void Output(string? line)
    {
        if (line is null)
        {
            return;
        }
        var logging = Volatile.Read(ref _logging);
        if (line.StartsWith(OutputEndMark, StringComparison.Ordinal))
        {
            if (logging is not null && line.AsSpan(OutputEndMark.Length).SequenceEqual(logging.RequestId))
            {
                logging.MarkRead();
            }
            return;
        }
        if (logging is not null)
        {
            logging.Log.WriteLine(line);
        }
        else
        {
            _initOutput.Enqueue(line);
        }
    }

    private void Exited()
    {
        var code = 0;
        try
        {
            code = _process?.ExitCode ?? 0;
        }
        catch (InvalidOperationException)
        {
            // Disposed meanwhile.
        }
        var error = new LambdaFunctionException("Runtime.ExitError", $"RequestId: {_current?.RequestId} Error: Runtime exited with error: exit status {code}");
        _initialized.TrySetResult(new LambdaFunctionException("Runtime.ExitError", $"Runtime exited with error: exit status {code}"));
        Fail(error);
        // A process that is gone writes no more marks.
        _logging?.OutputRead.TrySetResult();
    }

    private void Fail(Exception error)
    {
        if (Interlocked.Exchange(ref _current, null) is { } current)
        {
            current.Result.TrySetException(error);
        }
    }
}
