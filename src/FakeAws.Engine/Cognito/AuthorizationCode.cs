namespace FakeAws.Engine.Cognito;

/// <summary>
/// An authorization code the hosted login handed to a redirect URI: good once, for five minutes, at the
/// token endpoint of the client it was issued to, with the same redirect URI and the PKCE verifier of its challenge.
/// </summary>
internal sealed record AuthorizationCode(
    string ClientId,
    string Username,
    string RedirectUri,
    IReadOnlyList<string> Scopes,
    string? Nonce,
    string? CodeChallenge,
    DateTimeOffset AuthTime,
    DateTimeOffset Expires);

/// <summary>What an <c>/oauth2/authorize</c> (or <c>/login</c>) request asks for, as its query parameters name it.</summary>
internal sealed record AuthorizeRequest(
    string? ResponseType,
    string? ClientId,
    string? RedirectUri,
    string? State,
    string? Scope,
    string? Nonce,
    string? CodeChallenge,
    string? CodeChallengeMethod,
    string? IdentityProvider);

/// <summary>
/// How an authorize request is answered before anyone signs in: an error page on the domain (the
/// client or redirect URI cannot be trusted), an error sent to the redirect URI, or the go-ahead.
/// </summary>
internal sealed record AuthorizeCheck(string? ErrorPage, string? RedirectError, AppClient? Client, IReadOnlyList<string> Scopes);

/// <summary>The token endpoint's form and client authentication.</summary>
internal sealed record TokenRequest(
    string? GrantType,
    string? ClientId,
    string? ClientSecret,
    string? Scope,
    string? Code,
    string? RedirectUri,
    string? CodeVerifier,
    string? RefreshToken);
