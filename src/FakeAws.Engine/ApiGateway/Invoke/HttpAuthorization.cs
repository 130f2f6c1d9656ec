using System.Text.Json;
using FakeAws.Engine.ApiGateway.Auth;
using FakeAws.Engine.ApiGateway.V2;
using FakeAws.Engine.ApiGateway.V2.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway.Invoke;

/// <summary>
/// An HTTP API route's authorization: AWS_IAM (a SigV4 signature must be present), a JWT
/// authorizer (issuer, signature through <see cref="IJwksSource"/>, expiry, audience or client_id,
/// and the route's scopes), or a Lambda authorizer with simple responses or IAM policies, cached for
/// its TTL on the virtual clock.
/// </summary>
internal sealed class HttpAuthorization(CloudContext cloud, LambdaCaller lambda, IJwksSource jwks)
{
    private static readonly TimeSpan AuthorizerTimeout = TimeSpan.FromSeconds(10);

    public async Task<GatewayResponse?> AuthorizeAsync(
        ApiGatewayRegion region, HttpApiSnapshot snapshot, Route route, string payloadFormat, InvocationContext context)
    {
        switch (route.AuthorizationType)
        {
            case "AWS_IAM":
                if (RestAuthorization.SignedAccessKey(context.Request) is not { } accessKey)
                {
                    return HttpGatewayErrors.Forbidden();
                }
                context.IamAccessKey = accessKey;
                return null;
            case "JWT" when snapshot.Authorizers.GetValueOrDefault(route.AuthorizerId ?? "") is { } authorizer:
                return Jwt(authorizer, route, payloadFormat, context);
            case "CUSTOM" when snapshot.Authorizers.GetValueOrDefault(route.AuthorizerId ?? "") is { } authorizer:
                return await LambdaAsync(region, authorizer, context).ConfigureAwait(false);
            case "JWT" or "CUSTOM":
                return HttpGatewayErrors.InternalServerError();
            default:
                return null;
        }
    }

    private GatewayResponse? Jwt(Authorizer authorizer, Route route, string payloadFormat, InvocationContext context)
    {
        var raw = IdentitySources.Read(authorizer.IdentitySource ?? ["$request.header.Authorization"], context)?[0];
        if (raw is null)
        {
            return HttpGatewayErrors.Unauthorized();
        }
        if (!JwtToken.TryParse(RestAuthorization.StripBearer(raw), out var token))
        {
            return Invalid("the token is malformed");
        }
        var configuration = authorizer.JwtConfiguration!;
        if (token.Issuer != configuration.Issuer)
        {
            return Invalid("the token does not have a valid issuer");
        }
        if (jwks.FindKeys(configuration.Issuer!) is not { } keys || !token.IsSignedBy(keys))
        {
            return Invalid("the token signature is invalid");
        }
        if (token.Time("exp") is { } expires && cloud.Now >= expires)
        {
            return Invalid("the token has expired");
        }
        if (token.Time("nbf") is { } notBefore && cloud.Now < notBefore)
        {
            return Invalid("the token is not valid yet");
        }
        // API Gateway checks client_id only when the token has no aud claim.
        var audience = token.Claims.TryGetProperty("aud", out _) ? token.Strings("aud") : token.Strings("client_id");
        if (!audience.Any(a => configuration.Audience!.Contains(a)))
        {
            return Invalid("the token does not have a valid audience");
        }
        var scopes = token.Scopes;
        if (route.AuthorizationScopes is { Count: > 0 } required && !scopes.Any(required.Contains))
        {
            return HttpGatewayErrors.Forbidden(
                $"Bearer scope=\"{string.Join(" ", required)}\" error=\"insufficient_scope\" error_description=\"expected scopes: [{string.Join(" ", required)}]\"");
        }
        var claims = ClaimStrings.ForJwtAuthorizer(token.Claims);
        context.Authorizer = writer =>
        {
            writer.WriteStartObject();
            if (payloadFormat == "2.0")
            {
                writer.WriteStartObject("jwt");
            }
            writer.WriteStartObject("claims");
            foreach (var (name, value) in claims)
            {
                writer.WriteString(name, value);
            }
            writer.WriteEndObject();
            if (scopes.Count > 0)
            {
                writer.WriteStartArray("scopes");
                foreach (var scope in scopes)
                {
                    writer.WriteStringValue(scope);
                }
                writer.WriteEndArray();
            }
            else
            {
                writer.WriteNull("scopes");
            }
            if (payloadFormat == "2.0")
            {
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        };
        return null;
    }

    private async Task<GatewayResponse?> LambdaAsync(ApiGatewayRegion region, Authorizer authorizer, InvocationContext context)
    {
        var sources = authorizer.IdentitySource ?? [];
        var identity = IdentitySources.Read(sources, context);
        if (identity is null)
        {
            return HttpGatewayErrors.Unauthorized();
        }
        var routeArn = context.MethodArn(context.Request.Method, context.Path);
        var ttl = TimeSpan.FromSeconds(authorizer.AuthorizerResultTtlInSeconds ?? 0);
        var cacheKey = string.Join("\n", identity);
        var cacheable = ttl > TimeSpan.Zero && sources.Count > 0;
        var simple = authorizer.EnableSimpleResponses == true;
        if (!cacheable || !region.AuthorizerCache.TryGet(context.ApiId, context.Stage, authorizer.AuthorizerId!, cacheKey, cloud.Now, out var result))
        {
            var payload = authorizer.AuthorizerPayloadFormatVersion == "2.0" ? EventV2(context, routeArn, identity) : EventV1(context, routeArn);
            var answer = await lambda.InvokeAuthorizerAsync(context, authorizer.AuthorizerUri, payload, AuthorizerTimeout, authorizer.AuthorizerCredentialsArn, authorizer.AuthorizerId).ConfigureAwait(false);
            if (answer.Unauthorized)
            {
                return HttpGatewayErrors.Unauthorized();
            }
            var read = answer.Payload is { } answered
                ? simple ? LambdaAuthorizerResults.ReadSimple(answered) : LambdaAuthorizerResults.ReadPolicy(answered, principalRequired: false)
                : null;
            if (read is null)
            {
                return HttpGatewayErrors.InternalServerError();
            }
            result = read;
            if (cacheable)
            {
                region.AuthorizerCache.Put(context.ApiId, context.Stage, authorizer.AuthorizerId!, cacheKey, result, ttl, cloud.Now);
            }
        }
        bool allowed;
        try
        {
            allowed = result.IsAuthorized ?? IamPolicy.Evaluate(result.Policy!.Value, routeArn, context.ApiArn) == PolicyDecision.Allow;
        }
        catch (FormatException)
        {
            return HttpGatewayErrors.InternalServerError();
        }
        if (!allowed)
        {
            return HttpGatewayErrors.Forbidden();
        }
        context.Authorizer = writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("lambda");
            foreach (var (name, value) in result.Context)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        };
        return null;
    }

    /// <summary>The 2.0 authorizer event: the request as the 2.0 proxy event has it, with the route ARN and the identity's values.</summary>
    private static byte[] EventV2(InvocationContext context, string routeArn, List<string> identity) => ProxyEvents.Write(writer =>
    {
        writer.WriteString("type", "REQUEST");
        writer.WriteString("routeArn", routeArn);
        writer.WriteStartArray("identitySource");
        identity.ForEach(writer.WriteStringValue);
        writer.WriteEndArray();
        ProxyEvents.WriteHttpV2Request(writer, context);
        if (context.PathParameters.Count > 0)
        {
            writer.WriteStartObject("pathParameters");
            foreach (var (name, value) in context.PathParameters)
            {
                writer.WriteString(name, value);
            }
            writer.WriteEndObject();
        }
        if (context.StageVariables is { Count: > 0 } variables)
        {
            writer.WriteStartObject("stageVariables");
            foreach (var (name, value) in variables)
            {
                writer.WriteString(name, value);
            }
            writer.WriteEndObject();
        }
    });

    /// <summary>The 1.0 authorizer event: REST's REQUEST authorizer event, with the route ARN as its method ARN.</summary>
    private static byte[] EventV1(InvocationContext context, string routeArn)
    {
        using var proxy = JsonDocument.Parse(ProxyEvents.HttpV1(context));
        return ProxyEvents.Write(writer =>
        {
            writer.WriteString("type", "REQUEST");
            writer.WriteString("methodArn", routeArn);
            foreach (var member in proxy.RootElement.EnumerateObject())
            {
                if (member.Name is not ("body" or "isBase64Encoded"))
                {
                    member.WriteTo(writer);
                }
            }
        });
    }

    private static GatewayResponse Invalid(string description) =>
        HttpGatewayErrors.Unauthorized($"Bearer scope=\"\" error=\"invalid_token\" error_description=\"{description}\"");
}
