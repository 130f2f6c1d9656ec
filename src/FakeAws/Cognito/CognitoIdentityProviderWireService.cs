using FakeAws.Engine.Cognito;
using FakeAws.Engine.Cognito.Model;
using FakeAws.Engine.Core;
using FakeAws.Protocol;

namespace FakeAws.Cognito;

/// <summary>
/// Cognito user pools on the wire: awsJson1.1 under <c>AWSCognitoIdentityProviderService</c>. Errors
/// carry the bare code as <c>__type</c>, and constraint violations are InvalidParameterException.
/// </summary>
internal sealed class CognitoIdentityProviderWireService(CognitoIdentityProviderEngine engine, DeterministicIds ids) : AwsJsonService(
    Routing,
    "1.1",
    new OperationTable(ServiceModel.Name, ServiceModel.Bind(engine), ReportInvalid),
    SerializerOptions,
    () => ids.NewGuid().ToString())
{
    /// <summary>How the router knows this front door's requests, before the service is built.</summary>
    public static readonly WireRoute Routing = new("cognito-idp", "AWSCognitoIdentityProviderService");

    private static readonly System.Text.Json.JsonSerializerOptions SerializerOptions = JsonProtocol.Options();

    // Members whose shapes botocore's cognito-idp model marks sensitive.
    private static readonly HashSet<string> Sensitive =
    [
        "accessToken", "authParameters", "challengeResponses", "clientId", "clientSecret", "clientSecretValue", "feedbackToken", "idToken",
        "password", "previousPassword", "proposedPassword", "refreshToken", "secretCode", "secretHash", "session", "temporaryPassword",
        "token", "userCode", "userContextData", "username", "value",
    ];

    private static AwsServiceException? ReportInvalid(ModelValidation validation, string operation) =>
        CognitoValidation.Report(validation, "InvalidParameterException", Sensitive, CustomDomainName);

    // The model's pattern for a domain is a prefix's, but AWS takes a custom domain's host name
    // (auth.example.com) in the same member; the engine checks which form the request may use.
    private static bool CustomDomainName(Violation violation) =>
        violation is { Path: "domain", Value: string name, Constraint: Constraint.Pattern } && name.Contains('.', StringComparison.Ordinal);

    protected override string ErrorType(string code) => code is "SerializationException" or "UnknownOperationException" ? base.ErrorType(code) : code;
}
