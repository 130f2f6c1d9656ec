using System.Text.Json.Nodes;
using FakeAws.Engine.Cognito.Triggers;
using FakeAws.Engine.Core;

namespace FakeAws.Tests.Cognito;

/// <summary>
/// A stand-in for the Lambda engine behind Cognito's trigger port: each function ARN maps to a
/// handler that gets the event and returns it (possibly changed), or throws like a failing function.
/// </summary>
internal sealed class FakeTriggers : ICognitoTriggerInvoker
{
    public Dictionary<string, Func<JsonObject, JsonObject>> Functions { get; } = [];

    public List<JsonObject> Events { get; } = [];

    public Task<JsonNode?> InvokeAsync(RequestScope scope, string lambdaArn, JsonNode @event, CancellationToken ct)
    {
        var copy = @event.DeepClone().AsObject();
        Events.Add(copy);
        return Task.FromResult<JsonNode?>(Functions[lambdaArn](copy.DeepClone().AsObject()));
    }

    public static string Arn(string name) => $"arn:aws:lambda:us-east-1:123456789012:function:{name}";

    public static AwsServiceException Failure(string message) => new("Unhandled", message);
}
