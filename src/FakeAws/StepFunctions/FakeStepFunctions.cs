using FakeAws.Engine.StepFunctions;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.StepFunctions;

/// <summary>
/// What a test can do with the cloud's Step Functions that AWS has no API for: give Task states
/// canned results or errors instead of calling Lambda or other services, in the spirit of Step
/// Functions Local's MockConfigFile.
/// </summary>
/// <example>
/// <code>
/// aws.StepFunctions.Mock("orders")
///     .Throws("ChargeCard", "Payments.Declined", "card expired")
///     .Returns("ChargeCard", """{"StatusCode": 200, "Payload": {"charged": true}}""");
/// </code>
/// </example>
public sealed class FakeStepFunctions
{
    internal FakeStepFunctions(StepFunctionsEngine engine) => Engine = engine;

    internal StepFunctionsEngine Engine { get; }

    /// <summary>
    /// The mocks of a state machine's executions. Without a test case they apply to every execution
    /// of the machine; with one, to executions started with the ARN <c>stateMachineArn#testCase</c>.
    /// </summary>
    /// <param name="stateMachineName">The state machine's name.</param>
    /// <param name="testCase">A test case name, or null for every execution.</param>
    public StepFunctionsTaskMocks Mock(string stateMachineName, string? testCase = null) =>
        new(Engine.Mocks.For(stateMachineName, testCase));

    /// <summary>
    /// Loads a Step Functions Local MockConfigFile document (its StateMachines, TestCases and
    /// MockedResponses). Executions started as <c>stateMachineArn#TestCase</c> use its test cases.
    /// </summary>
    /// <exception cref="ArgumentException">The document is not a mock configuration.</exception>
    public void LoadMockConfig(string mockConfigJson) => Engine.Mocks.Load(mockConfigJson);
}

/// <summary>Canned outcomes of Task states, each state's used in order, one per invocation; the last repeats.</summary>
public sealed class StepFunctionsTaskMocks
{
    private readonly TaskMockCase _case;

    internal StepFunctionsTaskMocks(TaskMockCase mockCase) => _case = mockCase;

    /// <summary>Adds a result for the next invocation of the Task state <paramref name="stateName"/>.</summary>
    /// <param name="stateName">The Task state's name.</param>
    /// <param name="resultJson">The task's result as JSON: a function's payload for a Lambda ARN resource, the whole Invoke response for <c>lambda:invoke</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="resultJson"/> is not JSON.</exception>
    public StepFunctionsTaskMocks Returns(string stateName, string resultJson)
    {
        if (!JsonValues.TryParse(resultJson, out var result))
        {
            throw new ArgumentException("The mocked result must be JSON.", nameof(resultJson));
        }
        _case.Returns(stateName, result);
        return this;
    }

    /// <summary>Adds an error for the next invocation of the Task state <paramref name="stateName"/>.</summary>
    public StepFunctionsTaskMocks Throws(string stateName, string error, string? cause = null)
    {
        _case.Throws(stateName, error, cause);
        return this;
    }
}
