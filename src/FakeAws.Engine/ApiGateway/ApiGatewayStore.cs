using FakeAws.Engine.ApiGateway.Auth;
using FakeAws.Engine.ApiGateway.Throttling;
using FakeAws.Engine.ApiGateway.V2;
using FakeAws.Engine.Core;
using ApiKey = FakeAws.Engine.ApiGateway.Model.ApiKey;
using ClientCertificate = FakeAws.Engine.ApiGateway.Model.ClientCertificate;
using VpcLink = FakeAws.Engine.ApiGateway.Model.VpcLink;
using VpcLinkV2 = FakeAws.Engine.ApiGateway.V2.Model.VpcLink;

namespace FakeAws.Engine.ApiGateway;

/// <summary>
/// The API Gateway state of one account and region: REST APIs (v1) and HTTP APIs (v2) share it,
/// because both are served under the same <c>{apiId}.execute-api</c> host names, and API keys
/// and usage plans are regional.
/// </summary>
internal sealed class ApiGatewayRegion(RequestScope scope)
{
    public RequestScope Scope { get; } = scope;

    /// <summary>Guards every collection below; the data plane takes it only to read a stage's snapshot.</summary>
    public object Gate { get; } = new();

    public Dictionary<string, RestApiState> RestApis { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, HttpApiState> HttpApis { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ApiKey> ApiKeys { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, UsagePlanState> UsagePlans { get; } = new(StringComparer.Ordinal);

    /// <summary>Client certificates by id, in creation order.</summary>
    public Dictionary<string, ClientCertificate> ClientCertificates { get; } = new(StringComparer.Ordinal);

    /// <summary>REST API (v1) VPC links to network load balancers by id, in creation order.</summary>
    public Dictionary<string, VpcLink> VpcLinks { get; } = new(StringComparer.Ordinal);

    /// <summary>HTTP API (v2) VPC links to subnets by id, in creation order: a resource of their own, apart from v1's.</summary>
    public Dictionary<string, VpcLinkV2> V2VpcLinks { get; } = new(StringComparer.Ordinal);

    /// <summary>Custom domain names by name (DNS names, so case does not matter), in creation order; v1 and v2 share them.</summary>
    public Dictionary<string, CustomDomainState> DomainNames { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The account's API Gateway settings (GetAccount, UpdateAccount); null until UpdateAccount changes AWS's defaults.</summary>
    public Model.Account? Account { get; set; }

    /// <summary>Token buckets and quota counters of stages, routes and usage plans.</summary>
    public UsageMeter Usage { get; } = new();

    /// <summary>Lambda authorizer results, kept for their TTL on the virtual clock.</summary>
    public AuthorizerCache AuthorizerCache { get; } = new();

    /// <summary>The REST API stage caches, kept for each method's TTL on the virtual clock.</summary>
    public Invoke.StageCache StageCache { get; } = new();
}

/// <summary>The regional states of one cloud, shared by the v1 and v2 engines and the data plane.</summary>
internal sealed class ApiGatewayStore
{
    private readonly RegionalStore<ApiGatewayRegion> _regions = new(scope => new ApiGatewayRegion(scope));

    public ApiGatewayRegion this[RequestScope scope] => _regions[scope];

    /// <summary>The region that holds API <paramref name="apiId"/> in <paramref name="accountId"/>; ids are unique in a cloud.</summary>
    public ApiGatewayRegion? FindApi(string accountId, string apiId)
    {
        foreach (var (scope, region) in _regions.All)
        {
            if (scope.AccountId != accountId)
            {
                continue;
            }
            lock (region.Gate)
            {
                if (region.RestApis.ContainsKey(apiId) || region.HttpApis.ContainsKey(apiId))
                {
                    return region;
                }
            }
        }
        return null;
    }

    /// <summary>
    /// The custom domain <paramref name="host"/> names in <paramref name="accountId"/>, in any region: the
    /// domain of that name, or else a wildcard domain (<c>*.example.com</c>) that covers it.
    /// </summary>
    public (ApiGatewayRegion Region, CustomDomainState Domain)? FindDomain(string accountId, string host)
    {
        var name = host.TrimEnd('.');
        var dot = name.IndexOf('.');
        var wildcard = dot > 0 ? "*" + name[dot..] : null;
        foreach (var candidate in wildcard is null ? [name] : new[] { name, wildcard })
        {
            foreach (var (scope, region) in _regions.All)
            {
                if (scope.AccountId != accountId)
                {
                    continue;
                }
                lock (region.Gate)
                {
                    if (region.DomainNames.TryGetValue(candidate, out var domain))
                    {
                        return (region, domain);
                    }
                }
            }
        }
        return null;
    }

    /// <summary>The state a snapshot of the cloud takes and puts back: everything, per account and region.</summary>
    public IStateStore State => _regions;

    public void Clear() => _regions.Clear();
}
