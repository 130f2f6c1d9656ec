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

    public long Total => Items.Length;

    /// <summary>How many times a redrive of the parent execution redrove this Map Run.</summary>
    public int RedriveCount { get; set; }

    /// <summary>When the Map Run was last redriven.</summary>
    public DateTimeOffset? RedriveDate { get; set; }

    /// <summary>The child executions, in the order they started (an Express child rerun by a redrive is a new one).</summary>
    public List<ExecutionRecord> Executions { get; } = [];

    /// <summary>For each child input, the execution that processes it now; null until it starts.</summary>
    public required ExecutionRecord?[] Items { get; init; }

    /// <summary>How many of the current child executions have <paramref name="status"/>; lock the record first.</summary>
    public long Count(string status) => Items.Count(e => e?.Status == status);
}
