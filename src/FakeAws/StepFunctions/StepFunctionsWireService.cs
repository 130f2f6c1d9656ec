using System.Text.Json;
using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions;
using FakeAws.Protocol;
using SfnModel = FakeAws.Engine.StepFunctions.Model.ServiceModel;

namespace FakeAws.StepFunctions;

/// <summary>Step Functions on the wire: awsJson1.0 under <c>AWSStepFunctions</c>, signed for <c>states</c>.</summary>
internal sealed class StepFunctionsWireService(StepFunctionsEngine engine, CloudContext cloud) : AwsJsonService(
    Routing,
    "1.0",
    new OperationTable(SfnModel.Name, SfnModel.Bind(engine), ReportInvalid),
    SerializerOptions,
    () => cloud.Ids.NewGuid().ToString())
{
    /// <summary>How the router knows this front door's requests, before the service is built.</summary>
    public static readonly WireRoute Routing = new("states", "AWSStepFunctions");

    /// <summary>The JSON settings of Step Functions: the model's member names, timestamps as epoch seconds.</summary>
    public static readonly JsonSerializerOptions SerializerOptions = JsonProtocol.Options();

    /// <summary>Step Functions words every constraint violation, missing members included, in one ValidationException.</summary>
    public static AwsServiceException? ReportInvalid(ModelValidation validation, string operation)
    {
        validation.ReportMissingAsViolations();
        return validation.Violations.Count > 0 ? StepFunctionsErrors.Validation(ViolationRenderer.Default.Message(validation.Violations)) : null;
    }
}
