using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway;

// CreateAuthorizer, GetAuthorizer(s), UpdateAuthorizer, DeleteAuthorizer.
internal sealed partial class ApiGatewayEngine
{
    /// <summary>Authorizer results are cached for five minutes unless the authorizer says otherwise.</summary>
    internal const int DefaultAuthorizerTtlSeconds = 300;

    private static readonly string[] AuthorizerPatchPaths =
        ["/name", "/authorizerUri", "/identitySource", "/identityValidationExpression", "/authorizerResultTtlInSeconds", "/authType", "/authorizerCredentials"];

    public Authorizer CreateAuthorizer(RequestScope scope, CreateAuthorizerRequest request) => Locked(scope, region =>
    {
        if (request.RestApiId is null || !region.RestApis.TryGetValue(request.RestApiId, out var api))
        {
            // AWS's recorded answer for an unknown API here is a conflict, not a NotFoundException.
            throw ApiGatewayErrors.Conflict("Unable to complete operation due to concurrent modification. Please try again later.");
        }
        CheckAuthorizerTtl(request.AuthorizerResultTtlInSeconds);
        var authorizer = new Authorizer
        {
            Id = ids.ShortId(),
            Name = request.Name,
            Type = request.Type,
            ProviderARNs = request.ProviderARNs is { Count: > 0 } providers ? [.. providers] : null,
            AuthType = request.AuthType,
            AuthorizerUri = request.AuthorizerUri,
            AuthorizerCredentials = request.AuthorizerCredentials,
            IdentitySource = request.IdentitySource,
            IdentityValidationExpression = request.IdentityValidationExpression,
            AuthorizerResultTtlInSeconds = request.AuthorizerResultTtlInSeconds ?? DefaultAuthorizerTtlSeconds,
        };
        api.Authorizers[authorizer.Id] = authorizer;
        return ApiGatewayJson.Clone(authorizer);
    });

    public Authorizer GetAuthorizer(RequestScope scope, GetAuthorizerRequest request) => Locked(scope, region =>
        ApiGatewayJson.Clone(GetAuthorizer(GetApi(region, request.RestApiId), request.AuthorizerId)));

    public Authorizers GetAuthorizers(RequestScope scope, GetAuthorizersRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.RestApiId);
        var (page, next) = Paging.Page(api.Authorizers.Values.ToList(), request.Limit, request.Position);
        return new Authorizers { Items = page.Select(ApiGatewayJson.Clone).ToList(), Position = next };
    });

    public Authorizer UpdateAuthorizer(RequestScope scope, UpdateAuthorizerRequest request) => Locked(scope, region =>
    {
        var authorizer = GetAuthorizer(GetApi(region, request.RestApiId), request.AuthorizerId);
        var updated = ApiGatewayJson.Clone(authorizer);
        foreach (var patch in request.PatchOperations ?? [])
        {
            PatchOperations.RequireReplace(patch, AuthorizerPatchPaths);
            switch (patch.Path)
            {
                case "/name": updated.Name = patch.Value; break;
                case "/authorizerUri": updated.AuthorizerUri = patch.Value; break;
                case "/identitySource": updated.IdentitySource = patch.Value; break;
                case "/identityValidationExpression": updated.IdentityValidationExpression = patch.Value; break;
                case "/authType": updated.AuthType = patch.Value; break;
                case "/authorizerCredentials": updated.AuthorizerCredentials = patch.Value; break;
                case "/authorizerResultTtlInSeconds":
                    updated.AuthorizerResultTtlInSeconds = PatchOperations.Int(patch, "Invalid authorizer TTL specified. Must be between 0 and 3600");
                    CheckAuthorizerTtl(updated.AuthorizerResultTtlInSeconds);
                    break;
            }
        }
        GetApi(region, request.RestApiId).Authorizers[updated.Id!] = updated;
        return ApiGatewayJson.Clone(updated);
    });

    public void DeleteAuthorizer(RequestScope scope, DeleteAuthorizerRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.RestApiId);
        var authorizer = GetAuthorizer(api, request.AuthorizerId);
        api.Authorizers.Remove(authorizer.Id!);
    });

    private static Authorizer GetAuthorizer(RestApiState api, string? authorizerId) =>
        authorizerId is not null && api.Authorizers.TryGetValue(authorizerId, out var authorizer)
            ? authorizer
            : throw ApiGatewayErrors.AuthorizerNotFound();

    private static void CheckAuthorizerTtl(int? ttl)
    {
        if (ttl is < 0 or > 3600)
        {
            throw ApiGatewayErrors.BadRequest("Invalid authorizer TTL specified. Must be between 0 and 3600");
        }
    }
}
