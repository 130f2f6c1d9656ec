using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda.Filtering;
using FakeAws.Engine.Lambda.Model;

namespace FakeAws.Engine.Lambda;

/// <summary>
/// One event source mapping: its settings as the API shows them, and where its deliveries stand.
/// All members are used under the region's lock, except by the one delivery that runs at a time.
/// </summary>
internal sealed class EventSourceMapping
{
    public required string Uuid { get; init; }
    public required string Arn { get; init; }
    public required RequestScope Scope { get; init; }
    public required string EventSourceArn { get; init; }
    public required IEventSourcePoller Poller { get; init; }
    public required string StartingPosition { get; init; }

    /// <summary>The function's name, as AWS's duplicate-mapping message quotes it.</summary>
    public required string FunctionName { get; set; }

    /// <summary>The function's ARN, qualified when the mapping names a version or alias.</summary>
    public required string FunctionArn { get; set; }

    public int BatchSize { get; set; }
    public int MaximumBatchingWindowInSeconds { get; set; }
    public int MaximumRetryAttempts { get; set; } = -1;
    public int MaximumRecordAgeInSeconds { get; set; } = -1;
    public bool BisectBatchOnFunctionError { get; set; }
    public List<string> FunctionResponseTypes { get; set; } = [];
    public DestinationConfig DestinationConfig { get; set; } = new() { OnFailure = new OnFailure() };
    public int ParallelizationFactor { get; set; } = 1;
    public int TumblingWindowInSeconds { get; set; }

    /// <summary>The mapping's FilterCriteria; null delivers every record.</summary>
    public EventFilter? Filter { get; set; }

    public bool Enabled { get; set; }
    public DateTimeOffset LastModified { get; set; }
    public string LastProcessingResult { get; set; } = "No records processed";

    /// <summary>The state shown while a change is settling (Creating, Updating, Enabling, Disabling).</summary>
    public string Transition { get; set; } = "Creating";

    /// <summary>When the last change has settled; deliveries wait for it.</summary>
    public DateTimeOffset ReadyAt { get; set; }

    public bool Deleted { get; set; }

    /// <summary>Where the next batch starts, in the poller's terms.</summary>
    public required string Position { get; set; }

    /// <summary>Failed attempts of the batch at <see cref="Position"/>.</summary>
    public int Attempts { get; set; }

    /// <summary>The most records of the next batch: the batch size, or less while a failed batch is bisected.</summary>
    public int BatchLimit { get; set; }

    /// <summary>Records left of a bisected batch, each half retried on its own; zero when none is being bisected.</summary>
    public int Remaining { get; set; }

    /// <summary>
    /// The delivery queued on the scheduler, if any. Kept as the scheduler's work rather than a flag because
    /// a snapshot leaves pending work out: a restored mapping has none queued, and the next record queues one.
    /// </summary>
    public ScheduledWork? Delivery { get; set; }

    /// <summary>A delivery is running.</summary>
    public bool Busy { get; set; }

    /// <summary>Records arrived while a delivery was running: look again when it ends.</summary>
    public bool Pending { get; set; }
}
