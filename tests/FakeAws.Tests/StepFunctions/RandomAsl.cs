using System.Text;
using System.Text.Json.Nodes;

namespace FakeAws.Tests.StepFunctions;

/// <summary>
/// Random state machine definitions and JSONata expressions for <see cref="StepFunctionsFuzzTests"/>,
/// built from one seeded <see cref="Random"/> so that a case's seed reproduces it exactly. They mix
/// valid and broken parts on purpose: every state type, Choice rules nested And/Or/Not, intrinsic
/// calls nested in each other, JSONPath and JSONata fields, Parallel and Map nested in each other,
/// loops, Retry and Catch, and paths and expressions that are wrong in many ways. Two builders in
/// three keep to what validates, so that most of their definitions run; the third is wild.
/// </summary>
internal sealed class RandomAsl(Random random)
{
    private readonly bool _wild = random.Next(3) == 0;
    private int _programs;

    // Paths that validate wherever a path goes, and those a reference path (ResultPath, ItemsPath, Variable ...) takes.
    private static readonly string[] ValidPaths = ["$", "$.a", "$.b", "$.b.c", "$.items", "$.items[0]", "$.missing", "$.s", "$$.Execution.Id"];

    private static readonly string[] ReferencePaths = ["$", "$.a", "$.r", "$.b.c", "$.items", "$.s"];

    private static readonly Dictionary<string, (int Min, int Max)> Arity = new()
    {
        ["States.Format"] = (1, 4), ["States.StringToJson"] = (1, 1), ["States.JsonToString"] = (1, 1), ["States.Array"] = (0, 4),
        ["States.ArrayPartition"] = (2, 2), ["States.ArrayContains"] = (2, 2), ["States.ArrayRange"] = (3, 3), ["States.ArrayGetItem"] = (2, 2),
        ["States.ArrayLength"] = (1, 1), ["States.ArrayUnique"] = (1, 1), ["States.Base64Encode"] = (1, 1), ["States.Base64Decode"] = (1, 1),
        ["States.Hash"] = (2, 2), ["States.JsonMerge"] = (3, 3), ["States.MathRandom"] = (2, 3), ["States.MathAdd"] = (2, 2),
        ["States.StringSplit"] = (2, 2), ["States.UUID"] = (0, 0),
    };

    private static readonly string[] Paths =
    [
        "$", "$.a", "$.b.c", "$.items", "$.items[0]", "$.items[*]", "$.items[-1]", "$..c", "$.missing", "$.s", "$$.Execution.Id",
        "$$.Map.Item.Value", "$$.State.Name", "$v", "$v.x", "a", "$.", "$[", "", "$.items[?(@ > 1)]", "$.items.length()",
    ];

    private static readonly string[] Scalars =
    [
        "'x'", "'{}'", "'a,b'", "'\\''", "1", "-3", "2.5", "0", "null", "true", "$.a", "$.items", "$.s", "$.b", "$$.Execution.Name", "$v",
        "100000000", "'SHA-256'", "'MD5'", "''",
    ];

    private static readonly string[] Functions =
    [
        "States.Format", "States.StringToJson", "States.JsonToString", "States.Array", "States.ArrayPartition", "States.ArrayContains",
        "States.ArrayRange", "States.ArrayGetItem", "States.ArrayLength", "States.ArrayUnique", "States.Base64Encode", "States.Base64Decode",
        "States.Hash", "States.JsonMerge", "States.MathRandom", "States.MathAdd", "States.StringSplit", "States.UUID", "States.Nope", "Format",
    ];

    private static readonly string[] Operators =
    [
        "StringEquals", "StringEqualsPath", "StringLessThan", "StringGreaterThanEquals", "StringMatches", "NumericEquals", "NumericEqualsPath",
        "NumericLessThan", "NumericGreaterThan", "NumericLessThanEqualsPath", "BooleanEquals", "BooleanEqualsPath", "TimestampEquals",
        "TimestampLessThan", "TimestampGreaterThanPath", "IsPresent", "IsNull", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp", "Nonsense",
    ];

    private static readonly string[] Resources =
    [
        "arn:aws:lambda:us-east-1:123456789012:function:missing", "arn:aws:states:::lambda:invoke", "arn:aws:states:::dynamodb:getItem",
        "arn:aws:states:::aws-sdk:dynamodb:listTables", "arn:aws:states:::nope", "arn:aws:states:::states:startExecution.sync:2", "not an arn",
    ];

    private static readonly string[] Errors = ["States.ALL", "States.TaskFailed", "States.Timeout", "States.Runtime", "Fuzz.Error", "States.Nope"];

    private static readonly string[] JsonataTokens =
    [
        "(", ")", "[", "]", "{", "}", "$", "$states", ".", "input", "$states.input", "$states.input.a", "$states.input.items", "$states.context",
        ",", ":", ";", ":=", "+", "-", "*", "/", "%", "&", "=", "!=", "<", ">", "<=", "and", "or", "in", "?", "1", "0", "2.5", "'s'", "\"t\"",
        "function", "($v)", "$v", "~>", "^(", "..", "**", "@", "#", "|", "/ab+/i", "$count(", "$string(", "$sum(", "$map(", "true", "null", "$x",
        "$error('boom')", "$random()", "$uuid()", "$partition(", "$sort(", "$lookup(", "$merge(", "$eval(", "\\", "`a`", "1e400", "-",
    ];

    /// <summary>A whole definition: the top-level program, maybe with a query language, a timeout and a comment.</summary>
    public string Definition(int depth)
    {
        var jsonata = Chance(4);
        var program = Program(depth, jsonata);
        if (jsonata)
        {
            program["QueryLanguage"] = "JSONata";
        }
        if (Chance(4))
        {
            program["TimeoutSeconds"] = _wild ? Pick(1, 60, 3600, 0, -1) : Pick(1, 60, 3600);
        }
        if (Chance(10))
        {
            program["Comment"] = "fuzz";
        }
        return Break(10) ? Mangle(program.ToJsonString()) : program.ToJsonString();
    }

    /// <summary>One state of a definition, alone, as TestState takes it.</summary>
    public string State(int depth)
    {
        var jsonata = Chance(3);
        var state = StateNode(["Next1", "Next2", "Next3"], 0, depth, jsonata);
        if (jsonata)
        {
            state["QueryLanguage"] = "JSONata";
        }
        return state.ToJsonString();
    }

    /// <summary>An execution input: small JSON documents of the shapes the paths above name, sometimes not an object.</summary>
    public string Input() => Pick(
        """{"a": 1, "b": {"c": true}, "items": [1, 2, 3], "s": "x"}""",
        """{"a": "1", "items": [], "s": 5}""",
        """{"items": [{"a": 1}, {"a": 2}], "b": null}""",
        """[1, 2]""",
        "\"text\"",
        "{}");

    /// <summary>A JSONata expression: tokens at random, a structured expression, or one nested very deep.</summary>
    public string Jsonata(int depth) => random.Next(3) switch
    {
        0 => string.Join(' ', Enumerable.Range(0, random.Next(1, 12)).Select(_ => Pick(JsonataTokens))),
        1 => JsonataExpression(depth),
        _ => DeepJsonata(random.Next(1, 3000)),
    };

    private JsonObject Program(int depth, bool jsonata)
    {
        var count = random.Next(1, 6);
        // State names are unique across the whole definition: each branch or processor has its own
        // prefix, except when a wild builder repeats the top level's names on purpose.
        var prefix = _programs++ == 0 || Break(10) ? "S" : $"P{_programs}S";
        var names = Enumerable.Range(0, count).Select(i => $"{prefix}{i}").ToList();
        var states = new JsonObject();
        for (var i = 0; i < count; i++)
        {
            states[names[i]] = StateNode(names, i, depth, jsonata);
        }
        return new JsonObject { ["StartAt"] = Break(10) ? "Nowhere" : names[0], ["States"] = states };
    }

    // The state at <paramref name="index"/> of <paramref name="names"/>. A builder that keeps to what
    // validates makes a chain, every state reachable and the last one terminal, with loops back in it.
    private JsonObject StateNode(List<string> names, int index, int depth, bool jsonata)
    {
        var last = index == names.Count - 1;
        var types = depth > 0
            ? new[] { "Pass", "Pass", "Wait", "Choice", "Succeed", "Fail", "Task", "Parallel", "Map", _wild ? "Bogus" : "Pass" }
            : ["Pass", "Pass", "Wait", "Choice", "Succeed", "Fail", "Task"];
        var type = Pick(types);
        if (!_wild && (last ? type == "Choice" : type is "Succeed" or "Fail"))
        {
            type = "Pass";
        }
        string Target() => _wild ? (Chance(10) ? "Nowhere" : Pick([.. names])) : Chance(6) || last ? names[random.Next(index + 1)] : names[index + 1];
        var state = new JsonObject { ["Type"] = type };
        switch (type)
        {
            case "Pass":
                if (jsonata)
                {
                    OptionalJsonata(state, "Output", depth);
                }
                else
                {
                    Optional(state, "Result", () => Literal());
                    Optional(state, "Parameters", () => Payload(depth));
                    DataFlow(state);
                }
                break;
            case "Wait":
                var wait = random.Next(5);
                if (jsonata)
                {
                    state["Seconds"] = Chance(2) ? JsonataField(depth) : random.Next(_wild ? -1 : 0, 30);
                }
                else
                {
                    var (field, value) = wait switch
                    {
                        0 => ("Seconds", (JsonNode?)random.Next(_wild ? -1 : 0, 30)),
                        1 => ("SecondsPath", ReferencePath()),
                        2 => ("Timestamp", _wild ? Pick("2024-01-01T00:00:10Z", "yesterday", "2024-01-01T00:00:00") : Pick("2024-01-01T00:00:10Z", "2023-01-01T00:00:00Z")),
                        3 => ("TimestampPath", ReferencePath()),
                        _ => ("Seconds", _wild ? "ten" : 1),
                    };
                    state[field] = value;
                }
                break;
            case "Choice":
                state["Choices"] = new JsonArray([.. Enumerable.Range(0, random.Next(_wild ? 0 : 1, 3)).Select(_ => (JsonNode)ChoiceRule(Target, depth, jsonata, top: true))]);
                if (_wild)
                {
                    Optional(state, "Default", () => Target());
                }
                else
                {
                    state["Default"] = names[index + 1];
                }
                break;
            case "Fail":
                if (jsonata)
                {
                    OptionalJsonata(state, "Error", depth);
                    OptionalJsonata(state, "Cause", depth);
                }
                else
                {
                    if (_wild || Chance(2))
                    {
                        Optional(state, "Error", () => Pick("Fuzz.Error", "States.TaskFailed"));
                    }
                    else
                    {
                        Optional(state, "ErrorPath", () => Chance(2) ? Path() : Intrinsic(depth + 1));
                    }
                    Optional(state, "Cause", () => "fuzz");
                }
                break;
            case "Task":
                state["Resource"] = _wild ? Pick(Resources) : Pick(Resources[..2]);
                if (jsonata)
                {
                    Optional(state, "Arguments", () => Chance(2) ? JsonataField(depth) : new JsonObject { ["FunctionName"] = "missing", ["Payload"] = JsonataField(depth) });
                    OptionalJsonata(state, "Output", depth);
                }
                else
                {
                    Optional(state, "Parameters", () => Payload(depth));
                    Optional(state, "ResultSelector", () => Payload(depth));
                    DataFlow(state);
                }
                Optional(state, "TimeoutSeconds", () => random.Next(_wild ? 0 : 1, 5));
                Optional(state, "Retry", () => new JsonArray(new JsonObject
                {
                    ["ErrorEquals"] = new JsonArray(Error()),
                    ["MaxAttempts"] = random.Next(_wild ? -1 : 0, 3),
                    ["IntervalSeconds"] = random.Next(_wild ? 0 : 1, 3),
                    ["BackoffRate"] = _wild ? Pick(1.0, 2.0, 0.5) : Pick(1.0, 2.0),
                }));
                Optional(state, "Catch", () => new JsonArray(new JsonObject
                {
                    ["ErrorEquals"] = new JsonArray(Error()),
                    ["Next"] = Target(),
                    [jsonata ? "Output" : "ResultPath"] = jsonata ? JsonataField(depth) : ReferencePath(),
                }));
                break;
            case "Parallel":
                state["Branches"] = new JsonArray([.. Enumerable.Range(0, random.Next(_wild ? 0 : 1, 3)).Select(_ => (JsonNode)Program(depth - 1, jsonata))]);
                if (!jsonata)
                {
                    DataFlow(state);
                }
                break;
            case "Map":
                var processor = Program(depth - 1, jsonata);
                if (Chance(3))
                {
                    processor["ProcessorConfig"] = new JsonObject { ["Mode"] = _wild ? Pick("INLINE", "DISTRIBUTED", "SIDEWAYS") : Pick("INLINE", "DISTRIBUTED"), ["ExecutionType"] = "STANDARD" };
                }
                state[Chance(8) ? "Iterator" : "ItemProcessor"] = processor;
                if (jsonata)
                {
                    Optional(state, "Items", () => Chance(2) ? JsonataField(depth) : new JsonArray(1, 2));
                }
                else
                {
                    Optional(state, "ItemsPath", () => ReferencePath());
                    Optional(state, "ItemSelector", () => Payload(depth));
                    DataFlow(state);
                }
                Optional(state, "MaxConcurrency", () => random.Next(_wild ? -1 : 0, 3));
                break;
        }
        if (Chance(6) && (_wild || type is not ("Succeed" or "Fail")))
        {
            state["Assign"] = jsonata ? new JsonObject { ["v"] = JsonataField(depth) } : new JsonObject { ["v.$"] = Path(), ["w"] = 1 };
        }
        if (type is not ("Choice" or "Succeed" or "Fail"))
        {
            if (_wild ? Chance(3) : last)
            {
                state["End"] = true;
            }
            else
            {
                state["Next"] = Target();
            }
        }
        return state;
    }

    private JsonObject ChoiceRule(Func<string> target, int depth, bool jsonata, bool top)
    {
        JsonObject rule;
        if (jsonata)
        {
            rule = new JsonObject { ["Condition"] = JsonataField(depth) };
        }
        else
        {
            rule = random.Next(top ? 6 : 4) switch
            {
                0 => new JsonObject { ["And"] = new JsonArray([.. Enumerable.Range(0, random.Next(_wild ? 0 : 1, 3)).Select(_ => (JsonNode)ChoiceRule(target, depth - 1, jsonata, top: false))]) },
                1 => new JsonObject { ["Not"] = ChoiceRule(target, depth - 1, jsonata, top: false) },
                2 => new JsonObject { ["Or"] = new JsonArray(ChoiceRule(target, depth - 1, jsonata, top: false)) },
                _ => Comparison(),
            };
            if (depth < 0)
            {
                rule = Comparison();
            }
        }
        if (top)
        {
            rule["Next"] = target();
        }
        return rule;
    }

    private JsonObject Comparison()
    {
        var op = _wild ? Pick(Operators) : Pick(Operators[..^1]);
        JsonNode? value = op.EndsWith("Path", StringComparison.Ordinal)
            ? ReferencePath()
            : op.StartsWith("Is", StringComparison.Ordinal) ? Break(5) ? (JsonNode)"yes" : Chance(2)
            : _wild ? Literal()
            : op.StartsWith("String", StringComparison.Ordinal) ? Pick("x", "a*", "")
            : op.StartsWith("Numeric", StringComparison.Ordinal) ? Pick(0, 1, 2.5)
            : op.StartsWith("Boolean", StringComparison.Ordinal) ? true
            : "2024-01-01T00:00:00Z";
        return new JsonObject { ["Variable"] = ReferencePath(), [op] = value };
    }

    // Parameters, ResultSelector or ItemSelector: literals, paths and intrinsic calls under ".$" keys, nested.
    private JsonObject Payload(int depth)
    {
        var payload = new JsonObject();
        for (var i = 0; i < random.Next(0, 4); i++)
        {
            var name = $"k{i}";
            switch (random.Next(4))
            {
                case 0:
                    payload[name] = Literal();
                    break;
                case 1:
                    payload[name + ".$"] = Path();
                    break;
                case 2:
                    payload[name + ".$"] = Intrinsic(depth + 1);
                    break;
                default:
                    payload[name] = depth > 0 ? Payload(depth - 1) : Literal();
                    break;
            }
        }
        return payload;
    }

    private void DataFlow(JsonObject state)
    {
        foreach (var field in new[] { "InputPath", "OutputPath", "ResultPath" })
        {
            Optional(state, field, () => Chance(12) ? null : field == "ResultPath" ? ReferencePath() : Path());
        }
    }

    /// <summary>An intrinsic call, its arguments literals, paths or more calls; sometimes nested very deep.</summary>
    public string Intrinsic(int depth)
    {
        if (!_wild)
        {
            var (name, (min, max)) = Arity.ElementAt(random.Next(Arity.Count));
            var valid = Enumerable.Range(0, random.Next(min, max + 1))
                .Select(i => name == "States.Format" && i == 0 ? "'{} and {}'" : depth > 0 && Chance(3) ? Intrinsic(depth - 1) : Pick(Scalars[..^5]));
            return $"{name}({string.Join(", ", valid)})";
        }
        if (Chance(15))
        {
            var nesting = random.Next(1, 3000);
            return string.Concat(Enumerable.Repeat("States.Array(", nesting)) + "1" + new string(')', nesting - (Chance(4) ? 1 : 0));
        }
        var function = Pick(Functions);
        var arguments = Enumerable.Range(0, random.Next(0, 4))
            .Select(_ => depth > 0 && Chance(3) ? Intrinsic(depth - 1) : Pick(Scalars));
        var call = $"{function}({string.Join(", ", arguments)})";
        return Chance(20) ? call[..^1] : call;
    }

    private JsonNode JsonataField(int depth) => "{% " + (_wild && Chance(3) ? Jsonata(depth) : JsonataExpression(depth)) + " %}";

    private void OptionalJsonata(JsonObject state, string field, int depth) => Optional(state, field, () => JsonataField(depth));

    private string JsonataExpression(int depth)
    {
        if (depth <= 0 || Chance(4))
        {
            return Pick("1", "-2.5", "'s'", "\"t\"", "true", "null", "$states.input", "$states.input.a", "$states.input.items", "$states.input.s",
                "$states.context.Execution.Name", "[1..5]", "[]", "{}", "$v", "$missing", "$states.input.items[0]", "$random()", "$uuid()", "$now()");
        }
        var a = JsonataExpression(depth - 1);
        var b = JsonataExpression(depth - 1);
        return random.Next(22) switch
        {
            0 => $"{a} + {b}",
            1 => $"{a} & {b}",
            2 => $"({a})",
            3 => $"{a} ? {b} : {a}",
            4 => $"{{\"k\": {a}, \"j\": {b}}}",
            5 => $"[{a}, {b}]",
            6 => $"$map({a}, function($x) {{ $x * 2 }})",
            7 => $"{a}.{b}",
            8 => $"{a}[{b}]",
            9 => $"($x := {a}; $x = {b})",
            10 => $"$count({a})",
            11 => $"$sum({a})",
            12 => $"$string({a})",
            13 => $"$sort({a})",
            14 => $"$join({a}, ',')",
            15 => $"$substring({a}, {b})",
            16 => $"$number({a})",
            17 => $"{a} in {b}",
            18 => $"$reduce({a}, function($i, $j) {{ $i + $j }})",
            19 => $"{a} ~> $string()",
            20 => $"$error({a})",
            _ => $"{a}^(>$)",
        };
    }

    // Nesting of one kind, thousands deep: the parsers must answer an error or a value, never overflow the stack.
    private string DeepJsonata(int nesting)
    {
        var (open, close) = Pick(("(", ")"), ("[", "]"), ("{\"a\": ", "}"), ("$string(", ")"), ("-", ""), ("true ? ", " : 0"), ("(1; ", ")"), ("$.(", ")"));
        var inner = new StringBuilder();
        inner.Insert(0, open, nesting).Append('1');
        for (var i = 0; i < nesting - (Chance(4) ? 1 : 0); i++)
        {
            inner.Append(close);
        }
        return inner.ToString();
    }

    private JsonNode? Literal() => random.Next(8) switch
    {
        0 => "text",
        1 => random.Next(-5, 5),
        2 => 2.5,
        3 => true,
        4 => null,
        5 => new JsonArray(1, "two"),
        6 => "2024-01-01T00:00:00Z",
        _ => new JsonObject { ["x"] = 1 },
    };

    // A definition's text cut short, with a character changed, or with a key doubled.
    private string Mangle(string json) => random.Next(3) switch
    {
        0 => json[..random.Next(json.Length)],
        1 => json.Remove(random.Next(json.Length), 1).Insert(random.Next(json.Length - 1), Pick("{", "}", "\"", ",", ":", "\\", "\u0000")),
        _ => json.Replace("\"Type\"", "\"Type\":\"Pass\",\"Type\"", StringComparison.Ordinal),
    };

    private void Optional(JsonObject state, string field, Func<JsonNode?> value)
    {
        if (Chance(2))
        {
            state[field] = value();
        }
    }

    private bool Chance(int oneIn) => random.Next(oneIn) == 0;

    // A broken part, only from a wild builder.
    private bool Break(int oneIn) => _wild && Chance(oneIn);

    private string Path() => _wild ? Pick(Paths) : Pick(ValidPaths);

    private string ReferencePath() => _wild ? Pick(Paths) : Pick(ReferencePaths);

    private string Error() => _wild ? Pick(Errors) : Pick(Errors[..^1]);

    private T Pick<T>(params T[] values) => values[random.Next(values.Length)];
}
