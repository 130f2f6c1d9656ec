using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions.Asl.States;
using FakeAws.Engine.StepFunctions.Json;
using FakeAws.Engine.StepFunctions.Model;
using FakeAws.Engine.StepFunctions.Runtime;

namespace FakeAws.Engine.StepFunctions;

// TestState: one state run on its own, with an input, variables and an optional mock, answered with
// its output, next state and status, and at DEBUG and TRACE its data flow.
internal sealed partial class StepFunctionsEngine
{
    /// <summary>The name the state of a one-state definition runs under.</summary>
    private const string TestStateName = "TestState";

    public async Task<TestStateOutput> TestState(RequestScope scope, TestStateInput input, CancellationToken cancellationToken)
    {
        var (definition, stateName) = TestStateDefinition(input);
        var role = input.RoleArn ?? $"arn:aws:iam::{scope.AccountId}:role/TestState";
        var revision = NewRevision(definition, "STANDARD", role, null, null, null);
        var state = revision.Parsed.Program.States[stateName];
        CheckTestable(state, input);
        JsonNode? stateInput;
        JsonObject variables;
        try
        {
            stateInput = JsonValues.Parse(input.Input ?? "{}");
            variables = input.Variables is null ? [] : JsonValues.Parse(input.Variables) as JsonObject
                ?? throw StepFunctionsErrors.Validation("variables must be a JSON object");
        }
        catch (JsonException e)
        {
            throw StepFunctionsErrors.InvalidExecutionInput(e.Message);
        }

        var execution = new ExecutionRecord(_cloud.Clock)
        {
            Arn = StepFunctionsArns.Execution(scope, TestStateName, _cloud.Ids.NewGuid().ToString()),
            Name = TestStateName,
            StateMachineArn = StepFunctionsArns.StateMachine(scope, TestStateName),
            StateMachineName = TestStateName,
            Type = "STANDARD",
            Revision = revision,
            Input = JsonValues.Serialize(stateInput),
            StartDate = _cloud.Now,
        };
        var test = new TestStateSession(input.Mock, input.StateConfiguration?.RetrierRetryCount ?? 0);
        var run = new ExecutionRun(this, _cloud, scope, execution, revision.Parsed, Services, mocks: null) { Test = test };
        var scopeVariables = new VariableScope();
        foreach (var (name, value) in variables)
        {
            scopeVariables.Set(name, value?.DeepClone());
        }
        var context = ExecutionRunner.ContextObject(run, stateInput);
        if (input.Context is not null && JsonValues.Parse(input.Context) is JsonObject given)
        {
            foreach (var (key, value) in given)
            {
                context[key] = value?.DeepClone();
            }
        }
        var frame = new Frame(run, new HistoryCursor(0), context, scopeVariables, cancellationToken) { Attempt = cancellationToken };

        var output = new TestStateOutput();
        var work = ProgramRunner.RunStateAsync(frame, state, stateInput);
        try
        {
            if (_cloud.Scheduler.CurrentWork is null && !_cloud.Scheduler.IsPumping)
            {
                // Called from outside the scheduler: drive the clock until the state is done, as StartSyncExecution does.
                await _cloud.Clock.RunUntilCompleteAsync(work, cancellationToken);
            }
            var (result, next) = await work.WaitAsync(cancellationToken);
            output.Output = JsonValues.Serialize(result);
            output.NextState = next;
            output.Status = "SUCCEEDED";
            if (test.HandledFailure is { } caught)
            {
                (output.Status, output.Error, output.Cause) = ("CAUGHT_ERROR", caught.Error, caught.Cause);
            }
        }
        catch (StatesFailure failure)
        {
            (output.Error, output.Cause) = (failure.Error, failure.Cause);
            output.Status = test.RetryIndex is null ? "FAILED" : "RETRIABLE";
        }
        var variablesAfter = scopeVariables.ToJson();
        if (variablesAfter.Count > 0)
        {
            test.Data.Variables = JsonValues.Serialize(variablesAfter);
        }
        if (input.InspectionLevel is "DEBUG" or "TRACE")
        {
            output.InspectionData = test.Data;
        }
        else if (test.Data.ErrorDetails is { } details)
        {
            output.InspectionData = new InspectionData { ErrorDetails = details };
        }
        return output;
    }

    /// <summary>
    /// The definition to validate and the state to run: a whole machine and its stateName, or one
    /// state, wrapped as a machine whose other states are stand-ins for the states it names.
    /// </summary>
    private static (string Definition, string StateName) TestStateDefinition(TestStateInput input)
    {
        JsonObject root;
        try
        {
            root = JsonValues.Parse(input.Definition!) as JsonObject ?? throw StepFunctionsErrors.InvalidDefinition("Invalid State Machine Definition: the definition must be a JSON object");
        }
        catch (JsonException e)
        {
            throw StepFunctionsErrors.InvalidDefinition($"Invalid State Machine Definition: '{e.Message}'");
        }
        if (input.StateName is { } name)
        {
            if (root["States"] is not JsonObject states || !states.ContainsKey(name))
            {
                throw StepFunctionsErrors.Validation($"State '{name}' does not exist in the definition");
            }
            return (input.Definition!, name);
        }
        var wrapper = new JsonObject { ["StartAt"] = TestStateName };
        var all = new JsonObject { [TestStateName] = root };
        foreach (var target in Targets(root).Where(t => t != TestStateName).Distinct())
        {
            all[target] = new JsonObject { ["Type"] = "Succeed" };
        }
        wrapper["States"] = all;
        return (JsonValues.Serialize(wrapper), TestStateName);
    }

    /// <summary>The states a state's Next, Default, Choices and Catch name.</summary>
    private static IEnumerable<string> Targets(JsonObject state)
    {
        var named = new List<JsonNode?> { state["Next"], state["Default"] };
        named.AddRange((state["Choices"] as JsonArray ?? []).Select(c => c?["Next"]));
        named.AddRange((state["Catch"] as JsonArray ?? []).Select(c => c?["Next"]));
        return named.Select(JsonValues.AsString).OfType<string>();
    }

    /// <summary>AWS's rules on what TestState runs without a mock, and where a mock or context may be given.</summary>
    private static void CheckTestable(StateNode state, TestStateInput input)
    {
        var mocked = input.Mock is not null;
        if (mocked && state is not (TaskState or MapState or ParallelState))
        {
            throw StepFunctionsErrors.Validation($"A mock can only be specified for Task, Map, or Parallel states, not for a {state.Type} state");
        }
        if (input.Context is not null && !mocked)
        {
            throw StepFunctionsErrors.Validation("context may only be specified if a mock is specified in the same request");
        }
        if (input.Mock is { Result: not null, ErrorOutput: not null })
        {
            throw StepFunctionsErrors.Validation("A mock may specify either a result or an errorOutput, not both");
        }
        var needsMock = state switch
        {
            MapState or ParallelState => true,
            TaskState task => task.Resource.Kind == Integrations.TaskResourceKind.Activity || task.Resource.WaitsForToken || task.Resource.IsSync,
            _ => false,
        };
        if (needsMock && !mocked)
        {
            throw StepFunctionsErrors.Validation(
                $"TestState only supports Activity tasks, .sync or .waitForTaskToken service integration patterns, Parallel, or Map states when a mock is specified");
        }
    }
}
