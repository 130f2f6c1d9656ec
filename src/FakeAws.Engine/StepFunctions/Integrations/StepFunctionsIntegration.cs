using System.Text.Json.Nodes;
using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions.Json;
using FakeAws.Engine.StepFunctions.Runtime;

namespace FakeAws.Engine.StepFunctions.Integrations;

/// <summary>
/// <c>arn:aws:states:::states:startExecution</c>: starts another execution of this engine. With
/// <c>.sync</c> the task waits for it and returns its description (output as a JSON string; with
/// <c>.sync:2</c> as JSON); a child that does not succeed fails the task with States.TaskFailed.
/// </summary>
internal static class StepFunctionsIntegration
{
    public static async Task<JsonNode?> StartExecutionAsync(TaskInvocation task)
    {
        task.AddScheduledAndStarted();
        var resource = task.Resource;
        if (task.NextMock() is { } mock)
        {
            if (mock.Throws)
            {
                throw task.TaskFailed(mock.Error, mock.Cause);
            }
            var mocked = JsonValues.Clone(mock.Result);
            task.AddEvent("TaskSucceeded", HistoryEvents.TaskSucceeded(resource.EventResourceType, resource.EventResource, mocked));
            return mocked;
        }
        var parameters = task.Parameters as JsonObject;
        var machineArn = JsonValues.AsString(parameters?["StateMachineArn"]);
        if (machineArn is null)
        {
            throw task.TaskFailed(StatesErrors.Runtime, "The field 'StateMachineArn' is required by arn:aws:states:::states:startExecution but is missing from the Parameters.");
        }
        var input = parameters!["Input"] is { } given ? JsonValues.AsString(given) ?? JsonValues.Serialize(given) : null;
        ExecutionRecord child;
        try
        {
            child = task.Execution.Engine.StartExecutionCore(
                task.Scope, machineArn, JsonValues.AsString(parameters["Name"]), input, null, syncExpress: false);
        }
        catch (AwsServiceException e)
        {
            throw task.TaskFailed($"StepFunctions.{e.Code}Exception", task.ServiceErrorCause(e, "AWSStepFunctions"));
        }
        var started = new JsonObject
        {
            ["ExecutionArn"] = child.Arn,
            ["StartDate"] = child.StartDate.ToUnixTimeMilliseconds(),
        };
        if (resource.WaitsForToken)
        {
            return await TaskTokens.WaitAsync(task, started);
        }
        if (!resource.IsSync)
        {
            task.AddEvent("TaskSucceeded", HistoryEvents.TaskSucceeded(resource.EventResourceType, resource.EventResource, started));
            return started;
        }
        task.AddEvent("TaskSubmitted", HistoryEvents.TaskSubmitted(resource.EventResourceType, resource.EventResource, started));
        // The child runs in its own flow on the scheduler: this task waits on it as on something
        // outside its own flow, and resumes on the scheduler when it closes.
        var cloud = task.Execution.Cloud;
        var resumed = new TaskCompletionSource<bool>();
        child.WhenClosed(() => cloud.Scheduler.Schedule(cloud.Now, () =>
        {
            resumed.TrySetResult(true);
            return Task.CompletedTask;
        }, $"resume after Step Functions execution {child.Arn}"));
        var work = cloud.Scheduler.CurrentWork;
        work?.ExternalWaitStarted();
        try
        {
            await task.WithTimeoutAsync(ct => resumed.Task.WaitAsync(ct), () => task.TaskTimedOut(StatesErrors.Timeout));
        }
        finally
        {
            work?.ExternalWaitEnded();
        }
        var description = Describe(child, resource.Pattern == "sync:2");
        if (child.Status != "SUCCEEDED")
        {
            throw task.TaskFailed(StatesErrors.TaskFailed, JsonValues.Serialize(description));
        }
        task.AddEvent("TaskSucceeded", HistoryEvents.TaskSucceeded(resource.EventResourceType, resource.EventResource, description));
        return description;
    }

    /// <summary>The child as DescribeExecution shows it, in the PascalCase the integration returns.</summary>
    private static JsonObject Describe(ExecutionRecord child, bool parsed)
    {
        var description = new JsonObject
        {
            ["ExecutionArn"] = child.Arn,
            ["Input"] = parsed ? JsonValues.Parse(child.Input) : child.Input,
            ["InputDetails"] = new JsonObject { ["Included"] = true },
            ["Name"] = child.Name,
        };
        if (child.Output is not null)
        {
            description["Output"] = parsed ? JsonValues.Parse(child.Output) : child.Output;
            description["OutputDetails"] = new JsonObject { ["Included"] = true };
        }
        description["RedriveCount"] = 0;
        description["RedriveStatus"] = child.Status == "SUCCEEDED" ? "NOT_REDRIVABLE" : "REDRIVABLE";
        description["StartDate"] = child.StartDate.ToUnixTimeMilliseconds();
        description["StateMachineArn"] = child.StateMachineArn;
        description["Status"] = child.Status;
        if (child.StopDate is { } stop)
        {
            description["StopDate"] = stop.ToUnixTimeMilliseconds();
        }
        if (child.Error is not null)
        {
            description["Error"] = child.Error;
        }
        if (child.Cause is not null)
        {
            description["Cause"] = child.Cause;
        }
        return description;
    }
}
