using System.Text.Json;
using FakeAws.Engine.Core;
using FakeAws.Engine.Dax;
using FakeAws.Protocol;
using DaxModel = FakeAws.Engine.Dax.Model.ServiceModel;

namespace FakeAws.Dax;

/// <summary>DAX's control plane on the wire: awsJson1.1 under <c>AmazonDAXV3</c>, signed for <c>dax</c>.</summary>
internal sealed class DaxWireService(DaxEngine engine, CloudContext cloud) : AwsJsonService(
    Routing,
    "1.1",
    new OperationTable(DaxModel.Name, DaxModel.Bind(engine), ReportInvalid),
    SerializerOptions,
    () => cloud.Ids.NewGuid().ToString())
{
    /// <summary>How the router knows this front door's requests, before the service is built.</summary>
    public static readonly WireRoute Routing = new("dax", "AmazonDAXV3");

    /// <summary>The JSON settings of DAX: the model's member names, timestamps as epoch seconds.</summary>
    public static readonly JsonSerializerOptions SerializerOptions = JsonProtocol.Options();

    /// <summary>DAX words the model's constraint violations, missing members included, in one ValidationException.</summary>
    public static AwsServiceException? ReportInvalid(ModelValidation validation, string operation)
    {
        validation.ReportMissingAsViolations();
        return validation.Violations.Count > 0 ? new AwsServiceException("ValidationException", ViolationRenderer.Default.Message(validation.Violations)) : null;
    }
}
