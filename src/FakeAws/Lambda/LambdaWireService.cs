using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda;
using FakeAws.Engine.Lambda.Model;
using FakeAws.Protocol;

namespace FakeAws.Lambda;

/// <summary>
/// Lambda on the wire: restJson1 with Lambda's error bodies, <c>{"Type":"User","message":"..."}</c>,
/// where each error shape of the model says whether its text is <c>message</c> or <c>Message</c>.
/// </summary>
internal sealed class LambdaWireService(LambdaEngine engine, Func<string> newRequestId) : RestJsonService(
    Routing,
    new OperationTable(ServiceModel.Name, ServiceModel.Bind(engine), ReportInvalid),
    JsonProtocol.Options(),
    newRequestId)
{
    /// <summary>How the router knows this front door's requests, before the service is built.</summary>
    public static readonly WireRoute Routing = WireRoute.Rest("lambda", ServiceModel.Operations);

    private static readonly ConcurrentDictionary<string, string> MessageMembers = new(StringComparer.Ordinal);

    /// <summary>Operations whose request carries a whole deployment package, and the body size AWS accepts for them.</summary>
    private static readonly HashSet<string> PackageOperations = new(StringComparer.Ordinal) { nameof(LambdaEngine.CreateFunction), nameof(LambdaEngine.UpdateFunctionCode) };

    /// <summary>
    /// Lambda reports every violation of the model's constraints, missing members first, as a
    /// ValidationException; all but one: Lambda checks a function's runtime itself, with an
    /// InvalidParameterValueException of its own wording (<c>ConfigurationRules.CheckRuntime</c>).
    /// </summary>
    public static AwsServiceException? ReportInvalid(ModelValidation validation, string operation)
    {
        validation.ReportMissingAsViolations();
        var violations = validation.Violations.Where(v => v is not { Path: "runtime", Constraint: Constraint.EnumSet }).ToList();
        return violations.Count == 0 ? null : LambdaErrors.Validation(ViolationRenderer.Default.Message(violations));
    }

    protected override void CheckRequest(FakeAws.Protocol.Operation operation, WireRequest request)
    {
        if (PackageOperations.Contains(operation.Name) && request.Body.Length > LambdaLimits.CreateFunctionRequestBytes)
        {
            throw LambdaErrors.RequestTooLarge(LambdaLimits.CreateFunctionRequestBytes, operation.Name);
        }
    }

    /// <summary>Invoke answers with the invocation's own request id, the one the function's context saw.</summary>
    protected override string? ResponseRequestId(object? output) => (output as InvocationResponse)?.RequestId;

    protected override AwsServiceException MalformedBody(JsonException e) =>
        LambdaErrors.InvalidRequestContent($"Could not parse request body into json: {e.Message}");

    protected override AwsServiceException MalformedValue(string name, string value) =>
        LambdaErrors.InvalidParameter($"Invalid value '{value}' for {name}.");

    /// <summary>InvokeWithResponseStream's events.</summary>
    protected override byte[]? EncodeEventStream(object payload) =>
        payload is InvokeWithResponseStreamResponseEvent events ? EventStreamEncoding.Encode(events) : null;

    /// <summary>Lambda labels Invoke's payload, whatever it holds, as JSON.</summary>
    protected override string PayloadContentType => "application/json";

    protected override void WriteErrorBody(Utf8JsonWriter writer, AwsServiceException error)
    {
        // Request-size errors come from Lambda's front end and carry only the message.
        if (error.Code == "RequestEntityTooLargeException")
        {
            writer.WriteString("Message", error.Message);
            return;
        }
        // Access denied to another account's function: AWS's body says nothing more than the code.
        if (error.Message.Length == 0)
        {
            return;
        }
        writer.WriteString("Type", error.IsClientError ? "User" : "Service");
        writer.WriteString(MessageMember(error.Code), error.Message);
        if (error.Details is ThrottleReason throttle)
        {
            writer.WriteString("Reason", throttle.Reason);
        }
    }

    /// <summary>The name the model's error shape gives its message member; <c>message</c> for errors outside the model.</summary>
    private static string MessageMember(string code) => MessageMembers.GetOrAdd(code, static c =>
        typeof(ServiceModel).Assembly.GetType($"{typeof(ServiceModel).Namespace}.{c}")?
            .GetProperty("Message")?.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? "message");
}
