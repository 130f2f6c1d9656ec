using System.Text.Json;
using FakeAws.Engine.ApiGateway.Auth;
using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway.Invoke;

/// <summary>How an authorization step ended: a response that stops the request, or the API key an authorizer named.</summary>
internal sealed record AuthorizationOutcome(GatewayResponse? Denied, string? UsageIdentifierKey = null)
{
    public static readonly AuthorizationOutcome Allowed = new(Denied: null);
}

/// <summary>
/// A REST API method's authorization: AWS_IAM (a SigV4 signature must be present; FakeAws checks
/// neither signatures nor IAM policies), a Cognito user pool authorizer (the token's signature,
/// issuer, expiry and token use; scopes for access tokens), or a Lambda authorizer of type TOKEN or
/// REQUEST whose policy is cached for its TTL on the virtual clock.
/// </summary>
internal sealed class RestAuthorization(CloudContext cloud, LambdaCaller lambda, IJwksSource jwks)
{
    private static readonly TimeSpan AuthorizerTimeout = TimeSpan.FromSeconds(29);

    public async Task<AuthorizationOutcome> AuthorizeAsync(
        ApiGatewayRegion region, RestApiSnapshot snapshot, Method method, InvocationContext context)
    {
        switch (method.AuthorizationType)
        {
            case "AWS_IAM":
                return SignedAccessKey(context.Request) is { } accessKey
                    ? Identify(context, accessKey)
                    : new AuthorizationOutcome(RestGatewayErrors.MissingAuthenticationToken());
            case "COGNITO_USER_POOLS" when snapshot.Authorizers.GetValueOrDefault(method.AuthorizerId ?? "") is { } authorizer:
                return new AuthorizationOutcome(Cognito(authorizer, method, context));
            case "CUSTOM" when snapshot.Authorizers.GetValueOrDefault(method.AuthorizerId ?? "") is { } authorizer:
                return await LambdaAsync(region, authorizer, context).ConfigureAwait(false);
            case "COGNITO_USER_POOLS" or "CUSTOM":
                return new AuthorizationOutcome(RestGatewayErrors.AuthorizerConfiguration());
            default:
                return AuthorizationOutcome.Allowed;
        }
    }

    /// <summary>The access key of a request signed with SigV4 (<c>Authorization: AWS4-HMAC-SHA256 Credential=AKID/...</c>), or null.</summary>
    public static string? SignedAccessKey(GatewayRequest request)
    {
        var authorization = request.Header("Authorization");
        if (authorization is null || !authorization.StartsWith("AWS4-HMAC-SHA256", StringComparison.Ordinal))
        {
            return null;
        }
        var start = authorization.IndexOf("Credential=", StringComparison.Ordinal);
        return start < 0 ? null : authorization[(start + "Credential=".Length)..].Split('/')[0];
    }

    /// <summary>The issuer of a Cognito user pool: <c>arn:aws:cognito-idp:{region}:{account}:userpool/{poolId}</c> is <c>https://cognito-idp.{region}.amazonaws.com/{poolId}</c>.</summary>
    public static string? PoolIssuer(string poolArn)
    {
        var parts = poolArn.Split(':', 6);
        return parts.Length == 6 && parts[2] == "cognito-idp" && parts[5].StartsWith("userpool/", StringComparison.Ordinal)
            ? $"https://cognito-idp.{parts[3]}.amazonaws.com/{parts[5]["userpool/".Length..]}"
            : null;
    }

    private static AuthorizationOutcome Identify(InvocationContext context, string accessKey)
    {
        context.IamAccessKey = accessKey;
        return AuthorizationOutcome.Allowed;
    }

    /// <summary>A Cognito user pool authorizer's check of the request's token; null when it passes (the claims are then on the context).</summary>
    public GatewayResponse? Cognito(Authorizer authorizer, Method method, InvocationContext context)
    {
        var raw = IdentitySources.Read([authorizer.IdentitySource ?? "method.request.header.Authorization"], context)?[0];
        if (raw is null || !JwtToken.TryParse(StripBearer(raw), out var token))
        {
            return RestGatewayErrors.Unauthorized();
        }
        var issuers = (authorizer.ProviderARNs ?? []).Select(PoolIssuer).OfType<string>();
        if (token.Issuer is not { } issuer || !issuers.Contains(issuer) || jwks.FindKeys(issuer) is not { } keys || !token.IsSignedBy(keys))
        {
            return RestGatewayErrors.Unauthorized();
        }
        if (token.Time("exp") is { } expires && cloud.Now >= expires)
        {
            return RestGatewayErrors.ExpiredToken();
        }
        if (authorizer.IdentityValidationExpression is { Length: > 0 } expression
            && !token.Strings("aud").Any(aud => Patterns.FullMatch(aud, expression)))
        {
            return RestGatewayErrors.Unauthorized();
        }
        // Without scopes on the method the authorizer takes ID tokens; with scopes, access tokens that carry one of them.
        var tokenUse = token.Text("token_use");
        var scopes = method.AuthorizationScopes ?? [];
        var accepted = scopes.Count == 0 ? tokenUse != "access" : tokenUse == "access" && token.Scopes.Any(scopes.Contains);
        if (!accepted)
        {
            return RestGatewayErrors.Unauthorized();
        }
        var claims = ClaimStrings.ForCognitoAuthorizer(token.Claims);
        context.Authorizer = writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("claims");
            foreach (var (name, value) in claims)
            {
                writer.WriteString(name, value);
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        };
        return null;
    }

    private async Task<AuthorizationOutcome> LambdaAsync(ApiGatewayRegion region, Authorizer authorizer, InvocationContext context)
    {
        if (LambdaIdentity(authorizer, context) is not { } identity)
        {
            return new AuthorizationOutcome(RestGatewayErrors.Unauthorized());
        }
        var methodArn = context.MethodArn(context.Request.Method, context.Path);
        var ttl = TimeSpan.FromSeconds(authorizer.AuthorizerResultTtlInSeconds ?? ApiGatewayEngine.DefaultAuthorizerTtlSeconds);
        var cacheKey = string.Join("\n", identity);
        var cacheable = ttl > TimeSpan.Zero && identity.Count > 0;
        if (!cacheable || !region.AuthorizerCache.TryGet(context.ApiId, context.Stage, authorizer.Id!, cacheKey, cloud.Now, out var result))
        {
            var (read, failed) = await CallLambdaAsync(authorizer, context, identity, methodArn).ConfigureAwait(false);
            if (failed is not null)
            {
                return new AuthorizationOutcome(failed);
            }
            result = read!;
            if (cacheable)
            {
                region.AuthorizerCache.Put(context.ApiId, context.Stage, authorizer.Id!, cacheKey, result, ttl, cloud.Now);
            }
        }
        if (Decide(result, methodArn, context) is { } denied)
        {
            return new AuthorizationOutcome(denied);
        }
        context.Authorizer = writer => WriteLambdaAuthorizer(writer, result);
        return new AuthorizationOutcome(null, result.UsageIdentifierKey);
    }

    /// <summary>
    /// The identity a Lambda authorizer is called with: the token (TOKEN, checked against the
    /// validation expression) or every identity source (REQUEST); null when the request lacks it.
    /// </summary>
    public static List<string>? LambdaIdentity(Authorizer authorizer, InvocationContext context)
    {
        var isToken = authorizer.Type == "TOKEN";
        var sources = isToken
            ? [authorizer.IdentitySource ?? "method.request.header.Authorization"]
            : (authorizer.IdentitySource ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var identity = IdentitySources.Read(sources, context);
        if (identity is null)
        {
            return null;
        }
        return isToken && authorizer.IdentityValidationExpression is { Length: > 0 } expression && !Patterns.FullMatch(identity[0], expression)
            ? null
            : identity;
    }

    /// <summary>Calls a Lambda authorizer and reads its answer; a failure is the gateway response the caller gets.</summary>
    public async Task<(LambdaAuthorization? Result, GatewayResponse? Failed)> CallLambdaAsync(
        Authorizer authorizer, InvocationContext context, List<string> identity, string methodArn)
    {
        var payload = authorizer.Type == "TOKEN"
            ? ProxyEvents.Write(w =>
            {
                w.WriteString("type", "TOKEN");
                w.WriteString("methodArn", methodArn);
                w.WriteString("authorizationToken", identity[0]);
            })
            : RequestEvent(context, methodArn);
        var answer = await lambda.InvokeAuthorizerAsync(context, authorizer.AuthorizerUri, payload, AuthorizerTimeout, authorizer.AuthorizerCredentials, authorizer.Id).ConfigureAwait(false);
        if (answer.Unauthorized)
        {
            return (null, RestGatewayErrors.Unauthorized());
        }
        return answer.Payload is { } answered && LambdaAuthorizerResults.ReadPolicy(answered, principalRequired: true) is { } read
            ? (read, null)
            : (null, RestGatewayErrors.AuthorizerConfiguration());
    }

    /// <summary>Whether the authorizer's policy allows <paramref name="methodArn"/>: null when it does, else the refusal.</summary>
    public static GatewayResponse? Decide(LambdaAuthorization result, string methodArn, InvocationContext context)
    {
        PolicyDecision decision;
        try
        {
            decision = IamPolicy.Evaluate(result.Policy!.Value, methodArn, context.ApiArn);
        }
        catch (FormatException)
        {
            return RestGatewayErrors.AuthorizerConfiguration();
        }
        return decision == PolicyDecision.Allow ? null : RestGatewayErrors.AccessDenied(explicitDeny: decision == PolicyDecision.ExplicitDeny);
    }

    /// <summary>A REQUEST authorizer's event: the request as the proxy event has it, with the method ARN.</summary>
    private static byte[] RequestEvent(InvocationContext context, string methodArn)
    {
        using var proxy = JsonDocument.Parse(ProxyEvents.Rest(context, []));
        return ProxyEvents.Write(writer =>
        {
            writer.WriteString("type", "REQUEST");
            writer.WriteString("methodArn", methodArn);
            foreach (var member in proxy.RootElement.EnumerateObject())
            {
                if (member.Name is not ("body" or "isBase64Encoded"))
                {
                    member.WriteTo(writer);
                }
            }
        });
    }

    /// <summary>REST and WebSocket APIs hand the integration the principal and the context with every value as a string.</summary>
    public static void WriteLambdaAuthorizer(Utf8JsonWriter writer, LambdaAuthorization result)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in result.Context)
        {
            writer.WriteString(name, value.ValueKind == JsonValueKind.String ? value.GetString() : value.ValueKind switch
            {
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => value.GetRawText(),
            });
        }
        writer.WriteString("principalId", result.PrincipalId);
        writer.WriteNumber("integrationLatency", 0);
        writer.WriteEndObject();
    }

    internal static string StripBearer(string value) =>
        value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value["Bearer ".Length..].Trim() : value.Trim();
}
