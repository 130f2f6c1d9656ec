using FakeAws.Engine.Cognito.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// Threat protection's user activity: AdminListUserAuthEvents, AdminUpdateAuthEventFeedback, UpdateAuthEventFeedback,
// and the recording of events while the pool's threat protection is on (UserPoolAddOns AUDIT or ENFORCED). Nothing is
// detected: every event is NoRisk, and no notification email is sent; the feedback token AWS would put in one is
// read through aws.Cognito instead.
internal sealed partial class CognitoIdentityProviderEngine
{
    public AdminListUserAuthEventsResponse AdminListUserAuthEvents(RequestScope scope, AdminListUserAuthEventsRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            CheckThreatProtection(pool);
            var user = User(pool, request.Username);
            var newestFirst = Enumerable.Reverse(user.AuthEvents).ToList();
            var (page, next) = Paging.Page(newestFirst, request.NextToken, request.MaxResults ?? 60, e => e.Description.EventId!);
            return new AdminListUserAuthEventsResponse { AuthEvents = [.. page.Select(e => e.Description.Clone())], NextToken = next };
        }
    }

    public AdminUpdateAuthEventFeedbackResponse AdminUpdateAuthEventFeedback(RequestScope scope, AdminUpdateAuthEventFeedbackRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            CheckThreatProtection(pool);
            var authEvent = AuthEventOf(User(pool, request.Username), request.EventId!);
            authEvent.Description.EventFeedback = new EventFeedbackType { FeedbackValue = request.FeedbackValue, Provider = "Admin", FeedbackDate = Now };
            return new AdminUpdateAuthEventFeedbackResponse();
        }
    }

    public UpdateAuthEventFeedbackResponse UpdateAuthEventFeedback(RequestScope scope, UpdateAuthEventFeedbackRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            CheckThreatProtection(pool);
            var authEvent = AuthEventOf(User(pool, request.Username), request.EventId!);
            if (!string.Equals(authEvent.FeedbackToken, request.FeedbackToken, StringComparison.Ordinal))
            {
                throw CognitoErrors.NotAuthorized("Invalid feedback token.");
            }
            authEvent.Description.EventFeedback = new EventFeedbackType { FeedbackValue = request.FeedbackValue, Provider = "User", FeedbackDate = Now };
            return new UpdateAuthEventFeedbackResponse();
        }
    }

    /// <summary>
    /// The token UpdateAuthEventFeedback takes for an event, which AWS sends the user in its notification emails;
    /// null when the pool, user or event does not exist.
    /// </summary>
    public string? FeedbackToken(RequestScope scope, string userPoolId, string username, string eventId)
    {
        if (!_regions[scope].Pools.TryGetValue(userPoolId, out var pool))
        {
            return null;
        }
        lock (pool.Gate)
        {
            return pool.Find(username)?.AuthEvents.FirstOrDefault(e => e.Description.EventId == eventId)?.FeedbackToken;
        }
    }

    private static bool ThreatProtectionOn(UserPool pool) => pool.Description.UserPoolAddOns?.AdvancedSecurityMode is "AUDIT" or "ENFORCED";

    private static void CheckThreatProtection(UserPool pool)
    {
        if (!ThreatProtectionOn(pool))
        {
            throw CognitoErrors.AddOnNotEnabled();
        }
    }

    private static AuthEvent AuthEventOf(PoolUser user, string eventId) =>
        user.AuthEvents.FirstOrDefault(e => e.Description.EventId == eventId) ?? throw CognitoErrors.AuthEventNotFound(eventId);

    /// <summary>What the event shows of where the request came from: the IP address the app passed on, when it did.</summary>
    private static EventContextDataType? EventContext(string? ipAddress) => ipAddress is null ? null : new EventContextDataType { IpAddress = ipAddress };

    /// <summary>
    /// Records an event for a user of a pool whose threat protection is on; nothing otherwise, or when the user
    /// does not exist. Returns the event's id.
    /// </summary>
    private string? RecordAuthEvent(UserPool pool, string? username, string eventType, string response, string? ipAddress,
        params ChallengeResponseType[] challenges)
    {
        if (!ThreatProtectionOn(pool) || username is null)
        {
            return null;
        }
        lock (pool.Gate)
        {
            if (pool.Find(username) is not { } user)
            {
                return null;
            }
            var description = new AuthEventType
            {
                EventId = _cloud.Ids.NewGuid().ToString(),
                EventType = eventType,
                CreationDate = Now,
                EventResponse = response,
                EventRisk = new EventRiskType { RiskDecision = "NoRisk", CompromisedCredentialsDetected = false },
                ChallengeResponses = [.. challenges],
                EventContextData = EventContext(ipAddress),
            };
            user.AuthEvents.Add(new AuthEvent(description, Tokens.Base64Url.Encode(_cloud.Ids.NewBytes(32))));
            return description.EventId;
        }
    }

    /// <summary>
    /// Runs one step of a sign-in (InitiateAuth, RespondToAuthChallenge and their admin forms) and keeps its SignIn
    /// event: a password that checks out starts the event (Pass with tokens, InProgress with a challenge still to answer),
    /// a wrong one records a failure; an MFA answer finishes the event its session carries. Refreshes are not sign-ins.
    /// </summary>
    /// <param name="pool">The pool.</param>
    /// <param name="step">The flow (AuthFlow) or the challenge answered (ChallengeName).</param>
    /// <param name="username">The user the request names, if it names one.</param>
    /// <param name="session">The session answered, if any.</param>
    /// <param name="checksPassword">Whether this step checks the user's password.</param>
    /// <param name="ipAddress">The IP address from the request's context data.</param>
    /// <param name="run">The step.</param>
    private async Task<AuthOutcome> SignInStepAsync(UserPool pool, string step, string? username, string? session, bool checksPassword, string? ipAddress,
        Func<Task<AuthOutcome>> run)
    {
        if (!ThreatProtectionOn(pool) || step is "REFRESH_TOKEN_AUTH" or "REFRESH_TOKEN")
        {
            return await run().ConfigureAwait(false);
        }
        string? eventId = null;
        lock (pool.Gate)
        {
            if (session is not null && pool.Sessions.TryGetValue(session, out var answered))
            {
                eventId = answered.AuthEventId;
                username ??= answered.Username;
            }
        }
        var mfa = step is "SMS_MFA" or "SOFTWARE_TOKEN_MFA" or "EMAIL_OTP";
        AuthOutcome outcome;
        try
        {
            outcome = await run().ConfigureAwait(false);
        }
        // Only a wrong password or MFA code fails the sign-in's event: a bad SECRET_HASH or session never reached the user.
        catch (AwsServiceException e) when (e.Code == "CodeMismatchException" && mfa && eventId is not null)
        {
            UpdateSignIn(pool, username, eventId, "Fail", MfaChallenge("Failure"));
            throw;
        }
        catch (AwsServiceException e) when (e.Code == "NotAuthorizedException" && e.Message == CognitoErrors.IncorrectCredentialsMessage && checksPassword)
        {
            if (eventId is not null)
            {
                UpdateSignIn(pool, username, eventId, "Fail", null);
            }
            else
            {
                RecordAuthEvent(pool, username, "SignIn", "Fail", ipAddress, PasswordChallenge("Failure"));
            }
            throw;
        }
        var response = outcome.Result is null ? "InProgress" : "Pass";
        if (eventId is not null)
        {
            UpdateSignIn(pool, username, eventId, response, mfa ? MfaChallenge("Success") : null);
        }
        else if (checksPassword)
        {
            eventId = RecordAuthEvent(pool, username, "SignIn", response, ipAddress, PasswordChallenge("Success"));
        }
        if (eventId is not null && outcome.Session is { } next)
        {
            lock (pool.Gate)
            {
                if (pool.Sessions.TryGetValue(next, out var following))
                {
                    following.AuthEventId = eventId;
                }
            }
        }
        return outcome;
    }

    private static ChallengeResponseType PasswordChallenge(string response) => new() { ChallengeName = "Password", ChallengeResponse = response };

    private static ChallengeResponseType MfaChallenge(string response) => new() { ChallengeName = "Mfa", ChallengeResponse = response };

    /// <summary>Whether a flow or a challenge answer checks the user's password (USER_AUTH when it names one).</summary>
    private static bool ChecksPassword(string step, Dictionary<string, string> parameters) =>
        step is "USER_PASSWORD_AUTH" or "ADMIN_USER_PASSWORD_AUTH" or "ADMIN_NO_SRP_AUTH" or "PASSWORD_VERIFIER" or "PASSWORD"
        || step == "USER_AUTH" && parameters.ContainsKey("PASSWORD");

    private static void UpdateSignIn(UserPool pool, string? username, string eventId, string response, ChallengeResponseType? challenge)
    {
        lock (pool.Gate)
        {
            if (username is not null && pool.Find(username)?.AuthEvents.FirstOrDefault(e => e.Description.EventId == eventId) is { } authEvent)
            {
                authEvent.Description.EventResponse = response;
                if (challenge is not null)
                {
                    authEvent.Description.ChallengeResponses = [.. authEvent.Description.ChallengeResponses ?? [], challenge];
                }
            }
        }
    }
}
