using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Asl.States;
using FakeAws.Engine.StepFunctions.Integrations;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.StepFunctions.Asl;

/// <summary>Builds the interpreter's model of a definition that <see cref="AslValidator"/> accepted.</summary>
internal static class AslParser
{
    public static StateMachineDefinition Parse(string text, JsonObject root) => new()
    {
        // Every state, nested ones too, takes the definition's query language unless it names its own.
        Program = Program(root, Text(root, "QueryLanguage") == "JSONata"),
        TimeoutSeconds = JsonValues.TryGetInteger(root["TimeoutSeconds"], out var timeout) ? timeout : null,
        Text = text,
    };

    private static AslProgram Program(JsonObject program, bool jsonata) => new()
    {
        StartAt = program["StartAt"]!.GetValue<string>(),
        States = program["States"]!.AsObject().ToDictionary(s => s.Key, s => State(s.Key, s.Value!.AsObject(), jsonata), StringComparer.Ordinal),
    };

    private static StateNode State(string name, JsonObject s, bool definitionJsonata)
    {
        var type = s["Type"]!.GetValue<string>();
        var jsonata = Text(s, "QueryLanguage") is { } language ? language == "JSONata" : definitionJsonata;
        return jsonata ? JsonataState(name, type, s, definitionJsonata) : JsonPathState(name, type, s, definitionJsonata);
    }

    private static StateNode JsonPathState(string name, string type, JsonObject s, bool definitionJsonata)
    {
        return type switch
        {
            "Pass" => new PassState
            {
                Name = name, Next = Text(s, "Next"), End = IsEnd(s), InputPath = Path(s, "InputPath"), OutputPath = Path(s, "OutputPath"),
                Assign = Template(s, "Assign"),
                HasResult = s.ContainsKey("Result"), Result = JsonValues.Clone(s["Result"]),
                Parameters = Template(s, "Parameters"), ResultPath = Path(s, "ResultPath"),
            },
            "Task" => new TaskState
            {
                Name = name, Next = Text(s, "Next"), End = IsEnd(s), InputPath = Path(s, "InputPath"), OutputPath = Path(s, "OutputPath"),
                Assign = Template(s, "Assign"),
                Parameters = Template(s, "Parameters"), ResultSelector = Template(s, "ResultSelector"), ResultPath = Path(s, "ResultPath"),
                Retry = Retriers(s), Catch = Catchers(s),
                Resource = TaskResource.Parse(s["Resource"]!.GetValue<string>())!,
                TimeoutSeconds = Integer(s, "TimeoutSeconds"), TimeoutSecondsPath = PathOrNull(s, "TimeoutSecondsPath"),
                HeartbeatSeconds = Integer(s, "HeartbeatSeconds"), HeartbeatSecondsPath = PathOrNull(s, "HeartbeatSecondsPath"),
            },
            "Choice" => new ChoiceState
            {
                Name = name, InputPath = Path(s, "InputPath"), OutputPath = Path(s, "OutputPath"), Assign = Template(s, "Assign"),
                Choices = s["Choices"]!.AsArray().Select(c => new ChoiceBranch
                {
                    Rule = Rule(c!.AsObject()),
                    Next = c["Next"]!.GetValue<string>(),
                    Assign = Template(c.AsObject(), "Assign"),
                }).ToList(),
                Default = Text(s, "Default"),
            },
            "Wait" => new WaitState
            {
                Name = name, Next = Text(s, "Next"), End = IsEnd(s), InputPath = Path(s, "InputPath"), OutputPath = Path(s, "OutputPath"),
                Assign = Template(s, "Assign"),
                Seconds = Integer(s, "Seconds"),
                Timestamp = Text(s, "Timestamp") is { } at && Timestamps.TryParse(at, out var timestamp) ? timestamp : null,
                SecondsPath = PathOrNull(s, "SecondsPath"), TimestampPath = PathOrNull(s, "TimestampPath"),
            },
            "Succeed" => new SucceedState { Name = name, End = true, InputPath = Path(s, "InputPath"), OutputPath = Path(s, "OutputPath") },
            "Fail" => new FailState
            {
                Name = name, End = true,
                Error = Text(s, "Error"), Cause = Text(s, "Cause"),
                ErrorPath = Text(s, "ErrorPath") is { } ep ? PayloadTemplate.CompileExpression("ErrorPath", ep) : null,
                CausePath = Text(s, "CausePath") is { } cp ? PayloadTemplate.CompileExpression("CausePath", cp) : null,
            },
            "Parallel" => new ParallelState
            {
                Name = name, Next = Text(s, "Next"), End = IsEnd(s), InputPath = Path(s, "InputPath"), OutputPath = Path(s, "OutputPath"),
                Assign = Template(s, "Assign"),
                Parameters = Template(s, "Parameters"), ResultSelector = Template(s, "ResultSelector"), ResultPath = Path(s, "ResultPath"),
                Retry = Retriers(s), Catch = Catchers(s),
                Branches = s["Branches"]!.AsArray().Select(b => Program(b!.AsObject(), definitionJsonata)).ToList(),
            },
            _ => Map(name, s, definitionJsonata),
        };
    }

    private static MapState Map(string name, JsonObject s, bool definitionJsonata)
    {
        var processor = (s["ItemProcessor"] ?? s["Iterator"])!.AsObject();
        var config = processor["ProcessorConfig"] as JsonObject;
        var batcher = s["ItemBatcher"] as JsonObject;
        return new MapState
        {
            Name = name, Next = Text(s, "Next"), End = IsEnd(s), InputPath = Path(s, "InputPath"), OutputPath = Path(s, "OutputPath"),
            Assign = Template(s, "Assign"),
            Parameters = Template(s, "Parameters"), ResultSelector = Template(s, "ResultSelector"), ResultPath = Path(s, "ResultPath"),
            Retry = Retriers(s), Catch = Catchers(s),
            ItemProcessor = Program(processor, definitionJsonata),
            Distributed = Text(config, "Mode") == "DISTRIBUTED",
            ExecutionType = Text(config, "ExecutionType") ?? "STANDARD",
            ItemsPath = PathOrNull(s, "ItemsPath"),
            ItemSelector = Template(s, "ItemSelector"),
            MaxConcurrency = (int?)Integer(s, "MaxConcurrency"),
            MaxConcurrencyPath = PathOrNull(s, "MaxConcurrencyPath"),
            ToleratedFailureCount = Integer(s, "ToleratedFailureCount"),
            ToleratedFailureCountPath = PathOrNull(s, "ToleratedFailureCountPath"),
            ToleratedFailurePercentage = s["ToleratedFailurePercentage"] is { } p ? JsonValues.AsDouble(p) : null,
            ToleratedFailurePercentagePath = PathOrNull(s, "ToleratedFailurePercentagePath"),
            Label = Text(s, "Label"),
            ItemBatcher = batcher is null ? null : new ItemBatcher
            {
                MaxItemsPerBatch = Integer(batcher, "MaxItemsPerBatch"),
                MaxItemsPerBatchPath = PathOrNull(batcher, "MaxItemsPerBatchPath"),
                MaxInputBytesPerBatch = Integer(batcher, "MaxInputBytesPerBatch"),
                MaxInputBytesPerBatchPath = PathOrNull(batcher, "MaxInputBytesPerBatchPath"),
                BatchInput = Template(batcher, "BatchInput"),
            },
        };
    }

    /// <summary>A JSONata state: Output, Arguments and the other fields as JSONata templates, no paths.</summary>
    private static StateNode JsonataState(string name, string type, JsonObject s, bool definitionJsonata)
    {
        var next = Text(s, "Next");
        var end = IsEnd(s);
        var output = Jsonata(s, "Output");
        var assign = Jsonata(s, "Assign");
        return type switch
        {
            "Pass" => new PassState { Name = name, Next = next, End = end, IsJsonata = true, Output = output, JsonataAssign = assign },
            "Task" => new TaskState
            {
                Name = name, Next = next, End = end, IsJsonata = true, Output = output, JsonataAssign = assign,
                Arguments = Jsonata(s, "Arguments"), Retry = Retriers(s), Catch = Catchers(s, jsonata: true),
                Resource = TaskResource.Parse(s["Resource"]!.GetValue<string>())!,
                TimeoutSeconds = Integer(s, "TimeoutSeconds"), TimeoutSecondsExpression = Expression(s, "TimeoutSeconds"),
                HeartbeatSeconds = Integer(s, "HeartbeatSeconds"), HeartbeatSecondsExpression = Expression(s, "HeartbeatSeconds"),
            },
            "Choice" => new ChoiceState
            {
                Name = name, IsJsonata = true, Output = output, JsonataAssign = assign,
                Choices = s["Choices"]!.AsArray().Select(c => c!.AsObject()).Select(c => new ChoiceBranch
                {
                    Condition = Jsonata(c, "Condition"),
                    Next = c["Next"]!.GetValue<string>(),
                    Output = Jsonata(c, "Output"),
                    JsonataAssign = Jsonata(c, "Assign"),
                }).ToList(),
                Default = Text(s, "Default"),
            },
            "Wait" => new WaitState
            {
                Name = name, Next = next, End = end, IsJsonata = true, Output = output, JsonataAssign = assign,
                Seconds = Integer(s, "Seconds"), SecondsExpression = Expression(s, "Seconds"),
                Timestamp = Text(s, "Timestamp") is { } at && Timestamps.TryParse(at, out var timestamp) ? timestamp : null,
                TimestampExpression = Expression(s, "Timestamp"),
            },
            "Succeed" => new SucceedState { Name = name, End = true, IsJsonata = true, Output = output },
            "Fail" => new FailState { Name = name, End = true, IsJsonata = true, JsonataError = Jsonata(s, "Error"), JsonataCause = Jsonata(s, "Cause") },
            "Parallel" => new ParallelState
            {
                Name = name, Next = next, End = end, IsJsonata = true, Output = output, JsonataAssign = assign,
                Arguments = Jsonata(s, "Arguments"), Retry = Retriers(s), Catch = Catchers(s, jsonata: true),
                Branches = s["Branches"]!.AsArray().Select(b => Program(b!.AsObject(), definitionJsonata)).ToList(),
            },
            _ => JsonataMap(name, s, definitionJsonata, output, assign),
        };
    }

    private static MapState JsonataMap(string name, JsonObject s, bool definitionJsonata, JsonataTemplate? output, JsonataTemplate? assign)
    {
        var processor = (s["ItemProcessor"] ?? s["Iterator"])!.AsObject();
        var config = processor["ProcessorConfig"] as JsonObject;
        return new MapState
        {
            Name = name, Next = Text(s, "Next"), End = IsEnd(s), IsJsonata = true, Output = output, JsonataAssign = assign,
            Retry = Retriers(s), Catch = Catchers(s, jsonata: true),
            ItemProcessor = Program(processor, definitionJsonata),
            Distributed = Text(config, "Mode") == "DISTRIBUTED",
            ExecutionType = Text(config, "ExecutionType") ?? "STANDARD",
            Items = Jsonata(s, "Items"),
            JsonataItemSelector = Jsonata(s, "ItemSelector"),
            MaxConcurrency = (int?)Integer(s, "MaxConcurrency"),
            MaxConcurrencyExpression = Expression(s, "MaxConcurrency"),
            ToleratedFailureCount = Integer(s, "ToleratedFailureCount"),
            ToleratedFailureCountExpression = Expression(s, "ToleratedFailureCount"),
            ToleratedFailurePercentage = JsonValues.IsNumber(s["ToleratedFailurePercentage"]) ? JsonValues.AsDouble(s["ToleratedFailurePercentage"]!) : null,
            ToleratedFailurePercentageExpression = Expression(s, "ToleratedFailurePercentage"),
            Label = Text(s, "Label"),
        };
    }

    private static ChoiceRule Rule(JsonObject rule)
    {
        if (rule["And"] is JsonArray and)
        {
            return new ChoiceRule.And(and.Select(r => Rule(r!.AsObject())).ToList());
        }
        if (rule["Or"] is JsonArray or)
        {
            return new ChoiceRule.Or(or.Select(r => Rule(r!.AsObject())).ToList());
        }
        if (rule["Not"] is JsonObject not)
        {
            return new ChoiceRule.Not(Rule(not));
        }
        var variable = JsonPath.Parse(rule["Variable"]!.GetValue<string>());
        var (op, value) = rule.First(m => m.Key is not ("Variable" or "Comment" or "Next" or "Assign"));
        var isPath = op.EndsWith("Path", StringComparison.Ordinal) && !op.StartsWith("Is", StringComparison.Ordinal);
        return new ChoiceRule.Comparison(variable, op, isPath ? null : JsonValues.Clone(value), isPath ? JsonPath.Parse(value!.GetValue<string>()) : null);
    }

    private static IReadOnlyList<Retrier> Retriers(JsonObject s) => s["Retry"] is JsonArray retry
        ? retry.Select(r => r!.AsObject()).Select(r => new Retrier
        {
            ErrorEquals = Errors(r),
            IntervalSeconds = r["IntervalSeconds"] is { } i ? JsonValues.AsDouble(i) : 1,
            MaxAttempts = (int)(Integer(r, "MaxAttempts") ?? 3),
            BackoffRate = r["BackoffRate"] is { } b ? JsonValues.AsDouble(b) : 2.0,
            MaxDelaySeconds = r["MaxDelaySeconds"] is { } m ? JsonValues.AsDouble(m) : null,
            JitterStrategy = Text(r, "JitterStrategy") ?? "NONE",
        }).ToList()
        : [];

    private static IReadOnlyList<Catcher> Catchers(JsonObject s, bool jsonata = false) => s["Catch"] is JsonArray catchers
        ? catchers.Select(c => c!.AsObject()).Select(c => new Catcher
        {
            ErrorEquals = Errors(c),
            Next = c["Next"]!.GetValue<string>(),
            ResultPath = jsonata ? OptionalPath.Default : Path(c, "ResultPath"),
            Assign = jsonata ? null : Template(c, "Assign"),
            Output = jsonata ? Jsonata(c, "Output") : null,
            JsonataAssign = jsonata ? Jsonata(c, "Assign") : null,
        }).ToList()
        : [];

    private static JsonataTemplate? Jsonata(JsonObject s, string field) =>
        s.TryGetPropertyValue(field, out var value) ? JsonataTemplate.Compile(value, field) : null;

    /// <summary>A numeric field written as a JSONata expression, or null when it is a plain value.</summary>
    private static JsonataTemplate? Expression(JsonObject s, string field) =>
        Text(s, field) is { } text && JsonataTemplate.IsExpressionText(text) ? JsonataTemplate.Compile(s[field], field) : null;

    private static List<string> Errors(JsonObject handler) => handler["ErrorEquals"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();

    private static string? Text(JsonObject? obj, string field) => obj is null ? null : JsonValues.AsString(obj[field]);

    private static bool IsEnd(JsonObject s) => JsonValues.Kind(s["End"]) == System.Text.Json.JsonValueKind.True;

    private static long? Integer(JsonObject s, string field) => JsonValues.TryGetInteger(s[field], out var value) ? value : null;

    private static OptionalPath Path(JsonObject s, string field) => !s.TryGetPropertyValue(field, out var value)
        ? OptionalPath.Default
        : value is null ? OptionalPath.Null : new OptionalPath(false, JsonPath.Parse(value.GetValue<string>()));

    private static JsonPath? PathOrNull(JsonObject s, string field) => Text(s, field) is { } text ? JsonPath.Parse(text) : null;

    private static PayloadTemplate? Template(JsonObject s, string field) =>
        s.TryGetPropertyValue(field, out var value) ? PayloadTemplate.Compile(value) : null;
}
