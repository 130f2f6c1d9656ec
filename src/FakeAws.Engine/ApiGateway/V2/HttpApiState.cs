using FakeAws.Engine.ApiGateway.V2.Model;

namespace FakeAws.Engine.ApiGateway.V2;

/// <summary>One HTTP API (v2) as the management API edits it; deployments freeze copies of it.</summary>
internal sealed class HttpApiState(Api api)
{
    public Api Api { get; } = api;

    public Dictionary<string, Route> Routes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Integration> Integrations { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Authorizer> Authorizers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, HttpDeployment> Deployments { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Stage> Stages { get; } = new(StringComparer.Ordinal);
}

/// <summary>A deployment of an HTTP API and the API it froze.</summary>
internal sealed class HttpDeployment(Deployment deployment, HttpApiSnapshot snapshot)
{
    public Deployment Deployment { get; } = deployment;

    public HttpApiSnapshot Snapshot { get; } = snapshot;
}

/// <summary>What a deployment of an HTTP API froze: routes, integrations, authorizers and CORS.</summary>
internal sealed record HttpApiSnapshot(
    IReadOnlyList<Route> Routes,
    IReadOnlyDictionary<string, Integration> Integrations,
    IReadOnlyDictionary<string, Authorizer> Authorizers,
    Cors? Cors);
