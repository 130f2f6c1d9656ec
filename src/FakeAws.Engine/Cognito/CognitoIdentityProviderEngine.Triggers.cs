using System.Text.Json.Nodes;
using FakeAws.Engine.Cognito.Triggers;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// Lambda triggers: events in AWS's shapes, run through ICognitoTriggerInvoker. Callers never hold a
// pool's lock while a trigger runs, since a trigger may call back into Cognito.
internal sealed partial class CognitoIdentityProviderEngine
{
    /// <summary>
    /// Runs a trigger when the pool has one and returns the <c>response</c> member of what the
    /// function returned (the event's own response when it returned nothing); null when the pool has no such trigger.
    /// </summary>
    private async Task<JsonObject?> RunTriggerAsync(
        RequestScope scope, UserPool pool, string trigger, string triggerSource, string userName, string? clientId,
        JsonObject request, CancellationToken ct, JsonObject? response = null, string version = "1")
    {
        var arn = TriggerArn(pool, trigger);
        if (arn is null)
        {
            return null;
        }
        var invoker = Triggers ?? throw CognitoErrors.TriggerNotBound(trigger, arn);
        var callerContext = new JsonObject { ["awsSdkVersion"] = "aws-sdk-unknown-unknown" };
        if (clientId is not null)
        {
            callerContext["clientId"] = clientId;
        }
        var ownResponse = response ?? new JsonObject();
        var @event = new JsonObject
        {
            ["version"] = version,
            ["triggerSource"] = triggerSource,
            ["region"] = scope.Region,
            ["userPoolId"] = pool.Id,
            ["userName"] = userName,
            ["callerContext"] = callerContext,
            ["request"] = request,
            ["response"] = ownResponse,
        };
        JsonNode? result;
        try
        {
            result = await invoker.InvokeAsync(scope, arn, @event, ct).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.Code != "UnexpectedLambdaException")
        {
            throw CognitoErrors.UserLambdaValidation(trigger, e.Message);
        }
        return result is JsonObject returned && returned["response"] is JsonObject r ? r : ownResponse;
    }

    private static string? TriggerArn(UserPool pool, string trigger)
    {
        var lambda = pool.Lambda;
        return trigger switch
        {
            "PreSignUp" => lambda.PreSignUp,
            "PostConfirmation" => lambda.PostConfirmation,
            "PreAuthentication" => lambda.PreAuthentication,
            "PostAuthentication" => lambda.PostAuthentication,
            "PreTokenGeneration" => lambda.PreTokenGenerationConfig?.LambdaArn ?? lambda.PreTokenGeneration,
            "CustomMessage" => lambda.CustomMessage,
            "UserMigration" => lambda.UserMigration,
            "DefineAuthChallenge" => lambda.DefineAuthChallenge,
            "CreateAuthChallenge" => lambda.CreateAuthChallenge,
            "VerifyAuthChallengeResponse" => lambda.VerifyAuthChallengeResponse,
            _ => null,
        };
    }

    /// <summary>The <c>userAttributes</c> of an event: the user's attributes, and its status except before sign-up.</summary>
    private static JsonObject EventAttributes(UserPool pool, PoolUser user, bool withStatus = true)
    {
        var attributes = new JsonObject();
        lock (pool.Gate)
        {
            foreach (var (name, value) in user.Attributes)
            {
                attributes[name] = value;
            }
            if (withStatus)
            {
                attributes["cognito:user_status"] = user.Status;
            }
        }
        return attributes;
    }

    private static JsonObject StringMap(IReadOnlyDictionary<string, string>? map)
    {
        var result = new JsonObject();
        foreach (var (key, value) in map ?? new Dictionary<string, string>())
        {
            result[key] = value;
        }
        return result;
    }

    private static JsonObject StringMap(IEnumerable<Model.AttributeType>? attributes)
    {
        var result = new JsonObject();
        foreach (var attribute in attributes ?? [])
        {
            result[attribute.Name!] = attribute.Value;
        }
        return result;
    }

    private static bool Flag(JsonObject? response, string name) =>
        response?[name] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private static string? Text(JsonNode? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
