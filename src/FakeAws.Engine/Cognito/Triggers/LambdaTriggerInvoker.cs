using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda;

namespace FakeAws.Engine.Cognito.Triggers;

/// <summary>
/// Runs a user pool's triggers through the cloud's Lambda service, as Cognito does: a synchronous
/// invoke with the event as payload, made as <c>cognito-idp.amazonaws.com</c>. A function error
/// becomes an error whose message is the function's <c>errorMessage</c>, which Cognito reports as
/// <c>UserLambdaValidationException</c>.
/// </summary>
internal sealed class LambdaTriggerInvoker(CloudContext cloud) : ICognitoTriggerInvoker
{
    private static readonly ServiceCaller Cognito = new("cognito-idp.amazonaws.com");

    public async Task<JsonNode?> InvokeAsync(RequestScope scope, string lambdaArn, JsonNode @event, CancellationToken ct)
    {
        var result = await cloud.Services.InvokeLambdaAsync(scope.As(Cognito), lambdaArn, null, JsonSerializer.SerializeToUtf8Bytes(@event), ct)
            .ConfigureAwait(false);
        var payload = result.Payload is { Length: > 0 } bytes ? JsonNode.Parse(bytes) : null;
        if (result.FunctionError is not null)
        {
            var type = payload?["errorType"]?.GetValue<string>() ?? "Unhandled";
            throw new AwsServiceException(type, payload?["errorMessage"]?.GetValue<string>() ?? "");
        }
        return payload;
    }
}
