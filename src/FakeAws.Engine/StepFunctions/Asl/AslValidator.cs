using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Integrations;
using FakeAws.Engine.StepFunctions.Json;
using FakeAws.Engine.StepFunctions.Runtime;

namespace FakeAws.Engine.StepFunctions.Asl;

/// <summary>One problem of a definition, as ValidateStateMachineDefinition reports it.</summary>
internal sealed record AslDiagnostic(string Code, string Message, string? Location)
{
    /// <summary>The diagnostic as CreateStateMachine's InvalidDefinition message lists it.</summary>
    public override string ToString() => Location is null ? $"{Code}: {Message}" : $"{Code}: {Message} at {Location}";
}

/// <summary>
/// Checks an Amazon States Language definition as CreateStateMachine does: its JSON, the fields
/// each state type allows, paths, payload templates and intrinsic calls, Choice rules, Retry and
/// Catch, transitions that name missing states, unreachable states, and, for EXPRESS machines,
/// integration patterns they cannot run.
/// </summary>
internal sealed partial class AslValidator
{
    private static readonly HashSet<string> ProgramFields = ["Comment", "StartAt", "States", "Version", "TimeoutSeconds", "QueryLanguage"];
    private static readonly HashSet<string> BranchFields = ["Comment", "StartAt", "States", "ProcessorConfig"];

    private static readonly Dictionary<string, HashSet<string>> StateFields = new()
    {
        ["Pass"] = ["Type", "Comment", "QueryLanguage", "Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters", "Result", "Assign"],
        ["Task"] = ["Type", "Comment", "QueryLanguage", "Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters", "ResultSelector",
            "Resource", "Retry", "Catch", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials", "Assign"],
        ["Choice"] = ["Type", "Comment", "QueryLanguage", "Choices", "Default", "InputPath", "OutputPath", "Assign"],
        ["Wait"] = ["Type", "Comment", "QueryLanguage", "Next", "End", "InputPath", "OutputPath", "Seconds", "Timestamp", "SecondsPath", "TimestampPath", "Assign"],
        ["Succeed"] = ["Type", "Comment", "QueryLanguage", "InputPath", "OutputPath"],
        ["Fail"] = ["Type", "Comment", "QueryLanguage", "Error", "ErrorPath", "Cause", "CausePath"],
        ["Parallel"] = ["Type", "Comment", "QueryLanguage", "Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters", "ResultSelector",
            "Branches", "Retry", "Catch", "Assign"],
        ["Map"] = ["Type", "Comment", "QueryLanguage", "Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters", "ResultSelector",
            "Iterator", "ItemProcessor", "ItemsPath", "ItemSelector", "ItemReader", "ItemBatcher", "ResultWriter", "MaxConcurrency",
            "MaxConcurrencyPath", "ToleratedFailureCount", "ToleratedFailureCountPath", "ToleratedFailurePercentage",
            "ToleratedFailurePercentagePath", "Label", "Retry", "Catch", "Assign"],
    };

    /// <summary>Fields only JSONPath states have; a JSONata state refuses them.</summary>
    private static readonly HashSet<string> JsonPathOnlyFields =
    [
        "InputPath", "OutputPath", "ResultPath", "ResultSelector", "Parameters", "Result", "ItemsPath",
        "TimeoutSecondsPath", "HeartbeatSecondsPath", "SecondsPath", "TimestampPath", "MaxConcurrencyPath",
        "ToleratedFailureCountPath", "ToleratedFailurePercentagePath", "ErrorPath", "CausePath",
    ];

    /// <summary>Fields only JSONata states have, by state type; a JSONPath state refuses them.</summary>
    private static readonly Dictionary<string, HashSet<string>> JsonataOnlyFields = new()
    {
        ["Pass"] = ["Output"],
        ["Task"] = ["Output", "Arguments"],
        ["Choice"] = ["Output"],
        ["Wait"] = ["Output"],
        ["Succeed"] = ["Output"],
        ["Fail"] = [],
        ["Parallel"] = ["Output", "Arguments"],
        ["Map"] = ["Output", "Items"],
    };

    private readonly List<AslDiagnostic> _diagnostics = [];

    /// <summary>True when the definition's QueryLanguage is JSONata, which its states (nested ones too) inherit.</summary>
    private bool _jsonataDefinition;
    private readonly List<string> _unsupported = [];
    private readonly bool _express;

    private AslValidator(bool express) => _express = express;

    /// <summary>The problems AWS would report, in the order it finds them.</summary>
    public IReadOnlyList<AslDiagnostic> Diagnostics => _diagnostics;

    /// <summary>Features the definition uses that AWS accepts but FakeAws cannot run yet.</summary>
    public IReadOnlyList<string> Unsupported => _unsupported;

    /// <summary>The definition as JSON, when it parsed.</summary>
    public JsonObject? Root { get; private set; }

    /// <summary>Validates a definition for a state machine of <paramref name="type"/> (STANDARD or EXPRESS).</summary>
    public static AslValidator Validate(string definition, string type)
    {
        var validator = new AslValidator(type == "EXPRESS");
        validator.Run(definition);
        return validator;
    }

    private void Run(string definition)
    {
        JsonNode? root;
        try
        {
            root = JsonValues.Parse(definition);
        }
        catch (JsonException e)
        {
            _diagnostics.Add(new("INVALID_JSON_DESCRIPTION", e.Message, null));
            return;
        }
        if (root is not JsonObject obj)
        {
            _diagnostics.Add(new("SCHEMA_VALIDATION_FAILED", "The definition must be a JSON object", "/"));
            return;
        }
        Root = obj;
        if (JsonValues.AsString(obj["QueryLanguage"]) is { } language && language != "JSONPath")
        {
            if (language == "JSONata")
            {
                _jsonataDefinition = true;
            }
            else
            {
                Schema("/", "The value for the field 'QueryLanguage' must be one of [JSONPath, JSONata]");
            }
        }
        if (obj["TimeoutSeconds"] is { } timeout && !(JsonValues.TryGetInteger(timeout, out var seconds) && seconds > 0))
        {
            Schema("/", "The value for the field 'TimeoutSeconds' must be a positive integer");
        }
        ValidateProgram(obj, "", ProgramFields);
        ValidateUniqueStateNames(definition);
    }

    private void ValidateProgram(JsonObject program, string location, HashSet<string> allowed)
    {
        var at = location.Length == 0 ? "/" : location;
        foreach (var (key, _) in program)
        {
            if (!allowed.Contains(key))
            {
                Schema(at, $"Field '{key}' is not supported");
            }
        }
        var missing = new[] { "StartAt", "States" }.Where(f => program[f] is null).ToList();
        if (missing.Count > 0)
        {
            Schema(at, $"These fields are required: [{string.Join(", ", missing)}]");
        }
        if (program["States"] is not JsonObject states)
        {
            if (program["States"] is not null)
            {
                Schema(at, "The value for the field 'States' must be an object");
            }
            return;
        }
        if (states.Count == 0)
        {
            Schema($"{location}/States", "The field 'States' must contain at least one state");
            return;
        }
        foreach (var (name, state) in states)
        {
            ValidateState(name, state, $"{location}/States/{name}");
        }
        var startAt = JsonValues.AsString(program["StartAt"]);
        if (program["StartAt"] is not null && startAt is null)
        {
            Schema(at, "The value for the field 'StartAt' must be a string");
        }
        ValidateTransitions(states, startAt, location);
    }

    private void ValidateTransitions(JsonObject states, string? startAt, string location)
    {
        var edges = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var terminal = false;
        foreach (var (name, node) in states)
        {
            var targets = new List<string>();
            edges[name] = targets;
            if (node is not JsonObject state)
            {
                continue;
            }
            var type = JsonValues.AsString(state["Type"]);
            terminal |= type is "Succeed" or "Fail" || JsonValues.Kind(state["End"]) == JsonValueKind.True;
            void Target(JsonNode? value, string at)
            {
                if (JsonValues.AsString(value) is not { } target)
                {
                    return;
                }
                if (states.ContainsKey(target))
                {
                    targets.Add(target);
                }
                else
                {
                    _diagnostics.Add(new("MISSING_TRANSITION_TARGET", $"Missing 'Next' target: {target}", at));
                }
            }
            var stateAt = $"{location}/States/{name}";
            Target(state["Next"], $"{stateAt}/Next");
            Target(state["Default"], $"{stateAt}/Default");
            if (state["Choices"] is JsonArray choices)
            {
                for (var i = 0; i < choices.Count; i++)
                {
                    Target(choices[i]?["Next"], $"{stateAt}/Choices[{i}]/Next");
                }
            }
            if (state["Catch"] is JsonArray catchers)
            {
                for (var i = 0; i < catchers.Count; i++)
                {
                    Target(catchers[i]?["Next"], $"{stateAt}/Catch[{i}]/Next");
                }
            }
        }
        if (startAt is null)
        {
            return;
        }
        if (!states.ContainsKey(startAt))
        {
            _diagnostics.Add(new("MISSING_TRANSITION_TARGET", $"Missing 'Next' target: {startAt}", $"{(location.Length == 0 ? "" : location)}/StartAt"));
            return;
        }
        if (!terminal)
        {
            _diagnostics.Add(new("MISSING_END_STATE", "Workflow has no terminal state", null));
            return;
        }
        var reached = new HashSet<string>(StringComparer.Ordinal) { startAt };
        var pending = new Stack<string>([startAt]);
        while (pending.Count > 0)
        {
            foreach (var target in edges[pending.Pop()])
            {
                if (reached.Add(target))
                {
                    pending.Push(target);
                }
            }
        }
        foreach (var (name, _) in states)
        {
            if (!reached.Contains(name))
            {
                _diagnostics.Add(new("MISSING_TRANSITION_TARGET", $"State \"{name}\" is not reachable.", $"{location}/States/{name}"));
            }
        }
    }

    private void Schema(string location, string message) => _diagnostics.Add(new("SCHEMA_VALIDATION_FAILED", message, location));

    private static bool IsKnownError(string name) => StatesErrors.Known.Contains(name) || !name.StartsWith("States.", StringComparison.Ordinal);

    private static bool TryParseResource(string resource, out TaskResource? parsed)
    {
        parsed = TaskResource.Parse(resource);
        return parsed is not null;
    }
}
