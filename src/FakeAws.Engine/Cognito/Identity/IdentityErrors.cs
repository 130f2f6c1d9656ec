using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito.Identity;

/// <summary>Errors of Cognito identity pools, worded as AWS words them.</summary>
internal static class IdentityErrors
{
    public static AwsServiceException PoolNotFound(string id) => new("ResourceNotFoundException", $"IdentityPool '{id}' not found.");

    public static AwsServiceException IdentityNotFound(string id) => new("ResourceNotFoundException", $"Identity '{id}' not found.");

    public static AwsServiceException NotAuthorized(string message) => new("NotAuthorizedException", message);

    public static AwsServiceException UnauthenticatedNotAllowed() => NotAuthorized("Unauthenticated access is not supported for this identity pool.");

    public static AwsServiceException LoginsDoNotMatch() =>
        NotAuthorized("Logins don't match. Please include at least one valid login for this identity or identity pool.");

    public static AwsServiceException UnsupportedProvider() => NotAuthorized("Token is not from a supported provider of this identity pool.");

    public static AwsServiceException InvalidConfiguration() =>
        new("InvalidIdentityPoolConfigurationException", "Invalid identity pool configuration. Check assigned IAM roles for this pool.");

    public static AwsServiceException InvalidParameter(string message) => new("InvalidParameterException", message);

    // Developer identities; AWS's texts for these were not found (docs/COGNITO.md, "Unverified").
    public static AwsServiceException LoginLinkedElsewhere(string provider) =>
        new("ResourceConflictException", $"The login for {provider} is already linked to another identity.");

    public static AwsServiceException DeveloperUserNotFound(string identifier) =>
        new("ResourceNotFoundException", $"Developer user identifier '{identifier}' not found.");

    public static AwsServiceException DeveloperProviderMismatch() =>
        NotAuthorized("The developer provider name does not match the identity pool's developer provider name.");
}
