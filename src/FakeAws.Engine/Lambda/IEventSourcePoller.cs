using FakeAws.Engine.Core;

namespace FakeAws.Engine.Lambda;

/// <summary>
/// The port through which a service whose records Lambda polls (DynamoDB Streams first; Kinesis and
/// SQS later) will plug into event source mappings. The Lambda engine will own the mappings (the
/// Create/Get/Update/Delete/ListEventSourceMappings operations, batching, retries, bisection,
/// destinations); a poller only reads its service's records and shapes them as AWS's event JSON.
/// </summary>
/// <remarks>
/// Not wired yet: the mapping operations answer that FakeAws does not support them until the
/// DynamoDB Streams engine registers a poller. There is no polling on a timer: the streams engine
/// will tell the Lambda engine when it appends records to a stream, and Lambda will schedule a
/// delivery for each enabled mapping of that stream. Deliveries run on the cloud's scheduler and call
/// <see cref="LambdaEngine.InvokeFunctionAsync"/> with <see cref="LambdaInvocationType.RequestResponse"/>,
/// so <c>RunUntilIdleAsync()</c> after a write has run the trigger.
/// </remarks>
internal interface IEventSourcePoller
{
    /// <summary>Whether this poller reads the stream or queue <paramref name="eventSourceArn"/> (for example a DynamoDB stream ARN).</summary>
    bool Handles(string eventSourceArn);

    /// <summary>Checks that the source exists and the mapping's settings suit it; throws AWS's error if not.</summary>
    void Validate(RequestScope scope, string eventSourceArn, string? startingPosition, int batchSize);

    /// <summary>
    /// Reads up to <paramref name="batchSize"/> records after <paramref name="position"/> (null: the
    /// mapping's starting position) and returns them as one event payload, with the position after them;
    /// null when there is nothing new.
    /// </summary>
    EventSourceBatch? Read(RequestScope scope, string eventSourceArn, string? position, string startingPosition, int batchSize);
}

/// <summary>One batch of records as the event payload Lambda sends, and where the next read starts.</summary>
internal sealed record EventSourceBatch(byte[] Payload, int RecordCount, string NextPosition);
