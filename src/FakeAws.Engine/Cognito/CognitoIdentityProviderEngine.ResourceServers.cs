using FakeAws.Engine.Cognito.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// Resource servers: Create/Describe/Update/Delete/ListResourceServers. Each defines custom scopes
// "{identifier}/{scope}" that app clients may allow and the token endpoint grants.
internal sealed partial class CognitoIdentityProviderEngine
{
    /// <summary>The scopes every pool has without a resource server.</summary>
    private static readonly HashSet<string> StandardScopes = ["phone", "email", "openid", "profile", "aws.cognito.signin.user.admin"];

    public CreateResourceServerResponse CreateResourceServer(RequestScope scope, CreateResourceServerRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            if (pool.ResourceServers.ContainsKey(request.Identifier!))
            {
                throw CognitoErrors.InvalidParameter($"{request.Identifier} already exists in user pool {pool.Id}.");
            }
            var server = new ResourceServerType
            {
                UserPoolId = pool.Id,
                Identifier = request.Identifier,
                Name = request.Name,
                Scopes = CopyScopes(request.Scopes),
            };
            pool.ResourceServers[server.Identifier!] = server;
            return new CreateResourceServerResponse { ResourceServer = Copy(server) };
        }
    }

    public DescribeResourceServerResponse DescribeResourceServer(RequestScope scope, DescribeResourceServerRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            return new DescribeResourceServerResponse { ResourceServer = Copy(ResourceServer(pool, request.Identifier)) };
        }
    }

    public UpdateResourceServerResponse UpdateResourceServer(RequestScope scope, UpdateResourceServerRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            var server = ResourceServer(pool, request.Identifier);
            // As with the pool's other Update operations, scopes left out are removed.
            server.Name = request.Name;
            server.Scopes = CopyScopes(request.Scopes);
            return new UpdateResourceServerResponse { ResourceServer = Copy(server) };
        }
    }

    public void DeleteResourceServer(RequestScope scope, DeleteResourceServerRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            pool.ResourceServers.Remove(ResourceServer(pool, request.Identifier).Identifier!);
        }
    }

    public ListResourceServersResponse ListResourceServers(RequestScope scope, ListResourceServersRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            var (page, next) = Paging.Page(pool.ResourceServers.Values.ToList(), request.NextToken, request.MaxResults ?? 50, s => s.Identifier!);
            return new ListResourceServersResponse { ResourceServers = page.Select(Copy).ToList(), NextToken = next };
        }
    }

    /// <summary>Whether a scope is one the pool knows: a standard scope, or a resource server's custom scope.</summary>
    private static bool ScopeExists(UserPool pool, string scope)
    {
        if (StandardScopes.Contains(scope))
        {
            return true;
        }
        var slash = scope.LastIndexOf('/');
        return slash > 0 && pool.ResourceServers.TryGetValue(scope[..slash], out var server)
            && server.Scopes?.Any(s => s.ScopeName == scope[(slash + 1)..]) == true;
    }

    private static ResourceServerType ResourceServer(UserPool pool, string? identifier) =>
        identifier is not null && pool.ResourceServers.TryGetValue(identifier, out var server)
            ? server
            : throw CognitoErrors.ResourceNotFound($"Resource server {identifier} does not exist.");

    private static List<ResourceServerScopeType> CopyScopes(List<ResourceServerScopeType>? scopes) =>
        (scopes ?? []).Select(s => new ResourceServerScopeType { ScopeName = s.ScopeName, ScopeDescription = s.ScopeDescription }).ToList();

    private static ResourceServerType Copy(ResourceServerType server) => new()
    {
        UserPoolId = server.UserPoolId,
        Identifier = server.Identifier,
        Name = server.Name,
        Scopes = CopyScopes(server.Scopes),
    };
}
