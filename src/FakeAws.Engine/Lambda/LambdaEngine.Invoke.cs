using System.Text;
using System.Text.Json;
using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda.Model;

namespace FakeAws.Engine.Lambda;

// Invoke, the legacy InvokeAsync, and the invoke API other engines call.
internal sealed partial class LambdaEngine
{
    /// <summary>The function, version and ARN an invocation runs, resolved once per attempt.</summary>
    private sealed record InvokeTarget(LambdaRegion Region, LambdaFunction Function, FunctionVersion Version, string InvokedArn, string Qualifier);

    public async Task<InvocationResponse> Invoke(RequestScope scope, InvocationRequest request, CancellationToken cancellationToken)
    {
        var type = request.InvocationType switch
        {
            "Event" => LambdaInvocationType.Event,
            "DryRun" => LambdaInvocationType.DryRun,
            _ => LambdaInvocationType.RequestResponse,
        };
        var result = await InvokeCoreAsync(scope, request.FunctionName!, request.Qualifier, request.Payload ?? [], type, DecodeClientContext(request.ClientContext), cancellationToken)
            .ConfigureAwait(false);
        return new InvocationResponse
        {
            StatusCode = result.StatusCode,
            Payload = result.Payload,
            FunctionError = result.FunctionError,
            ExecutedVersion = result.ExecutedVersion,
            LogResult = request.LogType == "Tail" && result.Log is { } log ? Code.LambdaLog.Tail(log, LambdaLimits.LogTailBytes) : null,
            RequestId = result.RequestId,
        };
    }

    /// <summary>The deprecated asynchronous invoke: an Event invocation that answers 202.</summary>
    public async Task<InvokeAsyncResponse> InvokeAsync(RequestScope scope, InvokeAsyncRequest request, CancellationToken cancellationToken)
    {
        var result = await InvokeCoreAsync(scope, request.FunctionName!, null, request.InvokeArgs ?? [], LambdaInvocationType.Event, null, cancellationToken)
            .ConfigureAwait(false);
        return new InvokeAsyncResponse { Status = result.StatusCode };
    }

    private async Task<LambdaInvokeResult> InvokeCoreAsync(
        RequestScope scope, string functionNameOrArn, string? qualifier, byte[] payload, LambdaInvocationType type, string? clientContext, CancellationToken cancellationToken)
    {
        // An invocation from outside the scheduler holds the clock still until it has taken its slot
        // and waits for its handler, so invocations sent together overlap in virtual time.
        using var call = _cloud.Clock.Scheduler.Arrive();
        _cloud.Clock.Scheduler.NoteArrival();
        var (limit, typeName) = type == LambdaInvocationType.Event
            ? (LambdaLimits.AsyncPayloadBytes, "Event")
            : (LambdaLimits.SyncPayloadBytes, type.ToString());
        if (payload.Length > limit)
        {
            throw LambdaErrors.PayloadTooLarge(payload.Length, typeName, limit);
        }
        payload = ValidPayload(payload);
        var target = ResolveTarget(scope, functionNameOrArn, qualifier);
        CheckInvokePermission(scope, target);
        var requestId = _cloud.Ids.NewGuid().ToString();
        switch (type)
        {
            case LambdaInvocationType.DryRun:
                return new LambdaInvokeResult { StatusCode = 204, RequestId = requestId };
            case LambdaInvocationType.Event:
                Enqueue(new AsyncEvent(scope, functionNameOrArn, qualifier, payload, requestId, clientContext, Now), Now);
                return new LambdaInvokeResult { StatusCode = 202, RequestId = requestId };
        }
        var lease = AcquireLease(target);
        var outcome = await _cloud.Clock.RunInVirtualTimeAsync(async () =>
        {
            try
            {
                return await ExecuteAsync(target, payload, requestId, clientContext, lease.ProvisionedKey is not null).ConfigureAwait(false);
            }
            finally
            {
                lease.Release();
            }
        }, $"lambda invoke {target.Function.Name}:{target.Version.Version}", cancellationToken).ConfigureAwait(false);
        return new LambdaInvokeResult
        {
            StatusCode = 200,
            Payload = outcome.Payload,
            Chunks = outcome.Chunks,
            FunctionError = outcome.FunctionError,
            ExecutedVersion = target.Version.Version,
            Log = outcome.Log,
            RequestId = requestId,
        };
    }

    /// <summary>Admits an invocation of <paramref name="target"/>: the provisioned concurrency of the qualifier it named, or of the version it runs, serves first.</summary>
    private ConcurrencyLease AcquireLease(InvokeTarget target) =>
        ConcurrencyLease.Acquire(target.Region, target.Function, Options.ConcurrentExecutions, [target.Qualifier, target.Version.Version], Now);

    /// <summary>
    /// The function, version and invoked ARN a request names. An alias picks its version by its
    /// weighted routing; a version that is not Active refuses the invocation.
    /// </summary>
    private InvokeTarget ResolveTarget(RequestScope scope, string functionNameOrArn, string? qualifier)
    {
        var reference = FunctionArns.Resolve(scope, functionNameOrArn, qualifier);
        var invoked = FunctionArns.Qualified(scope, reference.Name, reference.Qualifier ?? FunctionArns.Latest);
        var region = Region(scope);
        lock (region.Gate)
        {
            if (!region.Functions.TryGetValue(reference.Name, out var function))
            {
                throw LambdaErrors.FunctionNotFound(invoked);
            }
            // An unqualified invoke of a Lambda Managed Instances function runs its $LATEST.PUBLISHED version.
            var name = reference.Qualifier
                ?? (function.Latest.Config.CapacityProviderConfig is not null && function.LatestPublished is not null ? FunctionArns.LatestPublished : FunctionArns.Latest);
            var versionName = name;
            if (FunctionArns.IsAlias(name))
            {
                versionName = function.Aliases.TryGetValue(name, out var alias)
                    ? AliasRouting.PickVersion(alias)
                    : throw LambdaErrors.FunctionNotFound(invoked);
            }
            var version = function.FindVersion(versionName) ?? throw LambdaErrors.FunctionNotFound(invoked);
            if (version.FailedReason is not null)
            {
                throw LambdaErrors.NotActive("Failed");
            }
            if (Now < version.ReadyAt && !version.IsUpdate)
            {
                throw LambdaErrors.NotActive("Pending");
            }
            var invokedArn = reference.Qualifier is null ? function.Arn : invoked;
            return new InvokeTarget(region, function, version, invokedArn, name);
        }
    }

    /// <summary>
    /// The payload must be JSON in UTF-8; none at all is an empty object, as Lambda passes it on. The
    /// reader checks the structure but not the bytes inside strings, so those are decoded apart.
    /// </summary>
    private static byte[] ValidPayload(byte[] payload)
    {
        if (payload.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return "{}"u8.ToArray();
        }
        string? error;
        try
        {
            var reader = new Utf8JsonReader(payload);
            while (reader.Read())
            {
            }
            error = PayloadError.DescribeInvalidUtf8(payload);
        }
        catch (JsonException e)
        {
            error = PayloadError.Describe(payload, e);
        }
        return error is null ? payload : throw LambdaErrors.InvalidRequestContent($"Could not parse request body into json: Could not parse payload into json: {error}");
    }

    /// <summary>The X-Amz-Client-Context header is base64-encoded JSON.</summary>
    private static string? DecodeClientContext(string? header)
    {
        if (header is null)
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(header));
        }
        catch (FormatException)
        {
            throw LambdaErrors.InvalidRequestContent("Client context must be a valid Base64-encoded JSON object.");
        }
    }
}
