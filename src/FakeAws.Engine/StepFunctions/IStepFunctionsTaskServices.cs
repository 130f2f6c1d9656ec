using System.Text.Json.Nodes;
using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda;

namespace FakeAws.Engine.StepFunctions;

/// <summary>
/// The services Task states call, as the cloud binds them: Lambda for function tasks, and the other
/// engines (DynamoDB and so on) for service integrations. Nested Step Functions executions are the
/// engine's own. Failures are <see cref="AwsServiceException"/>s with the called service's error code.
/// </summary>
internal interface IStepFunctionsTaskServices
{
    /// <summary>
    /// Invokes a function synchronously (RequestResponse), as the Lambda Invoke API does, with Lambda's
    /// LogType: <c>Tail</c> asks for the last 4 KB of the invocation's log, base64, in
    /// <see cref="LambdaInvokeResult.LogResult"/>.
    /// </summary>
    /// <param name="scope">The account and region of the execution.</param>
    /// <param name="functionNameOrArn">A name, a partial ARN or a full ARN, possibly with a qualifier.</param>
    /// <param name="qualifier">A version or alias, or null.</param>
    /// <param name="payload">The event, as JSON bytes.</param>
    /// <param name="logType"><c>Tail</c>, <c>None</c> or null.</param>
    /// <param name="cancellationToken">Cancelled when the task times out or the execution stops.</param>
    /// <exception cref="AwsServiceException">Lambda refused the call, for example ResourceNotFoundException.</exception>
    Task<LambdaInvokeResult> InvokeLambdaAsync(
        RequestScope scope, string functionNameOrArn, string? qualifier, byte[] payload, string? logType, CancellationToken cancellationToken);

    /// <summary>
    /// Calls an AWS API action with the request as JSON (the member names of the service's model) and
    /// returns the response as JSON. Used by <c>arn:aws:states:::dynamodb:getItem</c> and <c>aws-sdk:*</c>.
    /// </summary>
    /// <param name="scope">The account and region of the execution.</param>
    /// <param name="service">The service as the resource names it, for example <c>dynamodb</c>.</param>
    /// <param name="action">The API action, for example <c>GetItem</c>.</param>
    /// <param name="parameters">The request.</param>
    /// <param name="cancellationToken">Cancelled when the task times out or the execution stops.</param>
    /// <exception cref="AwsServiceException">The service answered with an error.</exception>
    Task<JsonNode?> CallAwsApiAsync(
        RequestScope scope, string service, string action, JsonNode? parameters, CancellationToken cancellationToken);
}

/// <summary>What a synchronous Lambda invoke returned.</summary>
/// <param name="StatusCode">The HTTP status of the invoke, 200 for a synchronous call.</param>
/// <param name="Payload">The function's response, or its error document when <paramref name="FunctionError"/> is set.</param>
/// <param name="FunctionError"><c>Unhandled</c> (or <c>Handled</c>) when the function failed, otherwise null.</param>
/// <param name="ExecutedVersion">The version that ran, for example <c>$LATEST</c>.</param>
/// <param name="LogResult">With LogType <c>Tail</c>, the end of the invocation's log in base64; otherwise null.</param>
internal sealed record LambdaInvokeResult(int StatusCode, byte[] Payload, string? FunctionError, string ExecutedVersion, string? LogResult = null);

/// <summary>
/// Task states' calls as a cloud makes them: through the cloud's service calls, acting as Step
/// Functions (<c>states.amazonaws.com</c>). Tests of the engine alone bind other services instead.
/// </summary>
internal sealed class CloudTaskServices(CloudContext cloud) : IStepFunctionsTaskServices
{
    private static readonly ServiceCaller StepFunctions = new("states.amazonaws.com");

    public async Task<LambdaInvokeResult> InvokeLambdaAsync(
        RequestScope scope, string functionNameOrArn, string? qualifier, byte[] payload, string? logType, CancellationToken cancellationToken)
    {
        var result = await cloud.Services.InvokeLambdaAsync(scope.As(StepFunctions), functionNameOrArn, qualifier, payload, cancellationToken, logType)
            .ConfigureAwait(false);
        return new LambdaInvokeResult(result.StatusCode ?? 200, result.Payload ?? [], result.FunctionError, result.ExecutedVersion ?? "$LATEST", result.LogResult);
    }

    // The aws-sdk integrations name services as the SDKs do (sfn); the cloud knows them by signing name (states).
    public Task<JsonNode?> CallAwsApiAsync(
        RequestScope scope, string service, string action, JsonNode? parameters, CancellationToken cancellationToken) =>
        cloud.Services.CallJsonAsync(service is "sfn" or "stepfunctions" ? "states" : service, action, scope.As(StepFunctions), parameters, cancellationToken);
}
