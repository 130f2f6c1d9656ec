using System.Text.Json;
using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda.Model;

namespace FakeAws.Engine.Lambda;

// Deliveries of event source mappings: when a source has new records, each enabled mapping of it
// gets a delivery on the cloud's scheduler (after its batching window), which reads a batch, invokes
// the function synchronously and moves the mapping's position on, or retries, bisects or gives up
// as the mapping's settings say. One delivery of a mapping runs at a time, so batches stay in order.
internal sealed partial class LambdaEngine
{
    /// <summary>The wait before the first retry of a failed batch; it doubles with each attempt.</summary>
    private static readonly TimeSpan FirstBatchRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between retries of a failed batch.</summary>
    private static readonly TimeSpan MaxBatchRetryDelay = TimeSpan.FromMinutes(1);

    /// <summary>What a delivery leaves to do.</summary>
    private enum DeliveryOutcome
    {
        /// <summary>Nothing was read: wait for the source to report new records.</summary>
        Idle,

        /// <summary>A batch was handled (delivered or given up): read on at once.</summary>
        ReadOn,

        /// <summary>The batch failed and is retried after a back-off.</summary>
        Retry,
    }

    /// <summary>
    /// The source <paramref name="eventSourceArn"/> of <paramref name="scope"/> has new records: each
    /// enabled mapping of it schedules a delivery after its batching window. Called by the source
    /// while it holds its own locks, so it only schedules.
    /// </summary>
    public void OnEventSourceRecords(RequestScope scope, string eventSourceArn)
    {
        var region = Region(scope);
        lock (region.Gate)
        {
            foreach (var mapping in region.EventSourceMappings.Values)
            {
                if (mapping.EventSourceArn == eventSourceArn && mapping.Enabled)
                {
                    ScheduleDelivery(mapping, Now + TimeSpan.FromSeconds(mapping.MaximumBatchingWindowInSeconds));
                }
            }
        }
    }

    /// <summary>Queues a delivery of <paramref name="mapping"/> (not before its last change settles); the caller holds the region's lock.</summary>
    private void ScheduleDelivery(EventSourceMapping mapping, DateTimeOffset due)
    {
        if (mapping.Busy)
        {
            mapping.Pending = true;
            return;
        }
        if (mapping.Delivery is not null)
        {
            return;
        }
        var at = due < mapping.ReadyAt ? mapping.ReadyAt : due;
        mapping.Delivery = _cloud.Scheduler.Schedule(at, () => DeliverAsync(mapping), $"event source mapping {mapping.Uuid}");
    }

    private async Task DeliverAsync(EventSourceMapping mapping)
    {
        var region = Region(mapping.Scope);
        lock (region.Gate)
        {
            mapping.Delivery = null;
            if (mapping.Deleted || !mapping.Enabled)
            {
                return;
            }
            mapping.Busy = true;
            mapping.Pending = false;
        }
        var outcome = DeliveryOutcome.Idle;
        try
        {
            outcome = await DeliverBatchAsync(mapping).ConfigureAwait(false);
        }
        finally
        {
            lock (region.Gate)
            {
                mapping.Busy = false;
                if (!mapping.Deleted && mapping.Enabled)
                {
                    if (outcome == DeliveryOutcome.Retry)
                    {
                        var delay = FirstBatchRetryDelay * Math.Pow(2, Math.Min(mapping.Attempts - 1, 20));
                        ScheduleDelivery(mapping, Now + (delay < MaxBatchRetryDelay ? delay : MaxBatchRetryDelay));
                    }
                    else if (outcome == DeliveryOutcome.ReadOn || mapping.Pending)
                    {
                        ScheduleDelivery(mapping, Now);
                    }
                }
            }
        }
    }

    /// <summary>Reads one batch at the mapping's position, invokes the function with it, and settles the outcome.</summary>
    private async Task<DeliveryOutcome> DeliverBatchAsync(EventSourceMapping mapping)
    {
        var limit = mapping.Remaining > 0 ? Math.Min(mapping.BatchLimit, mapping.Remaining) : mapping.BatchSize;
        var read = mapping.Poller.Read(mapping.Scope, mapping.EventSourceArn, mapping.Position, limit);
        var records = read.Records.ToList();
        // Records older than MaximumRecordAgeInSeconds are skipped, as AWS discards them.
        var expired = records.TakeWhile(r => mapping.MaximumRecordAgeInSeconds >= 0
            && Now - r.Arrival > TimeSpan.FromSeconds(mapping.MaximumRecordAgeInSeconds)).Count();
        if (expired > 0)
        {
            Advance(mapping, records[expired - 1].NextPosition, expired);
            return DeliveryOutcome.ReadOn;
        }
        if (records.Count == 0)
        {
            mapping.Position = read.NextPosition;
            return DeliveryOutcome.Idle;
        }
        // Records no filter matches are not delivered: the mapping reads past them as if processed.
        var delivered = mapping.Filter is { } filter ? records.FindAll(r => filter.Passes(r.Json)) : records;
        var failedAt = delivered.Count == 0 ? null : await InvokeBatchAsync(mapping, delivered).ConfigureAwait(false);
        if (failedAt is null)
        {
            Advance(mapping, records[^1].NextPosition, records.Count);
            mapping.LastProcessingResult = delivered.Count == 0 ? mapping.LastProcessingResult : "OK";
            return DeliveryOutcome.ReadOn;
        }
        records = delivered;
        // A partial batch response moves the checkpoint to the first failed record; the rest is retried.
        if (failedAt > 0)
        {
            Advance(mapping, records[failedAt.Value].Position, failedAt.Value, keepAttempts: true);
            records = records[failedAt.Value..];
        }
        mapping.LastProcessingResult = "PROBLEM: Function call failed";
        if (mapping.BisectBatchOnFunctionError && records.Count > 1 && failedAt == 0)
        {
            // Splitting a batch does not count towards the retry quota.
            mapping.Remaining = mapping.Remaining > 0 ? mapping.Remaining : records.Count;
            mapping.BatchLimit = (records.Count + 1) / 2;
            return DeliveryOutcome.ReadOn;
        }
        mapping.Attempts++;
        if (mapping.MaximumRetryAttempts >= 0 && mapping.Attempts > mapping.MaximumRetryAttempts)
        {
            // Retries used up: the batch is discarded and the mapping reads on.
            Advance(mapping, records[^1].NextPosition, records.Count);
            return DeliveryOutcome.ReadOn;
        }
        return DeliveryOutcome.Retry;
    }

    /// <summary>
    /// Invokes the mapping's function with <paramref name="records"/>. Returns null when the whole batch
    /// succeeded, else the index of the first record to retry: 0 for a failed invocation or an invalid
    /// partial batch response, the first failed record's index for a valid one.
    /// </summary>
    private async Task<int?> InvokeBatchAsync(EventSourceMapping mapping, List<EventSourceRecord> records)
    {
        using var payload = new MemoryStream();
        payload.Write("{\"Records\":["u8);
        for (var i = 0; i < records.Count; i++)
        {
            if (i > 0)
            {
                payload.WriteByte((byte)',');
            }
            payload.Write(records[i].Json);
        }
        payload.Write("]}"u8);
        InvocationResponse result;
        try
        {
            // Through the cloud's service calls, as any other service's invoke, made for the mapping.
            result = await _cloud.Services.InvokeLambdaAsync(
                mapping.Scope.As(new ServiceCaller("lambda.amazonaws.com", mapping.Arn)), mapping.FunctionArn, null, payload.ToArray()).ConfigureAwait(false);
        }
        catch (AwsServiceException)
        {
            return 0; // Throttled, not found or not active: the batch failed and is retried.
        }
        if (result.FunctionError is not null)
        {
            return 0;
        }
        return mapping.FunctionResponseTypes.Contains("ReportBatchItemFailures") ? FirstReportedFailure(result.Payload, records) : null;
    }

    /// <summary>
    /// Reads a partial batch response, as AWS does: no response, no list or an empty list is success;
    /// an item identifier that is missing, empty or not a sequence number of the batch fails it all;
    /// otherwise the lowest reported record is where the batch is retried from.
    /// </summary>
    private static int? FirstReportedFailure(byte[]? payload, List<EventSourceRecord> records)
    {
        if (payload is not { Length: > 0 })
        {
            return null;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            return 0;
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("batchItemFailures", out var failures)
                || failures.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            if (failures.ValueKind != JsonValueKind.Array)
            {
                return 0;
            }
            int? first = null;
            foreach (var failure in failures.EnumerateArray())
            {
                if (failure.ValueKind != JsonValueKind.Object
                    || !failure.TryGetProperty("itemIdentifier", out var identifier)
                    || identifier.ValueKind != JsonValueKind.String
                    || identifier.GetString() is not { Length: > 0 } sequence)
                {
                    return 0;
                }
                var index = records.FindIndex(r => r.SequenceNumber == sequence);
                if (index < 0)
                {
                    return 0;
                }
                first = first is null ? index : Math.Min(first.Value, index);
            }
            return first;
        }
    }

    /// <summary>Moves the checkpoint past <paramref name="count"/> records (to <paramref name="position"/>); a bisected batch counts them off.</summary>
    private static void Advance(EventSourceMapping mapping, string position, int count, bool keepAttempts = false)
    {
        mapping.Position = position;
        if (!keepAttempts)
        {
            mapping.Attempts = 0;
        }
        if (mapping.Remaining > 0)
        {
            mapping.Remaining = Math.Max(0, mapping.Remaining - count);
            if (mapping.Remaining == 0)
            {
                mapping.BatchLimit = mapping.BatchSize;
            }
        }
    }
}
