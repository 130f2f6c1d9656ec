using FakeAws.DynamoDb;
using FakeAws.Engine.Core;
using FakeAws.Protocol;

namespace FakeAws.Dax;

/// <summary>
/// The clusters' endpoints on the wire: a request to <c>{cluster}.dax.{cloudId}.fakeaws.invalid</c> is
/// answered by that cluster's DynamoDB front door, whatever its X-Amz-Target says.
/// </summary>
internal sealed class DaxDataPlaneWireService(DaxModule module) : IWireService
{
    public WireRoute Route { get; } = RoutingOf(module.CloudId);

    /// <summary>How the router knows the requests of one cloud's clusters, before DAX is built: by host only.</summary>
    public static WireRoute RoutingOf(string cloudId) => new("dax", ownsHost: host => DaxModule.IsClusterHost(cloudId, host));

    public Task<WireResponse> HandleAsync(WireRequest request, RequestScope scope, CancellationToken cancellationToken)
    {
        DynamoDbWireService cluster;
        try
        {
            cluster = module.ClusterAt(request.Host);
        }
        catch (AwsServiceException error)
        {
            // The endpoint of a cluster since deleted: an error answer, not an exception out of the router.
            module.Refused(request, scope, error);
            return Task.FromResult(((IWireService)this).Refuse(error));
        }
        return cluster.HandleAsync(request, scope, cancellationToken);
    }
}
