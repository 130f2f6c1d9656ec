using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.StepFunctions;

/// <summary>One canned outcome of a mocked Task: a result, or an error with a cause.</summary>
internal sealed record TaskMockResponse(JsonNode? Result, string? Error = null, string? Cause = null)
{
    public bool Throws => Error is not null;
}

/// <summary>
/// Canned Task outcomes for the executions of one state machine, in the spirit of Step Functions
/// Local's MockConfigFile: per state, a sequence of outcomes used one per invocation (retries
/// included); the last one repeats. A mocked Task calls nothing, and its history events read as
/// if the service had answered.
/// </summary>
internal sealed class TaskMockCase
{
    private readonly Dictionary<string, List<TaskMockResponse>> _states = new(StringComparer.Ordinal);

    /// <summary>Adds a result to the state's sequence.</summary>
    public TaskMockCase Returns(string state, JsonNode? result) => Add(state, new TaskMockResponse(result));

    /// <summary>Adds an error to the state's sequence.</summary>
    public TaskMockCase Throws(string state, string error, string? cause = null) => Add(state, new TaskMockResponse(null, error, cause));

    /// <summary>Adds an outcome to the state's sequence.</summary>
    public TaskMockCase Add(string state, TaskMockResponse response)
    {
        lock (_states)
        {
            if (!_states.TryGetValue(state, out var list))
            {
                _states[state] = list = [];
            }
            list.Add(response);
        }
        return this;
    }

    /// <summary>A fresh set of counters for one execution.</summary>
    public TaskMockRun Start()
    {
        lock (_states)
        {
            return new TaskMockRun(_states.ToDictionary(s => s.Key, s => s.Value.ToList(), StringComparer.Ordinal));
        }
    }
}

/// <summary>The mocked outcomes as one execution uses them up.</summary>
internal sealed class TaskMockRun(Dictionary<string, List<TaskMockResponse>> states)
{
    private readonly Dictionary<string, int> _used = new(StringComparer.Ordinal);

    /// <summary>The next outcome for <paramref name="state"/>, or null when the state is not mocked.</summary>
    public TaskMockResponse? Next(string state)
    {
        lock (_used)
        {
            if (!states.TryGetValue(state, out var list) || list.Count == 0)
            {
                return null;
            }
            var used = _used.GetValueOrDefault(state);
            _used[state] = used + 1;
            return list[Math.Min(used, list.Count - 1)];
        }
    }
}

/// <summary>
/// The mocks of a cloud's Step Functions: by state machine name, optionally by test case. An
/// execution started as <c>stateMachineArn#TestCase</c> uses that test case; any other execution
/// uses the state machine's mocks without a test case, if any.
/// </summary>
internal sealed class StepFunctionsMocks
{
    private readonly Dictionary<(string Machine, string Case), TaskMockCase> _cases = [];

    /// <summary>The mocks of a state machine (and test case), made on first use.</summary>
    public TaskMockCase For(string stateMachineName, string? testCase = null)
    {
        lock (_cases)
        {
            var key = (stateMachineName, testCase ?? "");
            if (!_cases.TryGetValue(key, out var mockCase))
            {
                _cases[key] = mockCase = new TaskMockCase();
            }
            return mockCase;
        }
    }

    /// <summary>The mocks an execution of <paramref name="stateMachineName"/> uses, if any.</summary>
    public TaskMockCase? Find(string stateMachineName, string? testCase)
    {
        lock (_cases)
        {
            return _cases.GetValueOrDefault((stateMachineName, testCase ?? ""));
        }
    }

    /// <summary>Forgets every mock.</summary>
    public void Clear()
    {
        lock (_cases)
        {
            _cases.Clear();
        }
    }

    /// <summary>
    /// Loads a Step Functions Local MockConfigFile: <c>StateMachines.{name}.TestCases.{case}.{state}</c>
    /// names a <c>MockedResponses</c> entry, whose keys (<c>"0"</c>, <c>"1-2"</c>) number the
    /// invocations and whose values are <c>{"Return": ...}</c> or <c>{"Throw": {"Error", "Cause"}}</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The document is not a mock configuration.</exception>
    public void Load(string mockConfigJson)
    {
        JsonObject root;
        try
        {
            root = JsonValues.Parse(mockConfigJson) as JsonObject ?? throw new ArgumentException("The mock configuration must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The mock configuration is not JSON: {e.Message}", e);
        }
        var responses = root["MockedResponses"] as JsonObject ?? new JsonObject();
        foreach (var (machine, machineNode) in root["StateMachines"] as JsonObject ?? [])
        {
            foreach (var (testCase, caseNode) in machineNode?["TestCases"] as JsonObject ?? [])
            {
                var mockCase = For(machine, testCase);
                foreach (var (state, responseName) in caseNode as JsonObject ?? [])
                {
                    var name = JsonValues.AsString(responseName) ?? throw new ArgumentException($"TestCases.{testCase}.{state} must name a mocked response.");
                    if (responses[name] is not JsonObject sequence)
                    {
                        throw new ArgumentException($"The mocked response '{name}' is not defined in MockedResponses.");
                    }
                    foreach (var response in ExpandSequence(name, sequence))
                    {
                        mockCase.Add(state, response);
                    }
                }
            }
        }
    }

    private static IEnumerable<TaskMockResponse> ExpandSequence(string name, JsonObject sequence)
    {
        var byIndex = new SortedDictionary<int, TaskMockResponse>();
        foreach (var (key, value) in sequence)
        {
            var range = key.Split('-');
            if (!int.TryParse(range[0], out var from) || !int.TryParse(range[^1], out var to) || to < from)
            {
                throw new ArgumentException($"'{key}' in the mocked response '{name}' is not an invocation number or range.");
            }
            var response = value?["Throw"] is JsonObject thrown
                ? new TaskMockResponse(null, JsonValues.AsString(thrown["Error"]) ?? "", JsonValues.AsString(thrown["Cause"]))
                : new TaskMockResponse(JsonValues.Clone(value?["Return"]));
            for (var i = from; i <= to; i++)
            {
                byIndex[i] = response;
            }
        }
        return byIndex.Values;
    }
}
