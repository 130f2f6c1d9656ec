using System.Text.Json.Nodes;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito.Triggers;

/// <summary>
/// The port through which user pools run their Lambda triggers. The cloud binds it to its Lambda
/// engine (a synchronous <c>RequestResponse</c> invoke of the trigger's function with the event
/// as payload); tests bind a fake.
/// </summary>
internal interface ICognitoTriggerInvoker
{
    /// <summary>
    /// Invokes the function with the trigger event and returns the event the function returned
    /// (Cognito reads its <c>response</c> member), or null when it returned nothing.
    /// </summary>
    /// <exception cref="AwsServiceException">
    /// The function failed; the exception's message is the function's <c>errorMessage</c>, which
    /// Cognito wraps as <c>UserLambdaValidationException</c> "&lt;Trigger&gt; failed with error &lt;message&gt;.".
    /// </exception>
    Task<JsonNode?> InvokeAsync(RequestScope scope, string lambdaArn, JsonNode @event, CancellationToken ct);
}
