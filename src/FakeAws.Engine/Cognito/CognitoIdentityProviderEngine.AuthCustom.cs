using System.Text.Json.Nodes;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// CUSTOM_AUTH: the DefineAuthChallenge trigger decides each step, CreateAuthChallenge makes the
// question, VerifyAuthChallengeResponse judges the answer.
internal sealed partial class CognitoIdentityProviderEngine
{
    private async Task<AuthOutcome> CustomStartAsync(RequestScope scope, UserPool pool, AppClient client, Dictionary<string, string> parameters,
        Dictionary<string, string>? metadata, CancellationToken ct)
    {
        var username = Parameter(parameters, "USERNAME");
        CheckSecretHash(client, username, parameters.GetValueOrDefault("SECRET_HASH"));
        if (parameters.ContainsKey("SRP_A"))
        {
            throw CognitoErrors.Unsupported("CUSTOM_AUTH that begins with SRP");
        }
        if (pool.Lambda.DefineAuthChallenge is null)
        {
            throw CognitoErrors.InvalidParameter("Custom auth lambda trigger is not configured for the user pool.");
        }
        var user = SigningInUser(pool, client, username);
        await PreAuthenticationAsync(scope, pool, client, user, metadata, ct).ConfigureAwait(false);
        lock (pool.Gate)
        {
            if (!user.Enabled)
            {
                throw CognitoErrors.UserDisabled();
            }
            if (user.Status == UserStatus.Unconfirmed)
            {
                throw CognitoErrors.UserNotConfirmed();
            }
        }
        return await CustomStepAsync(scope, pool, client, user, SessionFor(user, client, "CUSTOM_CHALLENGE"), metadata, ct).ConfigureAwait(false);
    }

    private async Task<AuthOutcome> CustomAnswerAsync(RequestScope scope, UserPool pool, AppClient client, string session, AuthSession auth,
        Dictionary<string, string> responses, Dictionary<string, string>? metadata, CancellationToken ct)
    {
        var answer = Parameter(responses, "ANSWER");
        PoolUser user;
        lock (pool.Gate)
        {
            user = pool.Users.GetValueOrDefault(auth.Username) ?? throw CognitoErrors.UserNotFound();
            pool.Sessions.Remove(session);
        }
        var verdict = await RunTriggerAsync(scope, pool, "VerifyAuthChallengeResponse", "VerifyAuthChallengeResponse_Authentication", user.Username, client.Id,
            new JsonObject
            {
                ["userAttributes"] = EventAttributes(pool, user),
                ["privateChallengeParameters"] = auth.PrivateChallengeParameters?.DeepClone() ?? new JsonObject(),
                ["challengeAnswer"] = answer,
                ["clientMetadata"] = StringMap(metadata),
                ["userNotFound"] = false,
            }, ct, new JsonObject { ["answerCorrect"] = false }).ConfigureAwait(false);
        auth.CustomHistory.Add(new JsonObject
        {
            ["challengeName"] = "CUSTOM_CHALLENGE",
            ["challengeResult"] = Flag(verdict, "answerCorrect"),
            ["challengeMetadata"] = auth.ChallengeMetadata,
        });
        var next = SessionFor(user, client, "CUSTOM_CHALLENGE");
        foreach (var step in auth.CustomHistory)
        {
            next.CustomHistory.Add(step!.DeepClone());
        }
        return await CustomStepAsync(scope, pool, client, user, next, metadata, ct).ConfigureAwait(false);
    }

    private async Task<AuthOutcome> CustomStepAsync(RequestScope scope, UserPool pool, AppClient client, PoolUser user, AuthSession session,
        Dictionary<string, string>? metadata, CancellationToken ct)
    {
        var decision = await RunTriggerAsync(scope, pool, "DefineAuthChallenge", "DefineAuthChallenge_Authentication", user.Username, client.Id, new JsonObject
        {
            ["userAttributes"] = EventAttributes(pool, user),
            ["session"] = session.CustomHistory.DeepClone(),
            ["clientMetadata"] = StringMap(metadata),
            ["userNotFound"] = false,
        }, ct, new JsonObject { ["challengeName"] = null, ["issueTokens"] = false, ["failAuthentication"] = false }).ConfigureAwait(false);
        if (Flag(decision, "failAuthentication"))
        {
            throw CognitoErrors.IncorrectCredentials();
        }
        if (Flag(decision, "issueTokens"))
        {
            return await SucceedAsync(scope, pool, client, user, "TokenGeneration_Authentication", metadata, ct).ConfigureAwait(false);
        }
        var challenge = Text(decision, "challengeName");
        if (challenge != "CUSTOM_CHALLENGE")
        {
            throw challenge is null
                ? CognitoErrors.UserLambdaValidation("DefineAuthChallenge", "the function returned no challengeName, issueTokens or failAuthentication")
                : CognitoErrors.Unsupported($"the {challenge} challenge inside CUSTOM_AUTH");
        }
        var created = await RunTriggerAsync(scope, pool, "CreateAuthChallenge", "CreateAuthChallenge_Authentication", user.Username, client.Id, new JsonObject
        {
            ["userAttributes"] = EventAttributes(pool, user),
            ["challengeName"] = challenge,
            ["session"] = session.CustomHistory.DeepClone(),
            ["clientMetadata"] = StringMap(metadata),
            ["userNotFound"] = false,
        }, ct, new JsonObject { ["publicChallengeParameters"] = new JsonObject(), ["privateChallengeParameters"] = new JsonObject(), ["challengeMetadata"] = null })
            .ConfigureAwait(false);
        session.PrivateChallengeParameters = created?["privateChallengeParameters"]?.DeepClone();
        session.ChallengeMetadata = Text(created, "challengeMetadata");
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (created?["publicChallengeParameters"] is JsonObject visible)
        {
            foreach (var (name, value) in visible)
            {
                parameters[name] = value?.ToString() ?? "";
            }
        }
        parameters["USERNAME"] = user.Username;
        return new AuthOutcome("CUSTOM_CHALLENGE", NewSession(pool, client, session), parameters, null);
    }
}
