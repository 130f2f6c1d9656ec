using FakeAws.Engine.Core;

namespace FakeAws.Engine.StepFunctions;

/// <summary>Builds Step Functions' errors with AWS's codes and message texts.</summary>
internal static class StepFunctionsErrors
{
    public static AwsServiceException Validation(string message) => new("ValidationException", message);

    public static AwsServiceException InvalidArn(string arn) => new("InvalidArn", $"Invalid Arn: '{arn}'");

    public static AwsServiceException InvalidArnResourceType(string arn) =>
        new("InvalidArn", $"Invalid Arn: 'Resource type not valid in this context: {arn}'");

    public static AwsServiceException InvalidName(string name) => new("InvalidName", $"Invalid Name: '{name}'");

    public static AwsServiceException InvalidDefinition(string message) => new("InvalidDefinition", message);

    public static AwsServiceException InvalidExecutionInput(string detail) =>
        new("InvalidExecutionInput", $"Invalid State Machine Execution Input: '{detail}'");

    public static AwsServiceException InvalidOutput(string detail) => new("InvalidOutput", $"Invalid State Machine Execution Output: '{detail}'");

    public static AwsServiceException StateMachineDoesNotExist(string arn) =>
        new("StateMachineDoesNotExist", $"State Machine Does Not Exist: '{arn}'");

    public static AwsServiceException StateMachineAlreadyExists(string arn) =>
        new("StateMachineAlreadyExists", $"State Machine Already Exists: '{arn}'");

    public static AwsServiceException StateMachineTypeNotSupported() =>
        new("StateMachineTypeNotSupported", "This operation is not supported by this type of state machine");

    public static AwsServiceException ExecutionDoesNotExist(string arn) =>
        new("ExecutionDoesNotExist", $"Execution Does Not Exist: '{arn}'");

    public static AwsServiceException ExecutionAlreadyExists(string arn) =>
        new("ExecutionAlreadyExists", $"Execution Already Exists: '{arn}'");

    /// <summary>RedriveExecution refused; the message is the reason DescribeExecution's redriveStatusReason gives.</summary>
    public static AwsServiceException ExecutionNotRedrivable(string reason) => new("ExecutionNotRedrivable", reason);

    public static AwsServiceException ActivityDoesNotExist(string arn) =>
        new("ActivityDoesNotExist", $"Activity Does Not Exist: '{arn}'");

    /// <summary>The quota of registered activities is used up; the text is the API reference's description of the error.</summary>
    public static AwsServiceException ActivityLimitExceeded() => new(
        "ActivityLimitExceeded",
        "The maximum number of activities has been reached. Existing activities must be deleted before a new activity can be created.");

    public static AwsServiceException InvalidToken(string detail) => new("InvalidToken", $"Invalid Token: '{detail}'");

    public static AwsServiceException TaskTimedOut() => new("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");

    public static AwsServiceException ResourceNotFound(string arn) => new("ResourceNotFound", $"Resource not found: '{arn}'");

    public static AwsServiceException Conflict(string message) => new("ConflictException", message);

    public static AwsServiceException TooManyTags(string arn) =>
        new("TooManyTags", $"Too many tags: the resource '{arn}' may have at most 50 tags");
}
