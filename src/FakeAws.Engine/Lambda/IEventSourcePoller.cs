using FakeAws.Engine.Core;

namespace FakeAws.Engine.Lambda;

/// <summary>
/// The port through which a service whose records Lambda polls (DynamoDB Streams; Kinesis and SQS
/// later) plugs into event source mappings. The Lambda engine owns the mappings (the
/// Create/Get/Update/Delete/ListEventSourceMappings operations, batching, retries, bisection, partial
/// batch responses); a poller only reads its service's records, each already shaped as one record of
/// AWS's event JSON.
/// </summary>
/// <remarks>
/// There is no polling on a timer: the source tells the Lambda engine when it appends records
/// (<see cref="LambdaEngine.OnEventSourceRecords"/>), and Lambda schedules a delivery for each enabled
/// mapping of that source. Deliveries run on the cloud's scheduler and invoke the function with
/// <see cref="LambdaInvocationType.RequestResponse"/>, so <c>RunUntilIdleAsync()</c> after a write has
/// run the trigger. Positions are the poller's own strings; Lambda only stores and hands them back.
/// </remarks>
internal interface IEventSourcePoller
{
    /// <summary>Whether this poller reads the stream or queue <paramref name="eventSourceArn"/> (for example a DynamoDB stream ARN).</summary>
    bool Handles(string eventSourceArn);

    /// <summary>
    /// Checks that the source exists and that <paramref name="startingPosition"/> suits it, and returns
    /// the position a new mapping starts reading at; throws AWS's error otherwise.
    /// </summary>
    string Start(RequestScope scope, string eventSourceArn, string? startingPosition);

    /// <summary>
    /// Reads up to <paramref name="limit"/> records from <paramref name="position"/> on. Records that
    /// have expired from the source are skipped, as AWS's pollers lose them.
    /// </summary>
    EventSourceRead Read(RequestScope scope, string eventSourceArn, string position, int limit);
}

/// <summary>One record of a source: its event JSON, its sequence number (the item identifier of partial batch responses) and where it sits.</summary>
/// <param name="Json">The record as one element of the event's <c>Records</c> array.</param>
/// <param name="SequenceNumber">The record's sequence number, as the function sees it.</param>
/// <param name="Arrival">When the record was written, in virtual time.</param>
/// <param name="Position">The position of the record itself: reading from it reads the record again.</param>
/// <param name="NextPosition">The position just after the record.</param>
internal sealed record EventSourceRecord(byte[] Json, string SequenceNumber, DateTimeOffset Arrival, string Position, string NextPosition);

/// <summary>What one read found: records in order, and where the next read starts.</summary>
internal sealed record EventSourceRead(IReadOnlyList<EventSourceRecord> Records, string NextPosition);
