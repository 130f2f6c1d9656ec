using FakeAws.Engine.Cognito;
using FakeAws.Engine.Cognito.Mfa;
using FakeAws.Protocol;

namespace FakeAws.Cognito;

/// <summary>
/// What a test needs from Cognito that AWS has no API for: the codes and temporary passwords user
/// pools "sent" by email or SMS, current TOTP codes on the cloud's clock, and an HTTP handler that
/// serves the pools' JWKS and OpenID discovery documents. Reach it as <c>aws.Cognito</c>.
/// </summary>
public sealed class FakeCognito
{
    private readonly FakeAwsCloud _cloud;
    private readonly CognitoIdentityProviderEngine _engine;

    internal FakeCognito(FakeAwsCloud cloud, CognitoIdentityProviderEngine engine)
    {
        _cloud = cloud;
        _engine = engine;
    }

    /// <summary>
    /// The last code sent to a user of a pool: a sign-up or attribute confirmation code, a password
    /// reset code, an SMS MFA code, or the temporary password of an AdminCreateUser invitation.
    /// </summary>
    /// <param name="userPoolId">The pool, for example <c>us-east-1_AbCdEfGhI</c>.</param>
    /// <param name="username">The user name, or the email or phone number the message went to.</param>
    /// <returns>The message, or null when nothing was sent to that user.</returns>
    public CognitoMessage? LastCodeSentTo(string userPoolId, string username) => MessagesSentTo(userPoolId, username).LastOrDefault();

    /// <summary>Every message sent to a user of a pool, oldest first.</summary>
    /// <param name="userPoolId">The pool.</param>
    /// <param name="username">The user name, or the email or phone number the messages went to.</param>
    public IReadOnlyList<CognitoMessage> MessagesSentTo(string userPoolId, string username) =>
        _engine.Outbox.SentTo(userPoolId, username).Select(ToPublic).ToList();

    /// <summary>Every message every pool of the cloud has sent, oldest first.</summary>
    public IReadOnlyList<CognitoMessage> SentMessages => _engine.Outbox.All().Select(ToPublic).ToList();

    /// <summary>
    /// The TOTP code an authenticator app would show now, on the cloud's clock, for the
    /// <c>SecretCode</c> that AssociateSoftwareToken returned.
    /// </summary>
    /// <param name="secretCode">The base32 secret from AssociateSoftwareToken.</param>
    public string TotpCode(string secretCode) => Totp.Code(Totp.FromBase32(secretCode), _cloud.Clock.GetUtcNow());

    /// <summary>
    /// An HttpMessageHandler that serves <c>/{poolId}/.well-known/jwks.json</c> and
    /// <c>/{poolId}/.well-known/openid-configuration</c> for any host, including the pools' real issuer
    /// URLs. Give it to <c>JwtBearerOptions.BackchannelHttpHandler</c> with the issuer as authority.
    /// </summary>
    public HttpMessageHandler CreateJwksHttpHandler() => new InMemoryHttpHandler(_cloud.Router);

    /// <summary>The issuer (<c>iss</c>) of a pool's tokens: <c>https://cognito-idp.{region}.amazonaws.com/{poolId}</c>.</summary>
    /// <param name="userPoolId">The pool.</param>
    public static string Issuer(string userPoolId) => CognitoIdentityProviderEngine.Issuer(userPoolId);

    private static CognitoMessage ToPublic(SentMessage m) =>
        new(m.UserPoolId, m.Username, m.Destination, m.DeliveryMedium, m.Code, m.Purpose, m.Subject, m.Body, m.SentAt);
}

/// <summary>A message a user pool "sent".</summary>
/// <param name="UserPoolId">The pool that sent it.</param>
/// <param name="Username">The user it was for (the UUID user name in pools that sign in with email or phone).</param>
/// <param name="Destination">The email address or phone number, unmasked.</param>
/// <param name="DeliveryMedium"><c>EMAIL</c> or <c>SMS</c>.</param>
/// <param name="Code">The code (or, for invitations, the temporary password).</param>
/// <param name="Purpose"><c>SignUp</c>, <c>ForgotPassword</c>, <c>VerifyAttribute</c>, <c>Authentication</c> (SMS MFA) or <c>Invitation</c>.</param>
/// <param name="Subject">The email subject; null for SMS.</param>
/// <param name="Body">The message text, after the CustomMessage trigger.</param>
/// <param name="SentAt">When it was sent, on the cloud's clock.</param>
public sealed record CognitoMessage(
    string UserPoolId,
    string Username,
    string Destination,
    string DeliveryMedium,
    string Code,
    string Purpose,
    string? Subject,
    string Body,
    DateTimeOffset SentAt);
