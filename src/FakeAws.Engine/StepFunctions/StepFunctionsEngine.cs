using System.Collections.Concurrent;
using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions.Runtime;

namespace FakeAws.Engine.StepFunctions;

/// <summary>
/// The in-memory Step Functions service: state machines with versions and aliases, and an
/// interpreter of the Amazon States Language, JSONPath and JSONata states alike, that runs
/// executions on the cloud's scheduler and virtual clock. It implements the generated
/// <see cref="Model.IStepFunctionsOperations"/>: one method per operation, named as AWS names it.
/// </summary>
/// <remarks>
/// Not implemented yet: JSONata beyond the subset <see cref="Jsonata.JsonataParser"/> describes
/// (definitions that use more are refused with an error naming the expression), redrive,
/// TestState, Distributed Map's ItemReader and ResultWriter (S3), CloudWatch logging and X-Ray
/// tracing (their settings are stored and described, nothing is emitted), and encryption with
/// customer keys. Express executions keep their history, which AWS does not. The coverage
/// document lists every operation.
/// </remarks>
internal sealed partial class StepFunctionsEngine : Model.IStepFunctionsOperations
{
    private readonly CloudContext _cloud;
    private readonly RegionalStore<Region> _regions;

    /// <summary>Creates the engine.</summary>
    /// <param name="cloud">The cloud's clock, scheduler and ids.</param>
    /// <param name="services">Where Task states send Lambda and other service calls; by default the cloud's own services.</param>
    public StepFunctionsEngine(CloudContext cloud, IStepFunctionsTaskServices? services = null)
    {
        _cloud = cloud;
        Services = services ?? new CloudTaskServices(cloud);
        _regions = new RegionalStore<Region>(_ => new Region());
    }

    /// <summary>Where Task states send Lambda and other service calls; a test may stand other services in.</summary>
    public IStepFunctionsTaskServices Services { get; set; }

    /// <summary>Canned Task results that tests register, by state machine and test case.</summary>
    public StepFunctionsMocks Mocks { get; } = new();

    /// <summary>The task tokens of running <c>.waitForTaskToken</c> tasks.</summary>
    internal TaskTokens Tokens { get; } = new();

    /// <summary>The state a snapshot of the cloud takes and puts back: everything, per account and region.</summary>
    public IStateStore State => _regions;

    /// <summary>Forgets every state machine, execution, activity and mock.</summary>
    public void Reset()
    {
        foreach (var (_, region) in _regions.All)
        {
            foreach (var execution in region.Executions.Values)
            {
                // A restored execution has no stop signal: a snapshot drops pending work, and it was taken at rest.
                execution.Stop?.Cancel();
            }
            foreach (var activity in region.Activities.Values)
            {
                activity.GiveUpAll();
            }
        }
        _regions.Clear();
        Tokens.Clear();
        Mocks.Clear();
    }

    /// <summary>The state machines, executions, Map Runs and activities of one account and region.</summary>
    private sealed class Region
    {
        public ConcurrentDictionary<string, StateMachineRecord> Machines { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, ExecutionRecord> Executions { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, MapRunRecord> MapRuns { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, ActivityRecord> Activities { get; } = new(StringComparer.Ordinal);

        /// <summary>Serialises creation and deletion of state machines and the naming of executions.</summary>
        public object Gate { get; } = new();
    }
}
