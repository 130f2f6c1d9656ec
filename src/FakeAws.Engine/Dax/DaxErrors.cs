using FakeAws.Engine.Core;

namespace FakeAws.Engine.Dax;

/// <summary>
/// DAX's errors: the data plane's, beyond DynamoDB's own, and the control plane's faults under AWS's
/// codes (their messages are FakeAws's: see docs/DAX.md).
/// </summary>
internal static class DaxErrors
{
    /// <summary>
    /// An operation DAX does not serve (table management, PartiQL, backups...). DAX's Go client answers
    /// NotImplemented; FakeAws answers the same code on both paths.
    /// </summary>
    public static AwsServiceException NotImplemented(string operation) =>
        new("NotImplemented", $"DAX does not support {operation}: call DynamoDB for table management and other operations DAX does not serve.", 501);

    public static AwsServiceException OtherRegion(string cluster, string region, string table) =>
        new("ValidationException", $"DAX cluster {cluster} serves tables of its own account in {region} only; {table} is not one of them.");

    public static AwsServiceException Fault(string code, string message) => new(code, message);

    public static AwsServiceException InvalidParameter(string message) => new("InvalidParameterValueException", message);

    public static AwsServiceException ClusterNotFound(string name) => Fault("ClusterNotFoundFault", $"Cluster {name} not found.");

    public static AwsServiceException ParameterGroupNotFound(string name) => Fault("ParameterGroupNotFoundFault", $"Parameter group {name} not found.");

    public static AwsServiceException SubnetGroupNotFound(string name) => Fault("SubnetGroupNotFoundFault", $"Subnet group {name} not found.");

    public static AwsServiceException InvalidClusterState(string name, string status) =>
        Fault("InvalidClusterStateFault", $"Cluster {name} is {status}; it must be available for this operation.");
}
