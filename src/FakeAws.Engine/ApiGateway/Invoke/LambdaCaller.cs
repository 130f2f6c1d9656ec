using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda;

namespace FakeAws.Engine.ApiGateway.Invoke;

/// <summary>How a call to a function ended, as API Gateway sees it.</summary>
internal sealed record LambdaCall(LambdaInvokeResult? Result, bool TimedOut, AwsServiceException? Refused)
{
    /// <summary>The function ran and returned (not an error, not a timeout).</summary>
    public bool Succeeded => Result is { FunctionError: null };
}

/// <summary>
/// Invokes integrations' and authorizers' functions through the Lambda engine, racing the call
/// against the integration timeout on the virtual clock. A function still running when the timeout
/// passes keeps running, as on AWS; only the caller stops waiting.
/// </summary>
internal sealed class LambdaCaller(CloudContext cloud, LambdaEngine lambda)
{
    public async Task<LambdaCall> InvokeAsync(RequestScope apiScope, string functionArn, byte[] payload, TimeSpan timeout)
    {
        var scope = ScopeOf(apiScope, functionArn);
        // Not cancelled at the timeout: on AWS the function runs on after API Gateway gives up.
        var invoke = lambda.InvokeFunctionAsync(scope, functionArn, null, payload, LambdaInvocationType.RequestResponse, CancellationToken.None);
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

    /// <summary>A function ARN names its own region and account; a bare name lives in the API's.</summary>
    private static RequestScope ScopeOf(RequestScope apiScope, string functionArn)
    {
        var parts = functionArn.Split(':');
        return parts.Length >= 7 && parts[0] == "arn" ? new RequestScope(parts[4], parts[3]) : apiScope;
    }
}
