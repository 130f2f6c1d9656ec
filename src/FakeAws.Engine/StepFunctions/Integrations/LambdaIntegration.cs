using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions.Json;
using FakeAws.Engine.StepFunctions.Runtime;

namespace FakeAws.Engine.StepFunctions.Integrations;

/// <summary>
/// Lambda tasks: a function ARN as the Resource (its result is the function's payload), and
/// <c>arn:aws:states:::lambda:invoke</c> (its result is the Invoke response: Payload, StatusCode...).
/// A function error takes its errorType as the error name and the error document as the cause.
/// </summary>
internal static class LambdaIntegration
{
    /// <summary>A function ARN used directly: LambdaFunction* events, the payload as the result.</summary>
    public static async Task<JsonNode?> InvokeFunctionAsync(TaskInvocation task)
    {
        var arn = task.Resource.Arn;
        task.AddEvent("LambdaFunctionScheduled", HistoryEvents.LambdaFunctionScheduled(arn, task.Parameters, task.TimeoutSeconds));
        task.AddEvent("LambdaFunctionStarted");
        JsonNode? output;
        if (task.NextMock() is { } mock)
        {
            if (mock.Throws)
            {
                throw FunctionFailed(mock.Error, mock.Cause);
            }
            output = JsonValues.Clone(mock.Result);
        }
        else
        {
            var payload = Encoding.UTF8.GetBytes(JsonValues.Serialize(task.Parameters));
            LambdaInvokeResult result;
            try
            {
                result = await task.WithTimeoutAsync(
                    ct => task.Execution.Services.InvokeLambdaAsync(task.Scope, arn, null, payload, null, ct),
                    () => new StatesFailure(StatesErrors.Timeout, null)
                    {
                        EventType = "LambdaFunctionTimedOut",
                        EventDetails = HistoryEvents.LambdaFunctionTimedOut(StatesErrors.Timeout, null),
                    });
            }
            catch (AwsServiceException e)
            {
                throw FunctionFailed($"Lambda.{e.Code}", task.ServiceErrorCause(e, "AWSLambda"));
            }
            if (result.FunctionError is not null)
            {
                // The cause is the error document exactly as the function returned it.
                var cause = Encoding.UTF8.GetString(result.Payload);
                throw FunctionFailed(ErrorType(cause), cause);
            }
            output = ParsePayload(result.Payload);
        }
        if (JsonValues.Utf8Size(output) > StateRun.MaxPayloadBytes)
        {
            throw FunctionFailed(
                StatesErrors.DataLimitExceeded,
                $"The state/task '{arn}' returned a result with a size exceeding the maximum number of bytes service limit.");
        }
        task.AddEvent("LambdaFunctionSucceeded", HistoryEvents.LambdaFunctionSucceeded(output));
        return output;
    }

    /// <summary><c>arn:aws:states:::lambda:invoke</c>: Task* events, the Invoke response as the result.</summary>
    public static async Task<JsonNode?> InvokeServiceAsync(TaskInvocation task)
    {
        task.AddScheduledAndStarted();
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
            if (task.Parameters is not JsonObject parameters || JsonValues.AsString(parameters["FunctionName"]) is not { } function)
            {
                throw task.TaskFailed(
                    StatesErrors.Runtime,
                    "The field 'FunctionName' is required by arn:aws:states:::lambda:invoke but is missing from the Parameters.");
            }
            var qualifier = JsonValues.AsString(parameters["Qualifier"]);
            var logType = JsonValues.AsString(parameters["LogType"]);
            var payload = PayloadBytes(parameters);
            LambdaInvokeResult result;
            try
            {
                result = await task.WithTimeoutAsync(
                    ct => task.Execution.Services.InvokeLambdaAsync(task.Scope, function, qualifier, payload, logType, ct),
                    () => task.TaskTimedOut(StatesErrors.Timeout));
            }
            catch (AwsServiceException e)
            {
                throw task.TaskFailed($"Lambda.{e.Code}", task.ServiceErrorCause(e, "AWSLambda"));
            }
            if (result.FunctionError is not null)
            {
                var document = ParsePayload(result.Payload);
                // AWS passes the error document on in compact JSON.
                var cause = document is JsonObject ? JsonValues.Serialize(document) : Encoding.UTF8.GetString(result.Payload);
                throw task.TaskFailed(ErrorType(cause), cause);
            }
            output = InvokeResponse(task, result);
        }
        if (task.Resource.WaitsForToken)
        {
            return await TaskTokens.WaitAsync(task, output);
        }
        if (JsonValues.Utf8Size(output) > StateRun.MaxPayloadBytes)
        {
            throw task.TaskFailed(
                StatesErrors.DataLimitExceeded,
                $"The state/task '{task.Resource.EventResourceType}' returned a result with a size exceeding the maximum number of bytes service limit.");
        }
        task.AddEvent("TaskSucceeded", HistoryEvents.TaskSucceeded(task.Resource.EventResourceType, task.Resource.EventResource, output));
        return output;
    }

    private static StatesFailure FunctionFailed(string? error, string? cause) => new(error, cause)
    {
        EventType = "LambdaFunctionFailed",
        EventDetails = HistoryEvents.LambdaFunctionFailed(error, cause),
    };

    /// <summary>The error name of a function error: its errorType, or Lambda.Unknown when it has none.</summary>
    private static string ErrorType(string errorDocument) =>
        JsonValues.TryParse(errorDocument, out var node) && JsonValues.AsString(node?["errorType"]) is { Length: > 0 } type
            ? type
            : "Lambda.Unknown";

    /// <summary>
    /// The Payload parameter as the Invoke body: JSON text as it is, any other string as a JSON
    /// string, anything else serialized; no Payload (or null) sends <c>{}</c>.
    /// </summary>
    private static byte[] PayloadBytes(JsonObject parameters)
    {
        var payload = parameters["Payload"];
        string text;
        if (payload is null)
        {
            text = "{}";
        }
        else if (JsonValues.AsString(payload) is { } s)
        {
            text = JsonValues.TryParse(s, out _) ? s : JsonValues.Serialize(payload);
        }
        else
        {
            text = JsonValues.Serialize(payload);
        }
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>The function's response as JSON when it is JSON, else as a string.</summary>
    private static JsonNode? ParsePayload(byte[] payload)
    {
        var text = Encoding.UTF8.GetString(payload);
        return JsonValues.TryParse(text, out var node) ? node : JsonValue.Create(text);
    }

    /// <summary>The result of lambda:invoke, shaped as the Java SDK's InvokeResult that AWS serializes.</summary>
    private static JsonObject InvokeResponse(TaskInvocation task, LambdaInvokeResult result)
    {
        var requestId = task.NewRequestId();
        var date = task.Execution.Cloud.Now.ToString("r", CultureInfo.InvariantCulture);
        var length = result.Payload.Length.ToString(CultureInfo.InvariantCulture);
        var traceId = $"Root=1-{task.Execution.Cloud.Ids.NewString(8, "0123456789abcdef")}-{task.Execution.Cloud.Ids.NewString(24, "0123456789abcdef")};Sampled=0";
        var headers = new (string Name, string Value)[]
        {
            ("Connection", "keep-alive"),
            ("Content-Length", length),
            ("Content-Type", "application/json"),
            ("Date", date),
            ("X-Amz-Executed-Version", result.ExecutedVersion),
            ("X-Amzn-Trace-Id", traceId),
            ("x-amzn-Remapped-Content-Length", "0"),
            ("x-amzn-RequestId", requestId),
        };
        if (result.LogResult is not null)
        {
            headers = [.. headers, ("X-Amz-Log-Result", result.LogResult)];
        }
        var all = new JsonObject();
        var single = new JsonObject();
        foreach (var (name, value) in headers)
        {
            all[name] = new JsonArray(value);
            single[name] = value;
        }
        var response = new JsonObject { ["ExecutedVersion"] = result.ExecutedVersion };
        if (result.LogResult is not null)
        {
            // LogType Tail: AWS passes Lambda's LogResult on in the task's result.
            response["LogResult"] = result.LogResult;
        }
        response["Payload"] = ParsePayload(result.Payload);
        response["SdkHttpMetadata"] = new JsonObject
        {
            ["AllHttpHeaders"] = all,
            ["HttpHeaders"] = single,
            ["HttpStatusCode"] = result.StatusCode,
        };
        response["SdkResponseMetadata"] = new JsonObject { ["RequestId"] = requestId };
        response["StatusCode"] = result.StatusCode;
        return response;
    }
}
