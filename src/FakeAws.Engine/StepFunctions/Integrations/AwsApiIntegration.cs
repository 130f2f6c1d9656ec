using System.Text.Json.Nodes;
using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions.Json;
using FakeAws.Engine.StepFunctions.Runtime;

namespace FakeAws.Engine.StepFunctions.Integrations;

/// <summary>
/// Optimized service integrations (<c>arn:aws:states:::dynamodb:getItem</c>) and AWS SDK integrations
/// (<c>arn:aws:states:::aws-sdk:dynamodb:getItem</c>): the Parameters are the API request, the
/// response is the result, and a service error becomes <c>Service.ErrorCode</c>.
/// </summary>
internal static class AwsApiIntegration
{
    public static async Task<JsonNode?> CallAsync(TaskInvocation task)
    {
        task.AddScheduledAndStarted();
        var resource = task.Resource;
        JsonNode? output;
        if (task.NextMock() is { } mock)
        {
            if (mock.Throws)
            {
                throw task.TaskFailed(mock.Error, mock.Cause);
            }
            output = JsonValues.Clone(mock.Result);
        }
        else
        {
            var action = char.ToUpperInvariant(resource.Action[0]) + resource.Action[1..];
            try
            {
                output = await task.WithTimeoutAsync(
                    ct => task.Execution.Services.CallAwsApiAsync(task.Scope, resource.Service, action, JsonValues.Clone(task.Parameters), ct),
                    () => task.TaskTimedOut(StatesErrors.Timeout));
            }
            catch (AwsServiceException e)
            {
                throw resource.Kind == TaskResourceKind.AwsSdk
                    ? task.TaskFailed(
                        $"{SdkServiceName(resource.Service)}.{e.Code}",
                        $"{e.Message} (Service: {SdkServiceName(resource.Service)}, Status Code: {e.StatusCode}, Request ID: {task.NewRequestId()})")
                    : task.TaskFailed($"{ErrorPrefix(resource.Service)}.{e.Code}", task.ServiceErrorCause(e, JavaServiceName(resource.Service)));
            }
        }
        if (resource.WaitsForToken)
        {
            return await TaskTokens.WaitAsync(task, output);
        }
        if (JsonValues.Utf8Size(output) > StateRun.MaxPayloadBytes)
        {
            throw task.TaskFailed(
                StatesErrors.DataLimitExceeded,
                $"The state/task '{resource.EventResourceType}' returned a result with a size exceeding the maximum number of bytes service limit.");
        }
        task.AddEvent("TaskSucceeded", HistoryEvents.TaskSucceeded(resource.EventResourceType, resource.EventResource, output));
        return output;
    }

    /// <summary>The prefix of an optimized integration's error names, for example <c>DynamoDB</c>.</summary>
    private static string ErrorPrefix(string service) => service switch
    {
        "dynamodb" => "DynamoDB",
        "sqs" => "SQS",
        "sns" => "SNS",
        "events" => "EventBridge",
        "ecs" => "ECS",
        "glue" => "Glue",
        "batch" => "Batch",
        _ => char.ToUpperInvariant(service[0]) + service[1..],
    };

    /// <summary>The service name the Java SDK v1 puts in exception texts, for example <c>AmazonDynamoDBv2</c>.</summary>
    private static string JavaServiceName(string service) => service switch
    {
        "dynamodb" => "AmazonDynamoDBv2",
        "sqs" => "AmazonSQS",
        "sns" => "AmazonSNS",
        "events" => "AmazonCloudWatchEvents",
        _ => "Amazon" + ErrorPrefix(service),
    };

    /// <summary>The service name of AWS SDK integration errors, as the SDK v2 spells it: <c>DynamoDb</c>, <c>S3</c>.</summary>
    private static string SdkServiceName(string service) => service switch
    {
        "dynamodb" => "DynamoDb",
        "eventbridge" => "EventBridge",
        "secretsmanager" => "SecretsManager",
        _ => char.ToUpperInvariant(service[0]) + service[1..],
    };
}
