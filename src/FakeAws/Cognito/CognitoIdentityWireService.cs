using FakeAws.Engine.Cognito.Identity;
using FakeAws.Engine.Cognito.Identity.Model;
using FakeAws.Engine.Core;
using FakeAws.Protocol;

namespace FakeAws.Cognito;

/// <summary>Cognito identity pools on the wire: awsJson1.1 under <c>AWSCognitoIdentityService</c>.</summary>
internal sealed class CognitoIdentityWireService(CognitoIdentityEngine engine, DeterministicIds ids) : AwsJsonService(
    Routing,
    "1.1",
    new OperationTable(ServiceModel.Name, ServiceModel.Bind(engine), ReportInvalid),
    SerializerOptions,
    () => ids.NewGuid().ToString())
{
    /// <summary>How the router knows this front door's requests, before the service is built.</summary>
    public static readonly WireRoute Routing = new("cognito-identity", "AWSCognitoIdentityService");

    private static readonly System.Text.Json.JsonSerializerOptions SerializerOptions = JsonProtocol.Options();

    // Members whose shapes botocore's cognito-identity model marks sensitive.
    private static readonly HashSet<string> Sensitive = ["logins", "secretKey", "token"];

    private static AwsServiceException? ReportInvalid(ModelValidation validation, string operation) =>
        CognitoValidation.Report(validation, "ValidationException", Sensitive);

    protected override string ErrorType(string code) => code is "SerializationException" or "UnknownOperationException" or "ValidationException"
        ? base.ErrorType(code)
        : code;
}
