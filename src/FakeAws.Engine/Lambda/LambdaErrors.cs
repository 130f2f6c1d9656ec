using System.Globalization;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Lambda;

/// <summary>Builds Lambda's errors with AWS's codes, HTTP statuses and message texts.</summary>
internal static class LambdaErrors
{
    public static AwsServiceException Validation(string message) => new("ValidationException", message);

    public static AwsServiceException InvalidParameter(string message) => new("InvalidParameterValueException", message);

    public static AwsServiceException FunctionNotFound(string arn) => new("ResourceNotFoundException", $"Function not found: {arn}", 404);

    public static AwsServiceException AliasNotFound(string aliasArn) => new("ResourceNotFoundException", $"Cannot find alias arn: {aliasArn}", 404);

    public static AwsServiceException NotFound(string message) => new("ResourceNotFoundException", message, 404);

    /// <summary>A function of another account: AWS answers 403 with no message at all.</summary>
    public static AwsServiceException AccessDenied() => new("AccessDeniedException", "", 403);

    /// <summary>A service invoking a function whose resource-based policy does not allow it.</summary>
    public static AwsServiceException NotAuthorized(string principal, string action, string resource) => new(
        "AccessDeniedException",
        $"User: {principal} is not authorized to perform: {action} on resource: {resource} because no resource-based policy allows the {action} action",
        403);

    public static AwsServiceException FunctionExists(string name) => new("ResourceConflictException", $"Function already exist: {name}", 409);

    public static AwsServiceException AliasExists(string aliasArn) => new("ResourceConflictException", $"Alias already exists: {aliasArn}", 409);

    public static AwsServiceException Conflict(string message) => new("ResourceConflictException", message, 409);

    public static AwsServiceException UpdateInProgress(string functionArn) =>
        Conflict($"The operation cannot be performed at this time. An update is in progress for resource: {functionArn}");

    public static AwsServiceException NotActive(string state) =>
        Conflict($"The operation cannot be performed at this time. The function is currently in the following state: {state}");

    public static AwsServiceException RevisionMismatch(string api = "GetFunction/GetAlias") => new(
        "PreconditionFailedException",
        $"The Revision Id provided does not match the latest Revision Id. Call the {api} API to retrieve the latest Revision Id",
        412);

    public static AwsServiceException LayerVersionNotFound(string layerVersionArn) => NotFound($"Layer version {layerVersionArn} does not exist.");

    /// <summary>A throttle: 429 with the reason as the body's <c>Reason</c>.</summary>
    public static AwsServiceException TooManyRequests(string reason) =>
        new("TooManyRequestsException", "Rate Exceeded.", 429) { Details = new ThrottleReason(reason) };

    /// <summary>An invocation payload over the limit of its invocation type.</summary>
    public static AwsServiceException PayloadTooLarge(long size, string invocationType, int limit) => new(
        "RequestEntityTooLargeException",
        string.Create(CultureInfo.InvariantCulture, $"{size} byte payload is too large for the {invocationType} invocation type (limit {limit} bytes)"),
        413);

    /// <summary>A request body over the limit of its operation.</summary>
    public static AwsServiceException RequestTooLarge(long limit, string operation) => new(
        "RequestEntityTooLargeException",
        string.Create(CultureInfo.InvariantCulture, $"Request must be smaller than {limit} bytes for the {operation} operation"),
        413);

    /// <summary>A directly uploaded .zip over 50 MB, in a request under the request limit.</summary>
    public static AwsServiceException ZippedTooLarge() => new(
        "RequestEntityTooLargeException",
        string.Create(CultureInfo.InvariantCulture, $"Zipped size must be smaller than {LambdaLimits.ZippedCodeBytes} bytes"),
        413);

    public static AwsServiceException InvalidRequestContent(string message) => new("InvalidRequestContentException", message);

    /// <summary>A function naming a code signing configuration that does not exist.</summary>
    public static AwsServiceException CodeSigningConfigNotFound(string arn) => new(
        "CodeSigningConfigNotFoundException",
        $"The code signing configuration cannot be found. Check that the provided configuration is not deleted: {arn}.",
        404);

    /// <summary>A deployment under an Enforce code signing configuration whose code or layers no allowed profile signed.</summary>
    public static AwsServiceException CodeVerificationFailed(string functionName) => new(
        "CodeVerificationFailedException",
        $"Lambda cannot deploy the function. The function or layer might be signed using a signature that the client is not configured to accept. Check the provided signature for {functionName}.");

    public static AwsServiceException ProvisionedConcurrencyNotFound() => new(
        "ProvisionedConcurrencyConfigNotFoundException", "No Provisioned Concurrency Config found for this function", 404);

    public static AwsServiceException EventInvokeConfigNotFound(string qualifiedArn) =>
        NotFound($"The function {qualifiedArn} doesn't have an EventInvokeConfig");

    /// <summary>A feature of an otherwise supported operation that FakeAws cannot provide.</summary>
    public static AwsServiceException Unsupported(string feature) => NotSupported.Error("InvalidParameterValueException", feature);
}

/// <summary>The <c>Reason</c> a throttled request carries, for example <c>ReservedFunctionConcurrentInvocationLimitExceeded</c>.</summary>
internal sealed record ThrottleReason(string Reason)
{
    public const string Account = "ConcurrentInvocationLimitExceeded";
    public const string ReservedFunction = "ReservedFunctionConcurrentInvocationLimitExceeded";
}
