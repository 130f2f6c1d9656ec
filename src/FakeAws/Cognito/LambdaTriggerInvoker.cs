using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Engine.Cognito.Triggers;
using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda;

namespace FakeAws.Cognito;

/// <summary>
/// Runs a user pool's triggers on the cloud's Lambda engine, as Cognito does: a synchronous
/// invoke with the event as payload. A function error becomes an error whose message is the
/// function's <c>errorMessage</c>, which Cognito reports as <c>UserLambdaValidationException</c>.
/// </summary>
internal sealed class LambdaTriggerInvoker(LambdaEngine lambda) : ICognitoTriggerInvoker
{
    public async Task<JsonNode?> InvokeAsync(RequestScope scope, string lambdaArn, JsonNode @event, CancellationToken ct)
    {
        var result = await lambda.InvokeFunctionAsync(
            scope, lambdaArn, null, JsonSerializer.SerializeToUtf8Bytes(@event), LambdaInvocationType.RequestResponse, ct);
        var payload = result.Payload is { Length: > 0 } bytes ? JsonNode.Parse(bytes) : null;
        if (result.FunctionError is not null)
        {
            var type = payload?["errorType"]?.GetValue<string>() ?? "Unhandled";
            throw new AwsServiceException(type, payload?["errorMessage"]?.GetValue<string>() ?? "");
        }
        return payload;
    }
}
