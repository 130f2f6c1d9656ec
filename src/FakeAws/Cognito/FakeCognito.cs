using System.Text.Json.Nodes;
using FakeAws.Engine.Cognito;
using FakeAws.Engine.Core;
using FakeAws.Engine.Cognito.Mfa;
using FakeAws.Protocol;

namespace FakeAws.Cognito;

/// <summary>
/// What a test needs from Cognito without the SDK's package (sign a user up, get their tokens), and what
/// AWS has no API for: the codes and temporary passwords user
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
    /// The feedback token of a threat-protection auth event, which AWS puts in the links of the notification emails it
    /// sends about an event and UpdateAuthEventFeedback takes. FakeAws detects no risk, so it sends no such email: a
    /// test reads the token here (or, against FakeAws.Server, from
    /// <c>GET /_fakeaws-cognito/feedback-token?userPoolId=…&amp;username=…&amp;eventId=…</c>).
    /// </summary>
    /// <example><c>var token = aws.Cognito.AuthEventFeedbackToken(poolId, "ada", eventId);</c></example>
    /// <param name="userPoolId">The pool.</param>
    /// <param name="username">The user the event belongs to (user name, or email or phone as the pool allows).</param>
    /// <param name="eventId">The EventId from AdminListUserAuthEvents.</param>
    /// <returns>The token, or null when the pool, user or event does not exist.</returns>
    public string? AuthEventFeedbackToken(string userPoolId, string username, string eventId) =>
        _engine.FeedbackToken(_cloud.Context.Scope(null), userPoolId, username, eventId);

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

    /// <summary>
    /// Signs a user up through an app client, as SignUp does (the pool's password policy, attribute
    /// rules and pre sign-up trigger apply), then confirms the user as AdminConfirmSignUp does, so the
    /// user can sign in at once. A client with a secret gets its SECRET_HASH computed.
    /// </summary>
    /// <example><c>await aws.Cognito.SignUpAsync(clientId, "ada", "Passw0rd!", new Dictionary&lt;string, string&gt; { ["email"] = "ada@example.com" });</c></example>
    /// <param name="clientId">The app client's id.</param>
    /// <param name="username">The user name (or email or phone number, as the pool's username attributes allow).</param>
    /// <param name="password">The password.</param>
    /// <param name="attributes">User attributes by name, such as <c>email</c>; none when null.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The user's <c>sub</c>.</returns>
    /// <exception cref="AwsServiceException">Cognito refused: no such client, the user exists, the password breaks the policy, ...</exception>
    public async Task<string> SignUpAsync(
        string clientId, string username, string password, IReadOnlyDictionary<string, string>? attributes = null, CancellationToken cancellationToken = default)
    {
        var (poolId, secretHash) = _engine.ClientOf(_cloud.Context.Scope(null), clientId, username);
        var signedUp = await _cloud.CallAsync("cognito-idp", "SignUp", new JsonObject
        {
            ["ClientId"] = clientId,
            ["Username"] = username,
            ["Password"] = password,
            ["SecretHash"] = secretHash,
            ["UserAttributes"] = new JsonArray((attributes ?? new Dictionary<string, string>())
                .Select(a => (JsonNode)new JsonObject { ["Name"] = a.Key, ["Value"] = a.Value }).ToArray()),
        }, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (signedUp?["UserConfirmed"]?.GetValue<bool>() != true)
        {
            await _cloud.CallAsync("cognito-idp", "AdminConfirmSignUp", new JsonObject { ["UserPoolId"] = poolId, ["Username"] = username },
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        return signedUp!["UserSub"]!.GetValue<string>();
    }

    /// <summary>
    /// Signs a user in with their password through an app client (InitiateAuth with
    /// <c>USER_PASSWORD_AUTH</c>, which the client must allow) and returns the tokens.
    /// </summary>
    /// <example><c>var tokens = await aws.Cognito.GetTokensAsync(clientId, "ada", "Passw0rd!");</c></example>
    /// <param name="clientId">The app client's id.</param>
    /// <param name="username">The user name.</param>
    /// <param name="password">The password.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="AwsServiceException">Cognito refused: wrong password, unconfirmed user, the flow not allowed, ...</exception>
    /// <exception cref="InvalidOperationException">Cognito answered with a challenge (MFA, a new password) instead of tokens.</exception>
    public async Task<CognitoTokens> GetTokensAsync(string clientId, string username, string password, CancellationToken cancellationToken = default)
    {
        var (_, secretHash) = _engine.ClientOf(_cloud.Context.Scope(null), clientId, username);
        var parameters = new JsonObject { ["USERNAME"] = username, ["PASSWORD"] = password };
        if (secretHash is not null)
        {
            parameters["SECRET_HASH"] = secretHash;
        }
        var answer = (await _cloud.CallAsync("cognito-idp", "InitiateAuth", new JsonObject
        {
            ["ClientId"] = clientId,
            ["AuthFlow"] = "USER_PASSWORD_AUTH",
            ["AuthParameters"] = parameters,
        }, cancellationToken: cancellationToken).ConfigureAwait(false))!;
        if (answer["AuthenticationResult"] is not { } result)
        {
            throw new InvalidOperationException(
                $"Cognito answered {username}'s sign-in with the challenge {answer["ChallengeName"]}, not tokens: answer it with RespondToAuthChallenge.");
        }
        return new CognitoTokens(
            result["IdToken"]!.GetValue<string>(),
            result["AccessToken"]!.GetValue<string>(),
            result["RefreshToken"]?.GetValue<string>(),
            result["ExpiresIn"]!.GetValue<int>());
    }

    /// <summary>
    /// An HttpClient for a user pool domain's endpoints (<c>/oauth2/authorize</c>, <c>/login</c>,
    /// <c>/oauth2/token</c>, <c>/oauth2/userInfo</c>, <c>/oauth2/revoke</c>, <c>/logout</c>), served in
    /// memory: its base address is the domain's URL, <c>https://{prefix}.auth.{region}.amazoncognito.com</c>
    /// or the custom domain's. It does not follow redirects, so a test reads each <c>Location</c> (the code
    /// and <c>state</c> after the hosted login) itself.
    /// </summary>
    /// <example><c>using var http = aws.Cognito.CreateDomainHttpClient("my-app");</c></example>
    /// <param name="domain">The domain prefix or custom domain given to CreateUserPoolDomain.</param>
    /// <exception cref="InvalidOperationException">No pool of the cloud's account has that domain.</exception>
    public HttpClient CreateDomainHttpClient(string domain)
    {
        var held = _engine.FindDomain(_cloud.Context.AccountId, domain)
            ?? throw new InvalidOperationException($"No user pool has the domain {domain}: create it with CreateUserPoolDomain first.");
        return new HttpClient(new InMemoryHttpHandler(_cloud.Router)) { BaseAddress = new Uri(held.BaseUrl + "/") };
    }

    /// <summary>
    /// The handler a pool's domain reaches federated OIDC identity providers through (their discovery
    /// document, JWKS and token endpoint), when a sign-in goes through <c>/oauth2/authorize?identity_provider=…</c>
    /// and <c>/oauth2/idpresponse</c>: give it a fake provider's handler to sign in without a network. Null (the
    /// default) reaches providers over the network.
    /// </summary>
    public HttpMessageHandler? UpstreamHttpHandler { get; set; }

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
