namespace FakeAws.Cognito;

/// <summary>The tokens a user pool issued at sign-in (<see cref="FakeCognito.GetTokensAsync"/>).</summary>
/// <param name="IdToken">The ID token (a JWT), as an API Gateway Cognito authorizer takes it.</param>
/// <param name="AccessToken">The access token (a JWT).</param>
/// <param name="RefreshToken">The refresh token.</param>
/// <param name="ExpiresIn">Seconds until the ID and access tokens expire, on the cloud's clock.</param>
public sealed record CognitoTokens(string IdToken, string AccessToken, string? RefreshToken, int ExpiresIn);
