using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FakeAws.Engine.Cognito;
using FakeAws.Engine.Core;
using FakeAws.Protocol;

namespace FakeAws.Cognito;

/// <summary>
/// A user pool domain's web endpoints at its own host (<c>{prefix}.auth.{region}.{anything}</c>, or a
/// custom domain's host name): <c>/oauth2/authorize</c>, the hosted <c>/login</c> page, <c>/oauth2/token</c>,
/// <c>/oauth2/userInfo</c>, <c>/oauth2/revoke</c>, <c>/logout</c> and <c>/error</c>. Redirects are answered
/// as 302s with a Location for the test's HTTP client to follow (or not); the engine decides, this reads HTTP.
/// </summary>
internal sealed class CognitoDomainService(CognitoIdentityProviderEngine engine, WireRoute route) : IWireService
{
    private const string FormType = "application/x-www-form-urlencoded";

    public WireRoute Route => route;

    /// <summary>
    /// The route of a cloud's domains: every prefix domain's host form, and the custom domains that
    /// <paramref name="isCustomDomain"/> knows (none while Cognito is not built, since no pool exists then).
    /// </summary>
    public static WireRoute RoutingOf(Func<string, bool> isCustomDomain) =>
        new("cognito-idp", ownsHost: host => CognitoIdentityProviderEngine.IsPrefixDomainHost(host) || isCustomDomain(host));

    public async Task<WireResponse> HandleAsync(WireRequest request, RequestScope scope, CancellationToken cancellationToken)
    {
        if (engine.DomainForHost(request.Host) is not { } domain)
        {
            return Text(404, "text/plain", $"No user pool has the domain {request.Host}.");
        }
        var query = FormFields.Parse(request.Query);
        try
        {
            return (request.Method, request.Path.TrimEnd('/')) switch
            {
                ("GET", "/oauth2/authorize") => await AuthorizeAsync(domain, query, cancellationToken).ConfigureAwait(false),
                ("GET", "/oauth2/idpresponse") => Redirect(domain, await engine.FederatedCallbackAsync(domain, query.GetValueOrDefault("code"),
                    query.GetValueOrDefault("state"), query.GetValueOrDefault("error"), cancellationToken).ConfigureAwait(false)),
                ("GET", "/login") => LoginPage(domain, query, null),
                ("POST", "/login") => await LoginAsync(domain, request, query, cancellationToken).ConfigureAwait(false),
                ("POST", "/oauth2/token") => await TokenAsync(domain, request, cancellationToken).ConfigureAwait(false),
                ("GET" or "POST", "/oauth2/userInfo") => Json(engine.UserInfo(domain, Bearer(request)), 200),
                ("POST", "/oauth2/revoke") => Revoke(domain, request),
                ("GET", "/logout") => Redirect(domain, engine.Logout(domain, query.GetValueOrDefault("client_id"), query.GetValueOrDefault("logout_uri"),
                    AuthorizeRequestOf(query))),
                ("GET", "/error") => Text(400, "text/html;charset=UTF-8",
                    $"<html><body><h1>An error was encountered with the requested page.</h1><p>{WebUtility.HtmlEncode(query.GetValueOrDefault("error"))}</p></body></html>"),
                ("GET" or "POST", "/oauth2/authorize" or "/login" or "/oauth2/token" or "/oauth2/userInfo" or "/oauth2/revoke" or "/logout") =>
                    new WireResponse { Status = 405 },
                _ => Text(404, "text/plain", "Not found"),
            };
        }
        catch (OAuthException e)
        {
            return OAuthError(e);
        }
    }

    // The login page for the pool's own users, or the federated provider the request names.
    private async Task<WireResponse> AuthorizeAsync(PoolDomain domain, Dictionary<string, string> query, CancellationToken ct)
    {
        var request = AuthorizeRequestOf(query);
        var check = engine.CheckAuthorize(domain, request);
        if ((check.ErrorPage ?? check.RedirectError) is { } refused)
        {
            return Redirect(domain, refused);
        }
        return Redirect(domain, request.IdentityProvider is null or "COGNITO"
            ? "/login?" + CognitoIdentityProviderEngine.AuthorizeQuery(request)
            : await engine.FederatedRedirectAsync(domain, request, check, ct).ConfigureAwait(false));
    }

    // The login page: a form that posts the user name and password back to /login with the authorize request's query.
    private WireResponse LoginPage(PoolDomain domain, Dictionary<string, string> query, string? error)
    {
        var request = AuthorizeRequestOf(query);
        var check = engine.CheckAuthorize(domain, request);
        if ((check.ErrorPage ?? check.RedirectError) is { } refused)
        {
            return Redirect(domain, refused);
        }
        var action = WebUtility.HtmlEncode("/login?" + CognitoIdentityProviderEngine.AuthorizeQuery(request));
        var message = error is null ? "" : $"<p id=\"loginErrorMessage\" class=\"errorMessage\">{WebUtility.HtmlEncode(error)}</p>";
        var page = $"""
            <!DOCTYPE html>
            <html><head><title>Signin</title></head><body>
            {message}
            <form name="cognitoSignInForm" method="post" action="{action}">
            <input name="username" id="signInFormUsername" type="text" placeholder="Username" />
            <input name="password" id="signInFormPassword" type="password" placeholder="Password" />
            <input name="signInSubmitButton" type="submit" value="Sign in" />
            </form>
            </body></html>
            """;
        return Text(200, "text/html;charset=UTF-8", page);
    }

    private async Task<WireResponse> LoginAsync(PoolDomain domain, WireRequest http, Dictionary<string, string> query, CancellationToken ct)
    {
        var request = AuthorizeRequestOf(query);
        var check = engine.CheckAuthorize(domain, request);
        if ((check.ErrorPage ?? check.RedirectError) is { } refused)
        {
            return Redirect(domain, refused);
        }
        var form = FormFields.Parse(http.BodyText);
        try
        {
            var location = await engine.HostedSignInAsync(domain, request, check, form.GetValueOrDefault("username") ?? "", form.GetValueOrDefault("password") ?? "", ct)
                .ConfigureAwait(false);
            return Redirect(domain, location);
        }
        catch (AwsServiceException e)
        {
            return LoginPage(domain, query, e.Message);
        }
    }

    private async Task<WireResponse> TokenAsync(PoolDomain domain, WireRequest http, CancellationToken ct)
    {
        if (http.Header("Content-Type")?.StartsWith(FormType, StringComparison.OrdinalIgnoreCase) != true)
        {
            throw new OAuthException("invalid_request");
        }
        var form = FormFields.Parse(http.BodyText);
        var (clientId, secret) = ClientCredentialsOf(http, form);
        var tokens = await engine.TokenAsync(domain, new TokenRequest(form.GetValueOrDefault("grant_type"), clientId, secret, form.GetValueOrDefault("scope"),
            form.GetValueOrDefault("code"), form.GetValueOrDefault("redirect_uri"), form.GetValueOrDefault("code_verifier"), form.GetValueOrDefault("refresh_token")),
            ct).ConfigureAwait(false);
        return Json(tokens, 200);
    }

    private WireResponse Revoke(PoolDomain domain, WireRequest http)
    {
        var form = FormFields.Parse(http.BodyText);
        var (clientId, secret) = ClientCredentialsOf(http, form);
        engine.RevokeOAuth(domain, form.GetValueOrDefault("token"), clientId, secret);
        return new WireResponse { Status = 200 };
    }

    /// <summary>client_secret_basic (the Authorization header) when present, else client_secret_post (the form).</summary>
    private static (string? ClientId, string? Secret) ClientCredentialsOf(WireRequest http, Dictionary<string, string> form)
    {
        if (http.Header("Authorization") is { } authorization && authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
            }
            catch (FormatException)
            {
                throw new OAuthException("invalid_client");
            }
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (decoded, null) : (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
        }
        return (form.GetValueOrDefault("client_id"), form.GetValueOrDefault("client_secret"));
    }

    private static string? Bearer(WireRequest http) =>
        http.Header("Authorization") is { } value && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value[7..].Trim() : null;

    private static AuthorizeRequest AuthorizeRequestOf(Dictionary<string, string> query) => new(
        query.GetValueOrDefault("response_type"),
        query.GetValueOrDefault("client_id"),
        query.GetValueOrDefault("redirect_uri"),
        query.GetValueOrDefault("state"),
        query.GetValueOrDefault("scope"),
        query.GetValueOrDefault("nonce"),
        query.GetValueOrDefault("code_challenge"),
        query.GetValueOrDefault("code_challenge_method"),
        query.GetValueOrDefault("identity_provider"));

    private static WireResponse Redirect(PoolDomain domain, string location)
    {
        var response = new WireResponse { Status = 302 };
        response.Headers["Location"] = location.StartsWith('/') ? domain.BaseUrl + location : location;
        return response;
    }

    private static WireResponse OAuthError(OAuthException e)
    {
        var body = new JsonObject { ["error"] = e.Error };
        if (e.Description is not null)
        {
            body["error_description"] = e.Description;
        }
        var response = Json(body, e.Status);
        if (e.Status == 401)
        {
            response.Headers["WWW-Authenticate"] = e.Description is null
                ? $"Bearer error=\"{e.Error}\""
                : $"Bearer error=\"{e.Error}\", error_description=\"{e.Description}\"";
        }
        return response;
    }

    private static WireResponse Json(JsonObject body, int status) =>
        WireResponse.Json(Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json;charset=UTF-8", status);

    private static WireResponse Text(int status, string contentType, string text) =>
        new() { Status = status, ContentType = contentType, Body = Encoding.UTF8.GetBytes(text) };
}
