namespace FakeAws.Engine.Cognito;

/// <summary>
/// An error of a user pool domain's OAuth 2.0 endpoints, answered as RFC 6749 §5.2 words it:
/// <c>{"error":"invalid_grant"}</c> with the status AWS uses (400, or 401 at userInfo).
/// </summary>
internal sealed class OAuthException(string error, int status = 400, string? description = null) : Exception(description ?? error)
{
    /// <summary>The RFC 6749 error code: invalid_request, invalid_client, invalid_grant, unauthorized_client, unsupported_grant_type, invalid_scope, invalid_token.</summary>
    public string Error { get; } = error;

    public int Status { get; } = status;

    /// <summary>The <c>error_description</c>, where AWS sends one.</summary>
    public string? Description { get; } = description;
}
