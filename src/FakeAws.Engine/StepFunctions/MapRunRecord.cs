namespace FakeAws.Engine.StepFunctions;

/// <summary>A Map Run: the child executions a distributed Map state started, and their counts.</summary>
internal sealed class MapRunRecord
{
    public required string Arn { get; init; }

    public required string ExecutionArn { get; init; }

    /// <summary>The ARN child executions name as their state machine: the machine's ARN with the Map's label.</summary>
    public required string StateMachineArn { get; init; }

    public required string StateMachineName { get; init; }

    /// <summary>The Map's label, the last part of the state machine name children see.</summary>
    public required string Label { get; init; }

    public required DateTimeOffset StartDate { get; init; }

    public DateTimeOffset? StopDate { get; set; }

    /// <summary>RUNNING, SUCCEEDED, FAILED or ABORTED.</summary>
    public string Status { get; set; } = "RUNNING";

    public int MaxConcurrency { get; set; }

    public long ToleratedFailureCount { get; set; }

    public double ToleratedFailurePercentage { get; set; }

    public long Total { get; set; }

    public long Succeeded { get; set; }

    public long Failed { get; set; }

    public long Running { get; set; }

    /// <summary>The child executions, in the order they started.</summary>
    public List<ExecutionRecord> Executions { get; } = [];
}
