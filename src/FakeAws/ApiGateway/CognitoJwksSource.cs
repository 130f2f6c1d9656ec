using FakeAws.Engine.ApiGateway.Auth;
using FakeAws.Engine.Cognito;

namespace FakeAws.ApiGateway;

/// <summary>
/// Lets API Gateway's authorizers verify tokens of this cloud's Cognito user pools: an issuer
/// <c>https://cognito-idp.{region}.amazonaws.com/{poolId}</c> is answered with that pool's JWKS,
/// the same keys its <c>/.well-known/jwks.json</c> serves.
/// </summary>
internal sealed class CognitoJwksSource(CognitoIdentityProviderEngine cognito, string accountId) : IJwksSource
{
    public JsonWebKeySet? FindKeys(string issuer)
    {
        var poolId = issuer[(issuer.LastIndexOf('/') + 1)..];
        return CognitoIdentityProviderEngine.Issuer(poolId) == issuer && cognito.FindPool(accountId, poolId) is { } pool
            ? JsonWebKeySet.Parse(pool.Keys.Jwks().ToJsonString())
            : null;
    }
}
