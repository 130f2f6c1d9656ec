using System.Text.Json;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Lambda;

// Asynchronous invocation: the event queue on the cloud's scheduler, retries with AWS's back-off,
// the maximum event age, and on-success and on-failure destinations.
internal sealed partial class LambdaEngine
{
    /// <summary>Between the attempts of a failing event: one minute, then two (AWS's schedule).</summary>
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)];

    /// <summary>A throttled event goes back to the queue; the wait doubles from one second up to five minutes.</summary>
    private static readonly TimeSpan FirstThrottleDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxThrottleDelay = TimeSpan.FromMinutes(5);

    /// <summary>One queued event. Retries keep its request id, as in AWS.</summary>
    private sealed record AsyncEvent(RequestScope Scope, string FunctionNameOrArn, string? Qualifier, byte[] Payload, string RequestId, string? ClientContext, DateTimeOffset EnqueuedAt)
    {
        public int Attempts { get; set; }

        public int Throttles { get; set; }
    }

    private void Enqueue(AsyncEvent queued, DateTimeOffset due) =>
        _cloud.Scheduler.Schedule(due, () => RunEventAsync(queued), $"lambda event {queued.FunctionNameOrArn}");

    private async Task RunEventAsync(AsyncEvent queued)
    {
        InvokeTarget target;
        try
        {
            target = ResolveTarget(queued.Scope, queued.FunctionNameOrArn, queued.Qualifier);
        }
        catch (AwsServiceException)
        {
            return; // The function, alias or version is gone: the event has nowhere to go.
        }
        var settings = EventSettingsFor(target);
        if (ReservedConcurrencyOf(target) == 0)
        {
            // A function that may not run at all fails the event at once, without waiting out its age.
            Deliver(target, queued, settings.OnFailure, "ZeroReservedConcurrency", outcome: null);
            return;
        }
        if (Now - queued.EnqueuedAt > TimeSpan.FromSeconds(settings.MaximumEventAgeInSeconds ?? LambdaLimits.DefaultMaximumEventAgeInSeconds))
        {
            Deliver(target, queued, settings.OnFailure, "EventAgeExceeded", outcome: null);
            return;
        }
        ConcurrencyLease lease;
        try
        {
            lease = AcquireLease(target);
        }
        catch (AwsServiceException)
        {
            var delay = FirstThrottleDelay * Math.Pow(2, Math.Min(queued.Throttles, 20));
            queued.Throttles++;
            Enqueue(queued, Now + (delay < MaxThrottleDelay ? delay : MaxThrottleDelay));
            return;
        }
        queued.Attempts++;
        ExecutionOutcome outcome;
        try
        {
            outcome = await ExecuteAsync(target, queued.Payload, queued.RequestId, queued.ClientContext, lease.ProvisionedKey is not null).ConfigureAwait(false);
        }
        finally
        {
            lease.Release();
        }
        if (outcome.FunctionError is null)
        {
            Deliver(target, queued, settings.OnSuccess, "Success", outcome);
        }
        else if (queued.Attempts <= (settings.MaximumRetryAttempts ?? LambdaLimits.DefaultMaximumRetryAttempts))
        {
            Enqueue(queued, Now + RetryDelays[Math.Min(queued.Attempts, RetryDelays.Length) - 1]);
        }
        else
        {
            Deliver(target, queued, settings.OnFailure, "RetriesExhausted", outcome);
        }
    }

    private static int? ReservedConcurrencyOf(InvokeTarget target)
    {
        lock (target.Region.Gate)
        {
            return target.Function.ReservedConcurrency;
        }
    }

    /// <summary>The settings of the qualifier the event was sent to, or AWS's defaults.</summary>
    private static EventInvokeSettings EventSettingsFor(InvokeTarget target)
    {
        lock (target.Region.Gate)
        {
            return target.Function.EventInvokeConfigs.TryGetValue(target.Qualifier, out var settings)
                ? settings
                : new EventInvokeSettings(null, null, null, null, default);
        }
    }

    /// <summary>
    /// Sends AWS's invocation record to a destination function, asynchronously. Destinations of other
    /// services (SQS, SNS, EventBridge, S3) are not in FakeAws yet, so their records are dropped.
    /// </summary>
    private void Deliver(InvokeTarget target, AsyncEvent queued, string? destination, string condition, ExecutionOutcome? outcome)
    {
        var parts = destination?.Split(':');
        if (parts is not { Length: >= 7 } || parts[0] != "arn" || parts[2] != "lambda" || parts[5] != "function")
        {
            return;
        }
        var reference = FunctionArns.Parse(destination!);
        var record = InvocationRecord(target, queued, condition, outcome);
        Enqueue(new AsyncEvent(new RequestScope(reference.Account!, reference.Region!), reference.Name, reference.Qualifier, record, _cloud.Ids.NewGuid().ToString(), null, Now), Now);
    }

    /// <summary>AWS's invocation record: the request, the response and why it was sent.</summary>
    private byte[] InvocationRecord(InvokeTarget target, AsyncEvent queued, string condition, ExecutionOutcome? outcome)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("version", "1.0");
            writer.WriteString("timestamp", Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteStartObject("requestContext");
            writer.WriteString("requestId", queued.RequestId);
            writer.WriteString("functionArn", FunctionArns.Qualified(target.Function.Scope, target.Function.Name, target.Qualifier));
            writer.WriteString("condition", condition);
            writer.WriteNumber("approximateInvokeCount", queued.Attempts);
            writer.WriteEndObject();
            writer.WritePropertyName("requestPayload");
            WriteJsonOrString(writer, queued.Payload);
            if (outcome is not null)
            {
                writer.WriteStartObject("responseContext");
                writer.WriteNumber("statusCode", 200);
                writer.WriteString("executedVersion", target.Version.Version);
                if (outcome.FunctionError is { } error)
                {
                    writer.WriteString("functionError", error);
                }
                writer.WriteEndObject();
                writer.WritePropertyName("responsePayload");
                WriteJsonOrString(writer, outcome.Payload);
            }
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>A payload that is JSON goes in as JSON; anything else as a string (none at all as null).</summary>
    private static void WriteJsonOrString(Utf8JsonWriter writer, byte[] payload)
    {
        if (payload.Length == 0)
        {
            writer.WriteNullValue();
            return;
        }
        try
        {
            using var document = JsonDocument.Parse(payload);
            document.RootElement.WriteTo(writer);
        }
        catch (JsonException)
        {
            writer.WriteStringValue(System.Text.Encoding.UTF8.GetString(payload));
        }
    }
}
