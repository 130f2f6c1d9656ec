using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;
using FakeAws.Engine.StepFunctions.Runtime;

namespace FakeAws.Engine.StepFunctions.Asl.States;

// Distributed mode: a Map Run whose child executions each process one item (or one batch).
internal sealed partial class MapState
{
    private const string ThresholdCause = "The specified tolerance threshold was exceeded.";

    private async Task<JsonArray> RunDistributedAsync(
        StateRun run, JsonNode? input, JsonArray items, int maxConcurrency, long? toleratedCount, double? toleratedPercentage)
    {
        var engine = run.Run.Engine;
        var history = run.Run.History;
        var inputs = ChildInputs(run, input, items);
        // A redrive of the parent redrives the Map Run: the children that succeeded keep their
        // results, Standard children that did not are redriven, Express ones started again.
        var mapRun = run.Frame.TakeRedriven(Name)?.MapRun;
        if (mapRun is not null && mapRun.Total == inputs.Count)
        {
            if (!engine.TryRedriveMapRun(mapRun))
            {
                throw run.RuntimeError($"The Map Run {mapRun.Arn} has been redriven the maximum number of times.");
            }
            history.Add(run.Frame.Cursor, "MapRunRedriven", HistoryEvents.MapRunRedriven(mapRun.Arn, mapRun.RedriveCount));
        }
        else
        {
            mapRun = engine.CreateMapRun(run.Run, Label, maxConcurrency, toleratedCount ?? 0, toleratedPercentage ?? 0, inputs.Count);
            history.Add(run.Frame.Cursor, "MapRunStarted", HistoryEvents.MapRunStarted(mapRun.Arn));
        }
        run.Frame.Unfinished = new UnfinishedState(Name) { MapRun = mapRun };
        var results = new JsonNode?[inputs.Count];
        var failed = 0;
        var next = 0;
        var workers = Math.Min(maxConcurrency <= 0 ? inputs.Count : maxConcurrency, inputs.Count);

        async Task WorkAsync()
        {
            while (true)
            {
                var index = next++;
                if (index >= inputs.Count)
                {
                    return;
                }
                var child = mapRun.Items[index] switch
                {
                    { Status: "SUCCEEDED" } done => done,
                    { Type: "STANDARD", LastAttempt: not null, IsClosed: true } stopped => await engine.RedriveMapRunChildAsync(stopped, run.Frame.Cancellation),
                    _ => await engine.RunMapRunChildAsync(run.Run, mapRun, index, ItemProcessor, ExecutionType, inputs[index], run.Frame.Cancellation),
                };
                if (child.Status == "SUCCEEDED")
                {
                    results[index] = child.Output is null ? null : JsonValues.Parse(child.Output);
                }
                else
                {
                    failed++;
                    results[index] = new JsonObject { ["Error"] = child.Error, ["Cause"] = child.Cause };
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => WorkAsync()));
        run.Frame.Cancellation.ThrowIfCancellationRequested();
        var exceeded = failed > 0 && (toleratedCount is null && toleratedPercentage is null
            || toleratedCount is { } count && failed > count
            || toleratedPercentage is { } percentage && failed * 100.0 / inputs.Count > percentage);
        if (exceeded)
        {
            engine.CloseMapRun(mapRun, "FAILED");
            history.Add(run.Frame.Cursor, "MapRunFailed", HistoryEvents.MapRunFailed(StatesErrors.ExceedToleratedFailureThreshold, ThresholdCause));
            throw new StatesFailure(StatesErrors.ExceedToleratedFailureThreshold, ThresholdCause);
        }
        engine.CloseMapRun(mapRun, "SUCCEEDED");
        history.Add(run.Frame.Cursor, "MapRunSucceeded");
        return new JsonArray(results);
    }

    /// <summary>The input of each child execution: each item through ItemSelector, grouped by ItemBatcher when it is set.</summary>
    private List<JsonNode?> ChildInputs(StateRun run, JsonNode? input, JsonArray items)
    {
        var selected = new List<JsonNode?>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var scratch = run.Frame.Branch(run.Frame.Cancellation);
            selected.Add(IterationInput(run, input, scratch, items[i], i));
        }
        if (ItemBatcher is not { } batcher)
        {
            return selected;
        }
        var maxItems = batcher.MaxItemsPerBatch ?? ReadCount(run, input, batcher.MaxItemsPerBatchPath, "MaxItemsPerBatch") ?? long.MaxValue;
        var maxBytes = batcher.MaxInputBytesPerBatch ?? ReadCount(run, input, batcher.MaxInputBytesPerBatchPath, "MaxInputBytesPerBatch") ?? StateRun.MaxPayloadBytes;
        var batchInput = batcher.BatchInput?.Evaluate(run.For(input));
        var batches = new List<JsonNode?>();
        JsonArray? current = null;
        foreach (var item in selected)
        {
            if (current is null || current.Count >= maxItems
                || JsonValues.Utf8Size(current) + JsonValues.Utf8Size(item) + 1 > maxBytes)
            {
                current = [];
                var batch = new JsonObject();
                if (batchInput is not null)
                {
                    batch["BatchInput"] = JsonValues.Clone(batchInput);
                }
                batch["Items"] = current;
                batches.Add(batch);
            }
            current.Add(item);
        }
        return batches;
    }
}
