using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;
using FakeAws.Engine.StepFunctions.Jsonata;

namespace FakeAws.Engine.StepFunctions.Asl;

// The checks of JSONata states: their fields, Choice rules with Condition, and expressions FakeAws can evaluate.
internal sealed partial class AslValidator
{
    private void ValidateJsonataState(string type, JsonObject state, string at)
    {
        if (type is "Pass" or "Task" or "Wait" or "Parallel" or "Map")
        {
            ValidateNextOrEnd(state, at);
        }
        foreach (var field in new[] { "Output", "Assign", "Arguments", "Items", "ItemSelector", "Seconds", "Timestamp", "TimeoutSeconds",
                     "HeartbeatSeconds", "MaxConcurrency", "ToleratedFailureCount", "ToleratedFailurePercentage", "Error", "Cause" })
        {
            if (state.TryGetPropertyValue(field, out var value))
            {
                ValidateJsonataTemplate(value, field, at);
            }
        }
        switch (type)
        {
            case "Task":
                ValidateTask(state, at);
                break;
            case "Choice":
                if (state["Choices"] is not JsonArray { Count: > 0 } choices)
                {
                    Schema(at, "The field 'Choices' must be a non-empty array");
                    break;
                }
                for (var i = 0; i < choices.Count; i++)
                {
                    ValidateJsonataRule(choices[i], $"{at}/Choices[{i}]");
                }
                break;
            case "Wait":
                var given = new[] { "Seconds", "Timestamp" }.Where(state.ContainsKey).ToList();
                if (given.Count != 1)
                {
                    Schema(at, "Exactly one of the fields [Seconds, Timestamp] is required");
                }
                break;
            case "Parallel":
                ValidateParallel(state, at);
                break;
            case "Map":
                ValidateMap(state, at);
                break;
        }
        ValidateRecovery(state, at, jsonata: true);
    }

    private void ValidateJsonataRule(JsonNode? node, string at)
    {
        if (node is not JsonObject rule)
        {
            Schema(at, "A choice rule must be a JSON object");
            return;
        }
        foreach (var (key, _) in rule)
        {
            if (key is not ("Condition" or "Next" or "Assign" or "Output" or "Comment"))
            {
                Schema(at, $"Field '{key}' is not supported");
            }
        }
        var missing = new[] { "Condition", "Next" }.Where(f => !rule.ContainsKey(f)).ToList();
        if (missing.Count > 0)
        {
            Schema(at, $"These fields are required: [{string.Join(", ", missing)}]");
        }
        foreach (var field in new[] { "Condition", "Assign", "Output" })
        {
            if (rule.TryGetPropertyValue(field, out var value))
            {
                ValidateJsonataTemplate(value, field, at);
            }
        }
    }

    /// <summary>
    /// Compiles a JSONata field: an expression jsonata does not parse is INVALID_JSONATA_EXPRESSION
    /// with jsonata's message at the field (<c>/States/S/Output/v</c>), as AWS reports it, and a reference
    /// AWS refuses (<see cref="JsonataReferences"/>) UNSUPPORTED_JSONATA_EXPRESSION there; one nested
    /// too deeply is a schema error; one that uses what FakeAws cannot evaluate yet makes the
    /// definition unsupported.
    /// </summary>
    private void ValidateJsonataTemplate(JsonNode? value, string field, string at, bool inCatch = false)
    {
        try
        {
            foreach (var (located, expression) in JsonataTemplate.Compile(value, field).Expressions)
            {
                foreach (var problem in JsonataReferences.Unsupported(expression, inCatch))
                {
                    _diagnostics.Add(new("UNSUPPORTED_JSONATA_EXPRESSION", problem, $"{at}/{located}"));
                }
            }
        }
        catch (NestingTooDeepException e)
        {
            Schema(at, e.Message);
        }
        catch (JsonataSyntaxException e)
        {
            _diagnostics.Add(new("INVALID_JSONATA_EXPRESSION", e.Message, $"{at}/{e.Field}"));
        }
        catch (FormatException e)
        {
            _unsupported.Add(e.Message);
        }
    }
}
