using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FakeAws.Engine.Cognito.Federation;
using FakeAws.Engine.Cognito.Model;
using FakeAws.Engine.Cognito.Tokens;

namespace FakeAws.Engine.Cognito;

// Federated sign-in with an OIDC provider: /oauth2/authorize?identity_provider=X sends the browser to the
// provider's authorize endpoint, the provider sends it back to /oauth2/idpresponse with a code, and the
// domain redeems that code server to server, checks the provider's ID token (signature against its JWKS,
// issuer, audience, nonce, expiry), maps its claims to attributes (AttributeMapping), finds the linked or
// federated user (X_sub, EXTERNAL_PROVIDER) or makes one, and answers the app's redirect with a Cognito code.
internal sealed partial class CognitoIdentityProviderEngine
{
    private static readonly TimeSpan FederatedSignInValidity = TimeSpan.FromMinutes(10);

    /// <summary>How the domain reaches federated identity providers; null until the cloud binds it.</summary>
    public IOidcUpstream? Upstream { get; set; }

    /// <summary>Where the browser goes for an authorize request with a federated <c>identity_provider</c>: the provider's authorize endpoint.</summary>
    public async Task<string> FederatedRedirectAsync(PoolDomain domain, AuthorizeRequest request, AuthorizeCheck check, CancellationToken ct)
    {
        var pool = DomainPool(domain);
        IdentityProviderType provider;
        lock (pool.Gate)
        {
            provider = Provider(pool, request.IdentityProvider);
        }
        var details = provider.ProviderDetails ?? [];
        var endpoints = await EndpointsAsync(details, ct).ConfigureAwait(false);
        var state = _cloud.Ids.NewGuid().ToString();
        var nonce = Base64Url.Encode(_cloud.Ids.NewBytes(24));
        lock (pool.Gate)
        {
            pool.FederatedSignIns[state] = new FederatedSignIn(provider.ProviderName!, request, check.Scopes, nonce, Now + FederatedSignInValidity);
        }
        var query = new Dictionary<string, string>
        {
            ["client_id"] = details["client_id"],
            ["redirect_uri"] = domain.BaseUrl + "/oauth2/idpresponse",
            ["response_type"] = "code",
            ["scope"] = details["authorize_scopes"],
            ["state"] = state,
            ["nonce"] = nonce,
        };
        return endpoints.Authorize + "?" + string.Join('&', query.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
    }

    /// <summary>
    /// <c>/oauth2/idpresponse</c>: the provider's answer. Returns where the browser goes next: the app's
    /// redirect URI with a Cognito authorization code (or the provider's error).
    /// </summary>
    public async Task<string> FederatedCallbackAsync(PoolDomain domain, string? code, string? state, string? error, CancellationToken ct)
    {
        var pool = DomainPool(domain);
        FederatedSignIn? signIn;
        IdentityProviderType? provider = null;
        lock (pool.Gate)
        {
            if (state is not null && pool.FederatedSignIns.Remove(state, out signIn) && Now <= signIn.Expires)
            {
                provider = pool.IdentityProviders.GetValueOrDefault(signIn.ProviderName);
            }
            else
            {
                signIn = null;
            }
        }
        if (signIn is null || provider is null)
        {
            return "/error?error=invalid_request";
        }
        var request = signIn.Request;
        var appState = request.State is null ? "" : "&state=" + Uri.EscapeDataString(request.State);
        var separator = request.RedirectUri!.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        if (error is not null || code is null)
        {
            return $"{request.RedirectUri}{separator}error_description={Uri.EscapeDataString(error ?? "no code")}{appState}&error=invalid_request";
        }
        var claims = await UpstreamClaimsAsync(domain, provider, code, signIn.UpstreamNonce, ct).ConfigureAwait(false);
        if (claims is null)
        {
            return $"{request.RedirectUri}{separator}error_description=invalid_token{appState}&error=invalid_request";
        }
        var user = FederatedUser(pool, provider, claims);
        if (!user.Enabled)
        {
            return $"{request.RedirectUri}{separator}error_description=User+is+disabled.{appState}&error=invalid_request";
        }
        var cognitoCode = _cloud.Ids.NewGuid().ToString();
        lock (pool.Gate)
        {
            pool.AuthorizationCodes[cognitoCode] = new AuthorizationCode(request.ClientId!, user.Username, request.RedirectUri!, signIn.Scopes, request.Nonce,
                request.CodeChallenge, Now, Now + AuthorizationCodeValidity);
        }
        return $"{request.RedirectUri}{separator}code={cognitoCode}{appState}";
    }

    private sealed record UpstreamEndpoints(string Authorize, string Token, string? Jwks);

    /// <summary>The provider's endpoints: ProviderDetails' authorize_url and token_url, else its discovery document at oidc_issuer.</summary>
    private async Task<UpstreamEndpoints> EndpointsAsync(Dictionary<string, string> details, CancellationToken ct)
    {
        if (details.TryGetValue("authorize_url", out var authorize) && details.TryGetValue("token_url", out var token))
        {
            return new UpstreamEndpoints(authorize, token, details.GetValueOrDefault("jwks_uri"));
        }
        var discovery = await UpstreamPort().GetJsonAsync(details["oidc_issuer"].TrimEnd('/') + "/.well-known/openid-configuration", ct).ConfigureAwait(false);
        return new UpstreamEndpoints(Text(discovery, "authorization_endpoint")!, Text(discovery, "token_endpoint")!, Text(discovery, "jwks_uri"));
    }

    private IOidcUpstream UpstreamPort() =>
        Upstream ?? throw CognitoErrors.Unsupported("federated sign-in without a way to reach the identity provider (set aws.Cognito.UpstreamHttpHandler)");

    /// <summary>Redeems the provider's code and checks its ID token; null when the token does not hold up.</summary>
    private async Task<JsonObject?> UpstreamClaimsAsync(PoolDomain domain, IdentityProviderType provider, string code, string nonce, CancellationToken ct)
    {
        var details = provider.ProviderDetails ?? [];
        var endpoints = await EndpointsAsync(details, ct).ConfigureAwait(false);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = domain.BaseUrl + "/oauth2/idpresponse",
            ["client_id"] = details["client_id"],
        };
        if (details.TryGetValue("client_secret", out var secret))
        {
            form["client_secret"] = secret;
        }
        var answer = await UpstreamPort().PostFormAsync(endpoints.Token, form, ct).ConfigureAwait(false);
        if (Text(answer, "id_token") is not { } idToken || idToken.Split('.') is not { Length: 3 } parts)
        {
            return null;
        }
        var claims = JsonPart(parts[1]);
        var issuer = details["oidc_issuer"].TrimEnd('/');
        if (claims is null || Text(claims, "iss")?.TrimEnd('/') != issuer || !Audience(claims).Contains(details["client_id"])
            || Text(claims, "nonce") is { } echoed && echoed != nonce
            || claims["exp"]?.GetValue<long>() is not { } exp || exp <= Now.ToUnixTimeSeconds())
        {
            return null;
        }
        if (endpoints.Jwks is { } jwksUrl && !SignedByJwks(parts, await UpstreamPort().GetJsonAsync(jwksUrl, ct).ConfigureAwait(false)))
        {
            return null;
        }
        return claims;
    }

    /// <summary>A JWT's header or claims; null when the part is not base64url JSON.</summary>
    private static JsonObject? JsonPart(string part)
    {
        try
        {
            return Base64Url.TryDecode(part) is { } bytes ? JsonNode.Parse(bytes) as JsonObject : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static List<string> Audience(JsonObject claims) => claims["aud"] switch
    {
        JsonArray many => many.Select(a => a?.GetValue<string>()).OfType<string>().ToList(),
        JsonValue one => [one.GetValue<string>()],
        _ => [],
    };

    /// <summary>RS256 against the provider's JWKS: the key named by the token's <c>kid</c>, or any RSA key when it names none.</summary>
    private static bool SignedByJwks(string[] parts, JsonObject jwks)
    {
        var header = JsonPart(parts[0]);
        if (Text(header, "alg") != "RS256")
        {
            return false;
        }
        var kid = Text(header, "kid");
        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        var signature = Base64Url.TryDecode(parts[2]) ?? [];
        foreach (var key in (jwks["keys"] as JsonArray ?? []).OfType<JsonObject>().Where(k => Text(k, "kty") == "RSA" && (kid is null || Text(k, "kid") == kid)))
        {
            using var rsa = RSA.Create(new RSAParameters { Modulus = Base64Url.TryDecode(Text(key, "n") ?? ""), Exponent = Base64Url.TryDecode(Text(key, "e") ?? "") });
            if (rsa.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The user a federated identity signs in as: the user it is linked to, else the user its first sign-in
    /// made (<c>{provider}_{sub}</c>, EXTERNAL_PROVIDER), whose mapped attributes each sign-in refreshes.
    /// </summary>
    private PoolUser FederatedUser(UserPool pool, IdentityProviderType provider, JsonObject claims)
    {
        var subject = Text(claims, "sub") ?? "";
        var mapped = (provider.AttributeMapping ?? []).Where(m => m.Key != "username" && claims[m.Value] is not null)
            .ToDictionary(m => m.Key, m => claims[m.Value] is JsonValue v && v.TryGetValue<string>(out var text) ? text : claims[m.Value]!.ToJsonString(), StringComparer.Ordinal);
        lock (pool.Gate)
        {
            var linked = pool.Users.Values.FirstOrDefault(u => u.Identities.Any(i => i.ProviderName == provider.ProviderName && i.UserId == subject));
            if (linked is not null && linked.Status != UserStatus.ExternalProvider)
            {
                return linked;
            }
            var username = $"{provider.ProviderName}_{subject}";
            if (!pool.Users.TryGetValue(username, out var user))
            {
                user = NewUser(username, _cloud.Ids.NewGuid().ToString(), []);
                user.Status = UserStatus.ExternalProvider;
                user.Identities.Add(new LinkedIdentity(provider.ProviderName!, provider.ProviderType!, subject, Now));
                pool.Users[username] = user;
            }
            foreach (var (name, value) in mapped)
            {
                user.Attributes[name] = value;
            }
            user.Attributes["identities"] = IdentitiesJson(user);
            user.Modified = Now;
            return user;
        }
    }
}
