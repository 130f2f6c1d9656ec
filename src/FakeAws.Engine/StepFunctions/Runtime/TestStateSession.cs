using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;
using FakeAws.Engine.StepFunctions.Model;

namespace FakeAws.Engine.StepFunctions.Runtime;

/// <summary>
/// What a TestState call adds to the one state it runs: the mocked outcome that stands in for the
/// state's work, the retry count to assume, and the data-flow values it reports at DEBUG and TRACE.
/// </summary>
internal sealed class TestStateSession(MockInput? mock, int retrierRetryCount)
{
    /// <summary>The result or error that replaces the work of a Task, Map or Parallel state, if any.</summary>
    public MockInput? Mock { get; } = mock;

    /// <summary>How many retries the state is taken to have made already: its retriers count from here.</summary>
    public int RetrierRetryCount { get; } = retrierRetryCount;

    /// <summary>The input and output processing as it happened, field by field.</summary>
    public InspectionData Data { get; } = new();

    /// <summary>The index of the retrier that would retry the error: the state is RETRIABLE.</summary>
    public int? RetryIndex { get; set; }

    /// <summary>The index of the catcher that took the error: the state is CAUGHT_ERROR.</summary>
    public int? CatchIndex { get; set; }

    /// <summary>The error a retrier or catcher handled.</summary>
    public StatesFailure? HandledFailure { get; set; }

    /// <summary>Records one step of the data flow as the JSON text InspectionData holds.</summary>
    public void Inspect(Action<InspectionData, string> set, JsonNode? value) => set(Data, JsonValues.Serialize(value));
}
