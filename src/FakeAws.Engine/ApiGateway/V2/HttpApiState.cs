using FakeAws.Engine.ApiGateway.V2.Model;

namespace FakeAws.Engine.ApiGateway.V2;

/// <summary>One HTTP or WebSocket API (v2) as the management API edits it; deployments freeze copies of it.</summary>
internal sealed class HttpApiState(Api api)
{
    public Api Api { get; } = api;

    public bool IsWebSocket => Api.ProtocolType == "WEBSOCKET";

    public Dictionary<string, Route> Routes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Integration> Integrations { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Authorizer> Authorizers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, HttpDeployment> Deployments { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Stage> Stages { get; } = new(StringComparer.Ordinal);

    /// <summary>The API's models by id, in creation order.</summary>
    public Dictionary<string, Model.Model> Models { get; } = new(StringComparer.Ordinal);

    /// <summary>A WebSocket API's route responses, by route id and then route response id.</summary>
    public Dictionary<string, Dictionary<string, RouteResponse>> RouteResponses { get; } = new(StringComparer.Ordinal);

    /// <summary>A WebSocket API's integration responses, by integration id and then integration response id.</summary>
    public Dictionary<string, Dictionary<string, IntegrationResponse>> IntegrationResponses { get; } = new(StringComparer.Ordinal);
}

/// <summary>A deployment of an HTTP API and the API it froze.</summary>
internal sealed class HttpDeployment(Deployment deployment, HttpApiSnapshot snapshot)
{
    public Deployment Deployment { get; } = deployment;

    public HttpApiSnapshot Snapshot { get; } = snapshot;
}

/// <summary>
/// What a deployment of an HTTP API froze: routes, integrations, authorizers and CORS; for a
/// WebSocket API also its route selection expression and its route and integration responses.
/// </summary>
internal sealed record HttpApiSnapshot(
    IReadOnlyList<Route> Routes,
    IReadOnlyDictionary<string, Integration> Integrations,
    IReadOnlyDictionary<string, Authorizer> Authorizers,
    Cors? Cors)
{
    public string? RouteSelectionExpression { get; init; }

    /// <summary>Where a WebSocket API's routes that require an API key read it: <c>$request.header.x-api-key</c> or <c>$context.authorizer.usageIdentifierKey</c>.</summary>
    public string? ApiKeySelectionExpression { get; init; }

    /// <summary>Route responses by route id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<RouteResponse>> RouteResponses { get; init; } = new Dictionary<string, IReadOnlyList<RouteResponse>>();

    /// <summary>Integration responses by integration id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<IntegrationResponse>> IntegrationResponses { get; init; } = new Dictionary<string, IReadOnlyList<IntegrationResponse>>();
}
