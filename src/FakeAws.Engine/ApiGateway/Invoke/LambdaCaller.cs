using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda;
using FakeAws.Engine.Lambda.Model;

namespace FakeAws.Engine.ApiGateway.Invoke;

/// <summary>How a call to a function ended, as API Gateway sees it.</summary>
internal sealed record LambdaCall(InvocationResponse? Result, bool TimedOut, AwsServiceException? Refused)
{
    /// <summary>The function ran and returned (not an error, not a timeout).</summary>
    public bool Succeeded => Result is { FunctionError: null };
}

/// <summary>
/// Invokes integrations' and authorizers' functions through the cloud's Lambda service, as
/// <c>apigateway.amazonaws.com</c>, racing the call against the integration timeout on the virtual
/// clock. A function still running when the timeout passes keeps running, as on AWS; only the caller
/// stops waiting.
/// </summary>
internal sealed class LambdaCaller(CloudContext cloud)
{
    private static readonly ServiceCaller ApiGateway = new("apigateway.amazonaws.com");

    public async Task<LambdaCall> InvokeAsync(RequestScope apiScope, string functionArn, byte[] payload, TimeSpan timeout)
    {
        // Not cancelled at the timeout: on AWS the function runs on after API Gateway gives up.
        var invoke = cloud.Services.InvokeLambdaAsync(apiScope.As(ApiGateway), functionArn, null, payload, CancellationToken.None);
        using var stopTimer = new CancellationTokenSource();
        var timer = cloud.Clock.Delay(timeout, stopTimer.Token);
        if (await Task.WhenAny(invoke, timer).ConfigureAwait(false) == timer && !invoke.IsCompleted)
        {
            // The function runs on; observe its outcome so a late failure is not unobserved.
            _ = invoke.ContinueWith(static t => t.Exception, TaskScheduler.Default);
            return new LambdaCall(null, true, null);
        }
        stopTimer.Cancel();
        try
        {
            return new LambdaCall(await invoke.ConfigureAwait(false), false, null);
        }
        catch (AwsServiceException refused)
        {
            return new LambdaCall(null, false, refused);
        }
    }
}
