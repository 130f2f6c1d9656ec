using FakeAws.Engine.Core;
using FakeAws.Protocol;

namespace FakeAws.Dax;

/// <summary>
/// The clusters' endpoints on the wire: a request to <c>{cluster}.dax.{cloudId}.fakeaws.invalid</c> is
/// answered by that cluster's DynamoDB front door, whatever its X-Amz-Target says.
/// </summary>
internal sealed class DaxDataPlaneWireService(DaxModule module) : IWireService
{
    // Requests reach this front door by host only.
    public string? TargetPrefix => null;

    public string SigningName => "dax";

    public bool OwnsPath(string path) => false;

    public bool OwnsHost(string host) => module.IsClusterHost(host);

    public Task<WireResponse> HandleAsync(WireRequest request, RequestScope scope, CancellationToken cancellationToken) =>
        module.ClusterAt(request.Host).HandleAsync(request, scope, cancellationToken);
}
