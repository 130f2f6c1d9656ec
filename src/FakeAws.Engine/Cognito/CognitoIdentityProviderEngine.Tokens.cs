using System.Text.Json.Nodes;
using FakeAws.Engine.Cognito.Model;
using FakeAws.Engine.Cognito.Tokens;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// Tokens: ID and access JWTs with AWS's claims (through the PreTokenGeneration trigger), opaque
// refresh tokens, and reading access tokens back for the operations that take them.
internal sealed partial class CognitoIdentityProviderEngine
{
    /// <summary>The scope that lets an access token call the user-pool API (GetUser, UpdateUserAttributes, ...).</summary>
    private const string UserAdminScope = "aws.cognito.signin.user.admin";

    // Claims a PreTokenGeneration trigger may not change; AWS ignores such overrides.
    private static readonly HashSet<string> ProtectedClaims =
    [
        "acr", "amr", "aud", "auth_time", "azp", "exp", "iat", "identities", "iss", "sub", "token_use", "nonce", "at_hash",
        "cognito:username", "client_id", "origin_jti", "event_id", "jti", "username", "scope",
    ];

    /// <summary>
    /// What one successful authentication hands to token issuance. <paramref name="Scopes"/> are an
    /// OAuth grant's (the hosted login or the token endpoint), null for the user-pool API's sign-in, whose
    /// access tokens carry <c>aws.cognito.signin.user.admin</c>; an OAuth grant without <c>openid</c> gets no ID token.
    /// </summary>
    private sealed record TokenGrant(UserPool Pool, AppClient Client, PoolUser User, DateTimeOffset AuthTime, string OriginJti, string Source,
        IReadOnlyDictionary<string, string>? ClientMetadata, bool IssueRefreshToken, IReadOnlyList<string>? Scopes = null, string? Nonce = null,
        string? DeviceKey = null);

    private async Task<AuthenticationResultType> IssueTokensAsync(RequestScope scope, TokenGrant grant, CancellationToken ct)
    {
        var (pool, client, user) = (grant.Pool, grant.Client, grant.User);
        List<Group> groups;
        JsonObject attributes;
        lock (pool.Gate)
        {
            groups = user.Groups.Select(g => pool.Groups.GetValueOrDefault(g)).OfType<Group>()
                .OrderBy(g => g.Description.Precedence ?? int.MaxValue).ThenBy(g => g.Name, StringComparer.Ordinal).ToList();
            attributes = EventAttributes(pool, user);
        }
        var groupNames = groups.Select(g => g.Name).ToList();
        var roles = groups.Where(g => g.Description.RoleArn is not null).Select(g => g.Description.RoleArn!).ToList();
        var preferredRole = roles.FirstOrDefault();

        var version = pool.Lambda.PreTokenGenerationConfig?.LambdaVersion ?? "V1_0";
        var idOverrides = new JsonObject();
        var idSuppress = new List<string>();
        var accessOverrides = new JsonObject();
        var accessSuppress = new List<string>();
        var scopes = grant.Scopes?.ToList() ?? [UserAdminScope];
        var response = await RunTriggerAsync(scope, pool, "PreTokenGeneration", grant.Source, user.Username, client.Id, new JsonObject
        {
            ["userAttributes"] = attributes,
            ["groupConfiguration"] = new JsonObject
            {
                ["groupsToOverride"] = new JsonArray(groupNames.Select(g => (JsonNode)g).ToArray()),
                ["iamRolesToOverride"] = new JsonArray(roles.Select(r => (JsonNode)r).ToArray()),
                ["preferredRole"] = preferredRole,
            },
            ["clientMetadata"] = StringMap(grant.ClientMetadata),
        }, ct, version: version == "V1_0" ? "1" : "2").ConfigureAwait(false);
        if (response is not null)
        {
            var details = response["claimsOverrideDetails"] as JsonObject ?? response["claimsAndScopeOverrideDetails"] as JsonObject;
            if (details?["groupOverrideDetails"] is JsonObject groupOverride)
            {
                groupNames = Strings(groupOverride["groupsToOverride"]) ?? groupNames;
                roles = Strings(groupOverride["iamRolesToOverride"]) ?? roles;
                preferredRole = Text(groupOverride, "preferredRole") ?? (groupOverride.ContainsKey("preferredRole") ? null : preferredRole);
            }
            if (response["claimsOverrideDetails"] is JsonObject v1)
            {
                idOverrides = v1["claimsToAddOrOverride"] as JsonObject ?? idOverrides;
                idSuppress = Strings(v1["claimsToSuppress"]) ?? idSuppress;
            }
            else if (details is not null)
            {
                idOverrides = details["idTokenGeneration"]?["claimsToAddOrOverride"] as JsonObject ?? idOverrides;
                idSuppress = Strings(details["idTokenGeneration"]?["claimsToSuppress"]) ?? idSuppress;
                accessOverrides = details["accessTokenGeneration"]?["claimsToAddOrOverride"] as JsonObject ?? accessOverrides;
                accessSuppress = Strings(details["accessTokenGeneration"]?["claimsToSuppress"]) ?? accessSuppress;
                scopes.AddRange(Strings(details["accessTokenGeneration"]?["scopesToAdd"]) ?? []);
                scopes.RemoveAll(s => Strings(details["accessTokenGeneration"]?["scopesToSuppress"])?.Contains(s) == true);
            }
        }

        var now = Now;
        var issuer = Issuer(pool.Id);
        var eventId = _cloud.Ids.NewGuid().ToString();
        var authTime = grant.AuthTime.ToUnixTimeSeconds();

        var oauth = grant.Scopes is not null;
        var id = new JsonObject();
        if (oauth)
        {
            // Filled in once the access token is signed; AWS puts it first.
            id["at_hash"] = null;
        }
        id["sub"] = user.Sub;
        if (groupNames.Count > 0)
        {
            id["cognito:groups"] = Array(groupNames);
        }
        if (user.Attribute("email_verified") is { } emailVerified)
        {
            id["email_verified"] = emailVerified == "true";
        }
        id["iss"] = issuer;
        if (user.Attribute("phone_number_verified") is { } phoneVerified)
        {
            id["phone_number_verified"] = phoneVerified == "true";
        }
        id["cognito:username"] = user.Username;
        if (grant.Nonce is not null)
        {
            id["nonce"] = grant.Nonce;
        }
        if (preferredRole is not null)
        {
            id["cognito:preferred_role"] = preferredRole;
        }
        id["origin_jti"] = grant.OriginJti;
        if (roles.Count > 0)
        {
            id["cognito:roles"] = Array(roles);
        }
        id["aud"] = client.Id;
        id["event_id"] = eventId;
        id["token_use"] = "id";
        id["auth_time"] = authTime;
        foreach (var (name, value) in user.Attributes)
        {
            if (name is not ("sub" or "email_verified" or "phone_number_verified") && !name.StartsWith("dev:", StringComparison.Ordinal))
            {
                // A federated user's identities attribute is a JSON array in the token, as AWS writes it.
                id[name] = name == "identities" ? JsonNode.Parse(value) : value;
            }
        }
        if (grant.Scopes is { } granted)
        {
            foreach (var name in id.Select(c => c.Key).Where(c => !ScopeReleases(granted, c)).ToList())
            {
                id.Remove(name);
            }
        }
        id["exp"] = (now + client.IdTokenValidity).ToUnixTimeSeconds();
        id["iat"] = now.ToUnixTimeSeconds();
        id["jti"] = _cloud.Ids.NewGuid().ToString();
        Override(id, idOverrides, idSuppress);

        var access = new JsonObject { ["sub"] = user.Sub };
        if (grant.DeviceKey is not null)
        {
            access["device_key"] = grant.DeviceKey;
        }
        if (groupNames.Count > 0)
        {
            access["cognito:groups"] = Array(groupNames);
        }
        access["iss"] = issuer;
        if (oauth)
        {
            access["version"] = 2;
        }
        access["client_id"] = client.Id;
        access["origin_jti"] = grant.OriginJti;
        access["event_id"] = eventId;
        access["token_use"] = "access";
        access["scope"] = string.Join(' ', scopes);
        access["auth_time"] = authTime;
        access["exp"] = (now + client.AccessTokenValidity).ToUnixTimeSeconds();
        access["iat"] = now.ToUnixTimeSeconds();
        access["jti"] = _cloud.Ids.NewGuid().ToString();
        access["username"] = user.Username;
        Override(access, accessOverrides, accessSuppress);

        string? refreshToken = null;
        lock (pool.Gate)
        {
            user.Origins.Add(grant.OriginJti);
            if (grant.IssueRefreshToken)
            {
                refreshToken = NewRefreshToken();
                pool.RefreshTokens[refreshToken] = new RefreshGrant(user.Username, client.Id, grant.OriginJti, grant.AuthTime, now + client.RefreshTokenValidity)
                {
                    Scopes = grant.Scopes,
                };
            }
        }
        var accessToken = Jwt.Sign(access, pool.Keys.Access);
        if (oauth)
        {
            id["at_hash"] = Base64Url.Encode(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(accessToken))[..16]);
        }
        return new AuthenticationResultType
        {
            AccessToken = accessToken,
            ExpiresIn = (int)client.AccessTokenValidity.TotalSeconds,
            TokenType = "Bearer",
            RefreshToken = refreshToken,
            IdToken = grant.Scopes is null || grant.Scopes.Contains("openid") ? Jwt.Sign(id, pool.Keys.Id) : null,
        };
    }

    /// <summary>
    /// An opaque refresh token shaped like AWS's (a five-part JWE); it stands for a grant kept in the pool.
    /// </summary>
    private string NewRefreshToken()
    {
        const string header = "eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ";
        return string.Join('.', header, Base64Url.Encode(_cloud.Ids.NewBytes(256)), Base64Url.Encode(_cloud.Ids.NewBytes(12)),
            Base64Url.Encode(_cloud.Ids.NewBytes(600)), Base64Url.Encode(_cloud.Ids.NewBytes(16)));
    }

    /// <summary>
    /// The pool and user of an access token, checked as AWS checks it: issued by a pool here and
    /// signed with its access key, an access token, not expired, not revoked, and its user still there.
    /// </summary>
    private (UserPool Pool, PoolUser User, JsonObject Claims) ReadAccessToken(RequestScope scope, string? token, string requiredScope = UserAdminScope)
    {
        var peek = token is null ? null : Jwt.PeekClaims(token);
        var issuer = Text(peek, "iss");
        var poolId = issuer?[(issuer.LastIndexOf('/') + 1)..];
        var pool = poolId is null ? null : FindPool(scope.AccountId, poolId);
        if (pool is null || Issuer(pool.Id) != issuer)
        {
            throw CognitoErrors.InvalidAccessToken();
        }
        var claims = Jwt.Verify(token!, pool.Keys.Access);
        if (claims is null || Text(claims, "token_use") != "access")
        {
            throw CognitoErrors.InvalidAccessToken();
        }
        var now = Now.ToUnixTimeSeconds();
        if (claims["exp"]?.GetValue<long>() is not { } exp || exp <= now)
        {
            throw CognitoErrors.ExpiredAccessToken();
        }
        // Tokens from the OAuth endpoints reach the user-pool API only with aws.cognito.signin.user.admin, userInfo only with openid.
        if (!(Text(claims, "scope") ?? "").Split(' ').Contains(requiredScope))
        {
            throw CognitoErrors.NotAuthorized("Access Token does not have required scopes");
        }
        lock (pool.Gate)
        {
            if (Text(claims, "origin_jti") is { } origin && pool.RevokedOrigins.Contains(origin))
            {
                throw CognitoErrors.RevokedAccessToken();
            }
            var user = Text(claims, "username") is { } name && pool.Users.TryGetValue(name, out var found) && found.Sub == Text(claims, "sub")
                ? found
                : throw CognitoErrors.UserNotFound();
            if (!user.Enabled)
            {
                throw CognitoErrors.UserDisabled();
            }
            return (pool, user, claims);
        }
    }

    /// <summary>Checks an ID token a pool here issued, for identity pools: signature, issuer, audience and expiry.</summary>
    public JsonObject? VerifyIdToken(string accountId, string poolId, string token, out string? failure)
    {
        failure = null;
        var pool = FindPool(accountId, poolId);
        var claims = pool is null ? null : Jwt.Verify(token, pool.Keys.Id, pool.Keys.Access);
        if (claims is null)
        {
            failure = "Invalid login token. Couldn't verify signed token.";
            return null;
        }
        if (Text(claims, "iss") != Issuer(poolId))
        {
            failure = "Invalid login token. Issuer doesn't match providerName";
            return null;
        }
        if (Text(claims, "aud") is null)
        {
            failure = "Invalid login token. Missing a required claim: aud";
            return null;
        }
        var now = Now.ToUnixTimeSeconds();
        if (claims["exp"]?.GetValue<long>() is not { } exp || exp <= now)
        {
            failure = $"Invalid login token. Token expired: {now} >= {claims["exp"]?.GetValue<long>()}";
            return null;
        }
        return claims;
    }

    /// <summary>
    /// Whether an OAuth grant's scopes release a claim of the ID token (and userInfo): <c>openid</c> alone
    /// releases every attribute; with <c>email</c>, <c>phone</c> or <c>profile</c> the attributes are limited to
    /// those scopes' claims. The token's own claims (<c>iss</c>, <c>aud</c>, <c>cognito:*</c>, ...) always stay.
    /// </summary>
    private static bool ScopeReleases(IReadOnlyList<string> scopes, string claim)
    {
        var limited = scopes.Any(s => s is "email" or "phone" or "profile");
        if (!limited || !IsAttributeClaim(claim))
        {
            return true;
        }
        return claim switch
        {
            "email" or "email_verified" => scopes.Contains("email"),
            "phone_number" or "phone_number_verified" => scopes.Contains("phone"),
            _ => scopes.Contains("profile"),
        };
    }

    private static bool IsAttributeClaim(string claim) =>
        claim is not ("at_hash" or "sub" or "iss" or "aud" or "nonce" or "origin_jti" or "event_id" or "token_use" or "auth_time" or "exp" or "iat" or "jti"
            or "identities") && !claim.StartsWith("cognito:", StringComparison.Ordinal);

    private static void Override(JsonObject claims, JsonObject overrides, List<string> suppress)
    {
        foreach (var name in suppress.Where(n => !ProtectedClaims.Contains(n)))
        {
            claims.Remove(name);
        }
        foreach (var (name, value) in overrides)
        {
            if (!ProtectedClaims.Contains(name))
            {
                claims[name] = value?.DeepClone();
            }
        }
    }

    private static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode)v).ToArray());

    private static List<string>? Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(n => n?.GetValue<string>()).OfType<string>().ToList() : null;
}
