using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FakeAws.Engine.Cognito.Tokens;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// The OAuth 2.0 authorization server on a pool's domain: /oauth2/authorize and the hosted /login,
// /oauth2/token (authorization_code with PKCE, refresh_token, client_credentials), /oauth2/userInfo,
// /oauth2/revoke and /logout. The front door (FakeAws.Cognito.CognitoDomainService) reads HTTP; this
// part decides, in RFC 6749's terms, as AWS's authorization server does.
internal sealed partial class CognitoIdentityProviderEngine
{
    private static readonly TimeSpan AuthorizationCodeValidity = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Checks an authorize request as AWS does before showing the login page: the client and its
    /// callback URL first (errors there go to the domain's error page, never to an unchecked URL), then the
    /// response type, the client's OAuth flows, the scopes and PKCE (errors sent to the redirect URI).
    /// No scope asked for means every scope the client allows.
    /// </summary>
    public AuthorizeCheck CheckAuthorize(PoolDomain domain, AuthorizeRequest request)
    {
        var pool = DomainPool(domain);
        AppClient? client;
        lock (pool.Gate)
        {
            client = request.ClientId is null ? null : pool.Clients.GetValueOrDefault(request.ClientId);
        }
        if (client is null)
        {
            return new AuthorizeCheck($"/error?error=invalid_request&client_id={Uri.EscapeDataString(request.ClientId ?? "")}", null, null, []);
        }
        var description = client.Description;
        if (request.RedirectUri is null || description.CallbackURLs?.Contains(request.RedirectUri) != true)
        {
            return new AuthorizeCheck($"/error?error=redirect_mismatch&client_id={Uri.EscapeDataString(client.Id)}", null, client, []);
        }
        var flow = request.ResponseType switch { "code" => "code", "token" => "implicit", _ => null };
        if (flow is null)
        {
            return Refused(client, request, "unsupported_response_type");
        }
        if (description.AllowedOAuthFlowsUserPoolClient != true || description.AllowedOAuthFlows?.Contains(flow) != true)
        {
            return Refused(client, request, "unauthorized_client");
        }
        var allowed = description.AllowedOAuthScopes ?? [];
        var scopes = SplitScopes(request.Scope) is { Count: > 0 } asked ? asked : allowed;
        if (scopes.Count == 0 || scopes.Any(s => !allowed.Contains(s)))
        {
            return Refused(client, request, "invalid_request", "invalid_scope");
        }
        // Cognito supports only the S256 method of RFC 7636.
        if (request.CodeChallengeMethod is not null && request.CodeChallengeMethod != "S256"
            || request.CodeChallenge is not null && request.CodeChallengeMethod is null)
        {
            return Refused(client, request, "invalid_request", "invalid_code_challenge_method");
        }
        if (request.IdentityProvider is { } idp && (description.SupportedIdentityProviders?.Contains(idp) != true || idp != "COGNITO" && !HasProvider(pool, idp)))
        {
            return Refused(client, request, "invalid_request", "identity_provider_not_found");
        }
        return new AuthorizeCheck(null, null, client, scopes);
    }

    /// <summary>
    /// The hosted login's POST: signs the user in with a password (the PreAuthentication and
    /// PostAuthentication triggers run) and answers the redirect that carries the code, or the tokens in
    /// the fragment for the implicit grant, with <c>state</c>.
    /// </summary>
    /// <exception cref="AwsServiceException">The sign-in failed; the message is what the login page shows.</exception>
    public async Task<string> HostedSignInAsync(PoolDomain domain, AuthorizeRequest request, AuthorizeCheck check, string username, string password, CancellationToken ct)
    {
        var scope = new RequestScope(domain.AccountId, domain.Region);
        var pool = DomainPool(domain);
        var client = check.Client!;
        PoolUser user;
        try
        {
            user = await PasswordUserAsync(scope, pool, client, username, password, null, ct).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.Code == "NotAuthorizedException" && e.Message == CognitoErrors.IncorrectCredentialsMessage)
        {
            RecordAuthEvent(pool, username, "SignIn", "Fail", null, PasswordChallenge("Failure"));
            throw;
        }
        lock (pool.Gate)
        {
            switch (user.Status)
            {
                case UserStatus.Unconfirmed:
                    throw CognitoErrors.UserNotConfirmed();
                case UserStatus.ResetRequired:
                    throw CognitoErrors.PasswordResetRequired();
                case UserStatus.ForceChangePassword:
                    throw CognitoErrors.Unsupported("the hosted login's new-password page (sign the user in once through the API first)");
            }
            if (pool.MfaConfiguration != "OFF" && (user.SoftwareTokenMfaEnabled || user.SmsMfaEnabled || pool.MfaConfiguration == "ON"))
            {
                throw CognitoErrors.Unsupported("MFA in the hosted login");
            }
        }
        RecordAuthEvent(pool, user.Username, "SignIn", "Pass", null, PasswordChallenge("Success"));
        await RunTriggerAsync(scope, pool, "PostAuthentication", "PostAuthentication_Authentication", user.Username, client.Id, new JsonObject
        {
            ["userAttributes"] = EventAttributes(pool, user),
            ["newDeviceUsed"] = false,
            ["clientMetadata"] = new JsonObject(),
        }, ct).ConfigureAwait(false);
        var state = request.State is null ? "" : "&state=" + Uri.EscapeDataString(request.State);
        if (request.ResponseType == "token")
        {
            var grant = new TokenGrant(pool, client, user, Now, _cloud.Ids.NewGuid().ToString(), "TokenGeneration_HostedAuth", null, IssueRefreshToken: false,
                check.Scopes, request.Nonce);
            var tokens = await IssueTokensAsync(scope, grant, ct).ConfigureAwait(false);
            var idToken = tokens.IdToken is null ? "" : $"id_token={tokens.IdToken}&";
            return $"{request.RedirectUri}#{idToken}access_token={tokens.AccessToken}&expires_in={tokens.ExpiresIn}&token_type=Bearer{state}";
        }
        var code = _cloud.Ids.NewGuid().ToString();
        lock (pool.Gate)
        {
            pool.AuthorizationCodes[code] = new AuthorizationCode(client.Id, user.Username, request.RedirectUri!, check.Scopes, request.Nonce,
                request.CodeChallenge, Now, Now + AuthorizationCodeValidity);
        }
        return $"{request.RedirectUri}{(request.RedirectUri!.Contains('?', StringComparison.Ordinal) ? '&' : '?')}code={code}{state}";
    }

    /// <summary>
    /// <c>POST /oauth2/token</c>: the client authenticates (Basic or form; a client with a secret must
    /// send it), then the grant is redeemed. The answer is the token response AWS sends.
    /// </summary>
    /// <exception cref="OAuthException">The RFC 6749 error AWS answers.</exception>
    public async Task<JsonObject> TokenAsync(PoolDomain domain, TokenRequest request, CancellationToken ct)
    {
        var scope = new RequestScope(domain.AccountId, domain.Region);
        var pool = DomainPool(domain);
        if (request.GrantType is null)
        {
            throw new OAuthException("invalid_request");
        }
        if (request.GrantType is not ("authorization_code" or "refresh_token" or "client_credentials"))
        {
            throw new OAuthException("unsupported_grant_type");
        }
        var client = AuthenticatedClient(pool, request.ClientId, request.ClientSecret);
        return request.GrantType switch
        {
            "client_credentials" => ClientCredentials(pool, client, request.Scope),
            "authorization_code" => await RedeemCodeAsync(scope, pool, client, request, ct).ConfigureAwait(false),
            _ => await OAuthRefreshAsync(scope, pool, client, request.RefreshToken, ct).ConfigureAwait(false),
        };
    }

    /// <summary><c>/oauth2/userInfo</c>: the claims of the user of an access token that has the <c>openid</c> scope, as strings.</summary>
    /// <exception cref="OAuthException">invalid_token (401) for a missing, expired, revoked or foreign token.</exception>
    public JsonObject UserInfo(PoolDomain domain, string? accessToken)
    {
        if (accessToken is null)
        {
            throw new OAuthException("invalid_request", 401, "Bad OAuth2 request at UserInfo Endpoint");
        }
        UserPool pool;
        PoolUser user;
        JsonObject claims;
        try
        {
            (pool, user, claims) = ReadAccessToken(new RequestScope(domain.AccountId, domain.Region), accessToken, "openid");
        }
        catch (AwsServiceException e)
        {
            throw new OAuthException("invalid_token", 401, e.Message);
        }
        if (pool.Id != domain.PoolId)
        {
            throw new OAuthException("invalid_token", 401, "Invalid Access Token");
        }
        var scopes = (Text(claims, "scope") ?? "").Split(' ');
        var info = new JsonObject();
        lock (pool.Gate)
        {
            foreach (var (name, value) in user.Attributes.Where(a => !a.Key.StartsWith("dev:", StringComparison.Ordinal) && ScopeReleases(scopes, a.Key)))
            {
                info[name] = value;
            }
        }
        info["username"] = user.Username;
        return info;
    }

    /// <summary><c>POST /oauth2/revoke</c>: revokes a refresh token the client holds and the access tokens issued with it.</summary>
    /// <exception cref="OAuthException">invalid_request without a token, invalid_client when the client does not authenticate.</exception>
    public void RevokeOAuth(PoolDomain domain, string? token, string? clientId, string? clientSecret)
    {
        var pool = DomainPool(domain);
        if (token is null)
        {
            throw new OAuthException("invalid_request");
        }
        var client = AuthenticatedClient(pool, clientId, clientSecret);
        if (client.Description.EnableTokenRevocation == false)
        {
            throw new OAuthException("unsupported_token_type");
        }
        lock (pool.Gate)
        {
            if (pool.RefreshTokens.TryGetValue(token, out var grant))
            {
                if (grant.ClientId != client.Id)
                {
                    throw new OAuthException("invalid_request");
                }
                grant.Revoked = true;
                pool.RevokedOrigins.Add(grant.OriginJti);
            }
        }
    }

    /// <summary>
    /// <c>GET /logout</c>: where the browser goes next. With <c>logout_uri</c>, there if the client lists it
    /// among its sign-out URLs; with <c>redirect_uri</c> and <c>response_type</c>, back to the login page.
    /// </summary>
    public string Logout(PoolDomain domain, string? clientId, string? logoutUri, AuthorizeRequest signInAgain)
    {
        var pool = DomainPool(domain);
        AppClient? client;
        lock (pool.Gate)
        {
            client = clientId is null ? null : pool.Clients.GetValueOrDefault(clientId);
        }
        if (client is null)
        {
            return $"/error?error=invalid_request&client_id={Uri.EscapeDataString(clientId ?? "")}";
        }
        if (logoutUri is not null)
        {
            return client.Description.LogoutURLs?.Contains(logoutUri) == true ? logoutUri : $"/error?error=redirect_mismatch&client_id={Uri.EscapeDataString(client.Id)}";
        }
        var check = CheckAuthorize(domain, signInAgain);
        return check.ErrorPage ?? check.RedirectError ?? "/login?" + AuthorizeQuery(signInAgain);
    }

    /// <summary>The query string that carries an authorize request on to the login page.</summary>
    public static string AuthorizeQuery(AuthorizeRequest request)
    {
        var parameters = new (string Name, string? Value)[]
        {
            ("response_type", request.ResponseType), ("client_id", request.ClientId), ("redirect_uri", request.RedirectUri), ("state", request.State),
            ("scope", request.Scope), ("nonce", request.Nonce), ("code_challenge", request.CodeChallenge),
            ("code_challenge_method", request.CodeChallengeMethod),
        };
        return string.Join('&', parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
    }

    private static bool HasProvider(UserPool pool, string name)
    {
        lock (pool.Gate)
        {
            return pool.IdentityProviders.ContainsKey(name);
        }
    }

    private static AuthorizeCheck Refused(AppClient client, AuthorizeRequest request, string error, string? description = null)
    {
        var parameters = new List<string>();
        if (description is not null)
        {
            parameters.Add("error_description=" + description);
        }
        if (request.State is not null)
        {
            parameters.Add("state=" + Uri.EscapeDataString(request.State));
        }
        parameters.Add("error=" + error);
        var separator = request.RedirectUri!.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return new AuthorizeCheck(null, request.RedirectUri + separator + string.Join('&', parameters), client, []);
    }

    private UserPool DomainPool(PoolDomain domain) =>
        FindPool(domain.AccountId, domain.PoolId) ?? throw new OAuthException("invalid_request", 400, $"User pool {domain.PoolId} does not exist.");

    /// <summary>The client a token or revoke request authenticates as; a client with a secret must present it.</summary>
    private static AppClient AuthenticatedClient(UserPool pool, string? clientId, string? clientSecret)
    {
        AppClient? client;
        lock (pool.Gate)
        {
            client = clientId is null ? null : pool.Clients.GetValueOrDefault(clientId);
        }
        if (client is null || client.Secret is not null && !client.ProvesSecret(secret => secret == clientSecret) || client.Secret is null && clientSecret is not null)
        {
            throw new OAuthException("invalid_client");
        }
        return client;
    }

    /// <summary>
    /// The client credentials grant: an access token for the client itself, with the custom scopes asked
    /// for (all the client allows when none are), and no ID or refresh token.
    /// </summary>
    private JsonObject ClientCredentials(UserPool pool, AppClient client, string? requested)
    {
        var description = client.Description;
        if (description.AllowedOAuthFlowsUserPoolClient != true || description.AllowedOAuthFlows?.Contains("client_credentials") != true)
        {
            throw new OAuthException("unauthorized_client");
        }
        var custom = (description.AllowedOAuthScopes ?? []).Where(s => s.Contains('/', StringComparison.Ordinal)).ToList();
        var scopes = SplitScopes(requested) is { Count: > 0 } asked ? asked : custom;
        if (scopes.Count == 0 || scopes.Any(s => !custom.Contains(s)))
        {
            throw new OAuthException("invalid_scope");
        }
        var now = Now;
        var claims = new JsonObject
        {
            ["sub"] = client.Id,
            ["token_use"] = "access",
            ["scope"] = string.Join(' ', scopes),
            ["auth_time"] = now.ToUnixTimeSeconds(),
            ["iss"] = Issuer(pool.Id),
            ["exp"] = (now + client.AccessTokenValidity).ToUnixTimeSeconds(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["version"] = 2,
            ["jti"] = _cloud.Ids.NewGuid().ToString(),
            ["client_id"] = client.Id,
        };
        return new JsonObject
        {
            ["access_token"] = Jwt.Sign(claims, pool.Keys.Access),
            ["expires_in"] = (int)client.AccessTokenValidity.TotalSeconds,
            ["token_type"] = "Bearer",
        };
    }

    private async Task<JsonObject> RedeemCodeAsync(RequestScope scope, UserPool pool, AppClient client, TokenRequest request, CancellationToken ct)
    {
        if (request.Code is null)
        {
            throw new OAuthException("invalid_request");
        }
        if (client.Description.AllowedOAuthFlowsUserPoolClient != true || client.Description.AllowedOAuthFlows?.Contains("code") != true)
        {
            throw new OAuthException("unauthorized_client");
        }
        AuthorizationCode code;
        PoolUser user;
        lock (pool.Gate)
        {
            // A code is spent by its first redemption, good or bad.
            if (!pool.AuthorizationCodes.Remove(request.Code, out code!) || code.ClientId != client.Id || Now > code.Expires
                || code.RedirectUri != request.RedirectUri || !PkceMatches(code.CodeChallenge, request.CodeVerifier)
                || pool.Users.GetValueOrDefault(code.Username) is not { Enabled: true } found)
            {
                throw new OAuthException("invalid_grant");
            }
            user = found;
        }
        var grant = new TokenGrant(pool, client, user, code.AuthTime, _cloud.Ids.NewGuid().ToString(), "TokenGeneration_HostedAuth", null,
            IssueRefreshToken: true, code.Scopes, code.Nonce);
        return TokenResponse(await IssueTokensAsync(scope, grant, ct).ConfigureAwait(false));
    }

    private async Task<JsonObject> OAuthRefreshAsync(RequestScope scope, UserPool pool, AppClient client, string? token, CancellationToken ct)
    {
        if (token is null)
        {
            throw new OAuthException("invalid_request");
        }
        if (!client.Allows("REFRESH_TOKEN_AUTH"))
        {
            throw new OAuthException("unauthorized_client");
        }
        RefreshGrant grant;
        PoolUser user;
        lock (pool.Gate)
        {
            if (!pool.RefreshTokens.TryGetValue(token, out grant!) || grant.ClientId != client.Id || grant.Revoked || Now >= grant.Expires
                || pool.Users.GetValueOrDefault(grant.Username) is not { Enabled: true } found)
            {
                throw new OAuthException("invalid_grant");
            }
            user = found;
        }
        var tokens = await IssueTokensAsync(scope, new TokenGrant(pool, client, user, grant.AuthTime, grant.OriginJti, "TokenGeneration_RefreshTokens", null,
            IssueRefreshToken: false, grant.Scopes), ct).ConfigureAwait(false);
        return TokenResponse(tokens);
    }

    private static JsonObject TokenResponse(Model.AuthenticationResultType tokens)
    {
        var response = new JsonObject();
        if (tokens.IdToken is not null)
        {
            response["id_token"] = tokens.IdToken;
        }
        response["access_token"] = tokens.AccessToken;
        if (tokens.RefreshToken is not null)
        {
            response["refresh_token"] = tokens.RefreshToken;
        }
        response["expires_in"] = tokens.ExpiresIn;
        response["token_type"] = "Bearer";
        return response;
    }

    /// <summary>RFC 7636 S256: BASE64URL(SHA256(ASCII(code_verifier))) equals the challenge. No challenge, no check.</summary>
    private static bool PkceMatches(string? challenge, string? verifier) =>
        challenge is null
        || verifier is not null && Base64Url.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) == challenge;

    private static List<string> SplitScopes(string? scopes) =>
        (scopes ?? "").Split([' ', '+'], StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
}
