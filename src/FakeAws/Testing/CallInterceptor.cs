using System.Text.Json;
using FakeAws.Engine.Core;
using FakeAws.Protocol;

namespace FakeAws;

/// <summary>
/// The one place every call of a cloud passes, whatever its path (the DynamoDB fast path, the wire,
/// FakeAws.Server, a service calling another): <see cref="Operation.ExecuteAsync"/> hands the call here,
/// which records it and applies the first injected fault that hits it.
/// </summary>
internal sealed class CallInterceptor(VirtualClock clock, CallLog calls, FaultInjector faults)
{
    /// <summary>Runs <paramref name="operation"/> of the service with signing name <paramref name="service"/>, recorded and exposed to faults.</summary>
    public ValueTask<object?> ExecuteAsync(
        Operation operation, string service, JsonSerializerOptions json, RequestScope scope, object input, CancellationToken cancellationToken)
    {
        var recording = calls.Enabled;
        if (!recording && faults.IsEmpty)
        {
            return operation.RunAsync(scope, input, cancellationToken);
        }
        var call = new AwsCall(service, operation.Name, scope, clock.GetUtcNow(), input, json);
        if (recording)
        {
            calls.Add(call);
        }
        if (!faults.IsEmpty && faults.Hit(call) is { } fault)
        {
            call.Fault = fault;
            return Faulted(operation, call, fault, scope, input, cancellationToken);
        }
        return Observed(operation, call, scope, input, cancellationToken);
    }

    /// <summary>
    /// Records a request the front door refused before it reached an operation (an unknown operation or
    /// service, a body that is not the input's JSON, a signature that does not verify), with what was answered.
    /// Injected faults do not apply: the request never became a call of an operation.
    /// </summary>
    public void Refused(string service, string operation, RequestScope scope, WireRequest request, string code, string message, int status)
    {
        if (!calls.Enabled)
        {
            return;
        }
        var call = new AwsCall(service, operation, scope, clock.GetUtcNow(), new RefusedRequest(request.Body), JsonSerializerOptions.Default);
        call.Fail(code, message, status);
        calls.Add(call);
    }

    /// <summary>The operation a request names before any front door knows it: its X-Amz-Target's action, or its method and path.</summary>
    public static string OperationOf(WireRequest request) =>
        request.Header("X-Amz-Target") is { } target ? target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..] : $"{request.Method} {request.Path}";

    // Not an async method, so a synchronous operation's answer passes straight through on the fast path.
    private static ValueTask<object?> Observed(Operation operation, AwsCall call, RequestScope scope, object input, CancellationToken cancellationToken)
    {
        ValueTask<object?> execution;
        try
        {
            execution = operation.RunAsync(scope, input, cancellationToken);
        }
        catch (Exception error)
        {
            Failed(call, error);
            throw;
        }
        if (execution.IsCompletedSuccessfully)
        {
            var output = execution.Result;
            call.Answer(output);
            return new ValueTask<object?>(output);
        }
        return Awaited(call, execution);
    }

    private static async ValueTask<object?> Awaited(AwsCall call, ValueTask<object?> execution)
    {
        try
        {
            var output = await execution.ConfigureAwait(false);
            call.Answer(output);
            return output;
        }
        catch (Exception error)
        {
            Failed(call, error);
            throw;
        }
    }

    private async ValueTask<object?> Faulted(
        Operation operation, AwsCall call, InjectedFault fault, RequestScope scope, object input, CancellationToken cancellationToken)
    {
        if (fault.Rule.Latency is { } latency)
        {
            try
            {
                await clock.Delay(latency, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                Failed(call, error);
                throw;
            }
        }
        if (FaultInjector.ErrorOf(fault, call) is { } injected)
        {
            Failed(call, injected);
            throw injected;
        }
        return await Observed(operation, call, scope, input, cancellationToken).ConfigureAwait(false);
    }

    private static void Failed(AwsCall call, Exception error)
    {
        switch (error)
        {
            case AwsServiceException aws:
                call.Fail(aws.Code, aws.Message, aws.StatusCode);
                break;
            case OperationCanceledException:
                call.Fail("RequestCanceled", error.Message, 499);
                break;
            default:
                call.Fail("InternalFailure", error.Message, 500);
                break;
        }
    }
}
