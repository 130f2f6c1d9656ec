using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;
using FakeAws.Engine.StepFunctions.Runtime;

namespace FakeAws.Engine.StepFunctions.Asl;

// The checks of Task and Map states, and of Retry and Catch.
internal sealed partial class AslValidator
{
    private void ValidateTask(JsonObject state, string at)
    {
        if (JsonValues.AsString(state["Resource"]) is not { } resource)
        {
            Schema(at, state.ContainsKey("Resource") ? "The value for the field 'Resource' must be a string" : "These fields are required: [Resource]");
        }
        else if (!TryParseResource(resource, out var parsed))
        {
            Schema($"{at}/Resource", $"The resource '{resource}' is not a valid Lambda function ARN, activity ARN or service integration");
        }
        else if (_express && (parsed!.IsSync || parsed.WaitsForToken))
        {
            Schema($"{at}/Resource", $"Express state machine does not support '.{parsed.Pattern}' service integration");
        }
        ValidateSecondsPair(state, at, "TimeoutSeconds");
        ValidateSecondsPair(state, at, "HeartbeatSeconds");
        if (JsonValues.TryGetInteger(state["TimeoutSeconds"], out var timeout) && JsonValues.TryGetInteger(state["HeartbeatSeconds"], out var heartbeat)
            && heartbeat >= timeout)
        {
            Schema(at, "The value for the field 'HeartbeatSeconds' must be smaller than the value for the field 'TimeoutSeconds'");
        }
    }

    private void ValidateSecondsPair(JsonObject state, string at, string field)
    {
        var pathField = field + "Path";
        if (state.ContainsKey(field) && state.ContainsKey(pathField))
        {
            Schema(at, $"Only one of the fields '{field}' and '{pathField}' may be present");
        }
        if (state.ContainsKey(field) && !(JsonValues.TryGetInteger(state[field], out var seconds) && seconds > 0 && seconds <= 99_999_999)
            && !(JsonValues.AsString(state[field]) is { } text && JsonataTemplate.IsExpressionText(text)))
        {
            Schema(at, $"The value for the field '{field}' must be a positive integer of at most 99999999");
        }
        ValidatePath(state, pathField, at, reference: true);
    }

    private void ValidateMap(JsonObject state, string at)
    {
        var iterator = state["Iterator"];
        var processor = state["ItemProcessor"];
        if (iterator is not null && processor is not null)
        {
            Schema(at, "Only one of the fields 'Iterator' and 'ItemProcessor' may be present");
        }
        var (field, program) = processor is not null ? ("ItemProcessor", processor) : ("Iterator", iterator);
        if (program is not JsonObject body)
        {
            Schema(at, "These fields are required: [ItemProcessor]");
        }
        else
        {
            ValidateProcessorConfig(body["ProcessorConfig"], $"{at}/{field}");
            ValidateProgram(body, $"{at}/{field}", BranchFields);
        }
        ValidatePath(state, "ItemsPath", at, reference: true);
        ValidateTemplate(state["ItemSelector"], $"{at}/ItemSelector");
        if (state.ContainsKey("ItemSelector") && state.ContainsKey("Parameters"))
        {
            Schema(at, "Only one of the fields 'ItemSelector' and 'Parameters' may be present");
        }
        foreach (var (count, path) in new[]
        {
            ("MaxConcurrency", "MaxConcurrencyPath"),
            ("ToleratedFailureCount", "ToleratedFailureCountPath"),
            ("ToleratedFailurePercentage", "ToleratedFailurePercentagePath"),
        })
        {
            if (state.ContainsKey(count) && state.ContainsKey(path))
            {
                Schema(at, $"Only one of the fields '{count}' and '{path}' may be present");
            }
            ValidatePath(state, path, at, reference: true);
        }
        if (state.ContainsKey("MaxConcurrency") && !(JsonValues.TryGetInteger(state["MaxConcurrency"], out var max) && max >= 0)
            && !(JsonValues.AsString(state["MaxConcurrency"]) is { } text && JsonataTemplate.IsExpressionText(text)))
        {
            Schema(at, "The value for the field 'MaxConcurrency' must be a non-negative integer");
        }
        if (state.ContainsKey("ToleratedFailureCount") && !(JsonValues.TryGetInteger(state["ToleratedFailureCount"], out var tolerated) && tolerated >= 0)
            && !(JsonValues.AsString(state["ToleratedFailureCount"]) is { } countText && JsonataTemplate.IsExpressionText(countText)))
        {
            Schema(at, "The value for the field 'ToleratedFailureCount' must be a non-negative integer");
        }
        if (state.ContainsKey("ToleratedFailurePercentage")
            && !(JsonValues.IsNumber(state["ToleratedFailurePercentage"]) && JsonValues.AsDouble(state["ToleratedFailurePercentage"]!) is >= 0 and <= 100)
            && !(JsonValues.AsString(state["ToleratedFailurePercentage"]) is { } percentText && JsonataTemplate.IsExpressionText(percentText)))
        {
            Schema(at, "The value for the field 'ToleratedFailurePercentage' must be a number from 0 to 100");
        }
        if (state["ItemBatcher"] is JsonObject batcher)
        {
            ValidateTemplate(batcher["BatchInput"], $"{at}/ItemBatcher/BatchInput");
            ValidatePath(batcher, "MaxItemsPerBatchPath", $"{at}/ItemBatcher", reference: true);
            ValidatePath(batcher, "MaxInputBytesPerBatchPath", $"{at}/ItemBatcher", reference: true);
        }
        if (state.ContainsKey("ItemReader"))
        {
            _unsupported.Add("ItemReader in Map states (reading items from S3)");
        }
        if (state.ContainsKey("ResultWriter"))
        {
            _unsupported.Add("ResultWriter in Map states (writing results to S3)");
        }
    }

    private void ValidateProcessorConfig(JsonNode? config, string at)
    {
        if (config is null)
        {
            return;
        }
        if (JsonValues.AsString(config["Mode"]) is { } mode && mode is not ("INLINE" or "DISTRIBUTED"))
        {
            Schema(at, "The value for the field 'Mode' must be one of [INLINE, DISTRIBUTED]");
        }
        if (JsonValues.AsString(config["ExecutionType"]) is { } type && type is not ("STANDARD" or "EXPRESS"))
        {
            Schema(at, "The value for the field 'ExecutionType' must be one of [STANDARD, EXPRESS]");
        }
    }

    private void ValidateRetry(JsonNode? node, string at)
    {
        if (node is not JsonArray retriers)
        {
            Schema(at, "The value for the field 'Retry' must be an array");
            return;
        }
        for (var i = 0; i < retriers.Count; i++)
        {
            var here = $"{at}[{i}]";
            if (retriers[i] is not JsonObject retrier)
            {
                Schema(here, "A retrier must be a JSON object");
                continue;
            }
            foreach (var (key, _) in retrier)
            {
                if (key is not ("ErrorEquals" or "IntervalSeconds" or "MaxAttempts" or "BackoffRate" or "MaxDelaySeconds" or "JitterStrategy" or "Comment"))
                {
                    Schema(here, $"Field '{key}' is not supported");
                }
            }
            ValidateErrorEquals(retrier["ErrorEquals"], here, last: i == retriers.Count - 1, "Retrier");
            if (retrier.ContainsKey("IntervalSeconds") && !(JsonValues.TryGetInteger(retrier["IntervalSeconds"], out var interval) && interval >= 1 && interval <= 99_999_999))
            {
                Schema(here, "The value for the field 'IntervalSeconds' must be a positive integer");
            }
            if (retrier.ContainsKey("MaxAttempts") && !(JsonValues.TryGetInteger(retrier["MaxAttempts"], out var attempts) && attempts is >= 0 and <= 99_999_999))
            {
                Schema(here, "The value for the field 'MaxAttempts' must be a non-negative integer");
            }
            if (retrier.ContainsKey("BackoffRate") && !(JsonValues.IsNumber(retrier["BackoffRate"]) && JsonValues.AsDouble(retrier["BackoffRate"]!) >= 1.0))
            {
                Schema(here, "The value for the field 'BackoffRate' must be a number greater than or equal to 1.0");
            }
            if (retrier.ContainsKey("MaxDelaySeconds") && !(JsonValues.TryGetInteger(retrier["MaxDelaySeconds"], out var maxDelay) && maxDelay is > 0 and < 31_622_401))
            {
                Schema(here, "The value for the field 'MaxDelaySeconds' must be a positive integer");
            }
            if (retrier.ContainsKey("JitterStrategy") && JsonValues.AsString(retrier["JitterStrategy"]) is not ("FULL" or "NONE"))
            {
                Schema(here, "The value for the field 'JitterStrategy' must be one of [FULL, NONE]");
            }
        }
    }

    /// <summary>A state's Retry and Catch fields, in either query language.</summary>
    private void ValidateRecovery(JsonObject state, string at, bool jsonata)
    {
        if (state.ContainsKey("Retry"))
        {
            ValidateRetry(state["Retry"], $"{at}/Retry");
        }
        if (state.ContainsKey("Catch"))
        {
            ValidateCatch(state["Catch"], $"{at}/Catch", jsonata);
        }
    }

    private void ValidateCatch(JsonNode? node, string at, bool jsonata)
    {
        if (node is not JsonArray catchers)
        {
            Schema(at, "The value for the field 'Catch' must be an array");
            return;
        }
        for (var i = 0; i < catchers.Count; i++)
        {
            var here = $"{at}[{i}]";
            if (catchers[i] is not JsonObject catcher)
            {
                Schema(here, "A catcher must be a JSON object");
                continue;
            }
            foreach (var (key, _) in catcher)
            {
                if (key is not ("ErrorEquals" or "Next" or "Comment" or "Assign") && key != (jsonata ? "Output" : "ResultPath"))
                {
                    Schema(here, $"Field '{key}' is not supported");
                }
            }
            ValidateErrorEquals(catcher["ErrorEquals"], here, last: i == catchers.Count - 1, "Catcher");
            if (JsonValues.AsString(catcher["Next"]) is null)
            {
                Schema(here, "These fields are required: [Next]");
            }
            if (jsonata)
            {
                foreach (var field in new[] { "Output", "Assign" })
                {
                    if (catcher.TryGetPropertyValue(field, out var value))
                    {
                        ValidateJsonataTemplate(value, field, here, inCatch: true);
                    }
                }
                continue;
            }
            ValidateResultPath(catcher["ResultPath"], catcher.ContainsKey("ResultPath"), here, "ResultPath");
            ValidateAssign(catcher["Assign"], $"{here}/Assign");
        }
    }

    /// <summary>ErrorEquals: a non-empty list of error names, where States.ALL stands alone in the last retrier or catcher.</summary>
    private void ValidateErrorEquals(JsonNode? node, string at, bool last, string kind)
    {
        if (node is not JsonArray { Count: > 0 } errors || errors.Any(e => JsonValues.Kind(e) != JsonValueKind.String))
        {
            Schema(at, "The field 'ErrorEquals' must be a non-empty array of strings");
            return;
        }
        var names = errors.Select(e => e!.GetValue<string>()).ToList();
        foreach (var name in names.Where(n => !IsKnownError(n)))
        {
            Schema($"{at}/ErrorEquals", $"The error name '{name}' is not a valid States error name");
        }
        if (names.Contains(StatesErrors.All))
        {
            if (names.Count > 1)
            {
                Schema($"{at}/ErrorEquals", "States.ALL must appear alone in ErrorEquals");
            }
            if (!last)
            {
                Schema(at, $"A {kind} with States.ALL must be the last {kind} in the list");
            }
        }
    }
}
