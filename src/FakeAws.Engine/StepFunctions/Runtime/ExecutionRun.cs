using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions.Asl;

namespace FakeAws.Engine.StepFunctions.Runtime;

/// <summary>Everything the states of one running execution share.</summary>
internal sealed class ExecutionRun(
    StepFunctionsEngine engine,
    CloudContext cloud,
    RequestScope scope,
    ExecutionRecord execution,
    StateMachineDefinition definition,
    IStepFunctionsTaskServices services,
    TaskMockRun? mocks)
{
    public StepFunctionsEngine Engine { get; } = engine;

    public CloudContext Cloud { get; } = cloud;

    /// <summary>The account and region the execution runs in.</summary>
    public RequestScope Scope { get; } = scope;

    public ExecutionRecord Execution { get; } = execution;

    public StateMachineDefinition Definition { get; } = definition;

    public HistoryLog History => Execution.History;

    /// <summary>Where Task states send their calls to Lambda and other services.</summary>
    public IStepFunctionsTaskServices Services { get; } = services;

    /// <summary>The canned task results a test registered for this execution, if any.</summary>
    public TaskMockRun? Mocks { get; } = mocks;

    /// <summary>Set when the run is a TestState call of one state, not an execution.</summary>
    public TestStateSession? Test { get; init; }

    /// <summary>
    /// The execution's own seeded generator (retry jitter, States.MathRandom), seeded from the
    /// cloud's ids so one test run repeats exactly.
    /// </summary>
    public Random Random { get; } = new(BitConverter.ToInt32(cloud.Ids.NewBytes(4)));
}
