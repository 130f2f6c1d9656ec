using FakeAws.Engine.StepFunctions.Asl;
using FakeAws.Engine.StepFunctions.Model;

namespace FakeAws.Engine.StepFunctions;

/// <summary>The parts of a state machine that a version freezes and an execution runs.</summary>
internal sealed class StateMachineRevision
{
    public required string Definition { get; init; }

    public required StateMachineDefinition Parsed { get; init; }

    public required string RoleArn { get; init; }

    public required LoggingConfiguration Logging { get; init; }

    public required TracingConfiguration Tracing { get; init; }

    public EncryptionConfiguration? Encryption { get; init; }

    /// <summary>Changes whenever the definition, role, logging or tracing changes.</summary>
    public required string RevisionId { get; init; }

    /// <summary>True when another revision configures the same machine (CreateStateMachine's idempotency).</summary>
    public bool SameAs(StateMachineRevision other) =>
        Definition == other.Definition && RoleArn == other.RoleArn
        && Logging.Level == other.Logging.Level && (Logging.IncludeExecutionData ?? false) == (other.Logging.IncludeExecutionData ?? false)
        && (Tracing.Enabled ?? false) == (other.Tracing.Enabled ?? false);
}

/// <summary>A published version of a state machine.</summary>
internal sealed class StateMachineVersionRecord
{
    public required string Arn { get; init; }

    public required long Number { get; init; }

    public required StateMachineRevision Revision { get; init; }

    public string? Description { get; init; }

    public required DateTimeOffset CreationDate { get; init; }
}

/// <summary>An alias of a state machine: weights over one or two versions.</summary>
internal sealed class StateMachineAliasRecord
{
    public required string Arn { get; init; }

    public required string Name { get; init; }

    public string? Description { get; set; }

    public required List<RoutingConfigurationListItem> Routing { get; set; }

    public required DateTimeOffset CreationDate { get; init; }

    public DateTimeOffset? UpdateDate { get; set; }
}

/// <summary>A state machine: its current revision, its versions, aliases and tags.</summary>
internal sealed class StateMachineRecord
{
    public required string Arn { get; init; }

    public required string Name { get; init; }

    /// <summary>STANDARD or EXPRESS.</summary>
    public required string Type { get; init; }

    public required StateMachineRevision Current { get; set; }

    public required DateTimeOffset CreationDate { get; init; }

    public DateTimeOffset? UpdateDate { get; set; }

    public SortedDictionary<long, StateMachineVersionRecord> Versions { get; } = [];

    public long LastVersion { get; set; }

    public Dictionary<string, StateMachineAliasRecord> Aliases { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>Serialises changes to this machine, its versions and aliases.</summary>
    public object Gate { get; } = new();
}
