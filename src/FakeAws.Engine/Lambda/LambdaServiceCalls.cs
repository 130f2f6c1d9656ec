using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda.Model;

namespace FakeAws.Engine.Lambda;

/// <summary>How other services invoke a function: Lambda's own Invoke operation, through the cloud's service calls.</summary>
internal static class LambdaServiceCalls
{
    /// <summary>
    /// Invokes a function, synchronously (RequestResponse) unless told otherwise, as the Invoke API does. A function error is a
    /// response with <see cref="InvocationResponse.FunctionError"/> set, not an exception.
    /// </summary>
    /// <param name="calls">The cloud's service calls.</param>
    /// <param name="scope">Where the caller acts and who it is. A function ARN's own region and account are honoured.</param>
    /// <param name="functionNameOrArn">A name, partial ARN or ARN, optionally qualified.</param>
    /// <param name="qualifier">A version or alias, or null.</param>
    /// <param name="payload">The event JSON; empty means <c>{}</c>.</param>
    /// <param name="cancellationToken">Stops waiting (the invocation itself runs on).</param>
    /// <param name="logType"><c>Tail</c> for the end of the invocation's log in <see cref="InvocationResponse.LogResult"/>; null for none.</param>
    /// <param name="invocationType"><c>RequestResponse</c>, <c>Event</c> (queued: answers 202 at once) or <c>DryRun</c>.</param>
    /// <exception cref="AwsServiceException">Lambda refused the invocation: not found, throttled, payload too large, not active.</exception>
    public static Task<InvocationResponse> InvokeLambdaAsync(
        this IServiceCalls calls, RequestScope scope, string functionNameOrArn, string? qualifier, byte[] payload, CancellationToken cancellationToken = default, string? logType = null,
        string invocationType = "RequestResponse") =>
        calls.CallAsync<InvocationRequest, InvocationResponse>("lambda", "Invoke", ScopeOf(scope, functionNameOrArn), new InvocationRequest
        {
            FunctionName = functionNameOrArn,
            Qualifier = qualifier,
            InvocationType = invocationType,
            LogType = logType,
            Payload = payload,
        }, cancellationToken);

    /// <summary>A function ARN names its own region and account; a bare name lives in the caller's.</summary>
    private static RequestScope ScopeOf(RequestScope scope, string functionNameOrArn) =>
        FunctionArns.Parse(functionNameOrArn) is { Region: { } region, Account: { } account } ? scope with { AccountId = account, Region = region } : scope;
}
