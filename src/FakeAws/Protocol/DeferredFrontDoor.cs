using FakeAws.Engine.Core;

namespace FakeAws.Protocol;

/// <summary>
/// A front door on the router before its service is built: it routes by its <see cref="WireRoute"/>
/// alone, and builds the service (engine, front doors, scheduled upkeep) the first time a request or
/// a service call reaches it. A cloud that never uses a service never pays for it.
/// </summary>
internal sealed class DeferredFrontDoor(WireRoute route, Func<IWireService> build) : IWireService
{
    private readonly Lazy<IWireService> _service = new(build, LazyThreadSafetyMode.ExecutionAndPublication);

    public WireRoute Route => route;

    public IWireService Resolved => _service.Value;

    public OperationTable? Operations => _service.Value.Operations;

    public bool CompressesResponses => _service.Value.CompressesResponses;

    public int? MaxRequestBytes => _service.Value.MaxRequestBytes;

    public Task<WireResponse> HandleAsync(WireRequest request, RequestScope scope, CancellationToken cancellationToken) =>
        _service.Value.HandleAsync(request, scope, cancellationToken);

    public WireResponse Refuse(AwsServiceException error) => _service.Value.Refuse(error);
}
