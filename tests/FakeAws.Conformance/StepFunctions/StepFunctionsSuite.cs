using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions;
using FakeAws.Engine.StepFunctions.Model;
using Microsoft.Extensions.Time.Testing;

namespace FakeAws.Conformance.StepFunctions;

/// <summary>
/// Runs the Step Functions cases recorded against AWS (see the cases README): each case creates its
/// state machine in a fresh cloud, runs one execution to the end on the virtual clock, and compares
/// status, output, error, cause and the normalised history with the recording.
/// </summary>
internal static class StepFunctionsSuite
{
    private const string Account = "111111111111";
    private const string Region = "us-east-1";

    public static async Task<int> RunAsync(string path, TextWriter output, bool verbose, string? filter)
    {
        if (!File.Exists(path))
        {
            output.WriteLine($"skipped: {path} not found");
            return 0;
        }
        int passed = 0, failed = 0, jsonata = 0, jsonataFailed = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var testCase = JsonNode.Parse(line)!.AsObject();
            var id = testCase["id"]!.GetValue<string>();
            if (filter is not null && !id.Contains(filter, StringComparison.Ordinal))
            {
                continue;
            }
            var usesJsonata = testCase["definition"]!.ToJsonString().Contains("\"JSONata\"", StringComparison.Ordinal);
            jsonata += usesJsonata ? 1 : 0;
            string? difference;
            try
            {
                difference = await RunCaseAsync(testCase, verbose ? output : null);
            }
            catch (Exception e)
            {
                difference = $"crashed: {e.GetType().Name}: {e.Message}";
            }
            if (difference is null)
            {
                passed++;
                continue;
            }
            failed++;
            jsonataFailed += usesJsonata ? 1 : 0;
            output.WriteLine($"FAIL {id}{(usesJsonata ? " [JSONata]" : "")}: {difference}");
        }
        output.WriteLine($"{jsonata} cases use JSONata, {jsonataFailed} of them failed");
        output.WriteLine($"{passed} passed, {failed} failed");
        return 0;
    }

    private static async Task<string?> RunCaseAsync(JsonObject testCase, TextWriter? log)
    {
        var expected = testCase["expected"]!.AsObject();
        var placeholders = testCase["placeholders"]!.AsArray()
            .Select(p => (Sent: p![0]!.GetValue<string>(), Placeholder: p[1]!.GetValue<string>()))
            .ToList();
        string? Sent(params string[] names) => placeholders.FirstOrDefault(p => names.Contains(p.Placeholder)).Sent;

        var clock = new VirtualClock(new FakeTimeProvider(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var cloud = new CloudContext(Account, Region, clock, seed: 1);
        var behaviours = testCase["lambdas"]!.AsArray().ToDictionary(
            l => l!["function_name"]!.GetValue<string>(),
            l => l!["behaviour"]!.GetValue<string>());
        var engine = new StepFunctionsEngine(cloud, new CaseLambdas(behaviours, cloud));
        var scope = new RequestScope(Account, Region);

        var type = testCase["state_machine_type"]!.GetValue<string>();
        CreateStateMachineOutput created;
        try
        {
            created = engine.CreateStateMachine(scope, new CreateStateMachineInput
            {
                Name = Sent("<ArnPart_0idx>") ?? "conformance_machine",
                Definition = testCase["definition"]!.ToJsonString(),
                RoleArn = Sent("snf_role_arn", "sfn_role_arn") ?? $"arn:aws:iam::{Account}:role/sfn_role",
                Type = type,
            });
        }
        catch (AwsServiceException e)
        {
            return $"CreateStateMachine failed: {e.Code}: {e.Message}";
        }
        var input = testCase["input"]?.GetValue<string>();
        var actual = new JsonObject();
        if (testCase["start_operation"]!.GetValue<string>() == "StartSyncExecution")
        {
            var result = await engine.StartSyncExecution(
                scope, new StartSyncExecutionInput { StateMachineArn = created.StateMachineArn, Input = input, Name = Sent("<ExecArnPart_0idx>") }, CancellationToken.None);
            actual["status"] = result.Status;
            SetOutcome(actual, result.Output, result.Error, result.Cause);
        }
        else
        {
            var started = engine.StartExecution(scope, new StartExecutionInput
            {
                StateMachineArn = created.StateMachineArn,
                Input = input,
                Name = Sent("<ExecArnPart_0idx>") ?? "conformance_execution",
            });
            if (expected["status"]!.GetValue<string>() == "ABORTED")
            {
                // The recording stopped the execution while it waited.
                await clock.RunUntilIdleAsync(TimeSpan.Zero);
                engine.StopExecution(scope, new StopExecutionInput { ExecutionArn = started.ExecutionArn });
            }
            await clock.RunUntilIdleAsync();
            var described = engine.DescribeExecution(scope, new DescribeExecutionInput { ExecutionArn = started.ExecutionArn });
            actual["status"] = described.Status;
            SetOutcome(actual, described.Output, described.Error, described.Cause);
            if (expected.ContainsKey("events") || expected.ContainsKey("event_types"))
            {
                var generic = testCase["transformers"]!.AsArray().Any(t => t!.GetValue<string>() == "GenericTransformer");
                var events = History(engine, scope, started.ExecutionArn!, generic);
                actual["events"] = events;
            }
        }
        Normalize(actual, placeholders);
        if (actual["events"] is JsonArray history)
        {
            if (testCase["transformers"]!.AsArray().Any(t => t!.GetValue<string>() == "SfnNoneRecursiveParallelTransformer"))
            {
                SortParallelEvents(history);
            }
            actual["event_types"] = new JsonArray(history.Select(e => (JsonNode?)e!["type"]!.GetValue<string>()).ToArray());
        }
        log?.WriteLine($"== {testCase["id"]}\n{actual.ToJsonString()}");
        var wildcards = new HashSet<string>(StringComparer.Ordinal) { "timestamp", "date" };
        if (testCase["transformers"]!.AsArray().Any(t => t!.GetValue<string>() == "JsonpathTransformer"))
        {
            // JsonpathTransformer put a name in place of each value it hid, for example RandomNumberGenerated.
            wildcards.Add("RandomNumberGenerated");
            wildcards.Add("map_run_arn");
        }
        var unverified = testCase["unverified_paths"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        var diff = new JsonDiff(unverified, wildcards);
        var expectedSubset = new JsonObject();
        foreach (var (key, value) in expected)
        {
            expectedSubset[key] = value?.DeepClone();
        }
        foreach (var key in actual.Select(m => m.Key).ToList())
        {
            if (!expectedSubset.ContainsKey(key))
            {
                actual.Remove(key);
            }
        }
        return diff.FirstDifference(expectedSubset, actual);
    }

    private static void SetOutcome(JsonObject actual, string? output, string? error, string? cause)
    {
        if (output is not null)
        {
            actual["output"] = JsonNode.Parse(output);
        }
        if (error is not null)
        {
            actual["error"] = error;
        }
        if (cause is not null)
        {
            actual["cause"] = cause.StartsWith('{') && TryParse(cause) is { } parsed ? parsed : cause;
        }
    }

    /// <summary>
    /// The history as JSON, normalised as the recording was: JSON objects in input, output, cause,
    /// parameters and assigned-variable strings are parsed; with GenericTransformer, every output
    /// that is JSON is.
    /// </summary>
    private static JsonArray History(StepFunctionsEngine engine, RequestScope scope, string executionArn, bool generic)
    {
        var events = new JsonArray();
        string? token = null;
        do
        {
            var page = engine.GetExecutionHistory(scope, new GetExecutionHistoryInput { ExecutionArn = executionArn, NextToken = token, MaxResults = 1000 });
            foreach (var e in page.Events!)
            {
                events.Add(JsonSerializer.SerializeToNode(e, SerializerOptions));
            }
            token = page.NextToken;
        }
        while (token is not null);
        foreach (var e in events)
        {
            var obj = e!.AsObject();
            obj["timestamp"] = "timestamp";
            foreach (var (key, value) in obj.ToList())
            {
                if (key.EndsWith("EventDetails", StringComparison.Ordinal) && value is JsonObject details)
                {
                    foreach (var field in new[] { "input", "output", "cause", "parameters" })
                    {
                        ParseMember(details, field, anyJson: generic && field == "output");
                    }
                    if (details["assignedVariables"] is JsonObject assigned)
                    {
                        foreach (var name in assigned.Select(m => m.Key).ToList())
                        {
                            ParseMember(assigned, name, anyJson: false);
                        }
                    }
                }
            }
        }
        return events;
    }

    private static void ParseMember(JsonObject obj, string member, bool anyJson)
    {
        if (obj[member] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            && (anyJson || value.GetValue<string>().StartsWith('{')) && TryParse(value.GetValue<string>()) is { } parsed)
        {
            obj[member] = parsed;
        }
    }

    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The README's normalisation: ARNs with <c>arn:&lt;partition&gt;:</c> and <c>&lt;region&gt;</c>, and each
    /// sent value replaced by its placeholder (a sent value that is a pattern replaces what it matches).
    /// </summary>
    private static void Normalize(JsonNode node, List<(string Sent, string Placeholder)> placeholders)
    {
        string Apply(string text)
        {
            foreach (var (sent, placeholder) in placeholders.OrderByDescending(p => p.Sent.Length))
            {
                text = sent.IndexOfAny(['[', '+', '*']) >= 0
                    ? System.Text.RegularExpressions.Regex.Replace(text, sent, placeholder)
                    : text.Replace(sent, placeholder, StringComparison.Ordinal);
            }
            return text.Replace("arn:aws:", "arn:<partition>:", StringComparison.Ordinal).Replace(Region, "<region>", StringComparison.Ordinal);
        }
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                    {
                        obj[key] = Apply(v.GetValue<string>());
                    }
                    else if (value is not null)
                    {
                        Normalize(value, placeholders);
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                    {
                        array[i] = Apply(v.GetValue<string>());
                    }
                    else if (array[i] is { } item)
                    {
                        Normalize(item, placeholders);
                    }
                }
                break;
        }
    }

    /// <summary>
    /// SfnNoneRecursiveParallelTransformer, as the recording tool applied it: the events after each
    /// ParallelStateStarted are given id [0] and previousEventId 0 and sorted by their JSON text,
    /// up to each Parallel terminal event. When a ParallelStateFailed is followed by the state's
    /// exit, the tool sorted the same range again up to the exit, which dropped the
    /// ParallelStateFailed event from the recording; this does the same.
    /// </summary>
    private static void SortParallelEvents(JsonArray events)
    {
        var list = events.Select(e => e!.DeepClone().AsObject()).ToList();
        var start = -1;
        var sublist = new List<JsonObject>();
        var inSublist = false;
        for (var i = 0; i < list.Count; i++)
        {
            var type = list[i]["type"]!.GetValue<string>();
            if (type is "ParallelStateSucceeded" or "ParallelStateAborted" or "ParallelStateExited" or "ParallelStateFailed")
            {
                if (start >= 0)
                {
                    var sorted = sublist.OrderBy(e => Sorted(e).ToJsonString(), StringComparer.Ordinal).Select(e => (JsonObject)e.DeepClone()).ToList();
                    list.RemoveRange(start, i - start);
                    list.InsertRange(start, sorted);
                    i = start + sorted.Count;
                }
                inSublist = false;
            }
            else if (type == "ParallelStateStarted")
            {
                inSublist = true;
                sublist = [];
                start = i + 1;
            }
            else if (inSublist)
            {
                list[i]["id"] = new JsonArray(0);
                list[i]["previousEventId"] = 0;
                sublist.Add(list[i]);
            }
        }
        events.Clear();
        foreach (var e in list)
        {
            events.Add(e);
        }
    }

    private static JsonNode Sorted(JsonNode node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => KeyValuePair.Create(m.Key, m.Value is null ? null : Sorted(m.Value)))),
        JsonArray array => new JsonArray(array.Select(i => i is null ? null : Sorted(i)).ToArray()),
        _ => node.DeepClone(),
    };
}
