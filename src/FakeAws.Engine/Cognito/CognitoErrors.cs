using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

/// <summary>
/// Every error the Cognito user-pool and identity-pool engines raise, worded as AWS words them.
/// Cognito's error <c>__type</c> is the bare code, and its request validation failures are
/// <c>InvalidParameterException</c> rather than Coral's ValidationException.
/// </summary>
internal static class CognitoErrors
{
    private static AwsServiceException Error(string code, string message, int status = 400) => new(code, message, status);

    public static AwsServiceException InvalidParameter(string message) => Error("InvalidParameterException", message);

    public static AwsServiceException NotAuthorized(string message) => Error("NotAuthorizedException", message);

    public static AwsServiceException ResourceNotFound(string message) => Error("ResourceNotFoundException", message);

    public static AwsServiceException PoolNotFound(string poolId) => ResourceNotFound($"User pool {poolId} does not exist.");

    public static AwsServiceException ClientNotFound(string clientId) => ResourceNotFound($"User pool client {clientId} does not exist.");

    public static AwsServiceException ClientSecretNotFound(string secretId) => ResourceNotFound($"Client secret {secretId} does not exist.");

    public static AwsServiceException PublicClient(string clientId) =>
        InvalidParameter($"User pool client {clientId} does not have a client secret; secrets can be added only to a confidential client.");

    public static AwsServiceException TooManyClientSecrets(string clientId) =>
        Error("LimitExceededException", $"User pool client {clientId} already has the maximum of {AppClient.MaxSecrets} client secrets.");

    public static AwsServiceException LastClientSecret(string clientId) =>
        InvalidParameter($"The last client secret of user pool client {clientId} cannot be deleted.");

    public static AwsServiceException AddOnNotEnabled() =>
        Error("UserPoolAddOnNotEnabledException", "Advanced security features are not enabled for this user pool.");

    public static AwsServiceException AuthEventNotFound(string eventId) => ResourceNotFound($"Auth event {eventId} does not exist.");

    public static AwsServiceException GroupNotFound() => ResourceNotFound("Group not found.");

    public static AwsServiceException GroupExists(string name) => Error("GroupExistsException", $"A group with the name {name} already exists.");

    public static AwsServiceException UserNotFound() => Error("UserNotFoundException", "User does not exist.");

    /// <summary>SignUp says "User already exists", AdminCreateUser "User account already exists".</summary>
    public static AwsServiceException UsernameExists(string message) => Error("UsernameExistsException", message);

    public static AwsServiceException SignInAttributeExists(string attribute) =>
        Error("UsernameExistsException", $"An account with the given {(attribute == "email" ? "email" : "phone_number")} already exists.");

    public static AwsServiceException UsernameClientNotFound() => Error("UserNotFoundException", "Username/client id combination not found.");

    public static AwsServiceException TokenRevocationDisabled() => Error("UnsupportedOperationException", "Token revocation is not enabled for this app client.");

    public static AwsServiceException TokenOfOtherClient() => Error("UnauthorizedException", "The refresh token was not issued to this client.");

    public static AwsServiceException AliasExists(string attribute) =>
        Error("AliasExistsException", $"An account with the given {(attribute == "phone_number" ? "phone_number" : "email")} already exists.");

    public static AwsServiceException UserNotConfirmed() => Error("UserNotConfirmedException", "User is not confirmed.");

    public static AwsServiceException PasswordResetRequired() => Error("PasswordResetRequiredException", "Password reset required for the user");

    /// <summary>What a wrong password (or an unknown user, when the client prevents user existence errors) is told.</summary>
    public const string IncorrectCredentialsMessage = "Incorrect username or password.";

    public static AwsServiceException IncorrectCredentials() => NotAuthorized(IncorrectCredentialsMessage);

    public static AwsServiceException UserDisabled() => NotAuthorized("User is disabled.");

    public static AwsServiceException CodeMismatch() => Error("CodeMismatchException", "Invalid verification code provided, please try again.");

    public static AwsServiceException MfaCodeMismatch() => Error("CodeMismatchException", "Invalid code received for user");

    public static AwsServiceException ExpiredCode() => Error("ExpiredCodeException", "Invalid code provided, please request a code again.");

    public static AwsServiceException InvalidPassword(string reason) => Error("InvalidPasswordException", $"Password did not conform with policy: {reason}");

    public static AwsServiceException InvalidSession() => NotAuthorized("Invalid session for the user.");

    public static AwsServiceException ExpiredSession() => NotAuthorized("Invalid session for the user, session is expired.");

    public static AwsServiceException InvalidAccessToken() => NotAuthorized("Invalid Access Token");

    public static AwsServiceException ExpiredAccessToken() => NotAuthorized("Access Token has expired");

    public static AwsServiceException RevokedAccessToken() => NotAuthorized("Access Token has been revoked");

    public static AwsServiceException InvalidRefreshToken() => NotAuthorized("Invalid Refresh Token");

    public static AwsServiceException RevokedRefreshToken() => NotAuthorized("Refresh Token has been revoked");

    public static AwsServiceException SecretHashMissing(string clientId) =>
        NotAuthorized($"Client {clientId} is configured with secret but SECRET_HASH was not received");

    public static AwsServiceException SecretHashMismatch(string clientId) => NotAuthorized($"Unable to verify secret hash for client {clientId}");

    public static AwsServiceException FlowNotEnabled(string flow) => InvalidParameter(
        flow == "USER_PASSWORD_AUTH" ? "USER_PASSWORD_AUTH flow not enabled for this client" : "Auth flow not enabled for this client");

    public static AwsServiceException MissingAuthParameter(string name) => InvalidParameter($"Missing required parameter {name}");

    public static AwsServiceException InvalidTokenValidity() => InvalidParameter("Invalid range for token validity.");

    public static AwsServiceException SchemaViolation(IEnumerable<string> problems) =>
        InvalidParameter("Attributes did not conform to the schema: " + string.Concat(problems.Select(p => p + "\n")));

    public static AwsServiceException SoftwareTokenNotEnabled() => Error("SoftwareTokenMFANotFoundException", "Software Token MFA has not been enabled by the user.");

    public static AwsServiceException EnableSoftwareTokenMfaFailed() => Error("EnableSoftwareTokenMFAException", "Code mismatch");

    public static AwsServiceException UserLambdaValidation(string trigger, string message) =>
        Error("UserLambdaValidationException", $"{trigger} failed with error {message}.");

    public static AwsServiceException TriggerNotBound(string trigger, string arn) => Error("UnexpectedLambdaException",
        $"FakeAws cannot run the {trigger} trigger {arn}: no Lambda invoker is bound to Cognito in this cloud.");

    /// <summary>A feature of an otherwise supported operation that FakeAws cannot provide.</summary>
    public static AwsServiceException Unsupported(string feature) => NotSupported.Error("InvalidParameterException", feature);

    public static AwsServiceException DeletionProtected() => InvalidParameter("The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.");

    public static AwsServiceException UnsupportedUserState(string status) =>
        Error("UnsupportedUserStateException", $"User status is {status}, it must be FORCE_CHANGE_PASSWORD to resend the invitation.");

    public static AwsServiceException PreconditionNotMet(string message) => Error("PreconditionNotMetException", message);

    public static AwsServiceException ScopeDoesNotExist(string scope) => Error("ScopeDoesNotExistException", $"Invalid scope requested: {scope}");

    public static AwsServiceException InvalidOAuthFlow(string message) => Error("InvalidOAuthFlowException", message);

    public static AwsServiceException DeviceNotFound() => ResourceNotFound("Device does not exist.");

    public static AwsServiceException DuplicateProvider(string message) => Error("DuplicateProviderException", message);

    // WebAuthn (passkeys). AWS's texts for these were not found; see docs/COGNITO.md, "Unverified".
    public static AwsServiceException WebAuthnNotEnabled() =>
        Error("WebAuthnNotEnabledException", "Passkey sign-in is not enabled for this user pool: its SignInPolicy does not allow WEB_AUTHN.");

    public static AwsServiceException WebAuthnConfigurationMissing() =>
        Error("WebAuthnConfigurationMissingException", "The user pool has neither a WebAuthn relying party ID nor a domain.");

    public static AwsServiceException WebAuthnChallengeNotFound() =>
        Error("WebAuthnChallengeNotFoundException", "No passkey registration challenge is waiting for this credential: start the registration again.");

    public static AwsServiceException WebAuthnClientMismatch() =>
        Error("WebAuthnClientMismatchException", "The access token was issued to another app client than the one that started the passkey registration.");

    public static AwsServiceException WebAuthnRelyingPartyMismatch(string rpId) =>
        Error("WebAuthnRelyingPartyMismatchException", $"The credential was not made for the user pool's relying party {rpId}.");

    public static AwsServiceException WebAuthnOriginNotAllowed(string origin) =>
        Error("WebAuthnOriginNotAllowedException", $"The credential's origin {origin} is not allowed for the user pool's relying party.");

    public static AwsServiceException WebAuthnCredentialNotSupported(string reason) =>
        Error("WebAuthnCredentialNotSupportedException", $"The passkey credential is not supported: {reason}.");
}
