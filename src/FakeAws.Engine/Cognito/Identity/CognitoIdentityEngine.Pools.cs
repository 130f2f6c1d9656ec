using FakeAws.Engine.Cognito.Identity.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito.Identity;

// Identity pools: CreateIdentityPool, DescribeIdentityPool, UpdateIdentityPool, ListIdentityPools,
// DeleteIdentityPool, SetIdentityPoolRoles, GetIdentityPoolRoles.
internal sealed partial class CognitoIdentityEngine
{
    public IdentityPool CreateIdentityPool(RequestScope scope, CreateIdentityPoolInput request)
    {
        var description = new IdentityPool
        {
            IdentityPoolId = $"{scope.Region}:{_cloud.Ids.NewGuid()}",
            IdentityPoolName = request.IdentityPoolName,
            AllowUnauthenticatedIdentities = request.AllowUnauthenticatedIdentities,
            AllowClassicFlow = request.AllowClassicFlow ?? false,
            SupportedLoginProviders = request.SupportedLoginProviders ?? [],
            DeveloperProviderName = request.DeveloperProviderName,
            OpenIdConnectProviderARNs = request.OpenIdConnectProviderARNs ?? [],
            CognitoIdentityProviders = request.CognitoIdentityProviders ?? [],
            SamlProviderARNs = request.SamlProviderARNs ?? [],
            IdentityPoolTags = request.IdentityPoolTags ?? [],
        };
        _regions[scope].Pools[description.IdentityPoolId] = new IdentityPoolState(description);
        return description;
    }

    public IdentityPool DescribeIdentityPool(RequestScope scope, DescribeIdentityPoolInput request)
    {
        var pool = Pool(scope, request.IdentityPoolId);
        lock (pool.Gate)
        {
            return pool.Description;
        }
    }

    public IdentityPool UpdateIdentityPool(RequestScope scope, IdentityPool request)
    {
        var pool = Pool(scope, request.IdentityPoolId);
        lock (pool.Gate)
        {
            if (request.DeveloperProviderName != pool.Description.DeveloperProviderName && pool.Description.DeveloperProviderName is not null)
            {
                throw IdentityErrors.InvalidParameter("Developer provider name cannot be changed once it is set.");
            }
            request.SupportedLoginProviders ??= [];
            request.OpenIdConnectProviderARNs ??= [];
            request.CognitoIdentityProviders ??= [];
            request.SamlProviderARNs ??= [];
            request.IdentityPoolTags ??= pool.Description.IdentityPoolTags;
            request.AllowClassicFlow ??= false;
            pool.Description = request;
            return request;
        }
    }

    public ListIdentityPoolsResponse ListIdentityPools(RequestScope scope, ListIdentityPoolsInput request)
    {
        var pools = _regions[scope].Pools.Values.OrderBy(p => p.Description.IdentityPoolId, StringComparer.Ordinal).ToList();
        var (page, next) = Paging.Page(pools, request.NextToken, request.MaxResults ?? 60, p => p.Description.IdentityPoolId!);
        return new ListIdentityPoolsResponse
        {
            IdentityPools = page.Select(p => new IdentityPoolShortDescription
            {
                IdentityPoolId = p.Description.IdentityPoolId,
                IdentityPoolName = p.Description.IdentityPoolName,
            }).ToList(),
            NextToken = next,
        };
    }

    public void DeleteIdentityPool(RequestScope scope, DeleteIdentityPoolInput request)
    {
        var pool = Pool(scope, request.IdentityPoolId);
        _regions[scope].Pools.TryRemove(pool.Description.IdentityPoolId!, out _);
    }

    public void SetIdentityPoolRoles(RequestScope scope, SetIdentityPoolRolesInput request)
    {
        var pool = Pool(scope, request.IdentityPoolId);
        foreach (var key in (request.Roles ?? []).Keys)
        {
            if (key is not ("authenticated" or "unauthenticated"))
            {
                throw IdentityErrors.InvalidParameter($"Invalid role key: {key}. Valid keys are 'authenticated' and 'unauthenticated'.");
            }
        }
        lock (pool.Gate)
        {
            pool.Roles = new Dictionary<string, string>(request.Roles ?? [], StringComparer.Ordinal);
            pool.RoleMappings = new Dictionary<string, RoleMapping>(request.RoleMappings ?? [], StringComparer.Ordinal);
        }
    }

    public GetIdentityPoolRolesResponse GetIdentityPoolRoles(RequestScope scope, GetIdentityPoolRolesInput request)
    {
        var pool = Pool(scope, request.IdentityPoolId);
        lock (pool.Gate)
        {
            return new GetIdentityPoolRolesResponse
            {
                IdentityPoolId = pool.Description.IdentityPoolId,
                Roles = new Dictionary<string, string>(pool.Roles),
                RoleMappings = pool.RoleMappings.Count == 0 ? null : new Dictionary<string, RoleMapping>(pool.RoleMappings),
            };
        }
    }
}
