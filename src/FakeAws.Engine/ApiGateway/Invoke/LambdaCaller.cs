using FakeAws.Engine.ApiGateway.Auth;
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
/// What an authorizer's function answered: <see cref="Unauthorized"/> when it failed with
/// "Unauthorized" (the caller's 401), else the <see cref="Payload"/> of a call that returned, or
/// neither when its URI names no function or the call failed, timed out or was refused.
/// </summary>
internal readonly record struct AuthorizerAnswer(byte[]? Payload, bool Unauthorized);

/// <summary>
/// Invokes integrations' and authorizers' functions through the cloud's Lambda service, as
/// <c>apigateway.amazonaws.com</c> with the source ARN Lambda matches against the function's
/// resource-based policy (a function whose policy does not allow API Gateway refuses the call, which
/// API Gateway answers with a 500) unless the integration or authorizer has credentials (a role
/// API Gateway assumes, so the role's permissions authorize the call instead of the policy), racing the call against the integration timeout on the virtual
/// clock. A function still running when the timeout passes keeps running, as on AWS; only the caller
/// stops waiting.
/// </summary>
internal sealed class LambdaCaller(CloudContext cloud)
{
    private const string ApiGateway = "apigateway.amazonaws.com";

    /// <summary>
    /// Invokes the function of an integration, or of the authorizer <paramref name="authorizerId"/>, with
    /// the integration's or authorizer's <paramref name="credentials"/> (a role ARN) when it has them, as
    /// <paramref name="invocationType"/> (an integration's <c>X-Amz-Invocation-Type</c> header; <c>Event</c> queues it).
    /// </summary>
    public async Task<LambdaCall> InvokeAsync(InvocationContext context, string functionArn, byte[] payload, TimeSpan timeout, string? credentials, string? authorizerId = null,
        string invocationType = "RequestResponse")
    {
        var sourceArn = authorizerId is null ? SourceArn(context) : $"{context.ApiArn}/authorizers/{authorizerId}";
        var caller = new ServiceCaller(ApiGateway, sourceArn, string.IsNullOrEmpty(credentials) ? null : credentials);
        // Not cancelled at the timeout: on AWS the function runs on after API Gateway gives up.
        var invoke = cloud.Services.InvokeLambdaAsync(new RequestScope(context.AccountId, context.Region, caller), functionArn, null, payload, CancellationToken.None, invocationType: invocationType);
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

    /// <summary>
    /// Invokes the authorizer <paramref name="authorizerId"/>'s function, named by its URI with the
    /// stage's variables put in, the one way REST, HTTP and WebSocket APIs call their Lambda authorizers.
    /// </summary>
    public async Task<AuthorizerAnswer> InvokeAuthorizerAsync(InvocationContext context, string? authorizerUri, byte[] payload, TimeSpan timeout, string? credentials, string? authorizerId)
    {
        if (IntegrationUris.LambdaFunction(IntegrationUris.WithStageVariables(authorizerUri ?? "", context.StageVariables)) is not { } function)
        {
            return default;
        }
        var call = await InvokeAsync(context, function, payload, timeout, credentials, authorizerId).ConfigureAwait(false);
        if (call is { Result: { FunctionError: not null } failed } && LambdaAuthorizerResults.IsUnauthorizedError(failed.Payload))
        {
            return new AuthorizerAnswer(null, Unauthorized: true);
        }
        return call.Succeeded ? new AuthorizerAnswer(call.Result!.Payload ?? [], Unauthorized: false) : default;
    }

    /// <summary>
    /// The ARN an integration's call comes from: <c>api-id/stage/METHOD/resource-path</c> with the
    /// matched resource's (REST) or route's (HTTP) path template, or <c>api-id/stage/$default</c> for
    /// an HTTP API's default route, or <c>api-id/stage/route-key</c> for a WebSocket route, the forms AWS's console grants.
    /// </summary>
    private static string SourceArn(InvocationContext context) => context.ConnectionId is not null
        ? $"{context.ApiArn}/{context.Stage}/{context.RouteKey}"
        : context.ResourceId == "$default"
        ? $"{context.ApiArn}/{context.Stage}/$default"
        : $"{context.ApiArn}/{context.Stage}/{context.Request.Method}/{context.ResourcePath.TrimStart('/')}";
}
