using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FakeAws.Engine.Cognito;
using FakeAws.Engine.Core;
using FakeAws.Protocol;

namespace FakeAws.Cognito;

/// <summary>
/// The unsigned GETs an app's JWT validation makes: <c>/{poolId}/.well-known/jwks.json</c> and
/// <c>/{poolId}/.well-known/openid-configuration</c>, answered with the pool's keys and AWS's
/// discovery document (whose URLs are AWS's, so a client that follows them through FakeAws's handler lands here again).
/// Also <c>GET /_fakeaws-cognito/messages?userPoolId=…&amp;username=…</c>: the messages <c>aws.Cognito</c>
/// shows, for clients of FakeAws.Server (boto3, the AWS CLI) that cannot call the .NET helper, and
/// <c>GET /_fakeaws-cognito/feedback-token?userPoolId=…&amp;username=…&amp;eventId=…</c>: an auth event's feedback token.
/// And <c>PUT /_fakeaws-cognito/user-import/{poolId}/{jobId}</c>: a user import job's pre-signed URL,
/// which takes the job's CSV file in place of S3.
/// </summary>
internal sealed partial class CognitoWellKnownService(CognitoIdentityProviderEngine engine) : IWireService
{
    private const string MessagesPath = "/_fakeaws-cognito/messages";
    private const string FeedbackTokenPath = "/_fakeaws-cognito/feedback-token";

    /// <summary>How the router knows this front door's requests, before the service is built.</summary>
    public static readonly WireRoute Routing = new("cognito-idp", ownsPath: path =>
        WellKnown().IsMatch(path) || path == MessagesPath || path == FeedbackTokenPath || path.StartsWith(CognitoIdentityProviderEngine.ImportUploadPathPrefix, StringComparison.Ordinal));

    public WireRoute Route => Routing;

    public Task<WireResponse> HandleAsync(WireRequest request, RequestScope scope, CancellationToken cancellationToken)
    {
        if (request.Path == MessagesPath)
        {
            return Task.FromResult(Messages(request.Query));
        }
        if (request.Path == FeedbackTokenPath)
        {
            return Task.FromResult(FeedbackToken(request.Query, scope));
        }
        if (request.Path.StartsWith(CognitoIdentityProviderEngine.ImportUploadPathPrefix, StringComparison.Ordinal))
        {
            return Task.FromResult(UploadImportCsv(request, scope));
        }
        var match = WellKnown().Match(request.Path);
        var poolId = match.Groups["pool"].Value;
        var pool = engine.FindPool(scope.AccountId, poolId);
        if (pool is null || request.Method != "GET")
        {
            var error = new JsonObject { ["message"] = $"User pool {poolId} does not exist." };
            return Task.FromResult(Json(error, pool is null ? 404 : 405));
        }
        var document = match.Groups["document"].Value == "jwks.json" ? pool.Keys.Jwks() : Discovery(poolId, engine.DomainOf(pool));
        return Task.FromResult(Json(document, 200));
    }

    // With a domain, the document also names the domain's OAuth 2.0 endpoints, as AWS's does.
    private static JsonObject Discovery(string poolId, PoolDomain? domain)
    {
        var issuer = CognitoIdentityProviderEngine.Issuer(poolId);
        var document = new JsonObject();
        if (domain is not null)
        {
            document["authorization_endpoint"] = domain.BaseUrl + "/oauth2/authorize";
            document["end_session_endpoint"] = domain.BaseUrl + "/logout";
        }
        document["id_token_signing_alg_values_supported"] = new JsonArray("RS256");
        document["issuer"] = issuer;
        document["jwks_uri"] = issuer + "/.well-known/jwks.json";
        document["response_types_supported"] = new JsonArray("code", "token");
        if (domain is not null)
        {
            document["revocation_endpoint"] = domain.BaseUrl + "/oauth2/revoke";
        }
        document["scopes_supported"] = new JsonArray("openid", "email", "phone", "profile");
        document["subject_types_supported"] = new JsonArray("public");
        if (domain is not null)
        {
            document["token_endpoint"] = domain.BaseUrl + "/oauth2/token";
        }
        document["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_basic", "client_secret_post");
        if (domain is not null)
        {
            document["userinfo_endpoint"] = domain.BaseUrl + "/oauth2/userInfo";
        }
        return document;
    }

    private WireResponse Messages(string query)
    {
        var parameters = FormFields.Parse(query);
        var sent = engine.Outbox.SentTo(parameters.GetValueOrDefault("userPoolId") ?? "", parameters.GetValueOrDefault("username") ?? "");
        var list = new JsonArray(sent.Select(m => (JsonNode)new JsonObject
        {
            ["UserPoolId"] = m.UserPoolId,
            ["Username"] = m.Username,
            ["Destination"] = m.Destination,
            ["DeliveryMedium"] = m.DeliveryMedium,
            ["Code"] = m.Code,
            ["Purpose"] = m.Purpose,
            ["Subject"] = m.Subject,
            ["Body"] = m.Body,
            ["SentAt"] = m.SentAt.ToUnixTimeMilliseconds() / 1000.0,
        }).ToArray());
        return Json(new JsonObject { ["Messages"] = list }, 200);
    }

    private WireResponse FeedbackToken(string query, RequestScope scope)
    {
        var parameters = FormFields.Parse(query);
        var token = engine.FeedbackToken(scope, parameters.GetValueOrDefault("userPoolId") ?? "", parameters.GetValueOrDefault("username") ?? "",
            parameters.GetValueOrDefault("eventId") ?? "");
        return token is null
            ? Json(new JsonObject { ["message"] = "No such auth event." }, 404)
            : Json(new JsonObject { ["FeedbackToken"] = token }, 200);
    }

    // Only a PUT to the URL of a job that exists is taken; anything else is refused as S3 refuses a
    // request its signature does not cover.
    private WireResponse UploadImportCsv(WireRequest request, RequestScope scope)
    {
        var ids = request.Path[CognitoIdentityProviderEngine.ImportUploadPathPrefix.Length..].Split('/');
        if (request.Method == "PUT" && ids.Length == 2 && engine.UploadImportCsv(scope.AccountId, ids[0], ids[1], request.Body))
        {
            return new WireResponse { Status = 200 };
        }
        return Json(new JsonObject { ["message"] = "The request signature does not match a user import job." }, 403);
    }

    private static WireResponse Json(JsonObject body, int status) =>
        WireResponse.Json(Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json;charset=UTF-8", status);

    [GeneratedRegex(@"^/(?<pool>[\w-]+_[0-9a-zA-Z]+)/\.well-known/(?<document>jwks\.json|openid-configuration)$")]
    private static partial Regex WellKnown();
}
