using FakeAws.Engine.Core;

namespace FakeAws.Engine.Dax;

/// <summary>The errors a DAX cluster's data plane answers with, beyond DynamoDB's own.</summary>
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
}
