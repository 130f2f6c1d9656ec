using System.Globalization;
using FakeAws.Engine.Lambda.Code;

namespace FakeAws.Engine.Lambda;

// Running code: execution environments, the timeout on the virtual clock, and logs.
internal sealed partial class LambdaEngine
{
    /// <summary>What one execution produced.</summary>
    private sealed record ExecutionOutcome(byte[] Payload, string? FunctionError, string Log)
    {
        /// <summary>The writes of a streamed response, else null.</summary>
        public IReadOnlyList<byte[]>? Chunks { get; init; }
    }

    /// <summary>
    /// Runs one invocation in an execution environment: takes a warm one or starts one, runs the
    /// handler until it returns or its timeout passes on the virtual clock, and writes the log. A
    /// <paramref name="provisioned"/> invocation runs in one of the version's provisioned environments.
    /// </summary>
    private async Task<ExecutionOutcome> ExecuteAsync(InvokeTarget target, byte[] payload, string requestId, string? clientContext, bool provisioned)
    {
        var version = target.Version;
        var log = new LambdaLog();
        var pool = provisioned ? version.ProvisionedEnvironments : version.Environments;
        var (handler, initFailure) = await AcquireEnvironmentAsync(target, pool, log).ConfigureAwait(false);
        var start = Now;
        log.WriteLine($"START RequestId: {requestId} Version: {version.Version}");
        if (handler is null)
        {
            return Finish(log, requestId, start, version, initFailure!, "Unhandled", "error");
        }
        var timeoutSeconds = version.Config.Timeout ?? LambdaLimits.DefaultTimeout;
        var invocation = new LambdaInvocation
        {
            AwsRequestId = requestId,
            FunctionName = target.Function.Name,
            FunctionVersion = version.Version,
            InvokedFunctionArn = target.InvokedArn,
            MemoryLimitInMB = version.Config.MemorySize ?? LambdaLimits.DefaultMemorySize,
            LogGroupName = version.Config.LoggingConfig?.LogGroup ?? $"/aws/lambda/{target.Function.Name}",
            LogStreamName = LogStreamName(version),
            Deadline = start + TimeSpan.FromSeconds(timeoutSeconds),
            Clock = _cloud.Clock,
            Log = log,
            ClientContext = clientContext,
        };
        // The timeout runs beside the invocation, not as its wait: the invocation counts as waiting
        // on the clock only while the handler does.
        using var handlerDone = new CancellationTokenSource();
        var timedOut = _cloud.Clock.DelayUntil(invocation.Deadline, handlerDone.Token, parksCaller: false);
        Task<byte[]> run;
        try
        {
            run = handler.InvokeAsync(payload, invocation);
        }
        catch (Exception e)
        {
            run = Task.FromException<byte[]>(e);
        }
        if (await Task.WhenAny(run, timedOut).ConfigureAwait(false) != run)
        {
            // AWS stops a timed-out environment; the abandoned handler's later output goes nowhere.
            pool.Discard(handler);
            (handler as IDisposable)?.Dispose();
            log.WriteLine($"{Now.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'} {requestId} {FunctionErrorPayloads.TimeoutMessage(timeoutSeconds)}");
            return Finish(log, requestId, start, version, FunctionErrorPayloads.Timeout(requestId, timeoutSeconds), "Unhandled", "timeout");
        }
        handlerDone.Cancel();
        try
        {
            var response = await run.ConfigureAwait(false);
            pool.Return(handler);
            var limit = invocation.StreamedChunks is null ? LambdaLimits.SyncResponseBytes : LambdaLimits.StreamedResponseBytes;
            return response.Length > limit
                ? Finish(log, requestId, start, version, FunctionErrorPayloads.ResponseTooLarge(limit), "Unhandled", null)
                : Finish(log, requestId, start, version, response, null, null) with { Chunks = invocation.StreamedChunks };
        }
        catch (Exception e)
        {
            pool.Return(handler);
            log.WriteLine($"{Now.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\t{requestId}\tfail\t{e.GetType().FullName}: {e.Message}");
            return Finish(log, requestId, start, version, FunctionErrorPayloads.From(e), "Unhandled", null) with { Chunks = invocation.StreamedChunks };
        }
    }

    /// <summary>Ends the log with AWS's END and REPORT lines; durations are virtual time.</summary>
    private ExecutionOutcome Finish(LambdaLog log, string requestId, DateTimeOffset start, FunctionVersion version, byte[] payload, string? error, string? status)
    {
        var duration = (Now - start).TotalMilliseconds;
        log.WriteLine($"END RequestId: {requestId}");
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"REPORT RequestId: {requestId}\tDuration: {duration:F2} ms\tBilled Duration: {Math.Max(1, Math.Ceiling(duration)):F0} ms\tMemory Size: {version.Config.MemorySize} MB\t{(status is null ? "" : $"Status: {status}\t")}"));
        return new ExecutionOutcome(payload, error, log.Close());
    }

    /// <summary>A warm environment, a restored one (SnapStart) or a newly started one; or the init error.</summary>
    private async Task<(ILambdaHandler? Handler, byte[]? InitFailure)> AcquireEnvironmentAsync(InvokeTarget target, EnvironmentPool pool, LambdaLog log)
    {
        var version = target.Version;
        if (pool.TryTake(PerEnvironmentConcurrency(version.Config), out var warm))
        {
            return (warm, null);
        }
        var provisioned = ReferenceEquals(pool, version.ProvisionedEnvironments);
        // A provisioned environment was initialized ahead of its first invocation, as AWS allocates
        // them: its init is not this invocation's, so nothing of it goes to this invocation's log.
        var (handler, failure) = await StartEnvironmentAsync(target, provisioned ? new LambdaLog() : log, provisioned).ConfigureAwait(false);
        if (handler is not null)
        {
            pool.Add(handler);
        }
        return (handler, failure);
    }

    /// <summary>A restored environment (SnapStart) or a newly started one; or the init error.</summary>
    private async Task<(ILambdaHandler? Handler, byte[]? InitFailure)> StartEnvironmentAsync(InvokeTarget target, LambdaLog log, bool provisioned)
    {
        var version = target.Version;
        if (version.SnapStartOn && version.Environments.Snapshot is { } image)
        {
            var restoreStart = Now;
            log.WriteLine($"RESTORE_START Runtime Version: {version.Config.Runtime} Runtime Version ARN: {version.Config.RuntimeVersionConfig?.RuntimeVersionArn}");
            try
            {
                await image.Hooks.RunAfterRestoreAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                return (null, FunctionErrorPayloads.From(e));
            }
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESTORE_REPORT Restore Duration: {(Now - restoreStart).TotalMilliseconds:F2} ms"));
            return (image.Handler, null);
        }
        log.WriteLine($"INIT_START Runtime Version: {version.Config.Runtime} Runtime Version ARN: {version.Config.RuntimeVersionConfig?.RuntimeVersionArn}");
        try
        {
            return (await version.Code.InitializeAsync(InitFor(target, provisioned)).ConfigureAwait(false), null);
        }
        catch (Exception e)
        {
            return (null, FunctionErrorPayloads.From(e));
        }
    }

    /// <summary>
    /// How many invocations one environment of a version runs at once: 1 on demand; on a capacity
    /// provider (Lambda Managed Instances) its <c>PerExecutionEnvironmentMaxConcurrency</c>, else AWS's
    /// default per vCPU for the runtime (.NET and Java 32, Node.js 64, Python 16) times the
    /// environment's vCPUs (its memory over <c>ExecutionEnvironmentMemoryGiBPerVCpu</c>, 2 GiB by default).
    /// </summary>
    private static int PerEnvironmentConcurrency(Model.FunctionConfiguration config)
    {
        if (config.CapacityProviderConfig?.LambdaManagedInstancesCapacityProviderConfig is not { } managed)
        {
            return 1;
        }
        if (managed.PerExecutionEnvironmentMaxConcurrency is { } configured)
        {
            return configured;
        }
        var perVCpu = config.Runtime switch
        {
            { } r when r.StartsWith("nodejs", StringComparison.Ordinal) => 64,
            { } r when r.StartsWith("python", StringComparison.Ordinal) => 16,
            _ => 32,
        };
        var memoryGiB = (config.MemorySize ?? LambdaLimits.DefaultMemorySize) / 1024.0;
        var vCpus = Math.Max(1, (int)(memoryGiB / (managed.ExecutionEnvironmentMemoryGiBPerVCpu ?? 2.0)));
        return perVCpu * vCpus;
    }

    /// <summary>What a new environment of the target is started with: its files and the environment variables AWS sets.</summary>
    private LambdaInit InitFor(InvokeTarget target, bool provisioned)
    {
        var version = target.Version;
        var config = version.Config;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in config.Environment?.Variables ?? [])
        {
            environment[name] = value;
        }
        // AWS's reserved variables win over the function's own of the same names.
        environment["AWS_REGION"] = target.Region.Scope.Region;
        environment["AWS_DEFAULT_REGION"] = target.Region.Scope.Region;
        environment["AWS_LAMBDA_FUNCTION_NAME"] = target.Function.Name;
        environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = (config.MemorySize ?? LambdaLimits.DefaultMemorySize).ToString(CultureInfo.InvariantCulture);
        environment["AWS_LAMBDA_FUNCTION_VERSION"] = version.Version;
        environment["AWS_LAMBDA_INITIALIZATION_TYPE"] = provisioned ? "provisioned-concurrency" : "on-demand";
        environment["AWS_LAMBDA_LOG_GROUP_NAME"] = config.LoggingConfig?.LogGroup ?? $"/aws/lambda/{target.Function.Name}";
        environment["AWS_LAMBDA_LOG_STREAM_NAME"] = LogStreamName(version);
        environment["_HANDLER"] = config.Handler ?? "";
        if (config.Runtime is { } runtime)
        {
            environment["AWS_EXECUTION_ENV"] = $"AWS_Lambda_{runtime}";
        }
        environment["TZ"] = ":UTC";
        environment["LANG"] = "en_US.UTF-8";
        return new LambdaInit
        {
            Runtime = config.Runtime,
            Handler = config.Handler,
            Package = version.Package.Zip,
            Layers = version.Layers.Select(l => l.Package.Zip!).ToList(),
            Environment = environment,
        };
    }

    /// <summary>AWS's log stream names: <c>2024/01/01/[$LATEST]</c> and an id of the environment.</summary>
    private string LogStreamName(FunctionVersion version) =>
        $"{Now.UtcDateTime:yyyy'/'MM'/'dd}/[{version.Version}]{version.Config.RevisionId?.Replace("-", "", StringComparison.Ordinal)}";
}
