using FakeAws.Engine.Core;
using FakeAws.Cloud;
using FakeAws.Engine.StepFunctions;
using FakeAws.Protocol;

namespace FakeAws.StepFunctions;

/// <summary>Step Functions: the ASL interpreter's engine, whose Task states call other services through the cloud's service calls, and its awsJson front door.</summary>
internal sealed class StepFunctionsModule : ServiceModule
{
    public StepFunctionsModule(FakeAwsCloud cloud)
    {
        Helper = new FakeStepFunctions(cloud, new StepFunctionsEngine(cloud.Context));
        FrontDoors = [new StepFunctionsWireService(Helper.Engine, cloud.Context)];
    }

    /// <summary>What a test reaches as <c>aws.StepFunctions</c>.</summary>
    public FakeStepFunctions Helper { get; }

    public override IReadOnlyList<IWireService> FrontDoors { get; }

    /// <summary>The routes of <see cref="FrontDoors"/>, in their order, known before the module is built.</summary>
    public static IReadOnlyList<WireRoute> Routes => [StepFunctionsWireService.Routing];

    public override void Reset() => Helper.Engine.Reset();

    public override IReadOnlyList<(string Name, IStateStore Store)> State => [("states", Helper.Engine.State)];
}
