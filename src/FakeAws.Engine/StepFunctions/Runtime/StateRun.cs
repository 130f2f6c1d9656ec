using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Asl;
using FakeAws.Engine.StepFunctions.Asl.States;
using FakeAws.Engine.StepFunctions.Intrinsics;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.StepFunctions.Runtime;

/// <summary>
/// One entry into a state: its frame, the input it was given, the id of its StateEntered event
/// (which AWS's error causes name), and the variables it assigns.
/// </summary>
internal sealed class StateRun(Frame frame, StateNode state, long enteredEventId, JsonNode? rawInput)
{
    /// <summary>The largest state input or output, in UTF-8 bytes of its JSON: 256 KiB.</summary>
    public const int MaxPayloadBytes = 256 * 1024;

    private readonly List<KeyValuePair<string, JsonNode?>> _assigned = [];

    public Frame Frame { get; } = frame;

    public StateNode State { get; } = state;

    public long EnteredEventId { get; } = enteredEventId;

    /// <summary>The event the StateEntered event follows.</summary>
    public long EnteredAfter { get; init; }

    /// <summary>The state's input as it arrived, before InputPath: ResultPath writes into this.</summary>
    public JsonNode? RawInput { get; } = rawInput;

    public ExecutionRun Run => Frame.Run;

    /// <summary>The variables this state assigned, for its StateExited event.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonNode?>> Assigned => _assigned;

    /// <summary>A States.Runtime error with AWS's cause prefix naming this state.</summary>
    public StatesFailure RuntimeError(string detail) => Error(StatesErrors.Runtime, detail);

    /// <summary>An error of <paramref name="name"/> with AWS's cause prefix naming this state.</summary>
    public StatesFailure Error(string name, string detail) =>
        new(name, $"An error occurred while executing the state '{State.Name}' (entered at the event id #{EnteredEventId}). {detail}")
        {
            IsRuntime = name == StatesErrors.Runtime,
        };

    /// <summary>The evaluation scope whose <c>$</c> is <paramref name="data"/>.</summary>
    public DataScope For(JsonNode? data) => new(this, data, Frame);

    /// <summary>The evaluation scope whose <c>$</c> is <paramref name="data"/> and whose <c>$$</c> and variables are <paramref name="frame"/>'s.</summary>
    public DataScope For(JsonNode? data, Frame frame) => new(this, data, frame);

    public JsonNode? ApplyInputPath(OptionalPath path, JsonNode? input) => ApplyFilter(path, input);

    public JsonNode? ApplyOutputPath(OptionalPath path, JsonNode? output) => ApplyFilter(path, output);

    private JsonNode? ApplyFilter(OptionalPath path, JsonNode? value)
    {
        if (path.IsNull)
        {
            return new JsonObject();
        }
        if (path.Path is null)
        {
            return value;
        }
        try
        {
            return For(value).Select(path.Path);
        }
        catch (JsonPathNotFoundException e)
        {
            throw RuntimeError($"Invalid path '{path.Path.Text}' : {e.Message}");
        }
    }

    /// <summary>Puts <paramref name="result"/> where ResultPath says, in a copy of the raw input.</summary>
    public JsonNode? ApplyResultPath(OptionalPath path, JsonNode? result)
    {
        if (path.IsNull)
        {
            return JsonValues.Clone(RawInput);
        }
        if (path.IsWhole)
        {
            return result;
        }
        var steps = path.Path!.DefiniteSteps;
        if (RawInput is not JsonObject && RawInput is not JsonArray)
        {
            throw RuntimeError(
                $"Unable to apply ResultPath '{path.Path.Text}' to input '{JsonValues.Serialize(RawInput)}': the input is not an object.");
        }
        var document = RawInput.DeepClone();
        JsonNode current = document;
        for (var i = 0; i < steps.Count; i++)
        {
            var last = i == steps.Count - 1;
            switch (steps[i], current)
            {
                case (string name, JsonObject obj):
                    if (last)
                    {
                        obj[name] = result;
                    }
                    else
                    {
                        if (obj[name] is not JsonObject and not JsonArray)
                        {
                            if (obj.TryGetPropertyValue(name, out var existing) && existing is not null)
                            {
                                throw RuntimeError(
                                    $"Unable to apply ResultPath '{path.Path.Text}' to input '{JsonValues.Serialize(RawInput)}': '{name}' is not an object.");
                            }
                            obj[name] = new JsonObject();
                        }
                        current = obj[name]!;
                    }
                    break;
                case (int index, JsonArray array) when index >= 0 && index < array.Count:
                    if (last)
                    {
                        array[index] = result;
                    }
                    else
                    {
                        current = array[index] ?? throw RuntimeError(
                            $"Unable to apply ResultPath '{path.Path.Text}' to input '{JsonValues.Serialize(RawInput)}'.");
                    }
                    break;
                default:
                    throw RuntimeError($"Unable to apply ResultPath '{path.Path.Text}' to input '{JsonValues.Serialize(RawInput)}'.");
            }
        }
        return document;
    }

    /// <summary>Evaluates an Assign template against <paramref name="data"/>; the variables are set when the state ends.</summary>
    public void Assign(PayloadTemplate? assign, JsonNode? data)
    {
        if (assign is null)
        {
            return;
        }
        Record(assign.EvaluateMembers(For(data)));
    }

    /// <summary>Fails with States.DataLimitExceeded when a state's output is over 256 KiB.</summary>
    public void CheckSize(JsonNode? output)
    {
        if (JsonValues.Utf8Size(output) > MaxPayloadBytes)
        {
            throw new StatesFailure(
                StatesErrors.DataLimitExceeded,
                $"The state/task '{State.Name}' returned a result with a size exceeding the maximum number of bytes service limit.");
        }
    }

    /// <summary>
    /// The <c>$states</c> variable of a JSONata field: the state's input, the context object, and,
    /// where the field may read them, the task's result or the caught error.
    /// </summary>
    public JsonObject StatesVariable(JsonNode? input, JsonNode? result = null, JsonNode? errorOutput = null, Frame? frame = null)
    {
        var states = new JsonObject
        {
            ["input"] = JsonValues.Clone(input),
            ["context"] = (frame ?? Frame).WholeContext(),
        };
        if (result is not null)
        {
            states["result"] = JsonValues.Clone(result);
        }
        if (errorOutput is not null)
        {
            states["errorOutput"] = JsonValues.Clone(errorOutput);
        }
        return states;
    }

    /// <summary>Evaluates a JSONata field with <paramref name="states"/> as <c>$states</c>, failing with States.QueryEvaluationError.</summary>
    public JsonNode? Evaluate(JsonataTemplate template, JsonObject states, Frame? frame = null)
    {
        try
        {
            return template.Evaluate(JsonataLookup(states, frame ?? Frame));
        }
        catch (JsonataFieldException e)
        {
            throw QueryError(e.Field, e.Message);
        }
    }

    /// <summary>Evaluates a JSONata field that must produce <paramref name="expected"/> (array, boolean, string, number...).</summary>
    public JsonNode? Evaluate(JsonataTemplate template, JsonObject states, string expected, Func<JsonNode?, bool> accepts)
    {
        var value = Evaluate(template, states);
        if (!accepts(value))
        {
            throw QueryError(template.Field,
                $"The JSONata expression '{template.ExpressionText ?? JsonValues.Serialize(value)}' specified for the field '{template.Field}' returned an unexpected result type. " +
                $"Expected '{expected}', but was '{Jsonata.JsonataValues.TypeName(value)}' for value: {JsonValues.Serialize(value)}");
        }
        return value;
    }

    /// <summary>Evaluates a JSONata Assign; the variables are set when the state ends.</summary>
    public void Assign(JsonataTemplate? assign, JsonObject states)
    {
        if (assign is null)
        {
            return;
        }
        List<KeyValuePair<string, JsonNode?>> values;
        try
        {
            values = assign.EvaluateMembers(JsonataLookup(states, Frame)).ToList();
        }
        catch (JsonataFieldException e)
        {
            throw QueryError(e.Field, e.Message);
        }
        Record(values);
    }

    /// <summary>
    /// Holds assigned values until the state ends: AWS evaluates Assign and the output fields
    /// (Output, ResultSelector, ResultPath, OutputPath) side by side, so none of them sees the new
    /// values of this state's own Assign.
    /// </summary>
    private void Record(IEnumerable<KeyValuePair<string, JsonNode?>> values)
    {
        foreach (var (name, value) in values)
        {
            _assigned.RemoveAll(a => a.Key == name);
            _assigned.Add(new(name, value));
        }
    }

    /// <summary>Drops what the state's own Assign set when a catcher takes over: only the catcher's Assign applies.</summary>
    public void DiscardAssigned() => _assigned.Clear();

    /// <summary>Sets the variables the state assigned, once its output is final.</summary>
    public void CommitAssigned()
    {
        foreach (var (name, value) in _assigned)
        {
            Frame.Variables.Set(name, value);
        }
    }

    /// <summary>
    /// A States.QueryEvaluationError, recorded as an EvaluationFailed event naming the field (if
    /// any) and following what the state's entry followed, as AWS records it.
    /// </summary>
    public StatesFailure QueryError(string? field, string detail)
    {
        var cause = $"An error occurred while executing the state '{State.Name}' (entered at the event id #{EnteredEventId}). {detail}";
        return new StatesFailure(StatesErrors.QueryEvaluationError, cause)
        {
            EventType = "EvaluationFailed",
            EventDetails = HistoryEvents.EvaluationFailed(State.Name, field, StatesErrors.QueryEvaluationError, cause),
            PreviousEventId = EnteredAfter,
        };
    }

    /// <summary>
    /// How names resolve in a JSONata field: <c>$states</c>, workflow variables, then the built-in
    /// functions (jsonata binds the variables in a frame over its functions, so a variable named
    /// <c>$error</c> hides the function).
    /// </summary>
    private Func<string, object?> JsonataLookup(JsonObject states, Frame frame)
    {
        Dictionary<string, Jsonata.JsonataFunction>? functions = null;
        return name =>
        {
            if (name == "states")
            {
                return states;
            }
            if (frame.Variables.TryGet(name, out var value))
            {
                return value;
            }
            functions ??= Jsonata.JsonataFunctions.Create(Run.Random, Run.Cloud.Ids.NewGuid, Run.Cloud.Now);
            return functions.TryGetValue(name, out var function) ? function : Jsonata.Undefined.Value;
        };
    }

    /// <summary>Sets or replaces a member of the context object's State part (RetryCount).</summary>
    public void SetStateContext(string member, JsonNode? value)
    {
        if (Frame.Context["State"] is JsonObject state)
        {
            state[member] = value;
        }
    }

    /// <summary>The intrinsic-function environment of this state.</summary>
    public IntrinsicContext Intrinsics(Func<JsonPath, JsonNode?> resolve) =>
        new(resolve, Run.Random, Run.Cloud.Ids.NewGuid);
}

/// <summary>Evaluation of paths, templates, intrinsics and choice rules against one value as <c>$</c>.</summary>
internal sealed class DataScope(StateRun run, JsonNode? data, Frame frame) : IPayloadScope, IChoiceScope
{
    public JsonNode? Data { get; } = data;

    /// <summary>The value a path selects: from <c>$</c>, the context object or a variable.</summary>
    /// <exception cref="JsonPathNotFoundException">A definite path selects nothing.</exception>
    public JsonNode? Select(JsonPath path) => path.Root switch
    {
        JsonPathRoot.Context => path.Select(frame.ContextFor(path)),
        JsonPathRoot.Variable => path.Select(Variable(path)),
        _ => path.Select(Data),
    };

    private JsonNode? Variable(JsonPath path) =>
        frame.Variables.TryGet(path.Variable!, out var value)
            ? value
            : throw new JsonPathNotFoundException($"The variable '${path.Variable}' is not defined");

    public JsonNode? SelectForField(JsonPath path, string field)
    {
        try
        {
            return Select(path);
        }
        catch (JsonPathNotFoundException)
        {
            var source = path.Root == JsonPathRoot.Context ? frame.WholeContext() : Data;
            throw run.RuntimeError(
                $"The JSONPath '{path.Text}' specified for the field '{field}' could not be found in the input '{JsonValues.Serialize(source)}'");
        }
    }

    public JsonNode? Invoke(IntrinsicCall call)
    {
        try
        {
            return call.Evaluate(run.Intrinsics(p => SelectForField(p, call.Name)));
        }
        catch (IntrinsicException e)
        {
            throw run.Error(StatesErrors.IntrinsicFailure, $"Invalid arguments in {call.Name}: {e.Message}");
        }
    }

    public bool TrySelect(JsonPath path, out JsonNode? value)
    {
        try
        {
            value = Select(path);
            return true;
        }
        catch (JsonPathNotFoundException)
        {
            value = null;
            return false;
        }
    }

    public Exception InvalidPath(JsonPath path) =>
        run.RuntimeError($"Invalid path '{path.Text}': The choice state's condition path references an invalid value.");

    /// <summary>Evaluates a value that may be a path or an intrinsic call (Fail's ErrorPath and CausePath).</summary>
    public JsonNode? Evaluate(PayloadTemplate.Expression expression) => expression.Evaluate(this);
}
