using System.Text.Json.Nodes;

namespace FakeAws.Engine.Cognito.Federation;

/// <summary>
/// How a pool's domain reaches a federated OIDC identity provider, server to server: its discovery
/// document, its JWKS and its token endpoint. The cloud binds it to HTTP (a test's in-process provider, or
/// the network on FakeAws.Server); the engine builds no HTTP request itself.
/// </summary>
internal interface IOidcUpstream
{
    /// <summary>GETs a JSON document (discovery, JWKS).</summary>
    Task<JsonObject> GetJsonAsync(string url, CancellationToken ct);

    /// <summary>POSTs a form (the token request) and reads the JSON answer, whatever its status.</summary>
    Task<JsonObject> PostFormAsync(string url, IReadOnlyDictionary<string, string> form, CancellationToken ct);
}

/// <summary>A sign-in sent to an upstream provider, waiting for it to come back to <c>/oauth2/idpresponse</c>.</summary>
internal sealed record FederatedSignIn(string ProviderName, AuthorizeRequest Request, IReadOnlyList<string> Scopes, string UpstreamNonce, DateTimeOffset Expires);

/// <summary>A federated identity linked to a user of the pool (AdminLinkProviderForUser, or the user the first sign-in made).</summary>
internal sealed record LinkedIdentity(string ProviderName, string ProviderType, string UserId, DateTimeOffset Linked);
