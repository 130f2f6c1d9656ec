using System.Globalization;
using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;
using FakeAws.Engine.StepFunctions.Runtime;

namespace FakeAws.Engine.StepFunctions.Asl.States;

/// <summary>How a Map state batches items for its child executions (distributed mode).</summary>
internal sealed class ItemBatcher
{
    public long? MaxItemsPerBatch { get; init; }

    public JsonPath? MaxItemsPerBatchPath { get; init; }

    public long? MaxInputBytesPerBatch { get; init; }

    public JsonPath? MaxInputBytesPerBatchPath { get; init; }

    public PayloadTemplate? BatchInput { get; init; }
}

/// <summary>
/// Runs its item processor once per item of an array. Inline mode runs the iterations inside this
/// execution's history; distributed mode runs each as a child execution of a Map Run, tolerating
/// failures up to ToleratedFailureCount/Percentage.
/// </summary>
internal sealed partial class MapState : ExecutionStateNode
{
    public override string Type => "Map";

    public required AslProgram ItemProcessor { get; init; }

    /// <summary>True in DISTRIBUTED mode.</summary>
    public bool Distributed { get; init; }

    /// <summary>STANDARD or EXPRESS: the type of a distributed Map's child executions.</summary>
    public string ExecutionType { get; init; } = "STANDARD";

    public JsonPath? ItemsPath { get; init; }

    public PayloadTemplate? ItemSelector { get; init; }

    public int? MaxConcurrency { get; init; }

    public JsonPath? MaxConcurrencyPath { get; init; }

    public long? ToleratedFailureCount { get; init; }

    public JsonPath? ToleratedFailureCountPath { get; init; }

    public double? ToleratedFailurePercentage { get; init; }

    public JsonPath? ToleratedFailurePercentagePath { get; init; }

    public ItemBatcher? ItemBatcher { get; init; }

    public string? Label { get; init; }

    /// <summary>JSONata: the items, an expression or an array; the state's input when absent.</summary>
    public JsonataTemplate? Items { get; init; }

    /// <summary>JSONata: the input of each iteration, with <c>$states.context.Map.Item</c>.</summary>
    public JsonataTemplate? JsonataItemSelector { get; init; }

    /// <summary>JSONata: MaxConcurrency written as an expression.</summary>
    public JsonataTemplate? MaxConcurrencyExpression { get; init; }

    /// <summary>JSONata: ToleratedFailureCount written as an expression.</summary>
    public JsonataTemplate? ToleratedFailureCountExpression { get; init; }

    /// <summary>JSONata: ToleratedFailurePercentage written as an expression.</summary>
    public JsonataTemplate? ToleratedFailurePercentageExpression { get; init; }

    protected override async Task<JsonNode?> AttemptAsync(StateRun run, JsonNode? input)
    {
        var maxConcurrency = MaxConcurrency ?? (int)(ReadCount(run, input, MaxConcurrencyPath, "MaxConcurrency") ?? EvaluateCount(run, input, MaxConcurrencyExpression) ?? 0);
        var items = SelectItems(run, input);
        run.Run.History.Add(run.Frame.Cursor, "MapStateStarted", HistoryEvents.MapStateStarted(items.Count));
        JsonArray results;
        if (Distributed)
        {
            var toleratedCount = ToleratedFailureCount ?? ReadCount(run, input, ToleratedFailureCountPath, "ToleratedFailureCount")
                ?? EvaluateCount(run, input, ToleratedFailureCountExpression);
            var toleratedPercentage = ToleratedFailurePercentage ?? ReadPercentage(run, input)
                ?? (ToleratedFailurePercentageExpression is null ? null : JsonValues.AsDouble(run.Evaluate(
                    ToleratedFailurePercentageExpression, run.StatesVariable(input), "number", v => JsonValues.IsNumber(v) && JsonValues.AsDouble(v!) is >= 0 and <= 100)!));
            results = await RunDistributedAsync(run, input, items, maxConcurrency, toleratedCount, toleratedPercentage);
        }
        else
        {
            results = await RunInlineAsync(run, input, items, maxConcurrency);
        }
        run.Run.History.Add(run.Frame.Cursor, "MapStateSucceeded", moveSource: false);
        return results;
    }

    protected override void OnFailed(StateRun run) => run.Run.History.Add(run.Frame.Cursor, "MapStateFailed");

    private JsonArray SelectItems(StateRun run, JsonNode? input)
    {
        if (IsJsonata)
        {
            if (Items is not null)
            {
                return (JsonArray)run.Evaluate(Items, run.StatesVariable(input), "array", v => v is JsonArray)!;
            }
            return input as JsonArray ?? throw run.QueryError(null, $"Map state input must be an array but was: {JsonValues.Serialize(input)}");
        }
        JsonNode? items = input;
        if (ItemsPath is not null)
        {
            try
            {
                items = run.For(input).Select(ItemsPath);
            }
            catch (JsonPathNotFoundException e)
            {
                throw run.RuntimeError($"Invalid path '{ItemsPath.Text}' : {e.Message}");
            }
        }
        return items as JsonArray
            ?? throw run.RuntimeError($"Map state input must be an array but was: {JsonValues.Serialize(items)}");
    }

    /// <summary>The input of one iteration: the item, or the ItemSelector (legacy Parameters) built with <c>$$.Map.Item</c>.</summary>
    private JsonNode? IterationInput(StateRun run, JsonNode? input, Frame frame, JsonNode? item, int index)
    {
        frame.Context["Map"] = new JsonObject
        {
            ["Item"] = new JsonObject { ["Index"] = index, ["Value"] = JsonValues.Clone(item) },
        };
        if (IsJsonata)
        {
            return JsonataItemSelector is null
                ? JsonValues.Clone(item)
                : run.Evaluate(JsonataItemSelector, run.StatesVariable(input, frame: frame), frame);
        }
        var selector = ItemSelector ?? Parameters;
        return selector is null ? JsonValues.Clone(item) : selector.Evaluate(run.For(input, frame));
    }

    private async Task<JsonArray> RunInlineAsync(StateRun run, JsonNode? input, JsonArray items, int maxConcurrency)
    {
        var history = run.Run.History;
        var results = new JsonNode?[items.Count];
        var frames = new Frame?[items.Count];
        var succeeded = new bool[items.Count];
        // A redrive reruns only the iterations that did not succeed, each from where it stopped.
        var previous = run.Frame.TakeRedriven(Name)?.Branches;
        var pending = Enumerable.Range(0, items.Count).Where(i => previous?.ElementAtOrDefault(i) is not { Succeeded: true }).ToList();
        foreach (var done in Enumerable.Range(0, items.Count).Except(pending))
        {
            (results[done], succeeded[done]) = (JsonValues.Clone(previous![done]!.Output), true);
        }
        var next = 0;
        StatesFailure? failure = null;
        using var group = CancellationTokenSource.CreateLinkedTokenSource(run.Frame.Cancellation);
        var workers = Math.Min(maxConcurrency <= 0 ? pending.Count : maxConcurrency, pending.Count);
        var cursors = new List<HistoryCursor>();

        async Task WorkAsync(HistoryCursor worker)
        {
            while (failure is null && !group.IsCancellationRequested)
            {
                if (next >= pending.Count)
                {
                    return;
                }
                var index = pending[next++];
                var stopped = previous?.ElementAtOrDefault(index)?.Frame;
                var frame = frames[index] = stopped is null ? run.Frame.Branch(group.Token, cursor: worker.Branch()) : run.Frame.Resume(stopped, group.Token, worker.Branch());
                history.Add(frame.Cursor, "MapIterationStarted", HistoryEvents.MapIterationStarted(Name, index));
                try
                {
                    results[index] = frame.CurrentState is { } resumeAt
                        ? await ProgramRunner.RunAsync(frame, ItemProcessor, frame.CurrentInput, resumeAt)
                        : await ProgramRunner.RunAsync(frame, ItemProcessor, IterationInput(run, input, frame, items[index], index));
                    succeeded[index] = true;
                    history.Add(frame.Cursor, "MapIterationSucceeded", HistoryEvents.MapIterationSucceeded(Name, index), moveSource: false);
                }
                catch (StatesFailure e)
                {
                    history.Add(frame.Cursor, "MapIterationFailed", HistoryEvents.MapIterationFailed(Name, index), moveSource: false);
                    failure ??= e;
                    group.Cancel();
                }
                catch (OperationCanceledException) when (group.IsCancellationRequested && !run.Frame.Cancellation.IsCancellationRequested)
                {
                    history.Add(frame.Cursor, "MapIterationAborted", HistoryEvents.MapIterationAborted(Name, index), moveSource: false);
                }
                worker.Integrate(frame.Cursor);
                if (next >= pending.Count && failure is null)
                {
                    // The last iteration's closing event is what the Map state's next events follow.
                    worker.Source = frame.Cursor.LastWritten;
                }
            }
        }

        var tasks = new List<Task>();
        for (var i = 0; i < workers; i++)
        {
            var cursor = run.Frame.Cursor.Branch();
            cursors.Add(cursor);
            tasks.Add(WorkAsync(cursor));
        }
        await Task.WhenAll(tasks);
        foreach (var cursor in cursors)
        {
            run.Frame.Cursor.Integrate(cursor);
        }
        run.Frame.Unfinished = new UnfinishedState(Name)
        {
            Branches = frames.Select((f, i) => succeeded[i] ? new BranchOutcome(f ?? run.Frame, true, results[i]) : f is null ? null : new BranchOutcome(f, false, null)).ToList(),
        };
        run.Frame.Cancellation.ThrowIfCancellationRequested();
        if (failure is not null)
        {
            throw new StatesFailure(failure.Error, failure.Cause);
        }
        return new JsonArray(results);
    }

    private static long? EvaluateCount(StateRun run, JsonNode? input, JsonataTemplate? expression) =>
        expression is null
            ? null
            : JsonValues.TryGetInteger(run.Evaluate(expression, run.StatesVariable(input), "integer", v => JsonValues.TryGetInteger(v, out var n) && n >= 0), out var count)
                ? count
                : null;

    private long? ReadCount(StateRun run, JsonNode? input, JsonPath? path, string field)
    {
        if (path is null)
        {
            return null;
        }
        var value = Select(run, input, path);
        if (!TryReadInteger(value, out var count))
        {
            throw run.RuntimeError($"The {field}Path field refers to value \"{Show(value)}\" which is not a valid integer: {path.Text}");
        }
        if (count < 0)
        {
            throw run.RuntimeError($"{field} cannot be negative.");
        }
        return count;
    }

    private double? ReadPercentage(StateRun run, JsonNode? input)
    {
        if (ToleratedFailurePercentagePath is not { } path)
        {
            return null;
        }
        var value = Select(run, input, path);
        var text = JsonValues.AsString(value) ?? (JsonValues.IsNumber(value) ? value!.ToJsonString() : null);
        if (text is null || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var percentage))
        {
            throw run.RuntimeError(
                $"The ToleratedFailurePercentagePath field refers to value \"{Show(value)}\" which is not a valid float: {path.Text}");
        }
        if (percentage is < 0 or > 100)
        {
            throw run.RuntimeError("ToleratedFailurePercentage must be between 0 and 100.");
        }
        return percentage;
    }

    /// <summary>An integer, or a string holding one (AWS accepts both from a path).</summary>
    private static bool TryReadInteger(JsonNode? value, out long integer)
    {
        if (JsonValues.TryGetInteger(value, out integer))
        {
            return true;
        }
        return JsonValues.AsString(value) is { } text
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out integer);
    }

    private static string Show(JsonNode? value) => JsonValues.AsString(value) ?? JsonValues.Serialize(value);

    private static JsonNode? Select(StateRun run, JsonNode? input, JsonPath path)
    {
        try
        {
            return run.For(input).Select(path);
        }
        catch (JsonPathNotFoundException e)
        {
            throw run.RuntimeError($"Invalid path '{path.Text}' : {e.Message}");
        }
    }
}
