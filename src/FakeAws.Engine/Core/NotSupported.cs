namespace FakeAws.Engine.Core;

/// <summary>
/// The one wording of what FakeAws does not do yet: "FakeAws does not support … yet." Each service's
/// error factory calls it with the error code and status its clients expect for such a refusal.
/// </summary>
internal static class NotSupported
{
    /// <summary>
    /// An operation of the service's model that FakeAws does not implement. AWS answers an operation it
    /// does not know with <c>UnknownOperationException</c>, so a client sees the same code here.
    /// </summary>
    /// <param name="service">The service's name, for example <c>DynamoDB</c>.</param>
    /// <param name="operation">The operation's name, for example <c>DescribeEndpoints</c>.</param>
    public static AwsServiceException Operation(string service, string operation) =>
        Error("UnknownOperationException", $"the {service} operation {operation}");

    /// <summary>A feature, or a part of an operation, that FakeAws does not provide yet.</summary>
    /// <param name="code">The error code the service answers with, for example <c>InvalidParameterValueException</c>.</param>
    /// <param name="feature">What is not supported, worded to follow "FakeAws does not support".</param>
    /// <param name="status">The HTTP status of the error.</param>
    public static AwsServiceException Error(string code, string feature, int status = 400) =>
        new(code, $"FakeAws does not support {feature} yet.", status);
}
