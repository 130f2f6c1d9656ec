namespace FakeAws.Engine.Cognito;

/// <summary>A message a pool "sent" by email or SMS: a code, a temporary password or an MFA code.</summary>
internal sealed record SentMessage(
    string UserPoolId,
    string Username,
    string Destination,
    string DeliveryMedium,
    string Code,
    string Purpose,
    string? Subject,
    string Body,
    DateTimeOffset SentAt);

/// <summary>Every message the pools of a cloud have sent, in order; tests read codes from it.</summary>
internal sealed class CognitoOutbox
{
    private readonly List<SentMessage> _messages = [];

    public void Add(SentMessage message)
    {
        lock (_messages)
        {
            _messages.Add(message);
        }
    }

    public IReadOnlyList<SentMessage> SentTo(string userPoolId, string username)
    {
        lock (_messages)
        {
            return _messages.Where(m => m.UserPoolId == userPoolId &&
                (string.Equals(m.Username, username, StringComparison.OrdinalIgnoreCase) || string.Equals(m.Destination, username, StringComparison.OrdinalIgnoreCase)))
                .ToList();
        }
    }

    public IReadOnlyList<SentMessage> All()
    {
        lock (_messages)
        {
            return _messages.ToList();
        }
    }

    public void Clear()
    {
        lock (_messages)
        {
            _messages.Clear();
        }
    }
}
