using System.Text.Json;
using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions.Json;
using FakeAws.Engine.StepFunctions.Model;
using FakeAws.Engine.StepFunctions.Runtime;

namespace FakeAws.Engine.StepFunctions;

// The callback APIs of .waitForTaskToken tasks.
internal sealed partial class StepFunctionsEngine
{
    public SendTaskSuccessOutput SendTaskSuccess(RequestScope scope, SendTaskSuccessInput input)
    {
        var waiter = Waiter(input.TaskToken!);
        System.Text.Json.Nodes.JsonNode? output;
        try
        {
            output = JsonValues.Parse(input.Output!);
        }
        catch (JsonException e)
        {
            throw StepFunctionsErrors.InvalidOutput(e.Message);
        }
        Resume(waiter, new TaskTokenOutcome(output, null, null));
        return new SendTaskSuccessOutput();
    }

    public SendTaskFailureOutput SendTaskFailure(RequestScope scope, SendTaskFailureInput input)
    {
        var waiter = Waiter(input.TaskToken!);
        Resume(waiter, new TaskTokenOutcome(null, input.Error ?? "", input.Cause ?? ""));
        return new SendTaskFailureOutput();
    }

    public SendTaskHeartbeatOutput SendTaskHeartbeat(RequestScope scope, SendTaskHeartbeatInput input)
    {
        var waiter = Waiter(input.TaskToken!);
        _cloud.Scheduler.Schedule(_cloud.Now, () =>
        {
            waiter.Beat();
            return Task.CompletedTask;
        }, "Step Functions task heartbeat");
        return new SendTaskHeartbeatOutput();
    }

    /// <summary>The task waiting on a token, or InvalidToken / TaskTimedOut as AWS answers.</summary>
    private TaskTokenWaiter Waiter(string token)
    {
        var waiter = Tokens.Find(token) ?? throw StepFunctionsErrors.InvalidToken(token);
        if (waiter.IsClosed || waiter.Outcome.Task.IsCompleted)
        {
            throw StepFunctionsErrors.TaskTimedOut();
        }
        return waiter;
    }

    /// <summary>Hands the outcome to the waiting task on the scheduler, so the execution goes on there.</summary>
    private void Resume(TaskTokenWaiter waiter, TaskTokenOutcome outcome) =>
        _cloud.Scheduler.Schedule(_cloud.Now, () =>
        {
            waiter.Outcome.TrySetResult(outcome);
            return Task.CompletedTask;
        }, "Step Functions task token");
}
