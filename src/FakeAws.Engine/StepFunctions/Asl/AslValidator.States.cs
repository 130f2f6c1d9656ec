using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.StepFunctions.Asl;

// The checks of each state and of the fields states share.
internal sealed partial class AslValidator
{
    private static readonly string[] Comparisons =
    [
        "StringEquals", "StringLessThan", "StringGreaterThan", "StringLessThanEquals", "StringGreaterThanEquals", "StringMatches",
        "NumericEquals", "NumericLessThan", "NumericGreaterThan", "NumericLessThanEquals", "NumericGreaterThanEquals",
        "BooleanEquals",
        "TimestampEquals", "TimestampLessThan", "TimestampGreaterThan", "TimestampLessThanEquals", "TimestampGreaterThanEquals",
        "IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp",
    ];

    private void ValidateState(string name, JsonNode? node, string at)
    {
        if (name.Length > 80)
        {
            Schema(at, "State names must be at most 80 characters long");
        }
        if (node is not JsonObject state)
        {
            Schema(at, "A state must be a JSON object");
            return;
        }
        var type = JsonValues.AsString(state["Type"]);
        if (type is null)
        {
            Schema(at, "These fields are required: [Type]");
            return;
        }
        if (!StateFields.TryGetValue(type, out var allowed))
        {
            Schema(at, $"The value for the field 'Type' must be one of [Choice, Fail, Map, Parallel, Pass, Succeed, Task, Wait], not '{type}'");
            return;
        }
        var jsonata = _jsonataDefinition;
        if (JsonValues.AsString(state["QueryLanguage"]) is { } language)
        {
            if (language is not ("JSONPath" or "JSONata"))
            {
                Schema(at, "The value for the field 'QueryLanguage' must be one of [JSONPath, JSONata]");
            }
            else if (language == "JSONPath" && _jsonataDefinition)
            {
                Schema(at, "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine");
            }
            jsonata = language == "JSONata";
        }
        foreach (var (key, _) in state)
        {
            if (jsonata && JsonPathOnlyFields.Contains(key) && allowed.Contains(key))
            {
                Schema(at, $"The QueryLanguage is set to 'JSONata', but field '{key}' is only supported for the 'JSONPath' QueryLanguage");
            }
            else if (!jsonata && JsonataOnlyFields[type].Contains(key))
            {
                Schema(at, $"The QueryLanguage is set to 'JSONPath', but field '{key}' is only supported for the 'JSONata' QueryLanguage");
            }
            else if (!allowed.Contains(key) && !JsonataOnlyFields[type].Contains(key))
            {
                Schema(at, $"Field '{key}' is not supported");
            }
        }
        if (jsonata)
        {
            ValidateJsonataState(type, state, at);
            return;
        }
        if (type is "Pass" or "Task" or "Wait" or "Parallel" or "Map")
        {
            ValidateNextOrEnd(state, at);
        }
        ValidatePath(state, "InputPath", at, allowNull: true);
        ValidatePath(state, "OutputPath", at, allowNull: true);
        ValidateResultPath(state["ResultPath"], state.ContainsKey("ResultPath"), at, "ResultPath");
        ValidateTemplate(state["Parameters"], $"{at}/Parameters");
        ValidateTemplate(state["ResultSelector"], $"{at}/ResultSelector");
        ValidateAssign(state["Assign"], $"{at}/Assign");
        switch (type)
        {
            case "Task":
                ValidateTask(state, at);
                break;
            case "Choice":
                ValidateChoice(state, at);
                break;
            case "Wait":
                ValidateWait(state, at);
                break;
            case "Fail":
                ValidateFail(state, at);
                break;
            case "Parallel":
                ValidateParallel(state, at);
                break;
            case "Map":
                ValidateMap(state, at);
                break;
        }
        ValidateRecovery(state, at, jsonata: false);
    }

    private void ValidateNextOrEnd(JsonObject state, string at)
    {
        var hasNext = state.ContainsKey("Next");
        var end = state["End"];
        if (state.ContainsKey("End") && !JsonValues.IsBoolean(end))
        {
            Schema(at, "The value for the field 'End' must be a boolean");
        }
        var ends = JsonValues.Kind(end) == JsonValueKind.True;
        if (hasNext && ends)
        {
            Schema(at, "Only one of the fields 'Next' and 'End' may be present");
        }
        else if (!hasNext && !ends)
        {
            Schema(at, "One of the fields 'Next' and 'End' is required");
        }
        if (hasNext && JsonValues.AsString(state["Next"]) is null)
        {
            Schema(at, "The value for the field 'Next' must be a string");
        }
    }

    private void ValidatePath(JsonObject state, string field, string at, bool allowNull = false, bool reference = false)
    {
        if (!state.TryGetPropertyValue(field, out var value))
        {
            return;
        }
        if (value is null)
        {
            if (!allowNull)
            {
                Schema(at, $"The value for the field '{field}' must be a valid JSONPath");
            }
            return;
        }
        if (JsonValues.AsString(value) is not { } text || !JsonPath.TryParse(text, out var path) || (reference && !path!.IsDefinite))
        {
            Schema(at, $"The value for the field '{field}' must be a valid {(reference ? "ReferencePath" : "JSONPath")}");
        }
    }

    private void ValidateResultPath(JsonNode? value, bool present, string at, string field)
    {
        if (!present || value is null)
        {
            return;
        }
        if (JsonValues.AsString(value) is not { } text || !JsonPath.TryParse(text, out var path)
            || path!.Root != JsonPathRoot.Data || !path.IsDefinite)
        {
            Schema(at, $"The value for the field '{field}' must be a valid ReferencePath");
        }
    }

    /// <summary>Checks the <c>.$</c> members of a payload template, at any depth.</summary>
    private void ValidateTemplate(JsonNode? template, string at)
    {
        switch (template)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key.EndsWith(".$", StringComparison.Ordinal))
                    {
                        ValidateExpression(key, value, at);
                    }
                    else
                    {
                        ValidateTemplate(value, at);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    ValidateTemplate(item, at);
                }
                break;
        }
    }

    private void ValidateExpression(string field, JsonNode? value, string at)
    {
        var text = JsonValues.AsString(value);
        if (text is null)
        {
            Schema(at, $"The value for the field '{field}' must be a STRING that contains a JSONPath but was an {KindName(value)}");
            return;
        }
        try
        {
            PayloadTemplate.CompileExpression(field, text);
        }
        catch (FormatException e)
        {
            Schema(at, $"The value for the field '{field}' must be a valid JSONPath or a valid intrinsic function call ({e.Message})");
        }
    }

    private void ValidateAssign(JsonNode? assign, string at)
    {
        if (assign is null)
        {
            return;
        }
        if (assign is not JsonObject obj)
        {
            Schema(at, "The value for the field 'Assign' must be an object");
            return;
        }
        foreach (var (key, value) in obj)
        {
            var name = key.EndsWith(".$", StringComparison.Ordinal) ? key[..^2] : key;
            if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsLetterOrDigit(c) || c == '_'))
            {
                Schema(at, $"The variable name '{name}' is not valid: it must start with a letter or underscore and contain only letters, digits and underscores");
            }
            if (key.EndsWith(".$", StringComparison.Ordinal))
            {
                ValidateExpression(key, value, at);
            }
            else
            {
                ValidateTemplate(value, at);
            }
        }
    }

    private void ValidateChoice(JsonObject state, string at)
    {
        if (state["Choices"] is not JsonArray { Count: > 0 } choices)
        {
            Schema(at, "The field 'Choices' must be a non-empty array");
            return;
        }
        if (state.ContainsKey("Default") && JsonValues.AsString(state["Default"]) is null)
        {
            Schema(at, "The value for the field 'Default' must be a string");
        }
        for (var i = 0; i < choices.Count; i++)
        {
            ValidateRule(choices[i], $"{at}/Choices[{i}]", topLevel: true);
        }
    }

    private void ValidateRule(JsonNode? node, string at, bool topLevel)
    {
        if (node is not JsonObject rule)
        {
            Schema(at, "A choice rule must be a JSON object");
            return;
        }
        if (topLevel)
        {
            if (JsonValues.AsString(rule["Next"]) is null)
            {
                Schema(at, "These fields are required: [Next]");
            }
            ValidateAssign(rule["Assign"], $"{at}/Assign");
        }
        var operators = rule.Select(m => m.Key).Where(k => k is "And" or "Or" or "Not" || Comparisons.Contains(k) || IsPathComparison(k)).ToList();
        foreach (var (key, _) in rule)
        {
            if (!operators.Contains(key) && key is not ("Variable" or "Comment") && !(topLevel && key is "Next" or "Assign"))
            {
                Schema(at, $"Field '{key}' is not supported");
            }
        }
        if (operators.Count != 1)
        {
            Schema(at, operators.Count == 0
                ? "A choice rule must contain a comparison operator or one of And, Or, Not"
                : $"A choice rule must contain exactly one comparison operator, but has [{string.Join(", ", operators)}]");
            return;
        }
        var op = operators[0];
        var value = rule[op];
        if (op is "And" or "Or")
        {
            if (value is not JsonArray { Count: > 0 } rules)
            {
                Schema(at, $"The value for the field '{op}' must be a non-empty array");
                return;
            }
            for (var i = 0; i < rules.Count; i++)
            {
                ValidateRule(rules[i], $"{at}/{op}[{i}]", topLevel: false);
            }
            return;
        }
        if (op == "Not")
        {
            ValidateRule(value, $"{at}/Not", topLevel: false);
            return;
        }
        if (JsonValues.AsString(rule["Variable"]) is not { } variable || !JsonPath.TryParse(variable, out _))
        {
            Schema(at, rule.ContainsKey("Variable") ? "The value for the field 'Variable' must be a valid JSONPath" : "These fields are required: [Variable]");
        }
        var ok = op switch
        {
            _ when IsPathComparison(op) => JsonValues.AsString(value) is { } p && JsonPath.TryParse(p, out _),
            _ when op.StartsWith("Is", StringComparison.Ordinal) || op == "BooleanEquals" => JsonValues.IsBoolean(value),
            _ when op.StartsWith("Numeric", StringComparison.Ordinal) => JsonValues.IsNumber(value),
            _ when op.StartsWith("Timestamp", StringComparison.Ordinal) => JsonValues.AsString(value) is { } t && Timestamps.TryParse(t, out _),
            _ => JsonValues.IsString(value),
        };
        if (!ok)
        {
            Schema(at, $"The value for the field '{op}' must be {ExpectedOperand(op)}");
        }
    }

    private static bool IsPathComparison(string key) =>
        key.EndsWith("Path", StringComparison.Ordinal) && Comparisons.Contains(key[..^"Path".Length]) && !key.StartsWith("Is", StringComparison.Ordinal) && key != "StringMatchesPath";

    private static string ExpectedOperand(string op) => op switch
    {
        _ when IsPathComparison(op) => "a valid JSONPath",
        _ when op.StartsWith("Is", StringComparison.Ordinal) || op == "BooleanEquals" => "a boolean",
        _ when op.StartsWith("Numeric", StringComparison.Ordinal) => "a number",
        _ when op.StartsWith("Timestamp", StringComparison.Ordinal) => "a valid RFC3339 timestamp",
        _ => "a string",
    };

    private void ValidateWait(JsonObject state, string at)
    {
        var given = new[] { "Seconds", "Timestamp", "SecondsPath", "TimestampPath" }.Where(state.ContainsKey).ToList();
        if (given.Count != 1)
        {
            Schema(at, given.Count == 0
                ? "One of the fields [Seconds, Timestamp, SecondsPath, TimestampPath] is required"
                : $"Only one of the fields [Seconds, Timestamp, SecondsPath, TimestampPath] may be present, but found [{string.Join(", ", given)}]");
            return;
        }
        switch (given[0])
        {
            case "Seconds" when !(JsonValues.TryGetInteger(state["Seconds"], out var s) && s >= 0):
                Schema(at, "The value for the field 'Seconds' must be a non-negative integer");
                break;
            case "Timestamp" when !(JsonValues.AsString(state["Timestamp"]) is { } t && Timestamps.TryParse(t, out _)):
                Schema(at, "The value for the field 'Timestamp' must be a valid RFC3339 timestamp");
                break;
            case "SecondsPath" or "TimestampPath":
                ValidatePath(state, given[0], at, reference: true);
                break;
        }
    }

    private void ValidateFail(JsonObject state, string at)
    {
        foreach (var (literal, path) in new[] { ("Error", "ErrorPath"), ("Cause", "CausePath") })
        {
            if (state.ContainsKey(literal) && state.ContainsKey(path))
            {
                Schema(at, $"Only one of the fields '{literal}' and '{path}' may be present");
            }
            if (state.ContainsKey(literal) && JsonValues.AsString(state[literal]) is null)
            {
                Schema(at, $"The value for the field '{literal}' must be a string");
            }
            if (state.ContainsKey(path))
            {
                ValidateExpression(path, state[path], at);
            }
        }
    }

    private void ValidateParallel(JsonObject state, string at)
    {
        if (state["Branches"] is not JsonArray { Count: > 0 } branches)
        {
            Schema(at, "The field 'Branches' must be a non-empty array");
            return;
        }
        for (var i = 0; i < branches.Count; i++)
        {
            if (branches[i] is JsonObject branch)
            {
                ValidateProgram(branch, $"{at}/Branches[{i}]", BranchFields);
            }
            else
            {
                Schema($"{at}/Branches[{i}]", "A branch must be a JSON object");
            }
        }
    }

    private static string KindName(JsonNode? value) => JsonValues.Kind(value) switch
    {
        JsonValueKind.Object => "OBJECT",
        JsonValueKind.Array => "ARRAY",
        JsonValueKind.Number => "NUMBER",
        JsonValueKind.True or JsonValueKind.False => "BOOLEAN",
        JsonValueKind.Null => "NULL",
        _ => "STRING",
    };
}
