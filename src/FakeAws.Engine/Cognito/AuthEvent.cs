using FakeAws.Engine.Cognito.Model;

namespace FakeAws.Engine.Cognito;

/// <summary>
/// One event of a user's threat-protection history (AdminListUserAuthEvents), and the token that lets the user
/// answer whether it was them (UpdateAuthEventFeedback), which AWS puts in the links of its notification emails.
/// </summary>
internal sealed class AuthEvent(AuthEventType description, string feedbackToken)
{
    public AuthEventType Description { get; } = description;

    public string FeedbackToken { get; } = feedbackToken;
}
