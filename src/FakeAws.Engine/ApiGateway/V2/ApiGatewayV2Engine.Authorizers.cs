using FakeAws.Engine.ApiGateway.V2.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway.V2;

// CreateAuthorizer, GetAuthorizer(s), UpdateAuthorizer, DeleteAuthorizer.
internal sealed partial class ApiGatewayV2Engine
{
    public CreateAuthorizerResponse CreateAuthorizer(RequestScope scope, CreateAuthorizerRequest request) => Changing(scope, request.ApiId, (_, api) =>
    {
        var authorizer = new Authorizer
        {
            AuthorizerCredentialsArn = request.AuthorizerCredentialsArn,
            AuthorizerId = ids.ShortId(),
            AuthorizerPayloadFormatVersion = request.AuthorizerPayloadFormatVersion,
            AuthorizerResultTtlInSeconds = request.AuthorizerResultTtlInSeconds,
            AuthorizerType = request.AuthorizerType,
            AuthorizerUri = request.AuthorizerUri,
            EnableSimpleResponses = request.EnableSimpleResponses,
            IdentitySource = request.IdentitySource is { } sources ? [.. sources] : null,
            IdentityValidationExpression = request.IdentityValidationExpression,
            JwtConfiguration = request.JwtConfiguration is { } jwt ? ApiGatewayJson.Clone(jwt) : null,
            Name = request.Name,
        };
        CheckAuthorizer(api, authorizer);
        api.Authorizers[authorizer.AuthorizerId] = authorizer;
        return ApiGatewayJson.Convert<CreateAuthorizerResponse>(authorizer);
    });

    public GetAuthorizerResponse GetAuthorizer(RequestScope scope, GetAuthorizerRequest request) =>
        Locked(scope, region => ApiGatewayJson.Convert<GetAuthorizerResponse>(GetAuthorizer(GetApi(region, request.ApiId), request.AuthorizerId)));

    public GetAuthorizersResponse GetAuthorizers(RequestScope scope, GetAuthorizersRequest request) => Locked(scope, region =>
    {
        var (page, next) = Paging.Page(GetApi(region, request.ApiId).Authorizers.Values.ToList(), MaxResults(request.MaxResults), request.NextToken);
        return new GetAuthorizersResponse { Items = page.Select(ApiGatewayJson.Clone).ToList(), NextToken = next };
    });

    public UpdateAuthorizerResponse UpdateAuthorizer(RequestScope scope, UpdateAuthorizerRequest request) => Changing(scope, request.ApiId, (_, api) =>
    {
        var authorizer = ApiGatewayJson.Clone(GetAuthorizer(api, request.AuthorizerId));
        authorizer.AuthorizerCredentialsArn = request.AuthorizerCredentialsArn ?? authorizer.AuthorizerCredentialsArn;
        authorizer.AuthorizerPayloadFormatVersion = request.AuthorizerPayloadFormatVersion ?? authorizer.AuthorizerPayloadFormatVersion;
        authorizer.AuthorizerResultTtlInSeconds = request.AuthorizerResultTtlInSeconds ?? authorizer.AuthorizerResultTtlInSeconds;
        authorizer.AuthorizerType = request.AuthorizerType ?? authorizer.AuthorizerType;
        authorizer.AuthorizerUri = request.AuthorizerUri ?? authorizer.AuthorizerUri;
        authorizer.EnableSimpleResponses = request.EnableSimpleResponses ?? authorizer.EnableSimpleResponses;
        authorizer.IdentitySource = request.IdentitySource ?? authorizer.IdentitySource;
        authorizer.IdentityValidationExpression = request.IdentityValidationExpression ?? authorizer.IdentityValidationExpression;
        authorizer.JwtConfiguration = request.JwtConfiguration ?? authorizer.JwtConfiguration;
        authorizer.Name = request.Name ?? authorizer.Name;
        CheckAuthorizer(api, authorizer);
        api.Authorizers[authorizer.AuthorizerId!] = authorizer;
        return ApiGatewayJson.Convert<UpdateAuthorizerResponse>(authorizer);
    });

    public void DeleteAuthorizer(RequestScope scope, DeleteAuthorizerRequest request) => Changing(scope, request.ApiId, (_, api) =>
    {
        var authorizer = GetAuthorizer(api, request.AuthorizerId);
        if (api.Routes.Values.Any(r => r.AuthorizerId == authorizer.AuthorizerId))
        {
            throw ApiGatewayErrors.Conflict($"Cannot delete authorizer {authorizer.AuthorizerId}, is referenced in route");
        }
        api.Authorizers.Remove(authorizer.AuthorizerId!);
    });

    private static Authorizer GetAuthorizer(HttpApiState api, string? authorizerId) =>
        authorizerId is not null && api.Authorizers.TryGetValue(authorizerId, out var authorizer)
            ? authorizer
            : throw ApiGatewayErrors.V2AuthorizerNotFound(authorizerId ?? "");

    /// <summary>
    /// A JWT authorizer needs an issuer and an audience; a Lambda (REQUEST) authorizer a function,
    /// a payload format (simple responses only with 2.0), and identity sources when it caches.
    /// </summary>
    private static void CheckAuthorizer(HttpApiState api, Authorizer authorizer)
    {
        if (api.IsWebSocket)
        {
            CheckWebSocketAuthorizer(authorizer);
            return;
        }
        if (authorizer.AuthorizerType == "JWT")
        {
            if (authorizer.JwtConfiguration?.Issuer is null || authorizer.JwtConfiguration.Audience is not { Count: > 0 })
            {
                throw ApiGatewayErrors.BadRequest("JwtConfiguration must have an Issuer and at least one Audience for a JWT authorizer");
            }
            return;
        }
        if (IntegrationUris.LambdaFunction(authorizer.AuthorizerUri) is null)
        {
            throw ApiGatewayErrors.BadRequest("AuthorizerUri must be a Lambda function's invocation URI for a REQUEST authorizer");
        }
        if (authorizer.AuthorizerPayloadFormatVersion is not ("1.0" or "2.0"))
        {
            throw ApiGatewayErrors.BadRequest("AuthorizerPayloadFormatVersion must be 1.0 or 2.0 for a REQUEST authorizer");
        }
        if (authorizer.EnableSimpleResponses == true && authorizer.AuthorizerPayloadFormatVersion != "2.0")
        {
            throw ApiGatewayErrors.BadRequest("Simple responses are only supported with payload format version 2.0");
        }
    }
}
