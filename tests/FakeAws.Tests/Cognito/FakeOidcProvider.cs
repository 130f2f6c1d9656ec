using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FakeAws.Tests.Cognito;

/// <summary>
/// An upstream OpenID Connect provider in process, at https://idp.example.com: discovery, JWKS, an authorize
/// endpoint that signs its one user in at once (redirecting back with a code), and a token endpoint that
/// trades the code for an RS256 ID token carrying the nonce it was asked for.
/// </summary>
public sealed class FakeOidcProvider : HttpMessageHandler
{
    public const string Issuer = "https://idp.example.com";
    public const string ClientId = "upstream-client";
    public const string ClientSecret = "upstream-secret";
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "upstream-key" };
    private readonly Dictionary<string, string> _nonces = [];

    /// <summary>The user the provider signs in: its subject and claims.</summary>
    public Dictionary<string, object> User { get; } = new() { ["sub"] = "upstream-user-1", ["email"] = "fed@example.com", ["name"] = "Fed Eral" };

    /// <summary>The token requests the provider answered, for the test to check Cognito's side of the exchange.</summary>
    public List<Dictionary<string, string>> TokenRequests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        switch (path)
        {
            case "/.well-known/openid-configuration":
                return Json(new JsonObject
                {
                    ["issuer"] = Issuer,
                    ["authorization_endpoint"] = Issuer + "/authorize",
                    ["token_endpoint"] = Issuer + "/token",
                    ["jwks_uri"] = Issuer + "/jwks",
                });
            case "/jwks":
                var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(_key);
                return Json(new JsonObject { ["keys"] = new JsonArray(new JsonObject { ["kty"] = "RSA", ["kid"] = jwk.Kid, ["n"] = jwk.N, ["e"] = jwk.E, ["alg"] = "RS256" }) });
            case "/authorize":
                var query = Parse(request.RequestUri.Query.TrimStart('?'));
                var code = Guid.NewGuid().ToString("N");
                _nonces[code] = query["nonce"];
                var back = new HttpResponseMessage(HttpStatusCode.Found);
                back.Headers.Location = new Uri($"{query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(query["state"])}");
                return back;
            case "/token":
                var form = Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
                TokenRequests.Add(form);
                if (!_nonces.Remove(form["code"], out var nonce) || form["client_secret"] != ClientSecret)
                {
                    return Json(new JsonObject { ["error"] = "invalid_grant" }, HttpStatusCode.BadRequest);
                }
                var claims = new Dictionary<string, object>(User) { ["nonce"] = nonce };
                var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
                {
                    Issuer = Issuer,
                    Audience = ClientId,
                    Claims = claims,
                    SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
                    Expires = DateTime.UtcNow.AddHours(1),
                });
                return Json(new JsonObject { ["id_token"] = idToken, ["access_token"] = "upstream-access", ["token_type"] = "Bearer", ["expires_in"] = 3600 });
            default:
                return new HttpResponseMessage(HttpStatusCode.NotFound);
        }
    }

    private static Dictionary<string, string> Parse(string text) =>
        text.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : ""));

    private static HttpResponseMessage Json(JsonObject body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
}
