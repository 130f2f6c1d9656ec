using System.Text.Json.Nodes;
using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions.Model;
using FakeAws.Engine.StepFunctions.Runtime;

namespace FakeAws.Engine.StepFunctions.Integrations;

/// <summary>One attempt of a Task state: its resource, its parameters, its time limits, and the history it writes.</summary>
internal sealed class TaskInvocation(StateRun run, TaskResource resource, JsonNode? parameters, long? timeoutSeconds, long? heartbeatSeconds)
{
    /// <summary>The time limit of a Task that sets none: 99999999 seconds, which the fake never arms as a timer.</summary>
    public const long DefaultTimeoutSeconds = 99_999_999;

    public StateRun Run { get; } = run;

    public TaskResource Resource { get; } = resource;

    /// <summary>The Task's input after Parameters.</summary>
    public JsonNode? Parameters { get; } = parameters;

    /// <summary>TimeoutSeconds when the state sets it (directly or by path).</summary>
    public long? TimeoutSeconds { get; } = timeoutSeconds;

    /// <summary>HeartbeatSeconds when the state sets it (directly or by path).</summary>
    public long? HeartbeatSeconds { get; } = heartbeatSeconds;

    public ExecutionRun Execution => Run.Run;

    public RequestScope Scope => Execution.Scope;

    public CancellationToken Cancellation => Run.Frame.Cancellation;

    /// <summary>Appends an event at the state's place in the history.</summary>
    public long AddEvent(string type, Action<HistoryEvent>? details = null) => Execution.History.Add(Run.Frame.Cursor, type, details);

    /// <summary>The next canned outcome when a test mocked this state, else null.</summary>
    public TaskMockResponse? NextMock() => Execution.Mocks?.Next(Run.State.Name);

    /// <summary>A request id as AWS services return them.</summary>
    public string NewRequestId() => Execution.Cloud.Ids.NewGuid().ToString();

    public StatesFailure TaskFailed(string? error, string? cause) => new(error, cause)
    {
        EventType = "TaskFailed",
        EventDetails = HistoryEvents.TaskFailed(Resource.EventResourceType, Resource.EventResource, error, cause),
    };

    public StatesFailure TaskTimedOut(string error) => new(error, null)
    {
        EventType = "TaskTimedOut",
        EventDetails = HistoryEvents.TaskTimedOut(Resource.EventResourceType, Resource.EventResource, error, null),
    };

    /// <summary>Writes TaskScheduled and TaskStarted, as every service integration does first.</summary>
    public void AddScheduledAndStarted()
    {
        AddEvent("TaskScheduled", HistoryEvents.TaskScheduled(
            Resource.EventResourceType, Resource.EventResource, Scope.Region, Parameters, TimeoutSeconds, HeartbeatSeconds));
        AddEvent("TaskStarted", HistoryEvents.TaskStarted(Resource.EventResourceType, Resource.EventResource));
    }

    /// <summary>
    /// Runs <paramref name="work"/> under the Task's TimeoutSeconds on the virtual clock. When the
    /// limit passes first, the work is cancelled and <paramref name="timedOut"/> is raised.
    /// </summary>
    public async Task<T> WithTimeoutAsync<T>(Func<CancellationToken, Task<T>> work, Func<StatesFailure> timedOut)
    {
        using var scope = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        var running = work(scope.Token);
        if (TimeoutSeconds is not { } seconds || seconds >= DefaultTimeoutSeconds)
        {
            return await running;
        }
        var limit = Execution.Cloud.Clock.Delay(TimeSpan.FromSeconds(seconds), scope.Token);
        var first = await Task.WhenAny(running, limit);
        if (first == running)
        {
            scope.Cancel();
            return await running;
        }
        Cancellation.ThrowIfCancellationRequested();
        scope.Cancel();
        ObserveQuietly(running);
        throw timedOut();
    }

    /// <summary>Lets abandoned work finish or fail without an unobserved exception.</summary>
    private static void ObserveQuietly(Task task) =>
        task.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);

    /// <summary>The cause AWS writes for a service error, in the style of the Java SDK's exception text.</summary>
    public string ServiceErrorCause(AwsServiceException error, string serviceName) =>
        $"{error.Message} (Service: {serviceName}; Status Code: {error.StatusCode}; Error Code: {error.Code}; Request ID: {NewRequestId()}; Proxy: null)";
}
